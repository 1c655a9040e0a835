// The table of spans that the CSV and XLSX exports share: one row per span with fixed columns,
// one column per attribute (the union of every layer's definitions, in schema order, then any
// attribute found on spans but no longer in the schema, so no value is dropped), the entity's
// name, the span's outgoing relations as JSON (`[{id, type, to, attributes}]`, so a claim's row
// carries its attribution and a cue's row its link to the claim) and the annotator. Offsets are
// Unicode code points, so `text[start:end]` in Python selects the span.
import type { AnnotationSchema, DocumentFile } from '../../../shared/model'
import type { CheckedDocument } from './checked'
import type { ManifestBuilder } from './export-common'
import { StartOver, type ExportContext } from './types'

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

/** One row of the table; `layer` picks the XLSX sheet. */
export interface SpanRow {
  layer: string
  cells: SpanCell[]
}

/** What a first pass found: every attribute name, in column order (see `SpanTable`). */
interface AttributeSurvey {
  attributes: string[]
}

/**
 * The span table of an export, built a document at a time (counts go to the manifest; document
 * labels have no place in it and are counted as a loss). The header is known before the first
 * row: the schema's attributes, unless a span carries one the schema no longer has, in which case
 * `rows` throws StartOver and the export begins again after a pass that collects every name.
 */
export class SpanTable {
  readonly header: string[]
  private readonly attributes: string[]
  private readonly known: Set<string>
  private readonly entityNames: Map<string, string>

  constructor(
    context: ExportContext,
    private readonly manifest: ManifestBuilder,
  ) {
    const survey = context.survey as AttributeSurvey | undefined
    this.attributes = survey?.attributes ?? schemaAttributeNames(context.project.schema)
    this.known = new Set(this.attributes)
    const fixed = new Set<string>([...SPAN_LEADING_COLUMNS, ...SPAN_TRAILING_COLUMNS])
    this.header = [
      ...SPAN_LEADING_COLUMNS,
      ...this.attributes.map((name) => (fixed.has(name) ? `attr_${name}` : name)),
      ...SPAN_TRAILING_COLUMNS,
    ]
    this.entityNames = new Map(context.project.entities.map((e) => [e.id, e.name]))
  }

  /** The rows of one document, in span order. */
  rows(doc: CheckedDocument): SpanRow[] {
    this.checkColumns(doc)
    const { file, spans, relations, offsets } = doc
    const { document } = file
    const outgoing = new Map<string, object[]>()
    for (const r of relations) {
      const list = outgoing.get(r.from) ?? []
      list.push({ id: r.id, type: r.type, to: r.to, attributes: r.attributes })
      outgoing.set(r.from, list)
    }
    const rows = spans.map((span) => {
      const links = outgoing.get(span.id)
      const cells: SpanCell[] = [
        document.id,
        document.title,
        span.id,
        span.layer,
        span.label,
        document.text.slice(span.start, span.end),
        offsets.toCodePoint(span.start),
        offsets.toCodePoint(span.end),
      ]
      for (const name of this.attributes) {
        const value = span.attributes[name]
        cells.push(value === undefined ? '' : typeof value === 'number' ? value : String(value))
      }
      cells.push(
        span.entityId ? (this.entityNames.get(span.entityId) ?? span.entityId) : '',
        links ? JSON.stringify(links) : '',
        span.annotator,
      )
      return { layer: span.layer, cells }
    })
    this.manifest.documents++
    this.manifest.spans += spans.length
    this.manifest.relations += relations.length
    let docLabels = 0
    for (const values of Object.values(file.annotations.docLabels)) docLabels += values.length
    this.manifest.loss('document labels', 'a table of spans has no place for them', docLabels)
    return rows
  }

  /** Throws StartOver when a span of `doc` has an attribute that has no column. */
  private checkColumns(doc: CheckedDocument): void {
    const unknown = (file: DocumentFile) =>
      file.annotations.spans.some((s) => Object.keys(s.attributes).some((n) => !this.known.has(n)))
    if (!unknown(doc.file)) return
    const survey: AttributeSurvey = { attributes: [...this.attributes] }
    const seen = new Set(this.attributes)
    throw new StartOver(survey, ({ file }) => {
      for (const span of file.annotations.spans) {
        for (const name of Object.keys(span.attributes)) {
          if (!seen.has(name)) {
            seen.add(name)
            survey.attributes.push(name)
          }
        }
      }
    })
  }
}

/** Every attribute defined by a layer of the schema, in schema order, once per name. */
function schemaAttributeNames(schema: AnnotationSchema): string[] {
  const names = new Set<string>()
  for (const layer of schema.layers) for (const a of layer.attributes) names.add(a.name)
  return [...names]
}
