// The claims table in main: built from the stored documents (src/shared/claims.ts does the
// reading), and written as CSV or XLSX for a fact-checker who opens it in a spreadsheet.
//
// One row per claim, not per (claim, source) pair: a row is then one thing to check, claims with no
// source appear as rows with empty source cells, and counting rows counts claims. A claim with
// several sources lists them in one cell joined by "; ", and the entity, attribution and stance
// cells list theirs in the same order (the n-th entry belongs to the n-th source; an entry with no
// value is empty). Offsets are Unicode code points, as in the span CSV, so `text[start:end]` in
// Python selects the claim. The XLSX adds a second sheet: the per-source summary.
import { stringify } from 'csv-stringify/sync'
import path from 'node:path'
import { claimRows, sourceSummaries, type ClaimRow, type SourceSummary } from '../../shared/claims'
import type { ClaimsExportResult, ClaimsTableResult, FileProblem } from '../../shared/ipc-contract'
import { OffsetConverter } from '../../shared/offsets'
import { refuseProjectFiles, safeFileName, writeFileOutput } from './export-output'
import { ManifestBuilder } from './formats/export-common'
import { neutraliseFormula } from '../../shared/formula'
import { sheetXml, workbook } from './formats/xlsx'
import { loadChosen, resolveSets, type SetChoice } from './set-choice'
import type { ProjectStore } from './storage'

/** The claims table of a project (or one document), with the documents that could not be read. */
export type ClaimsTable = ClaimsTableResult

export type ClaimsExportFormat = 'csv' | 'xlsx'

/** Columns of the exported claims table, in order. */
export const CLAIMS_COLUMNS = [
  'document_id',
  'document_title',
  'claim_id',
  'claim',
  'checkability',
  'sources',
  'entities',
  'cues',
  'attribution',
  'stance',
  'sentiment',
  'start',
  'end',
] as const

/**
 * The column a table of every analyst's claims adds after `document_title` (and the summary
 * sheet first): the set id of the analyst (or `gold`) whose annotations the row comes from.
 */
export const ANALYST_COLUMN = 'analyst'

/** Columns of the per-source summary sheet of the XLSX. */
export const SOURCE_SUMMARY_COLUMNS = [
  'source',
  'entity_id',
  'claims',
  'checkability',
  'sentiment',
  'documents',
] as const

/**
 * Builds the claims table of every document (index order, then reading order), or of `docId`
 * only. A document that cannot be read is skipped and listed in `problems`; an id the project
 * does not have is an error.
 */
export async function loadClaimsTable(
  store: ProjectStore,
  docId?: string,
  sets: SetChoice = 'mine',
): Promise<ClaimsTable> {
  return (await collect(store, docId, sets)).table
}

/** The claims table and the text of each document that has rows (for offset conversion). */
async function collect(
  store: ProjectStore,
  docId: string | undefined,
  sets: SetChoice,
): Promise<{ table: ClaimsTable; texts: Map<string, string>; byAnalyst: boolean }> {
  const { project } = store
  if (docId !== undefined && !project.documents.some((d) => d.id === docId)) {
    throw new Error(`the project has no document with id "${docId}"`)
  }
  const ids = docId === undefined ? project.documents.map((d) => d.id) : [docId]
  const rows: ClaimRow[] = []
  const texts = new Map<string, string>()
  const problems: FileProblem[] = []
  // Whose annotations: the analyst's own (the app's view), or a choice (the command line's).
  const resolved = resolveSets(store, sets)
  const byAnalyst = resolved.mode === 'all'
  const records = await loadChosen(store, ids, resolved, problems)
  for (const file of records) {
    // `all` gives each set's record the id `<document>--<set>`: rows keep the document's own id
    // and name the set in their analyst column instead.
    const record =
      byAnalyst && file.set !== undefined
        ? { ...file, document: { ...file.document, id: stripSet(file.document.id, file.set) } }
        : file
    const own = claimRows(project.schema, record, project.entities)
    rows.push(...(byAnalyst ? own.map((row) => ({ ...row, analyst: file.set ?? '' })) : own))
    texts.set(record.document.id, record.document.text)
  }
  const summaries = byAnalyst ? summariesByAnalyst(rows) : sourceSummaries(rows)
  return { table: { rows, summaries, problems }, texts, byAnalyst }
}

function stripSet(id: string, set: string): string {
  const suffix = `--${set}`
  return id.endsWith(suffix) ? id.slice(0, -suffix.length) : id
}

/** Per-source summaries of each analyst's rows, analyst by analyst (in the rows' order). */
function summariesByAnalyst(rows: readonly ClaimRow[]): SourceSummary[] {
  const groups = new Map<string, ClaimRow[]>()
  for (const row of rows) {
    const key = row.analyst ?? ''
    const list = groups.get(key)
    if (list) list.push(row)
    else groups.set(key, [row])
  }
  return [...groups].flatMap(([analyst, own]) =>
    sourceSummaries(own).map((s) => ({ analyst, ...s })),
  )
}

type Cell = string | number

/**
 * The table's cells, header first. `codePoint` converts a row's UTF-16 offsets to code points
 * (it needs the document text, which rows do not carry).
 */
export function claimsCells(
  rows: readonly ClaimRow[],
  codePoint: (row: ClaimRow, offset: number) => number,
  byAnalyst = false,
): Cell[][] {
  const list = (values: (string | null)[]) =>
    values.every((v) => !v) ? '' : values.map((v) => v ?? '').join('; ')
  const [docIdColumn, titleColumn, ...rest] = CLAIMS_COLUMNS
  const header = byAnalyst
    ? [docIdColumn, titleColumn, ANALYST_COLUMN, ...rest]
    : [...CLAIMS_COLUMNS]
  return [
    header,
    ...rows.map((row) => [
      row.documentId,
      row.documentTitle,
      ...(byAnalyst ? [row.analyst ?? ''] : []),
      row.claimId,
      row.claimText,
      row.checkability ?? '',
      list(row.sources.map((s) => s.text)),
      list(row.sources.map((s) => s.entityName)),
      list(row.cues.map((c) => c.text)),
      list(row.sources.map((s) => s.attribution)),
      list(row.sources.map((s) => s.stance)),
      list(row.sentiments.map((s) => (s.polarity ? `${s.polarity}: ${s.text}` : s.text))),
      codePoint(row, row.start),
      codePoint(row, row.end),
    ]),
  ]
}

/** The per-source summary's cells, header first. */
export function summaryCells(summaries: readonly SourceSummary[], byAnalyst = false): Cell[][] {
  const mix = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([value, n]) => `${value} ${n}`)
      .join(', ')
  return [
    byAnalyst ? [ANALYST_COLUMN, ...SOURCE_SUMMARY_COLUMNS] : [...SOURCE_SUMMARY_COLUMNS],
    ...summaries.map((s) => [
      ...(byAnalyst ? [s.analyst ?? ''] : []),
      s.name,
      s.entityId ?? '',
      s.claims,
      mix(s.checkability),
      mix(s.sentiment),
      s.documents.map((d) => d.title).join('; '),
    ]),
  ]
}

/**
 * The claims table as CSV: RFC 4180, CRLF, UTF-8 with a BOM (for Excel), formulas defused by the
 * span CSV's rule (formats/formula.ts).
 */
export function claimsCsv(cells: Cell[][]): string {
  const safe = cells.map((row) =>
    row.map((c) => (typeof c === 'string' ? neutraliseFormula(c) : c)),
  )
  return stringify(safe, { bom: true, record_delimiter: 'windows', quote_record_delimiter: true })
}

/** The claims table and the per-source summary as an XLSX workbook (sheets Claims and Sources). */
export function claimsXlsx(claims: Cell[][], summary: Cell[][]): Uint8Array {
  const manifest = new ManifestBuilder('claims-xlsx', '1', 'codepoint')
  return workbook([
    { name: 'Claims', xml: sheetXml(claims, manifest) },
    { name: 'Sources', xml: sheetXml(summary, manifest) },
  ])
}

/**
 * Writes the claims table of the project (or `docId`) to `outPath` as CSV or XLSX, whole (a
 * temporary sibling renamed into place). Refuses any path inside the project folder.
 */
export async function exportClaims(
  store: ProjectStore,
  format: ClaimsExportFormat,
  outPath: string,
  docId?: string,
  sets: SetChoice = 'mine',
): Promise<ClaimsExportResult> {
  const target = path.resolve(outPath)
  await refuseProjectFiles(store.dir, [target], 'the claims table')
  const { table, texts, byAnalyst } = await collect(store, docId, sets)
  const converters = new Map([...texts].map(([id, text]) => [id, new OffsetConverter(text)]))
  const cells = claimsCells(
    table.rows,
    (row, offset) => converters.get(row.documentId)!.toCodePoint(offset),
    byAnalyst,
  )
  const data =
    format === 'csv'
      ? claimsCsv(cells)
      : claimsXlsx(cells, summaryCells(table.summaries, byAnalyst))
  await writeFileOutput(target, data)
  return { path: target, rows: table.rows.length, problems: table.problems }
}

/** A default file name for the claims table of a project named `projectName`. */
export function claimsFileName(projectName: string, format: ClaimsExportFormat): string {
  return `${safeFileName(`${projectName} claims`)}.${format}`
}
