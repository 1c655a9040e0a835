// XLSX of spans, export only: one sheet per layer, with the CSV's columns (span-table.ts), offsets in
// code points. Written directly as SpreadsheetML (the five XML parts a workbook needs), streamed
// into a zip (output/zip-out.ts): each layer's rows are compressed as the documents come (a part
// of the zip), and each sheet is the header row, then its part. The sheet's entry cannot start
// before the last document: the parts before the sheets name every sheet, and a layer found only
// on spans adds one. Strings are inline strings, so a cell is never a formula and needs no
// escaping. Excel caps a cell at 32,767 characters and XML cannot hold some control characters:
// both are counted as losses.
import { ZipWriter } from '../output/zip-out'
import { exportFormat } from './define'
import { Extras, ManifestBuilder, provenanceLosses, safeStem } from './export-common'
import { SpanTable } from './span-table'
import type { TextOut, ZipOut } from './types'
import { attrs, escapeText, xmlSafe } from './xml'
import { zipTime } from './zip-time'

const CELL_LIMIT = 32767

type Cell = string | number

/** Column letters of a 0-based index (0 → A, 26 → AA). */
export function columnName(index: number): string {
  let name = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  }
  return name
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, '_')
      .replace(/^'|'$/g, '_')
      .slice(0, 31) || 'Sheet'
  let candidate = base
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    candidate = `${base.slice(0, 31 - String(n).length - 1)}_${n}`
  }
  taken.add(candidate.toLowerCase())
  return candidate
}

export const xlsxFormat = exportFormat({
  name: 'xlsx',
  label: 'Excel workbook (spans, one sheet per layer)',
  extension: '.xlsx',
  offsetUnit: 'codepoint',
  open(context, out) {
    const manifest = new ManifestBuilder('xlsx', 'ooxml-spreadsheetml-1', 'codepoint')
    const table = new SpanTable(context, manifest)
    const extras = new Extras()
    const { schema } = context.project
    const zip = out.zip(`${safeStem(context.project.name)}.xlsx`, zipTime(context.project))
    // A sheet per layer of the schema, then one per layer found only on spans, in that order.
    const sheets = new Map<string, { rows: TextOut; count: number }>()
    const sheetOf = (layer: string) => {
      let sheet = sheets.get(layer)
      if (!sheet) {
        // Compressed as it comes: 69 MB of XML for 100,000 spans went to a scratch file, was read
        // back after the last document and only then compressed.
        sheet = { rows: zip.part(), count: 1 } // row 1 is the header
        sheets.set(layer, sheet)
      }
      return sheet
    }
    for (const layer of schema.layers) sheetOf(layer.id)
    return {
      document(doc) {
        for (const row of table.rows(doc)) {
          const sheet = sheetOf(row.layer)
          sheet.rows.write(rowXml(++sheet.count, row.cells, manifest))
        }
        extras.add(doc)
      },
      finish() {
        const taken = new Set<string>()
        const named = [...sheets].map(([id, sheet]) => ({
          name: sheetName(schema.layers.find((l) => l.id === id)?.name ?? id, taken),
          sheet,
        }))
        writeParts(
          zip,
          named.map((s) => s.name),
        )
        named.forEach(({ sheet }, i) => {
          sheet.rows.close()
          const entry = zip.entry(`xl/worksheets/sheet${i + 1}.xml`)
          entry.write(SHEET_START + rowXml(1, table.header, manifest))
          entry.append(sheet.rows)
          entry.write(SHEET_END)
          entry.close()
        })
        zip.close()
        provenanceLosses(manifest, extras, { annotators: true, timestamps: 'none' }, 'XLSX')
        return manifest.build()
      },
    }
  },
})

const SHEET_START =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
  '<sheetData>'
const SHEET_END = '</sheetData></worksheet>'

/** Column letters of the first columns, worked out once. */
const COLUMNS = Array.from({ length: 64 }, (_, i) => columnName(i))

/**
 * Row `r` (1-based) of a worksheet; row 1 is bold. What a cell cannot hold is counted in
 * `manifest`.
 */
export function rowXml(r: number, row: readonly Cell[], manifest: ManifestBuilder): string {
  let xml = `<row r="${r}">`
  for (let c = 0; c < row.length; c++) {
    const value = row[c]
    const ref = `${COLUMNS[c] ?? columnName(c)}${r}`
    if (typeof value === 'number') {
      xml += `<c r="${ref}"><v>${value}</v></c>`
      continue
    }
    if (value === '') continue
    const style = r === 1 ? ' s="1"' : ''
    xml += `<c r="${ref}" t="inlineStr"${style}><is>${inlineText(value, manifest)}</is></c>`
  }
  return `${xml}</row>`
}

/**
 * The `<t>` of an inline string: escaped, its characters XML cannot hold replaced, and cut at
 * Excel's cell limit (both counted in `manifest`).
 */
function inlineText(value: string, manifest: ManifestBuilder): string {
  // Most cells need nothing: escapeText gives back the very string when nothing in it needs
  // escaping or replacing (what xmlSafe replaces, it escapes too), so one test, not two.
  if (value.length <= CELL_LIMIT && escapeText(value) === value) {
    return `<t xml:space="preserve">${value}</t>`
  }
  let text = value
  const safe = xmlSafe(text)
  if (safe.replaced) {
    manifest.loss(
      'characters XML cannot hold',
      'control characters written as U+FFFD',
      safe.replaced,
    )
  }
  text = safe.text
  if (text.length > CELL_LIMIT) {
    manifest.loss('cells over 32,767 characters', 'Excel caps a cell there; cut at the limit')
    text = text.slice(0, CELL_LIMIT)
  }
  return `<t xml:space="preserve">${escapeText(text)}</t>`
}

/** A worksheet of `rows` (the first row bold), counting what a cell cannot hold in `manifest`. */
export function sheetXml(rows: Cell[][], manifest: ManifestBuilder): string {
  return SHEET_START + rows.map((row, r) => rowXml(r + 1, row, manifest)).join('') + SHEET_END
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

/**
 * Zips worksheets into an .xlsx workbook, one sheet per entry, in order; `mtime` is the entries'
 * time (zip-time.ts), so the same sheets give the same bytes.
 */
export function workbook(
  sheets: { name: string; xml: string }[],
  mtime = new Date(1980, 0, 1),
): Uint8Array {
  const chunks: Uint8Array[] = []
  const zip = new ZipWriter({ write: (bytes) => chunks.push(bytes), close: () => undefined }, mtime)
  writeParts(
    zip,
    sheets.map((s) => s.name),
  )
  sheets.forEach((s, i) => {
    const entry = zip.entry(`xl/worksheets/sheet${i + 1}.xml`)
    entry.write(s.xml)
    entry.close()
  })
  zip.close()
  return new Uint8Array(Buffer.concat(chunks))
}

/** The parts of a workbook before its sheets: content types, relationships, workbook, styles. */
function writeParts(zip: ZipOut, sheetNames: readonly string[]): void {
  const part = (name: string, xml: string) => {
    const entry = zip.entry(name)
    entry.write(xml)
    entry.close()
  }
  part(
    '[Content_Types].xml',
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      sheetNames
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      '</Types>',
  )
  part(
    '_rels/.rels',
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  )
  part(
    'xl/workbook.xml',
    `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets>` +
      sheetNames
        .map((name, i) => `<sheet${attrs({ name, sheetId: i + 1, 'r:id': `rId${i + 1}` })}/>`)
        .join('') +
      '</sheets></workbook>',
  )
  part(
    'xl/_rels/workbook.xml.rels',
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      sheetNames
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('') +
      `<Relationship Id="rId${sheetNames.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  )
  part(
    'xl/styles.xml',
    `${XML_HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
      // The named "Normal" style: readers (openpyxl) warn of a workbook without a default style.
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>',
  )
}
