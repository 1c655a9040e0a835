// The open suggestions kept up to date edit by edit (open-suggestions.ts) through EditorState,
// without a view: after every tag, change, delete, undo, redo, link, accept and reject the plugin's
// `open` equals what the shared rule (`filterSuggestions`) gives for the whole document, and an edit
// far from every suggestion leaves the open list as it was (the same array, so nothing redraws).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Command, EditorState } from 'prosemirror-state'
import { describe, expect, it } from 'vitest'
import { defaultSchema } from '../../../src/shared/default-schema'
import type { Block, Relation, Span } from '../../../src/shared/model'
import { filterSuggestions, suggest, type Suggestion } from '../../../src/shared/suggest'
import { annotationKey, annotationsOf } from '../../../src/renderer/src/editor/annotation-plugin'
import {
  addRelation,
  addSpan,
  redo,
  rejectSuggestions,
  removeRelation,
  removeSpan,
  undo,
  updateSpan,
} from '../../../src/renderer/src/editor/commands'
import { createArticleState } from '../../../src/renderer/src/editor/state'
import {
  acceptSuggestion,
  rejectSuggestion,
  setSuggestionKinds,
  setSuggestions,
} from '../../../src/renderer/src/suggestions/suggestion-commands'
import {
  suggestionKey,
  suggestionPlugin,
} from '../../../src/renderer/src/suggestions/suggestion-plugin'
import { EMPTY, relationOf, spanOf } from '../editor/fixtures'
import { seededRandom as random } from '../../../src/shared/seeded-random'

const SEED = path.join(__dirname, '../../../resources/seeds/russia-north-korea-alliance.txt')

function article(): { text: string; blocks: Block[] } {
  const text = readFileSync(SEED, 'utf8')
  const blocks: Block[] = []
  for (const m of text.matchAll(/[^\n]+/g))
    blocks.push({ type: 'paragraph', start: m.index, end: m.index + m[0].length })
  return { text, blocks }
}

function apply(state: EditorState, command: Command): EditorState {
  let next = state
  command(state, (tr) => {
    next = next.apply(tr)
  })
  return next
}

const open = (state: EditorState) => suggestionKey.getState(state)!.open

/** The article with no annotations and the suggestion plugin made with `options`. */
function articleState(
  doc: { text: string; blocks: Block[] },
  options: Parameters<typeof suggestionPlugin>[0] = {},
): EditorState {
  return createArticleState({
    document: doc,
    schema: defaultSchema(),
    initial: EMPTY,
    plugins: [suggestionPlugin(options)],
  })
}

/** What the shared rule says is open, of the kinds the plugin shows. */
function expected(state: EditorState, all: readonly Suggestion[]): Suggestion[] {
  const st = suggestionKey.getState(state)!
  const ann = annotationKey.getState(state)!
  return filterSuggestions(all, {
    annotations: annotationsOf(state),
    rejected: ann.rejected,
  }).filter((s) => st.kinds.has(s.kind))
}

describe('open suggestions, edit by edit', () => {
  const doc = article()
  const schema = defaultSchema()
  const all = suggest({ text: doc.text, blocks: doc.blocks, schema, entities: [] })

  it('has suggestions with links to work with', () => {
    expect(all.length).toBeGreaterThan(20)
    expect(all.some((s) => s.links.some((l) => l.suggestionId))).toBe(true)
  })

  it('matches the shared filter after every kind of edit', () => {
    let state = articleState(doc, { shown: true })
    state = apply(state, setSuggestions(all))
    expect(open(state)).toEqual(expected(state, all))
    const edits = randomEdits(doc.text, all, random(7))
    for (let step = 0; step < 160; step++) {
      state = edits(state, step)
      expect(open(state), `step ${step}`).toEqual(expected(state, all))
      // The outlines drawn are exactly the open suggestions.
      const outlined = suggestionKey
        .getState(state)!
        .decorations.find()
        .map((d) => (d.spec as { suggestionId: string }).suggestionId)
      const pending = suggestionKey.getState(state)!.pending.map((s) => s.id)
      expect(new Set([...outlined, ...pending]), `outlines at step ${step}`).toEqual(
        new Set(open(state).map((s) => s.id)),
      )
    }
  })

  it('keeps the same open list when an edit is far from every suggestion', () => {
    let state = articleState(doc)
    state = apply(state, setSuggestions(all))
    // A sentiment span on text no sentiment suggestion covers.
    const covered = (at: number) =>
      all.some((s) => s.layer === 'sentiment' && s.end > at && s.start < at + 3)
    let at = 0
    while (covered(at)) at++
    const before = open(state)
    state = apply(state, addSpan(spanOf(doc.text, 'far', at, at + 3, 'sentiment')))
    expect(annotationKey.getState(state)!.spans.has('far')).toBe(true)
    expect(open(state)).toBe(before)
  })
})

/**
 * A random edit per call: spans over or near suggestions' text, removals, notes, undo and redo,
 * relations, accepts, rejects and kinds switched back and forth.
 */
function randomEdits(text: string, all: readonly Suggestion[], rand: () => number) {
  let n = 0
  const ids: string[] = []
  const relations: Relation[] = []
  return (current: EditorState, step: number): EditorState => {
    let state = current
    const r = rand()
    const before = state
    if (r < 0.3) {
      // A span over a suggestion's text (it becomes annotated) or near it (it may not).
      const s = all[Math.floor(rand() * all.length)]
      const shift = Math.floor(rand() * 6) - 3
      const start = Math.max(0, s.start + shift)
      const end = Math.min(text.length, Math.max(start + 1, s.end + shift))
      const span: Span = spanOf(text, `s${n++}`, start, end, s.layer)
      state = apply(state, addSpan(span))
      if (state !== before) ids.push(span.id)
    } else if (r < 0.4 && ids.length > 0) {
      state = apply(state, removeSpan(ids.splice(Math.floor(rand() * ids.length), 1)[0]))
    } else if (r < 0.5 && ids.length > 0) {
      const id = ids[Math.floor(rand() * ids.length)]
      state = apply(state, updateSpan(id, { attributes: { note: `n${step}` } }))
    } else if (r < 0.6) {
      state = apply(state, rand() < 0.5 ? undo : redo)
    } else if (r < 0.7 && ids.length > 1) {
      const from = ids[Math.floor(rand() * ids.length)]
      const to = ids[Math.floor(rand() * ids.length)]
      const rel = relationOf(`r${n++}`, 'attribution', from, to)
      state = apply(state, addRelation(rel))
      if (state !== before) relations.push(rel)
    } else if (r < 0.75 && relations.length > 0) {
      state = apply(state, removeRelation(relations.pop()!.id))
    } else if (r < 0.85 && open(state).length > 0) {
      const o = open(state)
      state = apply(state, acceptSuggestion(o[Math.floor(rand() * o.length)].id, 'tester'))
    } else if (r < 0.9 && open(state).length > 0) {
      const o = open(state)
      state = apply(state, rejectSuggestion(o[Math.floor(rand() * o.length)].id))
    } else if (r < 0.92) {
      state = apply(state, setSuggestionKinds(rand() < 0.5 ? ['claim', 'source'] : []))
      state = apply(state, setSuggestionKinds(['cue', 'quote', 'claim', 'source', 'name']))
    }
    return state
  }
}

describe('a large new set, filtered a slice at a time', () => {
  const doc = article()
  const schema = defaultSchema()
  const all = suggest({ text: doc.text, blocks: doc.blocks, schema, entities: [] })
  // The names phase: the same suggestions as new objects, a quarter of them gone.
  const names = all.filter((_, i) => i % 4 !== 3).map((s) => ({ ...s }))
  const build = (state: EditorState, count: number) =>
    state.apply(state.tr.setMeta(suggestionKey, { type: 'build', count }))
  const finish = (state: EditorState) => {
    while (suggestionKey.getState(state)!.building) state = build(state, 50)
    return state
  }
  const fresh = () =>
    // Every set is built in slices, however small.
    articleState(doc, { shown: true, openAtOnce: 0 })
  const progress = (state: EditorState) => suggestionKey.getState(state)!.building!.cache!

  it('follows an edit made between two slices, on what is worked out and on what is not', () => {
    const n = all.length
    let state = apply(fresh(), setSuggestions(all))
    expect(suggestionKey.getState(state)!.computing).toBe(true)
    state = build(state, 1) // started
    state = build(state, n + Math.floor(n / 2)) // indexed, and half annotated
    expect(progress(state).annotated).toBe(Math.floor(n / 2))
    // Spans over a suggestion whose annotating span is worked out, and over one not yet.
    const claims = all.filter((s) => s.kind === 'claim')
    const done = claims[0]
    const later = claims[claims.length - 1]
    expect(all.indexOf(done)).toBeLessThan(n / 2)
    expect(all.indexOf(later)).toBeGreaterThan(n / 2)
    for (const s of [done, later])
      state = apply(state, addSpan(spanOf(doc.text, `over-${s.id}`, s.start, s.end, s.layer)))
    // Until the set is in, the previous one (none) is shown.
    expect(open(state)).toEqual([])
    state = build(state, n) // all annotating spans, and half of the entries
    expect(progress(state).entered).toBe(Math.floor(n / 2))
    // A rejection and a relation on either side of the entries worked out.
    const first = all[1]
    const last = all[Math.floor(n / 2) + 1]
    // (As from the previous set, whose ids the new one shares: the engine's ids are stable.)
    state = apply(state, rejectSuggestions([first.id]))
    state = apply(state, rejectSuggestions([last.id]))
    state = finish(state)
    const st = suggestionKey.getState(state)!
    expect(st.all).toBe(all)
    expect(st.computing).toBe(false)
    expect(open(state)).toEqual(expected(state, all))
    const ids = new Set(open(state).map((s) => s.id))
    for (const s of [done, later, first, last]) expect(ids.has(s.id), s.id).toBe(false)
    expect(open(state).length).toBeGreaterThan(n / 2)
  })

  it('starts again when an older state is edited after a slice (another line of states)', () => {
    let a = apply(fresh(), setSuggestions(all))
    a = build(build(a, 1), all.length + Math.floor(all.length / 2))
    const [one, two] = all.filter((s, i) => s.kind === 'claim' && i < all.length / 2)
    const over = (s: Suggestion) =>
      addSpan(spanOf(doc.text, `over-${s.id}`, s.start, s.end, s.layer))
    // Two edits of the same state: the second may not use the filter the first moved on.
    const b = finish(apply(a, over(one)))
    const c = finish(apply(a, over(two)))
    for (const [state, tagged, not] of [
      [b, one, two],
      [c, two, one],
    ] as const) {
      expect(open(state)).toEqual(expected(state, all))
      expect(open(state).some((o) => o.id === tagged.id)).toBe(false)
      expect(open(state).some((o) => o.id === not.id)).toBe(true)
    }
  })

  it('matches the shared filter at every step, with sets arriving and edits between slices', () => {
    let state = fresh()
    const rand = random(11)
    const edits = randomEdits(doc.text, all, rand)
    let sent = suggestionKey.getState(state)!.all
    let installed = 0
    for (let step = 0; step < 400; step++) {
      const r = rand()
      if (r < 0.03) {
        sent = sent === all ? names : all
        state = apply(state, setSuggestions(sent, sent === all))
      } else if (r < 0.45) state = build(state, 1 + Math.floor(rand() * 150))
      else state = edits(state, step)
      const st = suggestionKey.getState(state)!
      if (!st.building) {
        if (st.all !== sent) throw new Error(`step ${step}: the last set is not in`)
        installed++
      }
      expect(st.computing || st.building === null, `computing at ${step}`).toBe(true)
      // Whatever set is in (the previous one while a new one builds) is open exactly.
      expect(open(state), `step ${step}`).toEqual(expected(state, st.all))
      const outlined = st.decorations
        .find()
        .map((d) => (d.spec as { suggestionId: string }).suggestionId)
      expect(new Set([...outlined, ...st.pending.map((s) => s.id)])).toEqual(
        new Set(open(state).map((s) => s.id)),
      )
    }
    expect(installed).toBeGreaterThan(50)
    state = finish(state)
    expect(suggestionKey.getState(state)!.all).toBe(sent)
    expect(open(state)).toEqual(expected(state, sent))
  })
})

describe('decisions that need no new filter', () => {
  const doc = article()
  const schema = defaultSchema()
  const all = suggest({ text: doc.text, blocks: doc.blocks, schema, entities: [] })

  it('a rejection or a change of kinds shown keeps every other open entry as it was', () => {
    let state = articleState(doc, { shown: true })
    state = apply(state, setSuggestions(all))
    const before = new Map(open(state).map((s) => [s.id, s]))
    const named = new Set(all.flatMap((s) => s.links.map((l) => l.suggestionId)))
    // One that links nowhere and is linked from nowhere: no other entry depends on it.
    const gone = open(state).find((s) => s.links.length === 0 && !named.has(s.id))!
    state = apply(state, rejectSuggestion(gone.id))
    state = apply(state, setSuggestionKinds(['claim', 'source']))
    expect(open(state)).toEqual(expected(state, all))
    expect(open(state).length).toBeGreaterThan(10)
    // The very same objects: nothing was filtered again, so nothing is redrawn.
    for (const s of open(state)) expect(s, s.id).toBe(before.get(s.id))
  })
})
