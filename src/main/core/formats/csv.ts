// CSV of spans: the span table (span-table.ts) as RFC 4180 text (CRLF between rows; fields with a
// comma, quote or line break quoted, quotes doubled), UTF-8 with a BOM so Excel shows non-ASCII
// text intact, offsets in Unicode code points. A cell a spreadsheet could
// run as a formula is prefixed with ' (formula.ts: the rule, and how to undo it exactly); the
// manifest counts those cells, and the `escapeFormulas: false` option turns it off for analysis
// tools.
//
// Rows are written by `csvRow`, not csv-stringify: its per-cell casting and option handling were
// most of this export's own time (0.6 s of 100,000 rows). test/main/core/formats/csv-rows.test.ts
// holds `csvRow` to csv-stringify's bytes, with these options, on hostile cells.
import { exportFormat } from './define'
import { Extras, ManifestBuilder, optionsOf, provenanceLosses, safeStem } from './export-common'
import { QUOTE_PREFIX_REASON, needsQuotePrefix } from '../../../shared/formula'
import { SpanTable } from './span-table'

export const CSV_FORMAT_VERSION = '2'

export interface CsvOptions {
  /** Prefix formula-like cells with ' (default true). */
  escapeFormulas: boolean
}

export const csvFormat = exportFormat({
  name: 'csv',
  label: 'CSV (one row per span)',
  extension: '.csv',
  offsetUnit: 'codepoint',
  open(context, out) {
    const escapeFormulas = optionsOf<CsvOptions>(context).escapeFormulas !== false
    const manifest = new ManifestBuilder('csv', CSV_FORMAT_VERSION, 'codepoint')
    const table = new SpanTable(context, manifest)
    const extras = new Extras()
    const file = out.file(`${safeStem(context.project.name)}.csv`)
    let escaped = 0
    const cell = (value: string | number): string | number => {
      if (typeof value === 'number' || !escapeFormulas || !needsQuotePrefix(value)) return value
      escaped++
      return `'${value}`
    }
    file.write(`${BOM}${csvRow(table.header)}`)
    return {
      document(doc) {
        let text = ''
        for (const row of table.rows(doc)) text += csvRow(row.cells.map(cell))
        if (text) file.write(text)
        extras.add(doc)
      },
      finish() {
        file.close()
        manifest.loss("cells prefixed with '", QUOTE_PREFIX_REASON, escaped)
        provenanceLosses(manifest, extras, { annotators: true, timestamps: 'none' }, 'CSV')
        return manifest.build()
      },
    }
  },
})

const BOM = '\uFEFF'
/** A field that must be quoted: it holds a comma, a quote or a line break. */
const NEEDS_QUOTES = /[",\r\n]/

/**
 * One RFC 4180 record and its CRLF, as csv-stringify writes it with `record_delimiter: 'windows'`
 * and `quote_record_delimiter: true`: numbers as `String(n)`, an empty string as nothing, a field
 * with a comma, quote, CR or LF in quotes with its quotes doubled.
 */
export function csvRow(cells: readonly (string | number)[]): string {
  let line = ''
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += ','
    const value = cells[i]
    if (typeof value === 'number') line += String(value)
    else if (!NEEDS_QUOTES.test(value)) line += value
    else line += `"${value.replaceAll('"', '""')}"`
  }
  return `${line}\r\n`
}
