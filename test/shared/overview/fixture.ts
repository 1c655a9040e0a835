// A small hand-made project for the Overview's tests: three documents whose spans, links and
// attributes are written out here, so every count a test expects can be read off this file
// (the tests count them from these literals, never with the production functions).
import { defaultSchema } from '../../../src/shared/default-schema'
import type { DocumentFile, Entity, Relation, Span } from '../../../src/shared/model'
import type { OverviewInputDocument } from '../../../src/shared/overview/overview-data'

const T = '2024-03-01T09:00:00.000Z'

export const ENTITIES: Entity[] = [
  { id: 'e-putin', name: 'Vladimir Putin', kind: 'person', aliases: [], note: '' },
  { id: 'e-kim', name: 'Kim Jong Un', kind: 'person', aliases: [], note: '' },
]

/** [id, layer, label, start, end, attributes, entity] */
type SpanSpec = [string, string, string, number, number, Span['attributes'], string?]
/** [id, type, from, to, attributes] */
type LinkSpec = [string, string, string, string, Relation['attributes']]

function doc(
  id: string,
  text: string,
  spans: SpanSpec[],
  links: LinkSpec[],
  publishedAt?: string,
): DocumentFile {
  return {
    format: 'marginalia-document',
    version: 3,
    document: {
      id,
      title: `Title ${id}`,
      metadata: publishedAt ? { publishedAt } : {},
      text,
      blocks: [{ type: 'paragraph', start: 0, end: text.length }],
      contentHash: `sha256:${'0'.repeat(64)}`,
    },
    annotations: {
      spans: spans.map(([sid, layer, label, start, end, attributes, entityId]) => ({
        id: sid,
        layer,
        label,
        start,
        end,
        quote: { exact: text.slice(start, end), prefix: '', suffix: '' },
        attributes,
        ...(entityId ? { entityId } : {}),
        annotator: 'tester',
        createdAt: T,
        updatedAt: T,
      })),
      relations: links.map(([rid, type, from, to, attributes]) => ({
        id: rid,
        type,
        from,
        to,
        attributes,
        annotator: 'tester',
        createdAt: T,
        updatedAt: T,
      })),
      docLabels: {},
    },
  }
}

//            0         1         2         3         4         5         6
//            0123456789012345678901234567890123456789012345678901234567890123456789
const TEXT_A = 'Putin said the treaty is binding. Kim denied any arms deal. Good.'
const TEXT_B = 'Putin claimed victory. Officials said prices will rise. Bad news.'
const TEXT_C = 'A claim nobody made.'

/**
 * Document a (published 2024-03-01): c1 by Putin (direct quote, asserts, factual), c2 by Kim
 * (indirect, denies, opinion), sentiment positive over "Good".
 * Document b (no published date; added 2024-03-03): c3 by Putin (paraphrase, asserts,
 * prediction) and by unlinked "Officials" (indirect, no stance), c4 by unlinked "Officials" again
 * (the same text, so the same source: direct quote, questions, no checkability), sentiment negative, sentiment with no polarity.
 * Document c (published 2024-03-02): c5 with no source, factual.
 */
export function overviewDocuments(): OverviewInputDocument[] {
  const a = doc(
    'a',
    TEXT_A,
    [
      ['s1', 'source', 'Source', 0, 5, {}, 'e-putin'],
      ['q1', 'cue', 'Cue', 6, 10, {}],
      ['c1', 'claim', 'Claim', 11, 33, { checkability: 'factual' }],
      ['s2', 'source', 'Source', 34, 37, {}, 'e-kim'],
      ['c2', 'claim', 'Claim', 45, 59, { checkability: 'opinion' }],
      ['m1', 'sentiment', 'Sentiment', 60, 64, { polarity: 'positive' }],
    ],
    [
      ['r1', 'attributed_to', 'c1', 's1', { attribution: 'direct_quote', stance: 'asserts' }],
      ['r2', 'cue_of', 'q1', 'c1', {}],
      ['r3', 'attributed_to', 'c2', 's2', { attribution: 'indirect', stance: 'denies' }],
    ],
    '2024-03-01T08:00:00Z',
  )
  const b = doc(
    'b',
    TEXT_B,
    [
      ['s3', 'source', 'Source', 0, 5, {}, 'e-putin'],
      ['c3', 'claim', 'Claim', 14, 21, { checkability: 'prediction' }],
      ['s4', 'source', 'Source', 23, 32, {}],
      ['c4', 'claim', 'Claim', 38, 54, {}],
      ['s5', 'source', 'Source', 23, 32, {}],
      ['m2', 'sentiment', 'Sentiment', 56, 59, { polarity: 'negative' }],
      ['m3', 'sentiment', 'Sentiment', 60, 64, {}],
    ],
    [
      ['r4', 'attributed_to', 'c3', 's3', { attribution: 'paraphrase', stance: 'asserts' }],
      ['r5', 'attributed_to', 'c3', 's4', { attribution: 'indirect' }],
      ['r6', 'attributed_to', 'c4', 's5', { attribution: 'direct_quote', stance: 'questions' }],
    ],
  )
  const c = doc(
    'c',
    TEXT_C,
    [['c5', 'claim', 'Claim', 0, 7, { checkability: 'factual' }]],
    [],
    '2024-03-02',
  )
  return [
    { entry: { id: 'a', title: 'Title a', addedAt: '2024-03-05T10:00:00.000Z' }, file: a },
    { entry: { id: 'b', title: 'Title b', addedAt: '2024-03-03T10:00:00.000Z' }, file: b },
    { entry: { id: 'c', title: 'Title c', addedAt: '2024-03-09T10:00:00.000Z' }, file: c },
  ]
}

export const SCHEMA = defaultSchema()
