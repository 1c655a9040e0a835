// The table of spans that the CSV and XLSX exports share: one row per span with fixed columns,
// one column per attribute (the union of every layer's definitions, in schema order, then any
// attribute found on spans but no longer in the schema, so no value is dropped), the entity's
// name, the span's outgoing relations as JSON (`[{id, type, to, attributes}]`, so a claim's row
// carries its attribution and a cue's row its link to the claim) and the annotator. Offsets are
// Unicode code points, so `text[start:end]` in Python selects the span.
import type { AnnotationSchema, DocumentFile } from '../../../shared/model'
import type { ManifestBuilder } from './export-common'
import type { ExportInput } from './types'

/** The fixed columns before the attribute columns. */
export const SPAN_LEADING_COLUMNS = [
  'document_id',
  'document_title',
  'span_id',
  'layer',
  'label',
  'text',
  'start',
  'end',
] as const
/** The fixed columns after the attribute columns. */
export const SPAN_TRAILING_COLUMNS = ['entity', 'relations', 'annotator'] as const

export type SpanCell = string | number

export interface SpanTable {
  header: string[]
  rows: { layer: string; cells: SpanCell[] }[]
}

/**
 * Builds the span table of an export (counts go to `manifest`); document labels have no place in
 * it and are counted as a loss.
 */
export function spanTable(input: ExportInput, manifest: ManifestBuilder): SpanTable {
  const attributes = attributeNames(
    input.project.schema,
    input.documents.map((d) => d.file),
  )
  const fixed = new Set<string>([...SPAN_LEADING_COLUMNS, ...SPAN_TRAILING_COLUMNS])
  const header = [
    ...SPAN_LEADING_COLUMNS,
    ...attributes.map((name) => (fixed.has(name) ? `attr_${name}` : name)),
    ...SPAN_TRAILING_COLUMNS,
  ]
  const entityNames = new Map(input.project.entities.map((e) => [e.id, e.name]))
  const rows: SpanTable['rows'] = []
  for (const { file, spans, relations, offsets } of input.documents) {
    const { document } = file
    const outgoing = new Map<string, object[]>()
    for (const r of relations) {
      const list = outgoing.get(r.from) ?? []
      list.push({ id: r.id, type: r.type, to: r.to, attributes: r.attributes })
      outgoing.set(r.from, list)
    }
    for (const span of spans) {
      const links = outgoing.get(span.id)
      rows.push({
        layer: span.layer,
        cells: [
          document.id,
          document.title,
          span.id,
          span.layer,
          span.label,
          document.text.slice(span.start, span.end),
          offsets.toCodePoint(span.start),
          offsets.toCodePoint(span.end),
          ...attributes.map((name) => {
            const value = span.attributes[name]
            return value === undefined ? '' : typeof value === 'number' ? value : String(value)
          }),
          span.entityId ? (entityNames.get(span.entityId) ?? span.entityId) : '',
          links ? JSON.stringify(links) : '',
          span.annotator,
        ],
      })
    }
    manifest.documents++
    manifest.spans += spans.length
    manifest.relations += relations.length
    manifest.loss(
      'document labels',
      'a table of spans has no place for them',
      Object.values(file.annotations.docLabels).flat().length,
    )
  }
  return { header, rows }
}

/**
 * Attribute columns: every attribute defined by a layer of the schema, in schema order, once per
 * name; then any attribute found on spans but no longer in the schema.
 */
export function attributeNames(schema: AnnotationSchema, documents: DocumentFile[]): string[] {
  const names = new Set<string>()
  for (const layer of schema.layers) for (const a of layer.attributes) names.add(a.name)
  for (const file of documents) {
    for (const span of file.annotations.spans)
      for (const name of Object.keys(span.attributes)) names.add(name)
  }
  return [...names]
}
