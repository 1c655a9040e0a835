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
import { EMPTY, spanOf } from '../editor/fixtures'
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
    const rand = random(7)
    let state = createArticleState({
      document: doc,
      schema,
      initial: EMPTY,
      plugins: [suggestionPlugin({ shown: true })],
    })
    state = apply(state, setSuggestions(all))
    expect(open(state)).toEqual(expected(state, all))
    let n = 0
    const ids: string[] = []
    const relations: Relation[] = []
    for (let step = 0; step < 160; step++) {
      const r = rand()
      const before = state
      if (r < 0.3) {
        // A span over a suggestion's text (it becomes annotated) or near it (it may not).
        const s = all[Math.floor(rand() * all.length)]
        const shift = Math.floor(rand() * 6) - 3
        const start = Math.max(0, s.start + shift)
        const end = Math.min(doc.text.length, Math.max(start + 1, s.end + shift))
        const span: Span = spanOf(doc.text, `s${n++}`, start, end, s.layer)
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
        const rel: Relation = {
          id: `r${n++}`,
          type: 'attribution',
          from,
          to,
          attributes: {},
          annotator: 'tester',
          createdAt: '2025-01-01T00:00:00.000Z',
          updatedAt: '2025-01-01T00:00:00.000Z',
        }
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
    let state = createArticleState({
      document: doc,
      schema,
      initial: EMPTY,
      plugins: [suggestionPlugin()],
    })
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
