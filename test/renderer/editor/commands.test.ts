import { TextSelection, type EditorState } from 'prosemirror-state'
import { describe, expect, it, vi } from 'vitest'
import { annotationsOf, HISTORY_LIMIT } from '../../../src/renderer/src/editor/annotation-plugin'
import {
  addRelation,
  addSpan,
  historyAliasEffect,
  redo,
  removeRelation,
  removeSpan,
  selectAdjacentSpan,
  selectSpan,
  setDocLabels,
  tagProblem,
  tagSelection,
  undo,
  updateRelation,
  updateSpan,
} from '../../../src/renderer/src/editor/commands'
import { zAnnotations, type Relation } from '../../../src/shared/model'
import {
  decoList,
  makeDocument,
  pluginState,
  relationOf,
  run,
  selectText,
  spanOf,
  stateOf,
} from './fixtures'

const doc = makeDocument([
  ['heading', 'Budget row', 1],
  ['paragraph', 'The finance minister said the budget would “protect every family”, critics said.'],
  ['paragraph', 'Défense 👍🏽 spending rose 4.5%.'],
])
const at = (s: string) => doc.text.indexOf(s)
const span = (id: string, quote: string, layer = 'claim') =>
  spanOf(doc.text, id, at(quote), at(quote) + quote.length, layer)
const relation = (id: string, from: string, to: string): Relation =>
  relationOf(id, 'attributed_to', from, to)

function tagged(state: EditorState) {
  const st = pluginState(state)
  return st.spans.get(st.selectedId!)!
}

describe('tagSelection', () => {
  it('tags the exact selection without snapping, with quote, defaults and a fresh id', () => {
    const start = at('inance min')
    let state = selectText(stateOf(doc), start, start + 'inance min'.length)
    state = run(state, tagSelection({ layerId: 'source', annotator: 'ana', snapToWords: false }))
    const s = tagged(state)
    expect([s.start, s.end]).toEqual([start, start + 'inance min'.length])
    expect(doc.text.slice(s.start, s.end)).toBe(s.quote.exact)
    expect(s.quote.exact).toBe('inance min')
    expect(s.quote.prefix).toBe(doc.text.slice(Math.max(0, s.start - 32), s.start))
    expect(s).toMatchObject({ layer: 'source', label: 'Source', annotator: 'ana', attributes: {} })
    expect(s.id).toMatch(/^s-[A-Za-z0-9]+$/)
    expect(zAnnotations.safeParse(annotationsOf(state)).success).toBe(true)
    // The text selection collapses to the end of the new span, which is selected and drawn.
    expect(state.selection.empty).toBe(true)
    expect(decoList(state)).toEqual([expect.objectContaining({ id: s.id, selected: true })])
  })

  it('snaps to whole words, trimming punctuation at the edges', () => {
    const start = at('“protect') - 1 // " “protect every fami"
    let state = selectText(stateOf(doc), start, at('family') + 4)
    state = run(state, tagSelection({ layerId: 'sentiment', annotator: 'ana', snapToWords: true }))
    const s = tagged(state)
    expect(s.quote.exact).toBe('protect every family')
    expect(doc.text.slice(s.start, s.end)).toBe(s.quote.exact)
  })

  it('snaps the selection once when asked what would stop it and then run, on one state', () => {
    const state = selectText(stateOf(doc), at('inance'), at('budget') + 3)
    const opts = { layerId: 'claim', annotator: 'ana', snapToWords: true }
    const segment = vi.spyOn(Intl.Segmenter.prototype, 'segment')
    try {
      expect(tagProblem(state, opts)).toBeNull()
      const after = run(state, tagSelection(opts))
      expect(segment).toHaveBeenCalledTimes(1)
      expect(tagged(after).quote.exact).toBe('finance minister said the budget')
      // Another state (here the same selection again) is snapped afresh, with a new span.
      const again = selectText(stateOf(doc), at('inance'), at('budget') + 3)
      expect(tagProblem(again, opts)).toBeNull()
      expect(segment).toHaveBeenCalledTimes(2)
      expect(tagged(run(again, tagSelection(opts))).id).not.toBe(tagged(after).id)
    } finally {
      segment.mockRestore()
    }
  })

  it('snaps over emoji and accented words with exact UTF-16 offsets', () => {
    let state = selectText(stateOf(doc), at('fense'), at('spending') + 2)
    state = run(state, tagSelection({ layerId: 'claim', annotator: 'ana', snapToWords: true }))
    const s = tagged(state)
    expect(s.quote.exact).toBe('Défense 👍🏽 spending')
    expect(doc.text.slice(s.start, s.end)).toBe(s.quote.exact)
  })

  it('does not snap across into the next block', () => {
    const end = at('Défense') + 3
    let state = selectText(stateOf(doc), at('critics'), end)
    state = run(state, tagSelection({ layerId: 'claim', annotator: 'ana', snapToWords: true }))
    expect(tagged(state).quote.exact).toBe('critics said.\n\nDéfense')
    expect(tagged(state).end).toBe(at('Défense') + 'Défense'.length)
  })

  it('uses the given label, and refuses unknown layers, labels and empty selections', () => {
    let state = selectText(stateOf(doc), at('critics'), at('critics') + 7)
    const opts = { layerId: 'claim', annotator: 'a', snapToWords: false }
    expect(tagSelection({ ...opts, layerId: 'nope' })(state)).toBe(false)
    expect(tagSelection({ ...opts, label: 'Nope' })(state)).toBe(false)
    expect(tagSelection({ ...opts, label: 'Claim' })(state)).toBe(true)
    state = run(state, tagSelection({ ...opts, label: 'Claim' }))
    expect(tagged(state).label).toBe('Claim')
    expect(tagSelection(opts)(state)).toBe(false) // collapsed now
    const blank = selectText(stateOf(doc), at(' said'), at(' said') + 1)
    expect(tagSelection({ ...opts, snapToWords: true })(blank)).toBe(false)
  })

  it('fills in attribute defaults from the schema', () => {
    const state = selectText(stateOf(doc), at('critics'), at('critics') + 7)
    const schema = pluginState(state).schema
    schema.layers[0].attributes = [
      { name: 'checkability', type: 'enum', values: ['factual', 'opinion'], default: 'opinion' },
      { name: 'note', type: 'text' },
      { name: 'strong', type: 'boolean', default: false },
    ]
    const next = run(state, tagSelection({ layerId: 'claim', annotator: 'a', snapToWords: false }))
    expect(tagged(next).attributes).toEqual({ checkability: 'opinion', strong: false })
  })
})

describe('addSpan', () => {
  it('refuses a span whose quote does not match, whose range is empty, or whose id is taken', () => {
    const state = run(stateOf(doc), addSpan(span('a', 'finance')))
    expect(
      addSpan({ ...span('b', 'finance'), quote: { exact: 'x', prefix: '', suffix: '' } })(state),
    ).toBe(false)
    expect(addSpan({ ...span('b', 'finance'), end: at('finance') })(state)).toBe(false)
    expect(addSpan(span('a', 'minister'))(state)).toBe(false)
    expect(addSpan(span('b', 'minister'))(state)).toBe(true)
  })
})

describe('undo and redo', () => {
  /** Applies `command`, checks undo restores the annotations exactly and redo re-applies them. */
  function roundTrip(state: EditorState, command: Parameters<typeof run>[1]): EditorState {
    const before = annotationsOf(state)
    const after = run(state, command)
    const changed = annotationsOf(after)
    expect(changed).not.toEqual(before)
    const undone = run(after, undo)
    expect(annotationsOf(undone)).toEqual(before)
    const redone = run(undone, redo)
    expect(annotationsOf(redone)).toEqual(changed)
    return redone
  }

  const base = () =>
    stateOf(doc, {
      spans: [span('c', 'the budget would'), span('s', 'finance minister', 'source')],
      relations: [relation('r1', 'c', 's')],
      docLabels: { overall_sentiment: ['negative'] },
    })

  it('covers add, relabel, attribute edits, entity links and removal', () => {
    let state = roundTrip(base(), addSpan(span('n', 'critics', 'source')))
    state = roundTrip(state, updateSpan('n', { label: 'Other' }))
    state = roundTrip(state, updateSpan('n', { attributes: { kind: 'person', note: 'x' } }))
    state = roundTrip(state, updateSpan('n', { entityId: 'e1' }))
    state = roundTrip(state, updateSpan('n', { entityId: null }))
    state = roundTrip(state, removeSpan('n'))
    expect(pluginState(state).spans.has('n')).toBe(false)
  })

  it('restores a removed span with the same id and its relations in their places', () => {
    let state = run(base(), addRelation(relation('r2', 'c', 's')))
    state = run(state, addSpan(span('x', 'critics', 'source')))
    state = run(state, addRelation(relation('r3', 'c', 'x')))
    const before = annotationsOf(state)
    state = run(state, removeSpan('s'))
    expect(annotationsOf(state).relations.map((r) => r.id)).toEqual(['r3'])
    state = run(state, undo)
    expect(annotationsOf(state)).toEqual(before)
    expect(decoList(state).map((d) => d.id)).toContain('s')
    state = run(state, redo)
    expect(annotationsOf(state).relations.map((r) => r.id)).toEqual(['r3'])
    expect(decoList(state).map((d) => d.id)).not.toContain('s')
  })

  it('covers relation add, retarget, attribute edit and removal', () => {
    let state = run(base(), addSpan(span('x', 'critics', 'source')))
    state = roundTrip(state, addRelation(relation('r2', 'c', 'x')))
    state = roundTrip(state, updateRelation('r2', { to: 's' }))
    state = roundTrip(state, updateRelation('r2', { attributes: { stance: 'asserts' } }))
    state = roundTrip(state, removeRelation('r1'))
    expect(annotationsOf(state).relations.map((r) => r.id)).toEqual(['r2'])
  })

  it('covers document labels', () => {
    let state = roundTrip(base(), setDocLabels({ overall_sentiment: ['positive'] }))
    state = roundTrip(state, setDocLabels({}))
    expect(annotationsOf(state).docLabels).toEqual({})
    expect(setDocLabels({})(state)).toBe(false) // no change
  })

  it('undoes a sequence step by step back to the start, and redo replays it', () => {
    const start = base()
    let state = start
    const snapshots = [annotationsOf(state)]
    const steps = [
      addSpan(span('n', 'critics', 'source')),
      updateSpan('n', { label: 'Renamed' }),
      addRelation(relation('r2', 'c', 'n')),
      setDocLabels({ overall_sentiment: ['mixed'] }),
      removeSpan('c'),
    ]
    for (const step of steps) {
      state = run(state, step)
      snapshots.push(annotationsOf(state))
    }
    for (let i = steps.length - 1; i >= 0; i--) {
      state = run(state, undo)
      expect(annotationsOf(state)).toEqual(snapshots[i])
    }
    expect(undo(state)).toBe(false)
    for (let i = 1; i <= steps.length; i++) {
      state = run(state, redo)
      expect(annotationsOf(state)).toEqual(snapshots[i])
    }
    expect(redo(state)).toBe(false)
  })

  it('drops the redo stack on a new change', () => {
    let state = run(base(), addSpan(span('n', 'critics')))
    state = run(state, undo)
    state = run(state, addSpan(span('m', 'family')))
    expect(redo(state)).toBe(false)
  })

  it('merges consecutive updates with the same merge key into one undo step', () => {
    let state = base()
    for (const note of ['a', 'ab', 'abc'])
      state = run(state, updateSpan('c', { attributes: { note } }, { mergeKey: 'note:c' }))
    expect(pluginState(state).done).toHaveLength(1)
    state = run(state, undo)
    expect(pluginState(state).spans.get('c')!.attributes).toEqual({})
  })

  it('bumps the revision on every change, including undo, but not on selection', () => {
    let state = base()
    const r0 = pluginState(state).revision
    state = run(state, selectSpan('c'))
    expect(pluginState(state).revision).toBe(r0)
    state = run(state, updateSpan('c', { label: 'X' }))
    state = run(state, undo)
    expect(pluginState(state).revision).toBe(r0 + 2)
  })

  it('keeps at most HISTORY_LIMIT steps', () => {
    let state = base()
    for (let i = 0; i < HISTORY_LIMIT + 5; i++)
      state = run(state, updateSpan('c', { attributes: { note: String(i) } }))
    expect(pluginState(state).done).toHaveLength(HISTORY_LIMIT)
  })
})

describe('relations and edits', () => {
  it('refuses relations with missing ends, self-links or taken ids', () => {
    const state = stateOf(doc, {
      spans: [span('c', 'the budget would'), span('s', 'finance minister', 'source')],
      relations: [relation('r1', 'c', 's')],
      docLabels: {},
    })
    expect(addRelation(relation('r2', 'c', 'nope'))(state)).toBe(false)
    expect(addRelation(relation('r2', 'c', 'c'))(state)).toBe(false)
    expect(addRelation(relation('r1', 's', 'c'))(state)).toBe(false)
    expect(updateRelation('r1', { to: 'nope' })(state)).toBe(false)
    expect(updateRelation('r1', { to: 's' })(state)).toBe(false) // no change
    expect(removeRelation('nope')(state)).toBe(false)
  })

  it('refuses updates that change nothing or name a missing span, and stamps updatedAt', () => {
    const state = stateOf(doc, {
      spans: [span('c', 'the budget would')],
      relations: [],
      docLabels: {},
    })
    expect(updateSpan('c', { label: 'Claim' })(state)).toBe(false)
    expect(updateSpan('nope', { label: 'X' })(state)).toBe(false)
    const next = run(state, updateSpan('c', { label: 'X' }))
    expect(pluginState(next).spans.get('c')!.updatedAt).not.toBe('2025-01-01T00:00:00.000Z')
  })
})

describe('annotationsOf and selection helpers', () => {
  it('returns spans sorted by start, then end', () => {
    const state = stateOf(doc, {
      spans: [span('b', 'critics'), span('a2', 'finance minister'), span('a1', 'finance')],
      relations: [],
      docLabels: {},
    })
    expect(annotationsOf(state).spans.map((s) => s.id)).toEqual(['a1', 'a2', 'b'])
  })

  it('walks spans in reading order with selectAdjacentSpan', () => {
    let state = stateOf(doc, {
      spans: [span('b', 'critics'), span('a', 'finance')],
      relations: [],
      docLabels: {},
    })
    state = run(state, selectAdjacentSpan(1))
    expect(pluginState(state).selectedId).toBe('a')
    state = run(state, selectAdjacentSpan(1))
    expect(pluginState(state).selectedId).toBe('b')
    state = run(state, selectAdjacentSpan(1))
    expect(pluginState(state).selectedId).toBe('a')
    state = run(state, selectAdjacentSpan(-1))
    expect(pluginState(state).selectedId).toBe('b')
  })
})

describe('selectAdjacentSpan from the caret', () => {
  const spans = [span('a', 'finance'), span('b', 'critics'), span('c', 'spending')]
  const withCaret = (offset: number) => {
    const state = stateOf(doc, { spans, relations: [], docLabels: {} })
    const pos = pluginState(state).map.offsetToPos(offset, 1)
    return state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)))
  }

  it('goes to the next span after the caret with ], and the one before it with [', () => {
    const caret = at('budget would')
    expect(pluginState(run(withCaret(caret), selectAdjacentSpan(1))).selectedId).toBe('b')
    expect(pluginState(run(withCaret(caret), selectAdjacentSpan(-1))).selectedId).toBe('a')
    // A span starting at the caret is "next"; the previous one starts before it.
    expect(pluginState(run(withCaret(at('critics')), selectAdjacentSpan(1))).selectedId).toBe('b')
    expect(pluginState(run(withCaret(at('critics')), selectAdjacentSpan(-1))).selectedId).toBe('a')
  })

  it('wraps around past the last span and before the first', () => {
    const end = doc.text.length
    expect(pluginState(run(withCaret(end), selectAdjacentSpan(1))).selectedId).toBe('a')
    expect(pluginState(run(withCaret(0), selectAdjacentSpan(-1))).selectedId).toBe('c')
    expect(pluginState(run(withCaret(0), selectAdjacentSpan(1))).selectedId).toBe('a')
  })
})

describe('tagging what the store would refuse', () => {
  const opts = { layerId: 'claim', annotator: 'a', snapToWords: false }

  it('never tags the same text with the same label twice, and says which span has it', () => {
    let state = selectText(stateOf(doc), at('critics'), at('critics') + 7)
    state = run(state, tagSelection(opts))
    const first = pluginState(state).selectedId!
    state = selectText(state, at('critics'), at('critics') + 7)
    expect(tagSelection(opts)(state)).toBe(false)
    expect(tagProblem(state, opts)).toEqual({
      kind: 'duplicate',
      existing: expect.objectContaining({ id: first }),
    })
    // Another label of the same text, or the same label elsewhere, is a different tag.
    expect(tagSelection({ ...opts, layerId: 'source' })(state)).toBe(true)
    expect(tagProblem(state, { ...opts, layerId: 'source' })).toBeNull()
    // The plugin refuses a duplicate however it arrives (e.g. addSpan from an import).
    const twin = { ...pluginState(state).spans.get(first)!, id: 'twin' }
    expect(addSpan(twin)(state)).toBe(false)
    expect(pluginState(state).spans.size).toBe(1)
  })

  it('refuses a span splitting a surrogate pair, as the store does (checkSpanAnchor)', () => {
    const emoji = at('👍🏽')
    // A selection ending between the two halves of 👍 (U+1F44D): without snapping it stays there.
    const state = selectText(stateOf(doc), at('Défense'), emoji + 1)
    expect(tagSelection(opts)(state)).toBe(false)
    expect(tagProblem(state, opts)).toEqual({
      kind: 'invalid',
      message: expect.stringContaining('splits a character'),
    })
    let dispatched = false
    tagSelection(opts)(state, () => (dispatched = true))
    expect(dispatched).toBe(false)
    // Snapping to words moves the end out of the pair, so the same selection can be tagged.
    expect(tagSelection({ ...opts, snapToWords: true })(state)).toBe(true)
  })
})

describe('the registry change an entity link brought', () => {
  it('travels with the op through undo and redo, and only with that op', () => {
    let state = stateOf(doc, {
      spans: [span('s', 'finance minister', 'source')],
      relations: [],
      docLabels: {},
    })
    const alias = { entityId: 'e-1', alias: 'finance minister' }
    state = run(state, updateSpan('s', { entityId: 'e-1' }, { alias }))
    expect(historyAliasEffect(state, 'undo')).toEqual(alias)
    state = run(state, undo)
    expect(pluginState(state).spans.get('s')!.entityId).toBeUndefined()
    expect(historyAliasEffect(state, 'undo')).toBeNull()
    expect(historyAliasEffect(state, 'redo')).toEqual(alias)
    state = run(state, redo)
    expect(pluginState(state).spans.get('s')!.entityId).toBe('e-1')
    expect(historyAliasEffect(state, 'undo')).toEqual(alias)
    // A later change without one is undone first, with no registry change.
    state = run(state, updateSpan('s', { label: 'Other' }))
    expect(historyAliasEffect(state, 'undo')).toBeNull()
  })
})
