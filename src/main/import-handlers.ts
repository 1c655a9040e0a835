// The document import channels: files chosen in the Import dialog, files dropped on the window
// (their bytes), an article pasted from the clipboard, and the cancel of whichever is running.
// Each import is a run of ImportRuns: the window sees its files, progress within and across them
// and each file's outcome as events, and `import:cancel` stops the worker between files or within
// one; what was added before the cancel stays, whole, and the rest is reported as cancelled.
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { MAX_FILE_BYTES, MAX_FILE_SIZE_TEXT } from '../shared/limits'
import type { FileProblem, Handlers, ImportReport } from '../shared/ipc-contract'
import { importFiles, importPaste } from './core/import'
import { PASTE_NAME } from './core/import/paste'
import { preAnnotateOf } from './core/import/pre-annotate-settings'
import type { HandlerContext } from './handlers'
import { ImportRuns, type ImportRun } from './import-runs'
import type { AppSession } from './session'

type ImportChannels = 'import:dialog' | 'import:data' | 'import:paste' | 'import:cancel'

/** The handlers of the document import channels, over one window's runs. */
export function documentImportHandlers(
  ctx: HandlerContext,
  session: AppSession,
): Pick<Handlers, ImportChannels> {
  const runs = new ImportRuns((event) => ctx.emit(event))
  return {
    'import:dialog': async () => {
      const store = session.requireStore()
      const chosen = await ctx.dialogs.chooseImportFiles()
      if (!chosen || chosen.length === 0) return null
      const paths = chosen.map((p) => session.grant(p))
      return intoOpenProject(runs, session, async (run) => {
        run.start(paths.map((p) => path.basename(p)))
        const read = await readChosenFiles(paths, run)
        const report = await importFiles(store, read.files, {
          ...run.options(read.indexes),
          preAnnotate: preAnnotateOf(store.project),
        })
        return {
          ...report,
          errors: [...read.errors, ...report.errors],
          cancelled: [...(report.cancelled ?? []), ...read.cancelled],
        } satisfies ImportReport
      })
    },
    'import:data': async ({ files }) => {
      const store = session.requireStore()
      return intoOpenProject(runs, session, async (run) => {
        run.start(files.map((f) => f.name))
        return importFiles(store, files, {
          ...run.options(),
          preAnnotate: preAnnotateOf(store.project),
        })
      })
    },
    'import:paste': async (paste) => {
      const store = session.requireStore()
      if (paste.preview) return importPaste(store, paste)
      return intoOpenProject(runs, session, async (run) => {
        run.start([PASTE_NAME])
        return importPaste(store, paste, {
          ...run.options(),
          preAnnotate: preAnnotateOf(store.project),
        })
      })
    },
    'import:cancel': () => Promise.resolve(runs.cancel()),
  }
}

/**
 * Runs an import into the project open now. Closing that project (or opening another) cancels it,
 * so nothing is written into a closed project or the next one, and the import then fails saying
 * so: its report would describe a project the window no longer shows.
 */
async function intoOpenProject<T>(
  runs: ImportRuns,
  session: AppSession,
  work: (run: ImportRun) => Promise<T>,
): Promise<T> {
  const closing = session.projectSignal
  const result = await runs.run(work, closing)
  if (closing.aborted) {
    throw new Error(
      'the project was closed during the import, which was cancelled; the documents imported ' +
        'before that are in that project',
    )
  }
  return result
}

/**
 * Reads the files chosen in the dialog, in order. A file over the size limit or unreadable is
 * reported (as failed, to the window too) and left out; after a cancel the rest are not read.
 * `indexes` gives each read file's index among the chosen ones.
 */
async function readChosenFiles(paths: string[], run: ImportRun) {
  const files: { name: string; data: Uint8Array }[] = []
  const indexes: number[] = []
  const errors: FileProblem[] = []
  const cancelled: string[] = []
  for (const [index, file] of paths.entries()) {
    if (run.signal.aborted) {
      cancelled.push(path.basename(file))
      run.ended(index, { status: 'cancelled' })
      continue
    }
    const problem = await readInto(file, files)
    if (problem === null) indexes.push(index)
    else {
      errors.push({ file, message: problem })
      run.ended(index, { status: 'failed', message: problem })
    }
  }
  return { files, indexes, errors, cancelled }
}

/** Reads `file` onto `files`; the problem when it cannot be imported, else null. */
async function readInto(
  file: string,
  files: { name: string; data: Uint8Array }[],
): Promise<string | null> {
  try {
    const { size } = await stat(file)
    if (size > MAX_FILE_BYTES) return `the file is over ${MAX_FILE_SIZE_TEXT}`
    files.push({ name: path.basename(file), data: new Uint8Array(await readFile(file)) })
    return null
  } catch (error) {
    return `cannot read the file (${(error as Error).message})`
  }
}
