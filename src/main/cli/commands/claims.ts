// `claims <dir> --out <file> [--format csv|xlsx] [--document <id>]`: the claims table (one row per
// claim, with its sources, cues, attribution, stance and sentiment) as the app's Claims view
// exports it, through the same core (src/main/core/claims-export.ts).
import path from 'node:path'
import { exportClaims, type ClaimsExportFormat } from '../../core/claims-export'
import { EXIT } from '../exit-codes'
import { field, printLines, usageError, type CliIo } from '../io'
import { withProject } from '../open-project'

export interface ClaimsCommandOptions {
  out: string
  /** Default: from the extension of `out`. */
  format?: ClaimsExportFormat
  /** Only this document's claims. */
  document?: string
  /** Exit 0 even when a document could not be read. */
  allowIncomplete?: boolean
}

/** Writes the claims table of the project in `dir`; EXIT.incomplete when a document was unread. */
export async function claimsCommand(
  dir: string,
  opts: ClaimsCommandOptions,
  io: CliIo,
): Promise<number> {
  const format = claimsFormat(opts)
  return withProject(dir, { lock: false }, async (store) => {
    const result = await exportClaims(store, format, opts.out, opts.document)
    io.stdout(`Wrote ${result.rows} claims to ${result.path} (offsets in code points)\n`)
    printLines(
      io.stderr,
      result.problems.map((p) => `warning: ${field(p.file)}: ${p.message}`),
    )
    if (result.problems.length === 0) return EXIT.ok
    io.stderr(`incomplete: ${result.problems.length} documents not read\n`)
    return opts.allowIncomplete ? EXIT.ok : EXIT.incomplete
  })
}

/** --format, or the extension of --out; refuses a format the extension contradicts. */
function claimsFormat(opts: ClaimsCommandOptions): ClaimsExportFormat {
  const extension = path.extname(opts.out).toLowerCase().slice(1)
  const fromName = extension === 'csv' || extension === 'xlsx' ? extension : undefined
  if (opts.format && fromName && opts.format !== fromName) {
    throw usageError(`--out ${opts.out} ends in .${fromName}, but --format is ${opts.format}`)
  }
  const format = opts.format ?? fromName
  if (!format) {
    throw usageError(`--out ${opts.out}: give a name ending in .csv or .xlsx, or --format csv|xlsx`)
  }
  return format
}
