// `import <dir> --format <name> <path> [--add-labels|--skip-unknown]`: brings annotated documents
// from another tool's files (a file, a folder of files or a zip) into a project. Labels the
// project's schema does not know stop the import, listed, unless the user chose to add them to the
// schema or skip them; nothing is written until that is settled. The files are read and parsed in
// a worker thread; progress goes to stderr (a terminal's status line, or --progress lines), and
// Ctrl+C stops the import before the next document is added.
import { getImportFormat } from '../../core/formats/importers'
import type { AnnotationImportFormat } from '../../../shared/ipc-contract'
import { commitImport, newToProject } from '../../core/import-annotations'
import { TaskCancelled, runTask } from '../../core/workers/run-task'
import { EXIT } from '../exit-codes'
import { cancellable } from '../interrupt'
import { CliError, field, printLines, progressPrinter, usageError, type CliIo } from '../io'
import { withProject } from '../open-project'
import type { ProjectStore } from '../../core/storage'

export interface ImportCommandOptions {
  format: string
  addLabels?: boolean
  skipUnknown?: boolean
  /** The analyst whose set the annotations become (`--annotator`). */
  annotator?: string
  /** Print progress lines on stderr even when it is not a terminal. */
  progress?: boolean
  /** Cancels the import when aborted (default: Ctrl+C). */
  signal?: AbortSignal
}

/**
 * Imports annotated documents into the project in `dir`. Documents already in the project are
 * skipped (exit 0); unknown labels without --add-labels or --skip-unknown stop it before anything
 * is written, and a document that could not be imported gives exit code 1 (the others are in).
 */
export async function importCommand(
  dir: string,
  source: string,
  opts: ImportCommandOptions,
  io: CliIo,
): Promise<number> {
  if (opts.addLabels && opts.skipUnknown) {
    throw usageError('choose one of --add-labels and --skip-unknown')
  }
  try {
    getImportFormat(opts.format)
  } catch (error) {
    throw usageError((error as Error).message)
  }
  const format = opts.format as AnnotationImportFormat
  return withProject(dir, { lock: true, annotator: opts.annotator }, (store) =>
    cancellable(opts.signal, async (signal) => {
      const progress = progressPrinter(io, 'import', opts.progress === true)
      progress.update(0, 1)
      try {
        return await importInto(store, { source, format, signal, progress }, opts, io)
      } catch (error) {
        if (!(error instanceof TaskCancelled)) throw error
        io.stderr('cancelled: nothing was imported\n')
        return EXIT.cancelled
      } finally {
        progress.done()
      }
    }),
  )
}

/** What one run of the import reads, and how it reports and stops. */
interface ImportRun {
  source: string
  format: AnnotationImportFormat
  signal: AbortSignal
  progress: ReturnType<typeof progressPrinter>
}

/** Parses the files in a worker, settles unknown labels as asked and adds the documents. */
async function importInto(
  store: ProjectStore,
  run: ImportRun,
  opts: ImportCommandOptions,
  io: CliIo,
): Promise<number> {
  const { signal, progress } = run
  let result
  try {
    const job = {
      format: run.format,
      sources: [run.source],
      project: store.project,
      annotator: store.analyst.name,
    }
    const onProgress = ({ done, total }: { done: number; total: number }) =>
      progress.update(done, total)
    ;({ result } = await runTask('annotation-parse', job, { signal, onProgress }))
  } catch (error) {
    if (error instanceof TaskCancelled) throw error
    throw new CliError((error as Error).message)
  }
  progress.done()
  printLines(
    io.stderr,
    result.problems.map((p) => `warning: ${p.file}: ${p.message}`),
  )
  // Only what is new to the project counts: documents it already holds change nothing.
  const { unknownLabels } = newToProject(result, store.project).result
  if (unknownLabels.length > 0) {
    const listed = unknownLabels.map(
      (u) => `  ${u.kind} ${u.layer ? `${field(u.layer)}: ` : ''}${field(u.label)} (${u.count})`,
    )
    if (!opts.addLabels && !opts.skipUnknown) {
      printLines(io.stderr, ['The project schema does not know:', ...listed])
      throw new CliError('unknown labels; run again with --add-labels or --skip-unknown')
    }
    printLines(io.stdout, [opts.addLabels ? 'Adding to the schema:' : 'Skipping:', ...listed])
  }
  const report = await commitImport(store, result, opts.addLabels ? 'add' : 'skip', {
    signal,
    onProgress: ({ done, total }) => progress.update(done, total),
  })
  progress.done()
  for (const a of report.added) {
    const renamed = a.requestedId ? `; its id ${field(a.requestedId)} was already taken` : ''
    io.stdout(
      `added ${a.id} "${field(a.title)}" (${a.spans} spans, ${a.relations} relations${renamed})\n`,
    )
  }
  for (const d of report.duplicates) {
    io.stdout(`skipped "${field(d.file)}": already in the project as ${d.existingId}\n`)
  }
  printLines(
    io.stderr,
    report.errors.map((e) => `error: ${e.file}: ${e.message}`),
  )
  const total = result.documents.length
  io.stdout(
    `Imported ${report.added.length} of ${total} documents` +
      (report.duplicates.length ? ` (${report.duplicates.length} already in the project)` : '') +
      '\n',
  )
  if (report.cancelled) {
    io.stderr(`cancelled: the import stopped after ${report.added.length} documents were added\n`)
    return EXIT.cancelled
  }
  return report.errors.length > 0 ? EXIT.failed : EXIT.ok
}
