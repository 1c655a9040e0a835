import { describe, expect, it } from 'vitest'
import { annotationsOf } from '../../../src/renderer/src/editor/annotation-plugin'
import { redo, undo, updateRelation } from '../../../src/renderer/src/editor/commands'
import {
  linkProblem,
  linkSpans,
  retargetRelation,
} from '../../../src/renderer/src/editor/link-commands'
import { makeDocument, pluginState, run, spanOf, stateOf } from './fixtures'

const doc = makeDocument([
  ['paragraph', 'Putin said the deal protects both nations, according to TASS.'],
])
const at = (s: string) => doc.text.indexOf(s)
const span = (id: string, quote: string, layer: string) =>
  spanOf(doc.text, id, at(quote), at(quote) + quote.length, layer)
const initial = {
  spans: [
    span('putin', 'Putin', 'source'),
    span('deal', 'the deal protects both nations', 'claim'),
    span('tass', 'TASS', 'source'),
    span('mood', 'protects', 'sentiment'),
  ],
  relations: [],
  docLabels: {},
}

describe('link commands', () => {
  it('links a claim to a source with the type’s attributes, and undo/redo cover it', () => {
    const s0 = stateOf(doc, initial)
    const s1 = run(
      s0,
      linkSpans({ type: 'attributed_to', from: 'deal', to: 'putin', annotator: 'ann', id: 'r1' }),
    )
    const [r] = annotationsOf(s1).relations
    expect(r).toMatchObject({ id: 'r1', type: 'attributed_to', from: 'deal', to: 'putin' })
    expect(r.annotator).toBe('ann')
    expect(r.attributes).toEqual({})
    const s2 = run(s1, undo)
    expect(annotationsOf(s2).relations).toEqual([])
    expect(annotationsOf(run(s2, redo)).relations).toEqual([r])
  })

  it('refuses links the schema forbids, duplicates and self-links', () => {
    const s0 = stateOf(doc, initial)
    const link = (type: string, from: string, to: string) =>
      linkSpans({ type, from, to, annotator: '' })(s0)
    expect(link('attributed_to', 'putin', 'deal')).toBe(false)
    expect(link('attributed_to', 'deal', 'mood')).toBe(false)
    expect(link('attributed_to', 'deal', 'deal')).toBe(false)
    expect(link('unknown', 'deal', 'putin')).toBe(false)
    const s1 = run(
      s0,
      linkSpans({ type: 'attributed_to', from: 'deal', to: 'putin', annotator: '' }),
    )
    expect(linkProblem(s1, { type: 'attributed_to', from: 'deal', to: 'putin' })).toMatch(/already/)
    expect(linkSpans({ type: 'attributed_to', from: 'deal', to: 'putin', annotator: '' })(s1)).toBe(
      false,
    )
  })

  it('retargets a relation to another allowed span, undoably, keeping its attributes', () => {
    let s = stateOf(doc, initial)
    s = run(
      s,
      linkSpans({ type: 'attributed_to', from: 'deal', to: 'putin', annotator: '', id: 'r' }),
    )
    s = run(s, updateRelation('r', { attributes: { stance: 'denies' } }))
    expect(retargetRelation('r', 'to', 'mood')(s)).toBe(false)
    expect(retargetRelation('r', 'to', 'deal')(s)).toBe(false)
    s = run(s, retargetRelation('r', 'to', 'tass'))
    expect(pluginState(s).relations[0]).toMatchObject({
      to: 'tass',
      attributes: { stance: 'denies' },
    })
    s = run(s, undo)
    expect(pluginState(s).relations[0].to).toBe('putin')
  })
})
