// Builders for format tests: a schema with every attribute type, documents with spans whose quotes
// are computed from the text, and a Python-style code-point slice to check exported offsets.
import { quoteOf } from '../../../../src/shared/anchor'
import {
  FORMAT_VERSION,
  type AnnotationSchema,
  type Attributes,
  type DocumentFile,
  type ProjectFile,
  type Relation,
  type Span,
} from '../../../../src/shared/model'
import { prepareExport } from '../../../../src/main/core/formats/checked'
import type { ExportInput } from '../../../../src/main/core/formats/types'

export const T0 = '2024-05-01T10:00:00.000Z'

/** A schema exercising every attribute type, a label with a space and an enum value with one. */
export function testSchema(): AnnotationSchema {
  return {
    name: 'Test',
    layers: [
      {
        id: 'claim',
        name: 'Claim',
        color: '#2563eb',
        underline: 'solid',
        labels: [{ name: 'Claim' }, { name: 'Counter claim' }],
        attributes: [
          { name: 'checkability', type: 'enum', values: ['factual', 'opinion', 'prediction'] },
          { name: 'verified', type: 'boolean' },
          { name: 'note', type: 'text' },
        ],
      },
      {
        id: 'source',
        name: 'Source',
        color: '#d97706',
        underline: 'dashed',
        labels: [{ name: 'Source', color: '#aa7700' }],
        attributes: [
          { name: 'kind', type: 'enum', values: ['person', 'news agency'] },
          { name: 'note', type: 'text' },
        ],
      },
      {
        id: 'sentiment',
        name: 'Sentiment',
        color: '#db2777',
        underline: 'wavy',
        labels: [{ name: 'Sentiment' }],
        attributes: [
          { name: 'intensity', type: 'number', min: 1, max: 3, integer: true },
          { name: 'score', type: 'number' },
        ],
      },
    ],
    relationTypes: [
      {
        id: 'attributed_to',
        name: 'attributed to',
        from: ['claim'],
        to: ['source'],
        attributes: [{ name: 'confidence', type: 'enum', values: ['high', 'low'] }],
      },
    ],
    labelSets: [
      { id: 'overall', name: 'Overall', values: ['positive', 'negative'], multiple: true },
    ],
  }
}

export interface SpanSpec {
  start: number
  end: number
  layer: string
  label: string
  attributes?: Attributes
  id?: string
}

let counter = 0

/** A document file whose spans' quotes are taken from the text. */
export function makeDoc(
  id: string,
  text: string,
  spans: SpanSpec[],
  relations: { from: number; to: number; type?: string; attributes?: Attributes }[] = [],
  docLabels: Record<string, string[]> = {},
  title = `Title of ${id}`,
): DocumentFile {
  const built: Span[] = spans.map((s) => ({
    id: s.id ?? `s${++counter}`,
    layer: s.layer,
    label: s.label,
    start: s.start,
    end: s.end,
    quote: quoteOf(text, s.start, s.end),
    attributes: s.attributes ?? {},
    annotator: 'ana',
    createdAt: T0,
    updatedAt: T0,
  }))
  const rels: Relation[] = relations.map((r) => ({
    id: `r${++counter}`,
    type: r.type ?? 'attributed_to',
    from: built[r.from].id,
    to: built[r.to].id,
    attributes: r.attributes ?? {},
    annotator: 'ana',
    createdAt: T0,
    updatedAt: T0,
  }))
  return {
    format: 'marginalia-document',
    version: FORMAT_VERSION,
    document: {
      id,
      title,
      metadata: { url: 'https://example.org/a' },
      text,
      blocks: [],
      contentHash: `sha256:${'0'.repeat(64)}`,
    },
    annotations: { spans: built, relations: rels, docLabels },
  }
}

/** A project file holding the given documents. */
export function makeProject(documents: DocumentFile[], schema = testSchema()): ProjectFile {
  return {
    format: 'marginalia-project',
    version: FORMAT_VERSION,
    id: 'p1',
    name: 'Test project',
    createdAt: T0,
    updatedAt: T0,
    schema,
    documents: documents.map((d) => ({
      id: d.document.id,
      title: d.document.title,
      file: `documents/${d.document.id}.json`,
      contentHash: d.document.contentHash,
      addedAt: T0,
    })),
    entities: [],
  }
}

/** An export input for the given documents, checked as the export runner checks them. */
export function makeInput(documents: DocumentFile[], schema = testSchema()): ExportInput {
  return prepareExport(makeProject(documents, schema), documents).input
}

/** Python's `text[start:end]` (code points). */
export function pySlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('')
}

/** The UTF-16 range of `needle`'s n-th occurrence in `text`. */
export function rangeOf(text: string, needle: string, nth = 0): { start: number; end: number } {
  let at = -1
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1)
    if (at === -1) throw new Error(`${needle} not found`)
  }
  return { start: at, end: at + needle.length }
}

/** Text of an exported file (string or UTF-8 bytes). */
export function asText(data: string | Uint8Array): string {
  return typeof data === 'string' ? data : new TextDecoder().decode(data)
}

/** A text mixing emoji, combining marks, CJK and (CRLF-imported, so now LF) line breaks. */
export const TRICKY_TEXT =
  'Ministers 😀 said: "cafe\u0301 prices rose."\r\nThe 👍🏽 agency AFP reported it.\r\n\r\n中文 claim here.'.replace(
    /\r\n/g,
    '\n',
  )
