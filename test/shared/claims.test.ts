import { describe, expect, it } from 'vitest'
import {
  DEFAULT_FRAME,
  claimRows,
  claimsWithoutSource,
  frameOf,
  sourceSummaries,
  unsourcedClaims,
} from '../../src/shared/claims'
import { defaultSchema } from '../../src/shared/default-schema'
import { quoteOf } from '../../src/shared/anchor'
import {
  FORMAT_VERSION,
  type AnnotationSchema,
  type DocumentFile,
  type Relation,
  type Span,
} from '../../src/shared/model'

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
  version: FORMAT_VERSION,
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

  it('lists each document of a source once, in the order its claims come', () => {
    const [claim] = rows
    const inDoc = (documentId: string, claimId: string) => ({
      ...claim,
      documentId,
      documentTitle: documentId.toUpperCase(),
      claimId,
    })
    const order = ['d2', 'd1', 'd2', 'd3', 'd1', 'd3', 'd2']
    const [putin] = sourceSummaries(order.map((d, i) => inDoc(d, `c${i}`)))
    expect(putin.claims).toBe(7)
    expect(putin.documents).toEqual([
      { id: 'd2', title: 'D2' },
      { id: 'd1', title: 'D1' },
      { id: 'd3', title: 'D3' },
    ])
  })
})

describe('the attribution frame', () => {
  it('is filled by the default schema: each role names a layer or a relation of the right ends', () => {
    const schema = defaultSchema()
    const frame = frameOf(schema)
    expect(frame).toEqual(DEFAULT_FRAME)
    const layers = new Set(schema.layers.map((l) => l.id))
    for (const role of [
      frame.claimLayer,
      frame.sourceLayer,
      frame.cueLayer,
      frame.sentimentLayer,
    ]) {
      expect(layers).toContain(role)
    }
    const type = (id?: string) => schema.relationTypes.find((t) => t.id === id)
    expect(type(frame.attribution)).toMatchObject({ from: ['claim'], to: ['source'] })
    expect(type(frame.cueRelation)).toMatchObject({ from: ['cue'], to: ['claim'] })
  })

  it('falls back to the default roles when a schema names none', () => {
    const schema = defaultSchema()
    delete schema.frame
    expect(frameOf(schema)).toEqual(DEFAULT_FRAME)
    expect(claimRows(schema, file, []).map((r) => r.claimId)).toEqual(['c1', 'c2'])
  })

  it('reads a renamed schema through its frame', () => {
    const rename: Record<string, string> = {
      claim: 'assertion',
      source: 'speaker',
      cue: 'verb',
      attributed_to: 'said_by',
      cue_of: 'introduces',
    }
    const schema: AnnotationSchema = {
      ...defaultSchema(),
      frame: {
        claimLayer: 'assertion',
        sourceLayer: 'speaker',
        cueLayer: 'verb',
        attribution: 'said_by',
        cueRelation: 'introduces',
      },
    }
    const renamed: DocumentFile = {
      ...file,
      annotations: {
        ...file.annotations,
        spans: file.annotations.spans.map((s) => ({ ...s, layer: rename[s.layer] ?? s.layer })),
        relations: file.annotations.relations.map((r) => ({ ...r, type: rename[r.type] })),
      },
    }
    const [c1] = claimRows(schema, renamed, [])
    expect(c1.sources.map((s) => s.spanId)).toEqual(['s1'])
    expect(c1.cues.map((c) => c.text)).toEqual(['said'])
    // No sentiment role in this frame: no sentiment column data.
    expect(c1.sentiments).toEqual([])
    expect(claimsWithoutSource(schema, renamed).map((s) => s.id)).toEqual(['c2'])
    // The default roles find nothing in the renamed file.
    expect(claimRows(defaultSchema(), renamed, [])).toEqual([])
  })

  it('locates unsourced claims for a report, in reading order', () => {
    const twoUnsourced: DocumentFile = {
      ...file,
      annotations: { ...file.annotations, relations: [] },
    }
    expect(unsourcedClaims(defaultSchema(), twoUnsourced)).toEqual([
      {
        documentId: 'd1',
        documentTitle: 'Doc',
        claimId: 'c1',
        text: 'the alliance is strong',
        start: 11,
        end: 33,
      },
      {
        documentId: 'd1',
        documentTitle: 'Doc',
        claimId: 'c2',
        text: 'Analysts doubt it',
        start: 58,
        end: 75,
      },
    ])
  })
})
