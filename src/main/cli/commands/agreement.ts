// `agreement <dir>`: how far the project's analysts agree (docs/AGREEMENT.md), as a table for the
// terminal, CSV or JSON on stdout, or CSV/XLSX files with --out (the report export of the app).
import {
  formatAgreementCsv,
  formatAgreementJson,
  formatAgreementTable,
} from '../../../shared/agreement'
import { projectAgreement, type AgreementQuery } from '../../core/team/agreement'
import { exportAgreement } from '../../core/team/agreement-export'
import { EXIT } from '../exit-codes'
import { usageError, type CliIo } from '../io'
import { withProject } from '../open-project'

export type AgreementFormat = 'table' | 'csv' | 'json' | 'xlsx'

export interface AgreementArgs {
  doc?: string[]
  layer?: string[]
  analysts?: string
  format?: AgreementFormat
  json?: boolean
  csv?: boolean
  /** With --format csv: print the disagreement list instead of the statistics. */
  disagreements?: boolean
  minOverlap?: string
  out?: string
  annotator?: string
}

/** The format asked for: --format, or the --json / --csv shorthands; table by default. */
export function chosenFormat(args: AgreementArgs): AgreementFormat {
  const asked = [args.format, args.json ? 'json' : undefined, args.csv ? 'csv' : undefined]
  const formats = [...new Set(asked.filter((f): f is AgreementFormat => f !== undefined))]
  if (formats.length > 1) throw usageError(`choose one format (asked for ${formats.join(' and ')})`)
  const format = formats[0] ?? 'table'
  if (format === 'xlsx' && !args.out) throw usageError('--format xlsx needs --out <file>')
  return format
}

function queryOf(args: AgreementArgs): AgreementQuery {
  const minOverlap = args.minOverlap === undefined ? undefined : Number(args.minOverlap)
  if (minOverlap !== undefined && !(minOverlap >= 0 && minOverlap <= 1)) {
    throw usageError(`--min-overlap must be a number from 0 to 1 (got "${args.minOverlap}")`)
  }
  const analysts = args.analysts
    ?.split(',')
    .map((a) => a.trim())
    .filter(Boolean)
  if (analysts && analysts.length < 2) throw usageError('--analysts needs two or more names')
  return {
    docIds: args.doc?.length ? args.doc : undefined,
    layers: args.layer?.length ? args.layer : undefined,
    analysts,
    minOverlap,
  }
}

/** Prints (or writes) the agreement report of the project in `dir`. */
export async function agreementCommand(
  dir: string,
  args: AgreementArgs,
  io: CliIo,
): Promise<number> {
  const format = chosenFormat(args)
  const query = queryOf(args)
  return withProject(dir, { lock: false, annotator: args.annotator }, async (store) => {
    const { report, problems } = await projectAgreement(store, query)
    for (const p of problems) io.stderr(`warning: ${p.file}: ${p.message}\n`)
    if (args.out) {
      if (format !== 'csv' && format !== 'xlsx') {
        throw usageError('--out writes csv or xlsx; print table or json without it')
      }
      const written = await exportAgreement(report, format, args.out, store.dir)
      for (const file of written.paths) io.stdout(`wrote ${file}\n`)
      return EXIT.ok
    }
    if (format === 'json') io.stdout(formatAgreementJson(report))
    else if (format === 'csv') {
      const table = args.disagreements ? 'disagreements' : 'statistics'
      io.stdout(formatAgreementCsv(report, { table }))
    } else io.stdout(formatAgreementTable(report))
    return problems.length > 0 ? EXIT.failed : EXIT.ok
  })
}
