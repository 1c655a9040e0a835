// `export <dir> --format <name> --out <path> [--option key=value]… [--allow-incomplete]`: writes a
// dataset and its manifest. Options are checked by the format's own validator
// (src/shared/export-options.ts); an --out ending in .zip asks for a zip where the format can
// write one, and is refused where it would only name a folder. The export runs in a worker
// thread, with its progress on stderr (a terminal's status line, or --progress lines); Ctrl+C
// cancels it and leaves an earlier export at --out as it was.
import { exportOptionSchema, parseOptionPairs } from '../../../shared/export-options'
import type { ExportManifest } from '../../../shared/ipc-contract'
import { checkExportOptions, exportOutputExtension, type ExportRead } from '../../core/export'
import { getExportFormat } from '../../core/formats'
import { parseSetChoice, resolveSets } from '../../core/set-choice'
import { exportInWorker } from '../../core/workers/export-task'
import { TaskCancelled, prepareTask } from '../../core/workers/run-task'
import { EXIT } from '../exit-codes'
import { finishIncomplete } from '../incomplete'
import { cancellable } from '../interrupt'
import { printLines, progressPrinter, usageError, type CliIo } from '../io'
import { withProject } from '../open-project'

export interface ExportCommandOptions {
  format: string
  out: string
  option?: string[]
  /** Exit 0 even when spans or documents are left out. */
  allowIncomplete?: boolean
  /** Whose annotations (`--annotations`): gold, mine, all or an analyst id. */
  annotations?: string
  /** The analyst's name (`--annotator`). */
  annotator?: string
  /** Print progress lines on stderr even when it is not a terminal. */
  progress?: boolean
  /** Cancels the export when aborted (default: Ctrl+C). */
  signal?: AbortSignal
}

/**
 * Exports the project in `dir`. Spans or documents left out are printed (and listed in the
 * manifest); the export is still written, with exit code EXIT.incomplete unless allowed.
 */
export async function exportCommand(
  dir: string,
  opts: ExportCommandOptions,
  io: CliIo,
): Promise<number> {
  const formatOptions = formatOptionsFor(opts)
  const sets = parseSetChoice(opts.annotations ?? 'default')
  // The worker starts while the project is opened and checked (it does not keep the process up).
  void prepareTask('export')
  return withProject(dir, { lock: false, annotator: opts.annotator }, async (store) => {
    try {
      checkExportOptions(store.project, opts.format, formatOptions)
      resolveSets(store, sets)
    } catch (error) {
      throw usageError((error as Error).message)
    }
    const progress = progressPrinter(io, 'export', opts.progress === true)
    let run
    try {
      run = await cancellable(opts.signal, (signal) => {
        progress.update(0, 1)
        return exportInWorker(store, opts.format, opts.out, {
          formatOptions,
          sets,
          signal,
          onProgress: progress.update,
        })
      })
    } catch (error) {
      if (!(error instanceof TaskCancelled)) throw error
      io.stderr(`cancelled: nothing was written; ${opts.out} is as it was\n`)
      return EXIT.cancelled
    } finally {
      progress.done()
    }
    const { path, manifest, read } = run
    // A team's project holds several sets: say whose were written.
    const chosen = manifest.annotationSets
    if (chosen && store.listAnalysts().filter((a) => a.documents > 0).length > 1) {
      io.stdout(`Annotations: ${chosen.mode} (${chosen.sets.join(', ') || 'none'})\n`)
    }
    const { documents, spans, relations } = manifest.counts
    io.stdout(
      `Exported ${documents} documents, ${spans} spans, ${relations} relations to ${path} ` +
        `(offsets in ${manifest.offsetUnit === 'utf16' ? 'UTF-16 code units' : 'code points'})\n`,
    )
    printLines(
      io.stdout,
      manifest.losses.map((l) => `not in this format: ${l.count} ${l.what} (${l.reason})`),
    )
    const missing = leftOut(store.project.documents.length, read, manifest, formatOptions)
    return finishIncomplete(
      io,
      manifest.problems,
      opts.allowIncomplete,
      missing && `${missing}; see the manifest`,
    )
  })
}

/** The format's options from `--option` pairs, with zip inferred from an --out ending in .zip. */
function formatOptionsFor(opts: ExportCommandOptions): Record<string, unknown> {
  let options: Record<string, unknown>
  try {
    getExportFormat(opts.format)
    options = parseOptionPairs(opts.format, opts.option ?? [])
  } catch (error) {
    throw usageError((error as Error).message)
  }
  const zipName = /\.zip$/i.test(opts.out)
  const canZip = Object.hasOwn(exportOptionSchema(opts.format).shape, 'zip')
  if (zipName && canZip && options.zip === undefined) return { ...options, zip: true }
  const folder = exportOutputExtension(opts.format, options) === ''
  if (zipName && folder) {
    throw usageError(
      `--out ${opts.out}: ends in .zip, but ${opts.format} ${canZip ? 'with zip=false ' : ''}` +
        'writes a folder; give a folder name' +
        (canZip ? ', or drop --option zip=false' : ''),
    )
  }
  return options
}

/**
 * What the export left out, as a phrase, or null when it holds every span of every document it
 * was asked for. With CoNLL's `layer` option only that layer's spans were asked for.
 */
function leftOut(
  asked: number,
  read: ExportRead,
  manifest: ExportManifest,
  options: Record<string, unknown>,
): string | null {
  const layer = typeof options.layer === 'string' ? options.layer : undefined
  const spans = Object.entries(read.spansByLayer)
    .filter(([id]) => layer === undefined || id === layer)
    .reduce((n, [, count]) => n + count, 0)
  const parts: string[] = []
  const unread = asked - read.documents
  if (unread > 0) parts.push(`${unread} of ${asked} documents not read`)
  const missing = spans - manifest.counts.spans
  if (missing > 0) parts.push(`${missing} of ${spans} spans not written`)
  return parts.length > 0 ? parts.join(', ') : null
}
