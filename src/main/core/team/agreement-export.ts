// The agreement report written for a spreadsheet or a script: CSV (the engine's own writer, one
// table per file: the statistics, or the disagreement list beside it) and XLSX (the span export's
// workbook writer, sheets Statistics and Disagreements). Formula-like text is escaped by the one
// rule of src/shared/formula.ts in both (the engine's `spreadsheetSafe`).
import path from 'node:path'
import {
  disagreementRows,
  formatAgreementCsv,
  spreadsheetSafe,
  statisticRows,
  type AgreementReport,
  type RowTable,
} from '../../../shared/agreement'
import { refuseProjectFiles, safeFileName, writeFileOutput } from '../export-output'
import { ManifestBuilder } from '../formats/export-common'
import { sheetXml, workbook } from '../formats/xlsx'

export type AgreementFileFormat = 'csv' | 'xlsx'

/** What an agreement export wrote. */
export interface AgreementExportResult {
  /** The files written: one for XLSX; the statistics and the disagreements for CSV. */
  paths: string[]
  statistics: number
  disagreements: number
}

/** A table's cells for the sheet writer (an undefined statistic is an empty cell). */
function sheetCells(table: RowTable): (string | number)[][] {
  const safe = spreadsheetSafe(table)
  return [safe.header, ...safe.rows.map((r) => r.map((v) => (v === null ? '' : v)))]
}

/** The report as an XLSX workbook: sheets Statistics and Disagreements. */
export function agreementXlsx(report: AgreementReport): Uint8Array {
  const manifest = new ManifestBuilder('agreement-xlsx', '1', 'codepoint')
  return workbook([
    { name: 'Statistics', xml: sheetXml(sheetCells(statisticRows(report)), manifest) },
    { name: 'Disagreements', xml: sheetXml(sheetCells(disagreementRows(report)), manifest) },
  ])
}

/** `<dir>/<name>-disagreements.csv` for `<dir>/<name>.csv`: where CSV puts the second table. */
export function disagreementsPath(csvPath: string): string {
  const { dir, name } = path.parse(csvPath)
  return path.join(dir, `${name}-disagreements.csv`)
}

/**
 * Writes the report to `outPath` (each file whole, never inside the project folder `projectDir`):
 * XLSX as one workbook; CSV as the statistics there and the disagreement list beside it.
 */
export async function exportAgreement(
  report: AgreementReport,
  format: AgreementFileFormat,
  outPath: string,
  projectDir: string,
): Promise<AgreementExportResult> {
  const target = path.resolve(outPath)
  const counts = {
    statistics: statisticRows(report).rows.length,
    disagreements: report.disagreements.length,
  }
  if (format === 'xlsx') {
    await refuseProjectFiles(projectDir, [target], 'the agreement report')
    await writeFileOutput(target, agreementXlsx(report))
    return { paths: [target], ...counts }
  }
  const second = disagreementsPath(target)
  await refuseProjectFiles(projectDir, [target, second], 'the agreement report')
  await writeFileOutput(target, formatAgreementCsv(report))
  await writeFileOutput(second, formatAgreementCsv(report, { table: 'disagreements' }))
  return { paths: [target, second], ...counts }
}

/** A default file name for the agreement report of a project named `projectName`. */
export function agreementFileName(projectName: string, format: AgreementFileFormat): string {
  return `${safeFileName(`${projectName} agreement`)}.${format}`
}
