// Import and export: running them one at a time, the progress from main's events, and the report
// to show when they finish. Export flushes the open document first so the file has the latest edits.
import { useCallback, useState } from 'react'
import type {
  Api,
  ExportFormat,
  ExportResult,
  ImportReport,
  ProjectSnapshot,
} from '../../../shared/ipc-contract'
import { messageOf } from '../lib/autosave'
import type { DroppedFile } from './use-file-drop'

export interface Progress {
  task: string
  done: number
  total: number
}

export type TransferResult =
  { kind: 'import'; report: ImportReport } | { kind: 'export'; result: ExportResult }

interface TransferOptions {
  api: Api
  /** Writes pending edits; false if that failed (the export is then not run). */
  flush: () => Promise<boolean>
  onSnapshot: (snapshot: ProjectSnapshot) => void
  onImported: (report: ImportReport) => void
  onError: (message: string) => void
}

/** Import and export actions with their progress and results. */
export function useTransfers({ api, flush, onSnapshot, onImported, onError }: TransferOptions) {
  const [busy, setBusy] = useState(false)
  const [progress, setProgress] = useState<Progress | null>(null)
  const [result, setResult] = useState<TransferResult | null>(null)

  const run = useCallback(
    async (what: string, task: () => Promise<void>) => {
      if (busy) return
      setBusy(true)
      try {
        await task()
      } catch (error) {
        onError(`${what}: ${messageOf(error)}`)
      } finally {
        setBusy(false)
        setProgress(null)
      }
    },
    [busy, onError],
  )

  const imported = useCallback(
    (report: ImportReport | null) => {
      if (!report) return
      onSnapshot(report.snapshot)
      setResult({ kind: 'import', report })
      onImported(report)
    },
    [onSnapshot, onImported],
  )

  /** Opens main's file dialog and imports the chosen files. */
  const importWithDialog = useCallback(
    () => run('Import failed', async () => imported(await api['import:dialog']())),
    [api, run, imported],
  )

  /** Imports files dropped onto the window. */
  const importFiles = useCallback(
    (files: DroppedFile[]) =>
      run('Import failed', async () => imported(await api['import:data']({ files }))),
    [api, run, imported],
  )

  /** Exports the project in `format` (main asks where to save). */
  const exportAs = useCallback(
    (format: ExportFormat) =>
      run('Export failed', async () => {
        if (!(await flush())) {
          throw new Error('the open document could not be saved, so the export would miss edits')
        }
        const out = await api['export:run']({ format })
        if (out) setResult({ kind: 'export', result: out })
      }),
    [api, run, flush],
  )

  const onProgress = useCallback((p: Progress) => {
    setProgress(p.done >= p.total ? null : p)
  }, [])

  return {
    busy,
    progress,
    result,
    clearResult: () => setResult(null),
    importWithDialog,
    importFiles,
    exportAs,
    onProgress,
  }
}
