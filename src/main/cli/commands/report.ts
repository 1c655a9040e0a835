// `report <dir> --out report.html|report.pdf [--doc <id>] [--paper a4|letter]`: the analyst report
// (src/main/core/report) of the project or one document. A PDF is the same HTML printed by a
// system Chromium through Playwright, loaded only when a PDF is asked for.
import { existsSync } from 'node:fs'
import { writeReport, reportFormatOf, type ReportFormat } from '../../core/report/write-report'
import { EXIT } from '../exit-codes'
import { finishIncomplete } from '../incomplete'
import { CliError, usageError, type CliIo } from '../io'
import { withProject } from '../open-project'
import { packageVersion } from '../package-root'

export interface ReportCommandOptions {
  out: string
  format?: ReportFormat
  doc?: string
  paper?: 'a4' | 'letter'
  /** The Chromium to print with (default: found, see report-pdf.ts). */
  chromium?: string
  allowIncomplete?: boolean
}

/** Writes the report; EXIT.incomplete when a document could not be read. */
export async function reportCommand(
  dir: string,
  opts: ReportCommandOptions,
  io: CliIo,
): Promise<number> {
  const format = reportFormat(opts)
  const printPdf = format === 'pdf' ? await pdfPrinter(opts.chromium) : undefined
  return withProject(dir, { lock: false }, async (store) => {
    const result = await writeReport(store, {
      format,
      out: opts.out,
      docId: opts.doc ?? null,
      // Gold when curated, else the analyst's own, else the only analyst's (set-choice.ts).
      sets: 'default',
      paper: opts.paper ?? 'a4',
      generator: `Marginalia ${packageVersion()}`,
      printPdf,
    })
    io.stdout(
      `Wrote the report of ${result.documents} documents and ${result.claims} claims to ` +
        `${result.path} (${format.toUpperCase()}, ${result.bytes} bytes)\n`,
    )
    return finishIncomplete(io, result.problems, opts.allowIncomplete)
  })
}

/** --format, or the extension of --out; refuses a format the extension contradicts. */
function reportFormat(opts: ReportCommandOptions): ReportFormat {
  const fromName = reportFormatOf(opts.out)
  if (opts.format && fromName && opts.format !== fromName) {
    throw usageError(`--out ${opts.out} ends in .${fromName}, but --format is ${opts.format}`)
  }
  const format = opts.format ?? fromName
  if (!format) {
    throw usageError(`--out ${opts.out}: give a name ending in .html or .pdf, or --format html|pdf`)
  }
  return format
}

/** The PDF printer, checked before any work: fails now, clearly, when no Chromium is found. */
async function pdfPrinter(chromium: string | undefined) {
  const { findChromium, printReportPdf, NoChromiumError } =
    await import('../../core/report/report-pdf')
  try {
    if (chromium && !existsSync(chromium)) {
      throw new NoChromiumError(`--chromium ${chromium}: no such file`)
    }
    const executable = chromium ?? findChromium()
    return (html: string, paper: 'a4' | 'letter') => printReportPdf(html, paper, executable)
  } catch (error) {
    if (error instanceof NoChromiumError) throw new CliError(error.message, EXIT.failed)
    throw error
  }
}
