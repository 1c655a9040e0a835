// Import of articles: running imports one at a time (files from main's dialog, dropped files, a
// pasted article), what main says of each file while it runs (import-run.ts), Cancel, and the
// report to show when they finish. (Dataset export and annotation import have their own dialogs:
// export-dialog.tsx, annotation-import-dialog.tsx.)
import { useCallback, useRef, useState } from 'react'
import type {
  Api,
  ArgsOf,
  ImportReport,
  MainEvent,
  PasteResult,
  ProjectSnapshot,
} from '../../../shared/ipc-contract'
import { messageOf } from '../common/error-message'
import type { DroppedFile } from '../shell/use-file-drop'
import { applyImportEvent, EMPTY_RUN, type ImportRunState } from './import-run'

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
  // Events of other tasks (an export run from its dialog) are not this hook's to show, nor are a
  // paste's (its own dialog shows it).
  const running = useRef<'files' | 'paste' | null>(null)
  const [importRun, setImportRun] = useState<ImportRunState | null>(null)
  const [result, setResult] = useState<TransferResult | null>(null)

  const run = useCallback(
    async (what: string, task: () => Promise<void>, kind: 'files' | 'paste' = 'files') => {
      if (busy) return
      setBusy(true)
      running.current = kind
      if (kind === 'files') setImportRun(EMPTY_RUN)
      try {
        await task()
      } catch (error) {
        onError(`${what}: ${messageOf(error)}`)
      } finally {
        running.current = null
        setBusy(false)
        setImportRun(null)
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

  /**
   * Imports a pasted article (see PasteDialog); the report is shown like a file import's. Throws
   * what main refused, for the dialog to show; resolves null when another import is running.
   */
  const importPaste = useCallback(
    async (paste: ArgsOf<'import:paste'>): Promise<PasteResult | null> => {
      let pasted: PasteResult | null = null
      let failure: unknown = null
      await run(
        'Paste failed',
        async () => {
          try {
            pasted = await api['import:paste'](paste)
          } catch (error) {
            failure = error
            return
          }
          imported(pasted.report)
        },
        'paste',
      )
      if (failure) throw failure
      return pasted
    },
    [api, run, imported],
  )

  /** Asks main to stop the running import; its report then says what was cancelled. */
  const cancel = useCallback(() => {
    setImportRun((state) => (state ? { ...state, cancelling: true } : state))
    api['import:cancel']().catch((error: unknown) => onError(`Cancel failed: ${messageOf(error)}`))
  }, [api, onError])

  /** Main's import events, while this window runs an import (other tasks' are not ours). */
  const onImportEvent = useCallback((event: MainEvent) => {
    if (running.current !== 'files') return
    setImportRun((state) => {
      const next = applyImportEvent(state ?? EMPTY_RUN, event)
      return state?.cancelling ? { ...next, cancelling: true } : next
    })
  }, [])

  return {
    busy,
    importRun,
    result,
    clearResult: () => setResult(null),
    importWithDialog,
    importFiles,
    importPaste,
    cancel,
    onImportEvent,
  }
}
