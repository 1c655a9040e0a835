// CSV of spans: one row per span, one column per attribute (the union of every layer's attribute
// definitions, in schema order). Written for spreadsheets and for pandas/R: RFC 4180 (CRLF between
// rows; fields with a comma, quote or line break quoted, quotes doubled) via csv-stringify, UTF-8
// with a BOM so Excel shows non-ASCII text intact, and offsets in Unicode code points so
// `text[start:end]` in Python selects the span. A cell that starts with =, +, -, @ (or a tab/CR)
// is prefixed with ' so a spreadsheet does not run text from an article as a formula; the manifest
// counts those cells, and the `escapeFormulas: false` option turns it off for analysis tools.
import { stringify } from 'csv-stringify/sync'
import type { AnnotationSchema, AttributeValue, DocumentFile } from '../../../shared/model'
import { ManifestBuilder, checkAll, optionsOf, safeStem } from './export-common'
import type { ExportFormatModule, ExportInput, ExportOutput } from './types'

export const CSV_FORMAT_VERSION = '1'

/** The fixed columns; attribute columns go between `end` and `entity`. */
export const CSV_LEADING_COLUMNS = [
  'document_id',
  'document_title',
  'span_id',
  'layer',
  'label',
  'text',
  'start',
  'end',
] as const
export const CSV_TRAILING_COLUMNS = ['entity', 'annotator'] as const

export interface CsvOptions {
  /** Prefix formula-like cells with ' (default true). */
  escapeFormulas: boolean
}

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/

export const csvFormat: ExportFormatModule = {
  name: 'csv',
  label: 'CSV (one row per span)',
  extension: '.csv',
  offsetUnit: 'codepoint',
  export(input: ExportInput, onProgress): ExportOutput {
    const escapeFormulas = optionsOf<CsvOptions>(input).escapeFormulas !== false
    const manifest = new ManifestBuilder('csv', CSV_FORMAT_VERSION, 'codepoint')
    const attributes = attributeNames(input.project.schema, input.documents)
    const attributeHeaders = attributes.map((name) =>
      (CSV_LEADING_COLUMNS as readonly string[]).includes(name) ||
      (CSV_TRAILING_COLUMNS as readonly string[]).includes(name)
        ? `attr_${name}`
        : name,
    )
    const entityNames = new Map(input.project.entities.map((e) => [e.id, e.name]))
    let escaped = 0
    const cell = (value: string): string => {
      if (!escapeFormulas || !FORMULA_START.test(value)) return value
      escaped++
      return `'${value}`
    }

    const rows: (string | number)[][] = [
      [...CSV_LEADING_COLUMNS, ...attributeHeaders, ...CSV_TRAILING_COLUMNS],
    ]
    for (const { file, spans, relations, offsets } of checkAll(input, manifest, onProgress)) {
      const { document } = file
      for (const span of spans) {
        rows.push([
          cell(document.id),
          cell(document.title),
          cell(span.id),
          cell(span.layer),
          cell(span.label),
          cell(document.text.slice(span.start, span.end)),
          offsets.toCodePoint(span.start),
          offsets.toCodePoint(span.end),
          ...attributes.map((name) => attributeCell(span.attributes[name], cell)),
          cell(span.entityId ? (entityNames.get(span.entityId) ?? span.entityId) : ''),
          cell(span.annotator),
        ])
      }
      manifest.documents++
      manifest.spans += spans.length
      manifest.loss(
        'relations',
        'CSV has one row per span and no place for relations',
        relations.length,
      )
      const labels = Object.values(file.annotations.docLabels).flat().length
      manifest.loss('document labels', 'CSV has one row per span and no place for them', labels)
    }
    manifest.loss(
      "cells prefixed with '",
      'they started with =, +, -, @, tab or CR, which spreadsheets run as formulas',
      escaped,
    )
    const data = stringify(rows, {
      bom: true,
      record_delimiter: 'windows',
      // csv-stringify quotes line breaks only when told to once a record delimiter is set.
      quote_record_delimiter: true,
    })
    return {
      files: [{ path: `${safeStem(input.project.name)}.csv`, data }],
      manifest: manifest.build(),
    }
  },
}

/**
 * Attribute columns: every attribute defined by a layer of the schema, in schema order, once per
 * name; then any attribute found on spans but no longer in the schema, so no value is dropped.
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

function attributeCell(
  value: AttributeValue | undefined,
  cell: (value: string) => string,
): string | number {
  if (value === undefined) return ''
  if (typeof value === 'number') return value
  return cell(String(value))
}
