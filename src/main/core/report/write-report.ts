// Writing the analyst report to a file: HTML as it is, or PDF printed by a Chromium (the app
// passes Electron's printToPDF, the command line and tests Playwright's page.pdf). The output is
// written whole (a temporary sibling renamed into place) and never inside the project folder.
import path from 'node:path'
import { refuseProjectFiles, writeFileOutput } from '../export-output'
import type { SetChoice } from '../set-choice'
import type { ProjectStore } from '../storage'
import { buildReport } from '../workers/read-tasks'
import type { ReportData } from './report-data'
import type { PaperSize } from './report-pdf'

export type ReportFormat = 'html' | 'pdf'

/** Prints report HTML to PDF bytes on the given paper. */
export type PrintPdf = (html: string, paper: PaperSize) => Promise<Uint8Array>

export interface WriteReportOptions {
  format: ReportFormat
  out: string
  docId?: string | null
  /** Whose annotations (set-choice.ts); default: the working analyst's own. */
  sets?: SetChoice
  paper?: PaperSize
  /** "Marginalia 0.1.0". */
  generator: string
  /** Needed for PDF. */
  printPdf?: PrintPdf
  now?: Date
}

export interface ReportResult {
  path: string
  format: ReportFormat
  bytes: number
  documents: number
  claims: number
  /** Documents left out because they could not be read. */
  problems: ReportData['problems']
}

/** Builds the report of the project (or one document) and writes it to `options.out`. */
export async function writeReport(
  store: ProjectStore,
  options: WriteReportOptions,
): Promise<ReportResult> {
  const target = path.resolve(options.out)
  await refuseProjectFiles(store.dir, [target], 'the report')
  const report = await buildReport(store, options)
  const { html } = report
  let bytes: Uint8Array | string = html
  if (options.format === 'pdf') {
    if (!options.printPdf) throw new Error('no PDF printer is available')
    bytes = await options.printPdf(html, options.paper ?? 'a4')
  }
  await writeFileOutput(target, bytes)
  return {
    path: target,
    format: options.format,
    bytes: typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength,
    documents: report.documents,
    claims: report.claims,
    problems: report.problems,
  }
}

/** The report format an output path asks for (.html/.htm or .pdf), or null. */
export function reportFormatOf(out: string): ReportFormat | null {
  const ext = path.extname(out).toLowerCase()
  return ext === '.pdf' ? 'pdf' : ext === '.html' || ext === '.htm' ? 'html' : null
}
