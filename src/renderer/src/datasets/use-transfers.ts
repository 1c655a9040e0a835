// Import of articles: running imports one at a time, the progress from main's events, and the
// report to show when they finish. (Dataset export and annotation import have their own dialogs:
// export-dialog.tsx, annotation-import-dialog.tsx.)
import { useCallback, useRef, useState } from 'react'
import type { Api, ImportReport, ProjectSnapshot } from '../../../shared/ipc-contract'
import { messageOf } from '../common/error-message'
import { readDroppedFiles } from '../shell/use-file-drop'

export interface Progress {
  task: string
  done: number
  total: number
}

export type TransferResult = { kind: 'import'; report: ImportReport }

interface TransferOptions {
  api: Api
  onSnapshot: (snapshot: ProjectSnapshot) => void
  onImported: (report: ImportReport) => void
  onError: (message: string) => void
}

/** Import and export actions with their progress and results. */
export function useTransfers({ api, onSnapshot, onImported, onError }: TransferOptions) {
  const [busy, setBusy] = useState(false)
  // Progress events of other tasks (an export run from its dialog) are not this hook's to show.
  const running = useRef(false)
  const [progress, setProgress] = useState<Progress | null>(null)
  const [result, setResult] = useState<TransferResult | null>(null)

  const run = useCallback(
    async (what: string, task: () => Promise<void>) => {
      if (busy) return
      setBusy(true)
      running.current = true
      try {
        await task()
      } catch (error) {
        onError(`${what}: ${messageOf(error)}`)
      } finally {
        running.current = false
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

  /** Imports files dropped onto the window (reading them is part of the import: it can fail). */
  const importFiles = useCallback(
    (dropped: readonly File[]) =>
      run('Import failed', async () => {
        const files = await readDroppedFiles(dropped)
        imported(await api['import:data']({ files }))
      }),
    [api, run, imported],
  )

  const onProgress = useCallback((p: Progress) => {
    if (running.current) setProgress(p.done >= p.total ? null : p)
  }, [])

  return {
    busy,
    progress,
    result,
    clearResult: () => setResult(null),
    importWithDialog,
    importFiles,
    onProgress,
  }
}
