// CSV of spans: the span table (span-table.ts) as RFC 4180 text via csv-stringify (CRLF between
// rows; fields with a comma, quote or line break quoted, quotes doubled), UTF-8 with a BOM so
// Excel shows non-ASCII text intact, offsets in Unicode code points. A cell a spreadsheet could
// run as a formula is prefixed with ' (formula.ts: the rule, and how to undo it exactly); the
// manifest counts those cells, and the `escapeFormulas: false` option turns it off for analysis
// tools.
import { stringify } from 'csv-stringify/sync'
import { ManifestBuilder, optionsOf, provenanceLosses, safeStem } from './export-common'
import { QUOTE_PREFIX_REASON, needsQuotePrefix } from '../../../shared/formula'
import { spanTable } from './span-table'
import type { ExportFormatModule, ExportInput, ExportOutput } from './types'

export const CSV_FORMAT_VERSION = '2'

export interface CsvOptions {
  /** Prefix formula-like cells with ' (default true). */
  escapeFormulas: boolean
}

export const csvFormat: ExportFormatModule = {
  name: 'csv',
  label: 'CSV (one row per span)',
  extension: '.csv',
  offsetUnit: 'codepoint',
  export(input: ExportInput): ExportOutput {
    const escapeFormulas = optionsOf<CsvOptions>(input).escapeFormulas !== false
    const manifest = new ManifestBuilder('csv', CSV_FORMAT_VERSION, 'codepoint')
    const table = spanTable(input, manifest)
    let escaped = 0
    const cell = (value: string | number): string | number => {
      if (typeof value === 'number' || !escapeFormulas || !needsQuotePrefix(value)) return value
      escaped++
      return `'${value}`
    }
    const rows = [table.header, ...table.rows.map((row) => row.cells.map(cell))]
    manifest.loss("cells prefixed with '", QUOTE_PREFIX_REASON, escaped)
    provenanceLosses(manifest, input.documents, { annotators: true, timestamps: 'none' }, 'CSV')
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
