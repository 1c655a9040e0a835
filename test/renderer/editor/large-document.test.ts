import { describe, expect, it } from 'vitest'
import { annotationsOf } from '../../../src/renderer/src/editor/annotation-plugin'
import { addSpan, removeSpan, undo } from '../../../src/renderer/src/editor/commands'
import type { Span } from '../../../src/shared/model'
import { makeDocument, pluginState, run, spanOf, stateOf } from './fixtures'

// A ~1 MB article of 5,000 paragraphs with 20,000 spans, four per paragraph, two of them nested,
// as in the benchmark. No timing is asserted; this checks that it all works at that size.
describe('a large document', () => {
  const sentence = 'The minister said the budget would protect every family, critics disagreed. '
  const parts = Array.from(
    { length: 5000 },
    (_, i) => ['paragraph', `${i}. ${sentence.repeat(3)}`] as ['paragraph', string],
  )
  const doc = makeDocument(parts)
  const spans: Span[] = []
  for (const [i, block] of doc.blocks.entries()) {
    const t = (q: string, from = block.start) => doc.text.indexOf(q, from)
    const add = (id: string, start: number, end: number, layer: string) =>
      spans.push(spanOf(doc.text, `${id}${i}`, start, end, layer))
    add('c', t('the budget'), t('family') + 6, 'claim')
    add('m', t('protect'), t('family') + 6, 'sentiment')
    add('s', t('minister'), t('minister') + 8, 'source')
    add('x', t('critics'), t('disagreed') + 9, 'claim')
  }

  it('builds 20,000 decorations and edits them incrementally', () => {
    expect(doc.text.length).toBeGreaterThan(1_000_000)
    expect(spans).toHaveLength(20_000)
    let state = stateOf(doc, { spans, relations: [], docLabels: {} })
    const st = pluginState(state)
    expect(st.decorations.find()).toHaveLength(20_000)
    const inLast = st.decorations.find(st.map.blocks[4999].pos, st.map.blocks[4999].pos + 500)
    expect(inLast.map((d) => d.spec.lane).sort()).toEqual([0, 0, 0, 1])

    const before = pluginState(state).decorations
    const block = doc.blocks[2500]
    const extra = spanOf(doc.text, 'extra', block.start + 3, block.start + 12, 'source')
    state = run(state, addSpan(extra))
    expect(pluginState(state).decorations.find()).toHaveLength(20_001)
    expect(pluginState(state).decorations).not.toBe(before)
    state = run(state, removeSpan('c2500'))
    state = run(state, undo)
    expect(annotationsOf(state).spans).toHaveLength(20_001)
  })
})
