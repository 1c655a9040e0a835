// Documents with spans for the native (jsonl, csv) export tests, built through the real importer so
// the text is canonical (BOM removed, CRLF → LF) exactly as a project would hold it.
import { importDocumentFile } from '../../../../src/main/core/import'
import { quoteOf } from '../../../../src/shared/anchor'
import { defaultSchema } from '../../../../src/shared/default-schema'
import {
  FORMAT_VERSION,
  type DocumentFile,
  type ProjectFile,
  type Relation,
  type Span,
} from '../../../../src/shared/model'

const T = '2024-06-19T10:00:00.000Z'

export interface SpanSpec {
  id: string
  layer: string
  label: string
  /** The exact text the span covers; the first occurrence at or after `from` is used. */
  find: string
  from?: number
  attributes?: Span['attributes']
  entityId?: string
}

/** A document imported from `source` (a .txt file's bytes as a string) with the given spans. */
export function docWithSpans(
  id: string,
  source: string,
  specs: SpanSpec[],
  relations: Pick<Relation, 'id' | 'type' | 'from' | 'to'>[] = [],
): DocumentFile {
  const imported = importDocumentFile(`${id}.txt`, new TextEncoder().encode(source))
  const { text } = imported
  const spans: Span[] = specs.map((s) => {
    const start = text.indexOf(s.find, s.from ?? 0)
    if (start < 0) throw new Error(`fixture: ${JSON.stringify(s.find)} not in ${id}`)
    const end = start + s.find.length
    return {
      id: s.id,
      layer: s.layer,
      label: s.label,
      start,
      end,
      quote: quoteOf(text, start, end),
      attributes: s.attributes ?? {},
      ...(s.entityId ? { entityId: s.entityId } : {}),
      annotator: 'ana',
      createdAt: T,
      updatedAt: T,
    }
  })
  return {
    format: 'marginalia-document',
    version: FORMAT_VERSION,
    document: { ...imported, id, contentHash: `sha256:${'0'.repeat(64)}` },
    annotations: {
      spans,
      relations: relations.map((r) => ({
        ...r,
        attributes: {},
        annotator: 'ana',
        createdAt: T,
        updatedAt: T,
      })),
      docLabels: {},
    },
  }
}

/** A project file holding the default schema and no documents (exports take documents apart). */
export function projectFile(overrides: Partial<ProjectFile> = {}): ProjectFile {
  return {
    format: 'marginalia-project',
    version: FORMAT_VERSION,
    id: 'p-test',
    name: 'Test project',
    createdAt: T,
    updatedAt: T,
    schema: defaultSchema(),
    documents: [],
    entities: [],
    ...overrides,
  }
}

/**
 * Source text with the cases that make offsets drift: CRLF line ends (normalised on import),
 * emoji outside the BMP (two UTF-16 units, one code point), a flag (two code points), a
 * decomposed "é" (e + combining accent) and a family emoji joined with ZWJ.
 */
export const TRICKY_SOURCE =
  '\uFEFFHeadline 😀 with emoji\r\n\r\nThe minister 🇫🇷 said the cafe\u0301 would close.\r\n' +
  'Critics 👨‍👩‍👧 disagreed, "loudly", on Tuesday.\r\n'

/** Spans over TRICKY_SOURCE, each starting after at least one astral character. */
export const TRICKY_SPANS: SpanSpec[] = [
  {
    id: 's-emoji',
    layer: 'sentiment',
    label: 'Sentiment',
    find: '😀 with',
    attributes: { polarity: 'positive', intensity: 2 },
  },
  {
    id: 's-claim',
    layer: 'claim',
    label: 'Claim',
    find: 'said the cafe\u0301 would close',
    attributes: { checkability: 'factual', note: 'a, "quoted"\nnote' },
  },
  {
    id: 's-source',
    layer: 'source',
    label: 'Source',
    find: 'The minister 🇫🇷',
    attributes: { kind: 'government' },
  },
  {
    id: 's-family',
    layer: 'source',
    label: 'Source',
    find: 'Critics 👨‍👩‍👧',
    attributes: { kind: 'person' },
  },
  {
    id: 's-quote',
    layer: 'claim',
    label: 'Claim',
    find: 'disagreed, "loudly",',
    attributes: { checkability: 'opinion' },
  },
]
