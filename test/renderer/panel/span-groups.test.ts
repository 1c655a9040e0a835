import { describe, expect, it } from 'vitest'
import { testSchema } from '../schema-fixture'
import type { Span } from '../../../src/shared/model'
import {
  groupSpans,
  labelKey,
  labelOptions,
  matchesFilter,
} from '../../../src/renderer/src/panel/span-groups'

const at = '2024-01-01T00:00:00.000Z'
function span(
  id: string,
  layer: string,
  start: number,
  end: number,
  exact: string,
  attributes = {},
): Span {
  return {
    id,
    layer,
    label: layer === 'claim' ? 'Claim' : layer === 'source' ? 'Source' : 'Sentiment',
    start,
    end,
    quote: { exact, prefix: '', suffix: '' },
    attributes,
    annotator: 'me',
    createdAt: at,
    updatedAt: at,
  }
}

const all = { label: null, text: '' }

describe('groupSpans', () => {
  it('groups by layer in schema order, each in reading order, with totals', () => {
    const spans = [
      span('b', 'claim', 50, 60, 'later claim'),
      span('s', 'source', 5, 10, 'Putin'),
      span('a', 'claim', 10, 20, 'first claim'),
    ]
    const groups = groupSpans(spans, testSchema(), all)
    expect(groups.map((g) => [g.layerId, g.total, g.spans.map((s) => s.id)])).toEqual([
      ['claim', 2, ['a', 'b']],
      ['source', 1, ['s']],
      ['sentiment', 0, []],
    ])
  })

  it('puts the outer of two spans starting together first', () => {
    const spans = [span('inner', 'claim', 0, 5, 'inner'), span('outer', 'claim', 0, 9, 'outer one')]
    expect(groupSpans(spans, testSchema(), all)[0].spans.map((s) => s.id)).toEqual([
      'outer',
      'inner',
    ])
  })

  it('keeps spans of a layer missing from the schema in a group of their own', () => {
    const groups = groupSpans([span('x', 'cue', 0, 4, 'said')], testSchema(), all)
    expect(groups.at(-1)).toMatchObject({ layerId: 'cue', total: 1 })
  })

  it('filters by label but keeps the unfiltered total', () => {
    const spans = [span('a', 'claim', 0, 1, 'x'), span('s', 'source', 2, 3, 'y')]
    const groups = groupSpans(spans, testSchema(), {
      label: labelKey('source', 'Source'),
      text: '',
    })
    expect(groups.map((g) => [g.spans.length, g.total])).toEqual([
      [0, 1],
      [1, 1],
      [0, 0],
    ])
  })
})

describe('matchesFilter', () => {
  const s = span('a', 'claim', 0, 10, 'The  Economy grew', { note: 'check with IMF' })
  it('matches quote text case- and whitespace-insensitively', () => {
    expect(matchesFilter(s, { label: null, text: 'economy GREW' })).toBe(true)
    expect(matchesFilter(s, { label: null, text: 'the economy' })).toBe(true)
    expect(matchesFilter(s, { label: null, text: 'shrank' })).toBe(false)
  })
  it('matches text attribute values such as the note', () => {
    expect(matchesFilter(s, { label: null, text: 'imf' })).toBe(true)
  })
  it('requires both label and text to match', () => {
    expect(matchesFilter(s, { label: labelKey('claim', 'Claim'), text: 'economy' })).toBe(true)
    expect(matchesFilter(s, { label: labelKey('source', 'Source'), text: 'economy' })).toBe(false)
  })
})

describe('labelOptions', () => {
  it('names labels by layer when they differ from the layer name', () => {
    const schema = testSchema()
    schema.layers[0].labels.push({ name: 'Prediction' })
    expect(labelOptions(schema).map((o) => o.text)).toEqual([
      'Claim',
      'Claim: Prediction',
      'Source',
      'Sentiment',
    ])
  })
})
