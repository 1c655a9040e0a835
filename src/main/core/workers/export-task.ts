// Exports in a worker thread: how the app and the command line export. Main checks the options,
// makes sure every saved change is on disk, and hands the worker a plain job; the worker reads
// the documents from the project folder and writes the output. Only a worker that was stopped
// hard (it crashed, or did not answer a cancel in time) leaves temporary files; they are removed
// here, and an earlier export that was moved aside is put back.
import { cleanSiblings } from '../export-output'
import { checkExportOptions, exportTargets, type ExportOptions, type ExportRun } from '../export'
import { exportSource } from '../export-source'
import type { ProjectStore } from '../storage'
import { TaskCancelled, TaskCrashed, runTask } from './run-task'

/**
 * `exportProject` (export.ts) in a worker thread: the same result, the same files. Rejects with
 * TaskCancelled when `opts.signal` is aborted; nothing is then written.
 */
export async function exportInWorker(
  store: ProjectStore,
  format: string,
  outPath: string,
  opts: ExportOptions = {},
): Promise<ExportRun> {
  const formatOptions = checkExportOptions(store.project, format, opts.formatOptions)
  await store.flush()
  const source = exportSource(store, opts.docIds, opts.sets)
  const job = { source, format, outPath, formatOptions }
  try {
    return await runTask('export', job, {
      signal: opts.signal,
      onProgress: ({ done, total }) => opts.onProgress?.(done, total),
      what: 'the export',
    })
  } catch (error) {
    if (error instanceof TaskCrashed || (error instanceof TaskCancelled && error.forced)) {
      const { target, manifestPath } = exportTargets(format, outPath, formatOptions)
      await cleanSiblings(target)
      await cleanSiblings(manifestPath)
    }
    throw error
  }
}
