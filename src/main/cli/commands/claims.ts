// `claims <dir> --out <file> [--format csv|xlsx] [--document <id>]`: the claims table (one row per
// claim, with its sources, cues, attribution, stance and sentiment) as the app's Claims view
// exports it, through the same core (src/main/core/claims-export.ts).
import path from 'node:path'
import { exportClaims, type ClaimsExportFormat } from '../../core/claims-export'
import { parseSetChoice, resolveSets } from '../../core/set-choice'
import { finishIncomplete } from '../incomplete'
import { usageError, type CliIo } from '../io'
import { withProject } from '../open-project'

export interface ClaimsCommandOptions {
  out: string
  /** Default: from the extension of `out`. */
  format?: ClaimsExportFormat
  /** Only this document's claims. */
  document?: string
  /** Exit 0 even when a document could not be read. */
  allowIncomplete?: boolean
  /** Whose annotations (`--annotations`): gold, mine, all or an analyst id. */
  annotations?: string
  annotator?: string
}

/** Writes the claims table of the project in `dir`; EXIT.incomplete when a document was unread. */
export async function claimsCommand(
  dir: string,
  opts: ClaimsCommandOptions,
  io: CliIo,
): Promise<number> {
  const format = claimsFormat(opts)
  const sets = parseSetChoice(opts.annotations ?? 'default')
  return withProject(dir, { lock: false, annotator: opts.annotator }, async (store) => {
    try {
      resolveSets(store, sets)
    } catch (error) {
      throw usageError((error as Error).message)
    }
    const result = await exportClaims(store, format, opts.out, opts.document, sets)
    io.stdout(`Wrote ${result.rows} claims to ${result.path} (offsets in code points)\n`)
    return finishIncomplete(io, result.problems, opts.allowIncomplete)
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
