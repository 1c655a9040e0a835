// CSV of spans: the span table (span-table.ts) as RFC 4180 text via csv-stringify (CRLF between
// rows; fields with a comma, quote or line break quoted, quotes doubled), UTF-8 with a BOM so
// Excel shows non-ASCII text intact, offsets in Unicode code points. A cell a spreadsheet could
// run as a formula is prefixed with ' (formula.ts: the rule, and how to undo it exactly); the
// manifest counts those cells, and the `escapeFormulas: false` option turns it off for analysis
// tools.
import { stringify } from 'csv-stringify/sync'
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
    file.write(csvRows([table.header], true))
    return {
      document(doc) {
        const rows = table.rows(doc).map((row) => row.cells.map(cell))
        if (rows.length > 0) file.write(csvRows(rows, false))
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

/** RFC 4180 rows (CRLF after each), with the UTF-8 BOM before the first when `bom`. */
function csvRows(rows: (string | number)[][], bom: boolean): string {
  return stringify(rows, {
    bom,
    record_delimiter: 'windows',
    // csv-stringify quotes line breaks only when told to once a record delimiter is set.
    quote_record_delimiter: true,
  })
}
