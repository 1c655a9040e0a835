import { describe, expect, it } from 'vitest'
import { claimRows, claimsWithoutSource, sourceSummaries } from '../../src/shared/claims'
import { defaultSchema } from '../../src/shared/default-schema'
import { quoteOf } from '../../src/shared/anchor'
import type { DocumentFile, Relation, Span } from '../../src/shared/model'

const T = '2026-01-01T00:00:00.000Z'
const text = 'Putin said the alliance is strong. Kim praised it warmly. Analysts doubt it.'

function span(
  id: string,
  layer: string,
  exact: string,
  attributes: Span['attributes'] = {},
  entityId?: string,
): Span {
  const start = text.indexOf(exact)
  return {
    id,
    layer,
    label: layer,
    start,
    end: start + exact.length,
    quote: quoteOf(text, start, start + exact.length),
    attributes,
    annotator: 'a',
    createdAt: T,
    updatedAt: T,
    ...(entityId ? { entityId } : {}),
  }
}
function rel(
  id: string,
  type: string,
  from: string,
  to: string,
  attributes: Relation['attributes'] = {},
): Relation {
  return { id, type, from, to, attributes, annotator: 'a', createdAt: T, updatedAt: T }
}

const file: DocumentFile = {
  format: 'marginalia-document',
  version: 1,
  document: {
    id: 'd1',
    title: 'Doc',
    metadata: {},
    text,
    blocks: [],
    contentHash: 'sha256:' + '0'.repeat(64),
  },
  annotations: {
    spans: [
      span('c2', 'claim', 'Analysts doubt it', { checkability: 'opinion' }),
      span('c1', 'claim', 'the alliance is strong', { checkability: 'factual' }),
      span('s1', 'source', 'Putin', {}, 'e-putin'),
      span('q1', 'cue', 'said'),
      span('m1', 'sentiment', 'alliance is strong', { polarity: 'positive' }),
      span('m2', 'sentiment', 'praised it warmly', { polarity: 'positive' }),
    ],
    relations: [
      rel('r1', 'attributed_to', 'c1', 's1', { attribution: 'indirect', stance: 'asserts' }),
      rel('r2', 'cue_of', 'q1', 'c1'),
    ],
    docLabels: {},
  },
}

describe('claims table', () => {
  const entities = [
    { id: 'e-putin', name: 'Vladimir Putin', kind: 'person', aliases: [], note: '' },
  ]
  const rows = claimRows(defaultSchema(), file, entities)

  it('lists claims in reading order with source, entity, cue, attribution, stance and sentiment', () => {
    expect(rows.map((r) => r.claimId)).toEqual(['c1', 'c2'])
    expect(rows[0]).toMatchObject({
      claimText: 'the alliance is strong',
      checkability: 'factual',
      sources: [
        {
          spanId: 's1',
          text: 'Putin',
          entityName: 'Vladimir Putin',
          attribution: 'indirect',
          stance: 'asserts',
        },
      ],
      cues: [{ spanId: 'q1', text: 'said' }],
      sentiments: [{ spanId: 'm1', polarity: 'positive' }],
    })
    expect(rows[1].sources).toEqual([])
    expect(rows[1].sentiments).toEqual([])
  })

  it('flags claims without a source', () => {
    expect(claimsWithoutSource(defaultSchema(), file).map((s) => s.id)).toEqual(['c2'])
  })

  it('summarises claims per entity', () => {
    const [putin] = sourceSummaries(rows)
    expect(putin).toMatchObject({ entityId: 'e-putin', name: 'Vladimir Putin', claims: 1 })
    expect(putin.checkability).toEqual({ factual: 1 })
    expect(putin.sentiment).toEqual({ positive: 1 })
    expect(putin.documents).toEqual([{ id: 'd1', title: 'Doc' }])
  })
})
