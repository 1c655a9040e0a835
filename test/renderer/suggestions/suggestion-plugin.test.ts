// The suggestion plugin and its commands through EditorState, without a view: outlines appear for
// open suggestions, accepting makes spans and relations in one undo step through the annotation
// plugin, rejecting hides and records, accept-all takes every open one of a kind.
import type { Command, EditorState } from 'prosemirror-state'
import { describe, expect, it } from 'vitest'
import { defaultSchema } from '../../../src/shared/default-schema'
import type { Annotations } from '../../../src/shared/model'
import { suggest, type Suggestion } from '../../../src/shared/suggest'
import { annotationKey, annotationsOf } from '../../../src/renderer/src/editor/annotation-plugin'
import { redo, removeSpan, undo, updateSpan } from '../../../src/renderer/src/editor/commands'
import { createArticleState } from '../../../src/renderer/src/editor/state'
import {
  acceptAllOfKind,
  acceptSuggestion,
  currentSuggestion,
  rejectSuggestion,
  setSuggestions,
  showSuggestions,
  stepSuggestion,
} from '../../../src/renderer/src/suggestions/suggestion-commands'
import {
  suggestionKey,
  suggestionPlugin,
} from '../../../src/renderer/src/suggestions/suggestion-plugin'
import { EMPTY, makeDocument } from '../editor/fixtures'

const doc = makeDocument([
  ['paragraph', 'The ministry said the talks would resume on Monday.'],
  ['paragraph', '“We are ready,” said Anna Berg, the union leader. Prices rose, analysts said.'],
])

function setUp(initial: Annotations = EMPTY): { state: EditorState; all: Suggestion[] } {
  const schema = defaultSchema()
  const all = suggest({ text: doc.text, blocks: doc.blocks, schema, entities: [] })
  let state = createArticleState({ document: doc, schema, initial, plugins: [suggestionPlugin()] })
  state = run(state, setSuggestions(all))
  return { state, all }
}

function run(state: EditorState, command: Command): EditorState {
  let next = state
  const ok = command(state, (tr) => {
    next = state.apply(tr)
  })
  expect(ok, 'command applies').toBe(true)
  return next
}

const open = (state: EditorState) => suggestionKey.getState(state)!.open
const outlines = (state: EditorState) =>
  suggestionKey
    .getState(state)!
    .decorations.find()
    .map((d) => (d.spec as { suggestionId: string }).suggestionId)
const byQuote = (state: EditorState, kind: Suggestion['kind'], quote: string) => {
  const s = open(state).find((x) => x.kind === kind && x.quote === quote)
  if (!s) throw new Error(`no open ${kind} "${quote}"`)
  return s
}

describe('suggestion plugin', () => {
  it('draws one dashed outline per open suggestion only while shown', () => {
    const setup = setUp()
    const { all } = setup
    let { state } = setup
    expect(all.length).toBeGreaterThan(4)
    expect(open(state)).toHaveLength(all.length)
    expect(outlines(state)).toEqual([])
    state = run(state, showSuggestions(true))
    expect(outlines(state).sort()).toEqual(all.map((s) => s.id).sort())
    const deco = suggestionKey.getState(state)!.decorations.find()[0]
    expect(
      (deco as unknown as { type: { attrs: Record<string, string> } }).type.attrs.class,
    ).toMatch(/mg-suggestion/)
  })

  it('a new set from the engine keeps the outlines that stay, drawing only what changed', () => {
    // Many paragraphs: more outlines than are drawn at once (the rest wait in `pending`).
    const para = 'The ministry said the talks would resume on Monday, officials said.'
    const big = makeDocument(Array.from({ length: 300 }, () => ['paragraph', para] as const))
    const schema = defaultSchema()
    const all = suggest({ text: big.text, blocks: big.blocks, schema, entities: [] })
    expect(all.length).toBeGreaterThan(1000)
    let state = createArticleState({
      document: big,
      schema,
      initial: EMPTY,
      plugins: [suggestionPlugin({ shown: true })],
    })
    // A set this large is filtered in slices ('build' steps, when the browser is idle).
    const built = (st: EditorState) => {
      while (suggestionKey.getState(st)!.building)
        st = st.apply(st.tr.setMeta(suggestionKey, { type: 'build', count: 500 }))
      return st
    }
    state = built(run(state, setSuggestions(all)))
    const reveal = (st: EditorState) => {
      while (suggestionKey.getState(st)!.pending.length > 0)
        st = st.apply(st.tr.setMeta(suggestionKey, { type: 'reveal', count: 800 }))
      return st
    }
    state = reveal(state)
    const drawn = suggestionKey.getState(state)!.decorations.find()
    expect(drawn).toHaveLength(all.length)
    // The names phase: the same suggestions (new objects, same ids) and one fewer.
    const again = all.slice(1).map((s) => ({ ...s }))
    state = built(run(state, setSuggestions(again)))
    const st = suggestionKey.getState(state)!
    expect(st.pending).toEqual([])
    const kept = st.decorations.find()
    expect(kept).toHaveLength(all.length - 1)
    // The very same decorations (their specs: `find` copies them to absolute positions): nothing
    // was removed from the article and drawn again.
    const before = new Set(drawn.map((d) => d.spec))
    expect(kept.every((d) => before.has(d.spec))).toBe(true)
  })

  it('a note typed on a span does not filter the suggestions again; moving the span does', () => {
    let { state } = setUp()
    state = run(state, showSuggestions(true))
    const cue = byQuote(state, 'cue', 'said')
    state = run(state, acceptSuggestion(cue.id, 'Ana'))
    const span = [...annotationKey.getState(state)!.spans.values()][0]
    const before = open(state)
    state = run(state, updateSpan(span.id, { attributes: { ...span.attributes, note: 'checked' } }))
    expect(annotationKey.getState(state)!.spans.get(span.id)!.attributes.note).toBe('checked')
    expect(open(state)).toBe(before)
    state = run(state, removeSpan(span.id))
    expect(open(state)).not.toBe(before)
    expect(open(state).some((s) => s.id === cue.id)).toBe(true)
  })

  it('accepting a claim makes its span and its links to spans that exist, as one undo step', () => {
    let { state } = setUp()
    state = run(state, showSuggestions(true))
    const cue = byQuote(state, 'cue', 'said')
    const source = byQuote(state, 'source', 'The ministry')
    state = run(state, acceptSuggestion(cue.id, 'ana'))
    state = run(state, acceptSuggestion(source.id, 'ana'))
    const claim = byQuote(state, 'claim', 'the talks would resume on Monday')
    const before = annotationKey.getState(state)!.done.length
    state = run(state, acceptSuggestion(claim.id, 'ana'))
    expect(annotationKey.getState(state)!.done.length).toBe(before + 1)

    const a = annotationsOf(state)
    const spanAt = (quote: string) => a.spans.find((s) => s.quote.exact === quote)!
    expect(spanAt('the talks would resume on Monday')).toMatchObject({
      layer: 'claim',
      annotator: 'ana',
    })
    const rel = (type: string) => a.relations.filter((r) => r.type === type)
    expect(rel('cue_of')).toEqual([
      expect.objectContaining({
        from: spanAt('said').id,
        to: spanAt('the talks would resume on Monday').id,
      }),
    ])
    expect(rel('attributed_to')).toEqual([
      expect.objectContaining({
        from: spanAt('the talks would resume on Monday').id,
        to: spanAt('The ministry').id,
        attributes: expect.objectContaining({ attribution: 'indirect' }),
      }),
    ])
    expect(open(state).map((s) => s.id)).not.toContain(claim.id)
    expect(outlines(state)).not.toContain(claim.id)

    // one undo takes back the claim and both its links; the suggestion is open again
    state = run(state, undo)
    const b = annotationsOf(state)
    expect(b.spans.map((s) => s.quote.exact).sort()).toEqual(['The ministry', 'said'])
    expect(b.relations).toEqual([])
    expect(open(state).map((s) => s.id)).toContain(claim.id)
    expect(outlines(state)).toContain(claim.id)
    state = run(state, redo)
    expect(annotationsOf(state).relations).toHaveLength(2)
  })

  it('rejecting hides the suggestion and records it with the annotations (undoable)', () => {
    let { state } = setUp()
    state = run(state, showSuggestions(true))
    const cue = byQuote(state, 'cue', 'said')
    state = run(state, rejectSuggestion(cue.id))
    expect(open(state).map((s) => s.id)).not.toContain(cue.id)
    expect(outlines(state)).not.toContain(cue.id)
    expect(annotationsOf(state).suggestions).toEqual({ rejected: [cue.id] })
    expect(annotationsOf(state).spans).toEqual([])
    state = run(state, undo)
    expect(annotationsOf(state).suggestions).toBeUndefined()
    expect(open(state).map((s) => s.id)).toContain(cue.id)
  })

  it('does not propose again what a saved annotation set rejected', () => {
    const { all } = setUp()
    const cue = all.find((s) => s.kind === 'cue')!
    const { state } = setUp({ ...EMPTY, suggestions: { rejected: [cue.id] } })
    expect(open(state).map((s) => s.id)).not.toContain(cue.id)
    expect(open(state)).toHaveLength(all.length - 1)
  })

  it('accepts every open suggestion of a kind in one undo step', () => {
    const setup = setUp()
    const { all } = setup
    let { state } = setup
    const cues = all.filter((s) => s.kind === 'cue')
    expect(cues.length).toBeGreaterThanOrEqual(3)
    state = run(state, acceptAllOfKind('cue', 'ana'))
    expect(annotationsOf(state).spans.map((s) => s.quote.exact)).toEqual(cues.map((c) => c.quote))
    expect(open(state).filter((s) => s.kind === 'cue')).toEqual([])
    state = run(state, undo)
    expect(annotationsOf(state).spans).toEqual([])
    expect(open(state).filter((s) => s.kind === 'cue')).toHaveLength(cues.length)
  })

  it('steps through open suggestions and moves on after a decision', () => {
    let { state } = setUp()
    state = run(state, showSuggestions(true))
    state = run(state, stepSuggestion(1))
    const first = currentSuggestion(state)!
    expect(first.id).toBe(open(state)[0].id)
    state = run(state, stepSuggestion(1))
    const second = currentSuggestion(state)!
    expect(second.id).toBe(open(state)[1].id)
    state = run(state, stepSuggestion(-1))
    expect(currentSuggestion(state)!.id).toBe(first.id)
    // rejecting the current one makes the next open one current
    state = run(state, rejectSuggestion(first.id))
    expect(currentSuggestion(state)!.id).toBe(second.id)
    expect(
      (
        suggestionKey
          .getState(state)!
          .decorations.find()
          .find(
            (d) => (d.spec as { suggestionId: string }).suggestionId === second.id,
          ) as unknown as {
          type: { attrs: Record<string, string> }
        }
      ).type.attrs.class,
    ).toContain('mg-suggestion-current')
  })
})
