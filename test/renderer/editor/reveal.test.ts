import fc from 'fast-check'
import type { EditorState } from 'prosemirror-state'
import type { Decoration } from 'prosemirror-view'
import { describe, expect, it } from 'vitest'
import { revealTr } from '../../../src/renderer/src/editor/annotation-plugin'
import { addSpan, removeSpan, selectSpan, undo } from '../../../src/renderer/src/editor/commands'
import { buildDecorations } from '../../../src/renderer/src/editor/decorations'
import { createArticleState } from '../../../src/renderer/src/editor/state'
import { defaultSchema } from '../../../src/shared/default-schema'
import type { BlockType, Span } from '../../../src/shared/model'
import { decoList, makeDocument, pluginState, run, spanOf, stateOf } from './fixtures'

// Drawing only the first blocks' highlights at first must end, after any number of reveal steps or
// an edit in between, in exactly the decorations that drawing them all at once gives.

const BLOCKS = 12
const doc = makeDocument(
  Array.from({ length: BLOCKS }, (_, i): [BlockType, string, number?] =>
    i % 5 === 0 ? ['heading', `Heading ${i}`, 2] : ['paragraph', `Block ${i}: the minister said.`],
  ),
)
const LAYERS = ['claim', 'source', 'sentiment']

/** Random spans (overlapping, nested, across blocks), each with a distinct id. */
const spansArb = fc
  .array(
    fc.record({
      start: fc.integer({ min: 0, max: doc.text.length - 1 }),
      length: fc.integer({ min: 1, max: 60 }),
      layer: fc.constantFrom(...LAYERS),
    }),
    { maxLength: 40 },
  )
  .map((raw) =>
    raw.map(({ start, length, layer }, i) =>
      spanOf(doc.text, `s${i}`, start, Math.min(doc.text.length, start + length), layer),
    ),
  )

function progressive(spans: Span[], firstBlocks: number): EditorState {
  return createArticleState({
    document: doc,
    schema: defaultSchema(),
    initial: { spans, relations: [], docLabels: {} },
    firstBlocks,
  })
}

/** Applies reveal steps of the given sizes (then single steps) until nothing is pending. */
function revealAll(state: EditorState, counts: number[]): EditorState {
  let next = state
  for (let i = 0; ; i++) {
    const tr = revealTr(next, counts[i] ?? 1)
    if (!tr) return next
    next = next.apply(tr)
  }
}

describe('progressive highlights (firstBlocks)', () => {
  it('draws at first exactly the highlights starting in the first blocks', () => {
    fc.assert(
      fc.property(spansArb, fc.integer({ min: 0, max: BLOCKS + 1 }), (spans, firstBlocks) => {
        const state = progressive(spans, firstBlocks)
        const st = pluginState(state)
        const boundary = st.map.blocks[firstBlocks]?.pos ?? Infinity
        const all = decoList(stateOf(doc, { spans, relations: [], docLabels: {} }))
        expect(decoList(state)).toEqual(all.filter((d) => d.from < boundary))
        expect(st.pending.length).toBe(all.length - decoList(state).length)
      }),
    )
  })

  it('draws, once all are revealed, what buildDecorations draws: places, lanes, classes, styles', () => {
    // The first build places and lanes every span in one pass (placeAll) and makes the pending
    // decorations only when they are revealed; buildDecorations is the edits' own way.
    const look = (d: Decoration) => {
      const attrs = (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs
      return `${d.from}-${d.to} ${JSON.stringify(d.spec)} ${JSON.stringify(attrs)}`
    }
    fc.assert(
      fc.property(spansArb, fc.integer({ min: 0, max: BLOCKS }), (spans, firstBlocks) => {
        const done = revealAll(progressive(spans, firstBlocks), [3, 7])
        const st = pluginState(done)
        const ctx = { doc: done.doc, map: st.map, schema: st.schema }
        const expected = buildDecorations(ctx, spans, null).find().map(look).sort()
        expect(st.decorations.find().map(look).sort()).toEqual(expected)
      }),
    )
  })

  it('ends in the same decorations as drawing all at once, whatever the step sizes', () => {
    fc.assert(
      fc.property(
        spansArb,
        fc.integer({ min: 0, max: BLOCKS }),
        fc.array(fc.integer({ min: 1, max: 10 }), { maxLength: 8 }),
        (spans, firstBlocks, counts) => {
          const full = stateOf(doc, { spans, relations: [], docLabels: {} })
          const done = revealAll(progressive(spans, firstBlocks), counts)
          expect(pluginState(done).pending).toHaveLength(0)
          expect(decoList(done)).toEqual(decoList(full))
          expect(pluginState(done).revision).toBe(0)
        },
      ),
    )
  })

  it('an edit while highlights are pending draws them all first and agrees with the full set', () => {
    fc.assert(
      fc.property(
        // None already on the added span's range: adding it again is refused ("already tagged"),
        // which is not what this property is about (seed -38495230 drew one).
        spansArb.filter((s) => s.length > 2 && !s.some((x) => x.start === 5 && x.end === 40)),
        fc.integer({ min: 0, max: BLOCKS }),
        fc.nat(),
        (spans, firstBlocks, pick) => {
          const extra = spanOf(doc.text, 'extra', 5, 40, 'source')
          const victim = spans[pick % spans.length].id
          const edits = [addSpan(extra), selectSpan(victim), removeSpan(victim), undo]
          let full = stateOf(doc, { spans, relations: [], docLabels: {} })
          let partial = progressive(spans, firstBlocks)
          for (const edit of edits) {
            full = run(full, edit)
            partial = run(partial, edit)
            expect(pluginState(partial).pending).toHaveLength(0)
            expect(decoList(partial)).toEqual(decoList(full))
          }
        },
      ),
    )
  })
})
