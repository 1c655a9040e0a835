// XLSX of spans, export only: one sheet per layer, with the CSV's columns (span-table.ts), offsets in code
// points. Written directly as SpreadsheetML (the five XML parts a workbook needs, zipped with
// fflate) rather than through a workbook library: the maintained writers (exceljs,
// write-excel-file) only produce a file asynchronously, while an export module builds its output
// synchronously, and a table of strings and numbers needs none of their features. Strings are
// inline strings, so a cell is never a formula and needs no escaping. Excel caps a cell at 32,767
// characters and XML cannot hold some control characters: both are counted as losses.
import { strToU8, zipSync } from 'fflate'
import type { ExportFormatModule, ExportInput } from './types'
import { ManifestBuilder, provenanceLosses, safeStem } from './export-common'
import { spanTable } from './span-table'
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

export const xlsxFormat: ExportFormatModule = {
  name: 'xlsx',
  label: 'Excel workbook (spans, one sheet per layer)',
  extension: '.xlsx',
  offsetUnit: 'codepoint',
  export(input: ExportInput) {
    const manifest = new ManifestBuilder('xlsx', 'ooxml-spreadsheetml-1', 'codepoint')
    const { header, rows: spanRows } = spanTable(input, manifest)
    const { schema } = input.project
    const layerIds = schema.layers.map((l) => l.id)
    for (const row of spanRows) if (!layerIds.includes(row.layer)) layerIds.push(row.layer)
    const rows = new Map<string, Cell[][]>(layerIds.map((id) => [id, [header]]))
    for (const row of spanRows) rows.get(row.layer)!.push(row.cells)
    const taken = new Set<string>()
    const sheets = layerIds.map((id) => ({
      name: sheetName(schema.layers.find((l) => l.id === id)?.name ?? id, taken),
      xml: sheetXml(rows.get(id)!, manifest),
    }))
    provenanceLosses(manifest, input.documents, { annotators: true, timestamps: 'none' }, 'XLSX')
    const data = workbook(sheets, zipTime(input.project))
    return {
      files: [{ path: `${safeStem(input.project.name)}.xlsx`, data }],
      manifest: manifest.build(),
    }
  },
}

/** A worksheet of `rows` (the first row bold), counting what a cell cannot hold in `manifest`. */
export function sheetXml(rows: Cell[][], manifest: ManifestBuilder): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>',
    '<sheetData>',
  ]
  rows.forEach((row, r) => {
    const cells = row.map((value, c) => {
      const ref = `${columnName(c)}${r + 1}`
      if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`
      if (value === '') return ''
      let text = value
      const safe = xmlSafe(text)
      if (safe.replaced)
        manifest.loss(
          'characters XML cannot hold',
          'control characters written as U+FFFD',
          safe.replaced,
        )
      text = safe.text
      if (text.length > CELL_LIMIT) {
        manifest.loss('cells over 32,767 characters', 'Excel caps a cell there; cut at the limit')
        text = text.slice(0, CELL_LIMIT)
      }
      return `<c r="${ref}" t="inlineStr"${r === 0 ? ' s="1"' : ''}><is><t xml:space="preserve">${escapeText(text)}</t></is></c>`
    })
    out.push(`<row r="${r + 1}">${cells.join('')}</row>`)
  })
  out.push('</sheetData>', '</worksheet>')
  return out.join('')
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
  const files: Record<string, Uint8Array> = {}
  files['[Content_Types].xml'] = strToU8(
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      '</Types>',
  )
  files['_rels/.rels'] = strToU8(
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  )
  files['xl/workbook.xml'] = strToU8(
    `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets>` +
      sheets
        .map((s, i) => `<sheet${attrs({ name: s.name, sheetId: i + 1, 'r:id': `rId${i + 1}` })}/>`)
        .join('') +
      '</sheets></workbook>',
  )
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join('') +
      `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  )
  files['xl/styles.xml'] = strToU8(
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
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(s.xml)))
  return zipSync(files, { mtime })
}
