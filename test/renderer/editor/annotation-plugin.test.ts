import fc from 'fast-check'
import { TextSelection } from 'prosemirror-state'
import { describe, expect, it } from 'vitest'
import {
  annotationKey,
  annotationsOf,
  nextStackedSpan,
} from '../../../src/renderer/src/editor/annotation-plugin'
import {
  addSpan,
  removeSpan,
  selectSpan,
  updateSpan,
} from '../../../src/renderer/src/editor/commands'
import { assignLanes, buildDecorations } from '../../../src/renderer/src/editor/decorations'
import { defaultSchema } from '../../../src/shared/default-schema'
import type { Span } from '../../../src/shared/model'
import { decoList, makeDocument, pluginState, run, spanOf, stateOf } from './fixtures'

const doc = makeDocument([
  ['heading', 'Minister defends budget', 1],
  ['paragraph', 'The finance minister said the new budget would protect every family.'],
  ['blockquote', 'We have made hard choices.'],
  ['paragraph', 'Critics warned of deep cuts to public services.'],
])
const at = (s: string) => doc.text.indexOf(s)
const span = (id: string, quote: string, layer = 'claim'): Span =>
  spanOf(doc.text, id, at(quote), at(quote) + quote.length, layer)

describe('annotation plugin: decorations', () => {
  it('draws a span as one inline decoration with its classes, colour, lane and id', () => {
    const state = run(stateOf(doc), addSpan(span('a', 'finance minister', 'source')))
    const [deco] = pluginState(state).decorations.find()
    const { map } = pluginState(state)
    expect(deco.from).toBe(map.offsetToPos(at('finance minister')))
    expect(deco.to - deco.from).toBe('finance minister'.length)
    expect(deco.spec).toMatchObject({ spanId: 'a', layer: 'source', lane: 0, selected: false })
    const attrs = (deco as unknown as { type: { attrs: Record<string, string> } }).type.attrs
    expect(attrs.class.split(' ')).toEqual(
      expect.arrayContaining(['mg-span', 'mg-layer-source', 'mg-ul-dashed', 'mg-lane-0']),
    )
    expect(attrs['data-span-id']).toBe('a')
    expect(attrs.style).toContain('--mg-color: #d97706')
    expect(attrs.style).toContain('--mg-lane: 0')
    expect(attrs.nodeName).toBe('span')
  })

  it('removes the decoration when the span is removed', () => {
    let state = run(stateOf(doc), addSpan(span('a', 'finance minister')))
    state = run(state, addSpan(span('b', 'hard choices')))
    state = run(state, removeSpan('a'))
    expect(decoList(state).map((d) => d.id)).toEqual(['b'])
    state = run(state, removeSpan('b'))
    expect(pluginState(state).decorations.find()).toEqual([])
  })

  it('keeps the plugin state as it is through transactions that carry no action', () => {
    let state = stateOf(doc, {
      spans: [span('a', 'finance minister'), span('b', 'deep cuts')],
      relations: [],
      docLabels: {},
    })
    const before = pluginState(state)
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 5, 9)))
    state = state.apply(state.tr.setMeta('unrelated', true))
    expect(pluginState(state).decorations).toBe(before.decorations)
    expect(pluginState(state)).toBe(before)
  })

  it('changes only the added decoration on add, keeping every other one as it was', () => {
    const initial = ['finance minister', 'new budget', 'hard choices', 'deep cuts'].map((q, i) =>
      span(`s${i}`, q),
    )
    let state = stateOf(doc, { spans: initial, relations: [], docLabels: {} })
    const specs = new Map(
      pluginState(state)
        .decorations.find()
        .map((d) => [d.spec.spanId, d.spec]),
    )
    state = run(state, addSpan(span('new', 'public services', 'sentiment')))
    const after = pluginState(state).decorations.find()
    expect(after).toHaveLength(5)
    for (const d of after) {
      // The same spec object means the same decoration: it was kept (and moved), not rebuilt.
      if (d.spec.spanId === 'new') expect(specs.has('new')).toBe(false)
      else expect(d.spec).toBe(specs.get(d.spec.spanId))
    }
  })

  it('keeps the decoration set when an edit does not change any highlight (relabel)', () => {
    const state = run(stateOf(doc), addSpan(span('a', 'finance minister')))
    const next = run(state, updateSpan('a', { label: 'Other', attributes: { note: 'x' } }))
    expect(pluginState(next).decorations).toBe(pluginState(state).decorations)
    expect(pluginState(next).spans.get('a')!.label).toBe('Other')
  })

  it('gives overlapping and nested spans different lanes, enclosing spans first', () => {
    const outer = span('outer', 'the new budget would protect every family')
    const inner = span('inner', 'protect every family', 'sentiment')
    const innermost = span('innermost', 'every', 'source')
    const overlap = spanOf(doc.text, 'overlap', at('would'), at('family') + 3, 'source')
    const state = stateOf(doc, {
      spans: [innermost, overlap, outer, inner],
      relations: [],
      docLabels: {},
    })
    const lanes = Object.fromEntries(decoList(state).map((d) => [d.id, d.lane]))
    expect(lanes).toEqual({ outer: 0, overlap: 1, inner: 2, innermost: 3 })
    const deco = pluginState(state)
      .decorations.find()
      .find((d) => d.spec.spanId === 'innermost')!
    const attrs = (deco as unknown as { type: { attrs: Record<string, string> } }).type.attrs
    expect(attrs.class).toContain('mg-lane-3')
  })

  it('reuses a lane once the span holding it has ended', () => {
    const a = span('a', 'finance minister said')
    const b = span('b', 'minister')
    const c = span('c', 'the new budget') // after a ends: lane 0 again
    const state = stateOf(doc, { spans: [a, b, c], relations: [], docLabels: {} })
    expect(Object.fromEntries(decoList(state).map((d) => [d.id, d.lane]))).toEqual({
      a: 0,
      b: 1,
      c: 0,
    })
  })

  it('keeps incremental decorations and span order equal to ones built from scratch, whatever the edits', () => {
    const text = doc.text
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('add' as const),
        a: fc.nat(text.length),
        len: fc.integer({ min: 1, max: 40 }),
      }),
      fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('select' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('change' as const), pick: fc.nat(), note: fc.string() }),
      fc.record({ kind: fc.constant('undo' as const) }),
    )
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        let state = stateOf(doc)
        let n = 0
        for (const o of ops) {
          const ids = [...pluginState(state).spans.keys()]
          if (o.kind === 'add') {
            const end = Math.min(text.length, o.a + o.len)
            if (o.a >= end) continue
            // The same range twice is a duplicate the plugin refuses: skip it.
            const add = addSpan(spanOf(text, `x${n++}`, o.a, end))
            if (add(state)) state = run(state, add)
          } else if (o.kind === 'undo') {
            state = state.apply(state.tr.setMeta(annotationKey, { type: 'undo' }))
          } else if (ids.length > 0) {
            const id = ids[o.pick % ids.length]
            if (o.kind === 'change') {
              // Setting the note it already has changes nothing, and the command says so: skip it.
              const change = updateSpan(id, { attributes: { note: o.note } })
              if (change(state)) state = run(state, change)
            } else state = run(state, o.kind === 'remove' ? removeSpan(id) : selectSpan(id))
          }
          // The stored order is asked for after every change, as the article view does.
          annotationsOf(state)
        }
        const st = pluginState(state)
        // The order kept edit by edit equals a sort from scratch.
        const sorted = [...st.spans.values()].sort(
          (a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
        )
        expect(annotationsOf(state).spans).toEqual(sorted)
        const fresh = buildDecorations(
          { doc: state.doc, map: st.map, schema: st.schema },
          st.spans.values(),
          st.selectedId,
        )
        const list = (set: typeof fresh) =>
          set
            .find()
            .map(
              (d) =>
                `${d.spec.spanId}@${d.from}-${d.to}:${d.spec.lane}${d.spec.selected ? '*' : ''}`,
            )
            .sort()
        expect(list(st.decorations)).toEqual(list(fresh))
      }),
      { numRuns: 150 },
    )
  })

  it('marks the selected span and moves the mark when the selection changes', () => {
    let state = stateOf(doc, {
      spans: [span('a', 'finance minister'), span('b', 'deep cuts'), span('c', 'hard choices')],
      relations: [],
      docLabels: {},
    })
    const cSpec = pluginState(state)
      .decorations.find()
      .find((d) => d.spec.spanId === 'c')!.spec
    state = run(state, selectSpan('a'))
    expect(
      decoList(state)
        .filter((d) => d.selected)
        .map((d) => d.id),
    ).toEqual(['a'])
    state = run(state, selectSpan('b'))
    expect(
      decoList(state)
        .filter((d) => d.selected)
        .map((d) => d.id),
    ).toEqual(['b'])
    expect(pluginState(state).selectedId).toBe('b')
    // Unselected spans keep their decorations.
    expect(
      pluginState(state)
        .decorations.find()
        .find((d) => d.spec.spanId === 'c')!.spec,
    ).toBe(cSpec)
    state = run(state, selectSpan(null))
    expect(decoList(state).some((d) => d.selected)).toBe(false)
    expect(selectSpan('missing')(state)).toBe(false)
  })

  it('clears the selection when the selected span is removed', () => {
    let state = run(stateOf(doc), addSpan(span('a', 'finance minister')))
    state = run(state, selectSpan('a'))
    state = run(state, removeSpan('a'))
    expect(pluginState(state).selectedId).toBeNull()
  })

  it('draws a span across blocks, and none for a span over the gap between blocks only', () => {
    const start = at('family.')
    const end = at('We have') + 2
    const gap = at('family.') + 'family.'.length
    const state = stateOf(doc, {
      spans: [spanOf(doc.text, 'across', start, end), spanOf(doc.text, 'gap', gap, gap + 2)],
      relations: [],
      docLabels: {},
    })
    const list = decoList(state)
    expect(list.map((d) => d.id)).toEqual(['across'])
    expect(state.doc.textBetween(list[0].from, list[0].to, '|')).toBe('family.|We')
    // The undrawable span is still kept (and saved).
    expect(annotationsOf(state).spans.map((s) => s.id)).toEqual(['across', 'gap'])
  })

  it('keeps spans whose anchors do not fit the text, without drawing them', () => {
    const broken = { ...span('broken', 'hard choices'), end: doc.text.length + 10 }
    const state = stateOf(doc, { spans: [broken], relations: [], docLabels: {} })
    expect(decoList(state)).toEqual([])
    expect(annotationsOf(state).spans).toEqual([broken])
  })

  it('redraws every highlight with new layer looks on set-schema', () => {
    let state = run(stateOf(doc), addSpan(span('a', 'finance minister')))
    const schema = defaultSchema()
    schema.layers[0].color = '#112233'
    schema.layers[0].underline = 'double'
    state = state.apply(state.tr.setMeta(annotationKey, { type: 'set-schema', schema }))
    const deco = pluginState(state).decorations.find()[0]
    const attrs = (deco as unknown as { type: { attrs: Record<string, string> } }).type.attrs
    expect(attrs.style).toContain('#112233')
    expect(attrs.class).toContain('mg-ul-double')
  })

  it('refuses transactions that would change the text', () => {
    const state = stateOf(doc)
    const next = state.apply(state.tr.insertText('X', 3))
    expect(next.doc.eq(state.doc)).toBe(true)
  })

  it('picks the shortest stacked span on click, then cycles through the stack', () => {
    let state = stateOf(doc, {
      spans: [
        span('outer', 'the new budget would protect every family'),
        span('mid', 'protect every family', 'sentiment'),
        span('in', 'every', 'source'),
      ],
      relations: [],
      docLabels: {},
    })
    const stack = ['in', 'mid', 'outer']
    const order: (string | null)[] = []
    for (let i = 0; i < 4; i++) {
      const id = nextStackedSpan(state, stack)
      order.push(id)
      state = run(state, selectSpan(id))
    }
    expect(order).toEqual(['in', 'mid', 'outer', 'in'])
    expect(nextStackedSpan(state, [])).toBeNull()
  })
})

describe('assignLanes', () => {
  it('never gives two overlapping spans the same lane', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(100), fc.integer({ min: 1, max: 30 })), { maxLength: 40 }),
        (ranges) => {
          const placed = ranges.map(([from, len], i) => ({
            span: { id: `s${i}` } as Span,
            from,
            to: from + len,
          }))
          const lanes = assignLanes(placed)
          for (const a of placed)
            for (const b of placed)
              if (a !== b && a.from < b.to && b.from < a.to)
                expect(lanes.get(a.span.id)).not.toBe(lanes.get(b.span.id))
        },
      ),
    )
  })
})
