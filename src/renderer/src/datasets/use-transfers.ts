// Import of articles: running imports one at a time (files from main's dialog, dropped files, a
// pasted article), what main says of each file while it runs (import-run.ts), Cancel, and the
// report to show when they finish. (Dataset export and annotation import have their own dialogs:
// export-dialog.tsx, annotation-import-dialog.tsx.)
import { useCallback, useMemo, useRef, useState } from 'react'
import type {
  Api,
  ArgsOf,
  ImportReport,
  MainEvent,
  PasteResult,
  ProjectSnapshot,
} from '../../../shared/ipc-contract'
import { messageOf } from '../common/error-message'
import { readDroppedFiles } from '../shell/use-file-drop'
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
  const progress = useImportRun(api, onError)
  const { begin, end } = progress
  const [result, setResult] = useState<TransferResult | null>(null)

  const run = useCallback(
    async (what: string, task: () => Promise<void>, kind: 'files' | 'paste' = 'files') => {
      if (busy) return
      setBusy(true)
      begin(kind)
      try {
        await task()
      } catch (error) {
        onError(`${what}: ${messageOf(error)}`)
      } finally {
        end()
        setBusy(false)
      }
    },
    [busy, onError, begin, end],
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

  const importPaste = useImportPaste(api, run, imported)

  return {
    busy,
    importRun: progress.importRun,
    result,
    clearResult: () => setResult(null),
    importWithDialog,
    importFiles,
    importPaste,
    cancel: progress.cancel,
    onImportEvent: progress.onImportEvent,
  }
}

/**
 * The running file import as main's events describe it (null when none runs), and Cancel. Events
 * of other tasks (an export run from its dialog) are not shown, nor are a paste's (its own dialog
 * shows it).
 */
function useImportRun(api: Api, onError: (message: string) => void) {
  const running = useRef<'files' | 'paste' | null>(null)
  const [importRun, setImportRun] = useState<ImportRunState | null>(null)

  const begin = useCallback((kind: 'files' | 'paste') => {
    running.current = kind
    if (kind === 'files') setImportRun(EMPTY_RUN)
  }, [])
  const end = useCallback(() => {
    running.current = null
    setImportRun(null)
  }, [])

  /** Asks main to stop the running import; its report then says what was cancelled. */
  const cancel = useCallback(() => {
    setImportRun((state) => (state ? { ...state, cancelling: true } : state))
    api['import:cancel']().catch((error: unknown) => onError(`Cancel failed: ${messageOf(error)}`))
  }, [api, onError])

  /** Main's import events, while this window runs a file import. */
  const onImportEvent = useCallback((event: MainEvent) => {
    if (running.current !== 'files') return
    setImportRun((state) => {
      const next = applyImportEvent(state ?? EMPTY_RUN, event)
      return state?.cancelling ? { ...next, cancelling: true } : next
    })
  }, [])

  return useMemo(
    () => ({ importRun, begin, end, cancel, onImportEvent }),
    [importRun, begin, end, cancel, onImportEvent],
  )
}

/**
 * Imports a pasted article (see PasteDialog); the report is shown like a file import's. Throws
 * what main refused, for the dialog to show; resolves null when another import is running.
 */
function useImportPaste(
  api: Api,
  run: (what: string, task: () => Promise<void>, kind: 'paste') => Promise<void>,
  imported: (report: ImportReport | null) => void,
) {
  return useCallback(
    async (paste: ArgsOf<'import:paste'>): Promise<PasteResult | null> => {
      let pasted: PasteResult | null = null
      const refused: { error?: Error } = {}
      await run(
        'Paste failed',
        async () => {
          try {
            pasted = await api['import:paste'](paste)
          } catch (error) {
            refused.error = error instanceof Error ? error : new Error(messageOf(error))
            return
          }
          imported(pasted.report)
        },
        'paste',
      )
      if (refused.error) throw refused.error
      return pasted
    },
    [api, run, imported],
  )
}
