// The document open in the article view: loading it, the annotations the editor reports, the
// selected span, and autosave. Switching documents or closing flushes the previous document's
// pending save first and refuses to move on if that save fails, so no edit is silently dropped.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import type {
  Api,
  DocumentSummary,
  FlushOutcome,
  LoadedDocument,
  SavedDocument,
} from '../../../shared/ipc-contract'
import type { Annotations, DocumentFile } from '../../../shared/model'
import { AutosaveScheduler, type SaveState } from './autosave'
import { messageOf } from '../common/error-message'
import { useLatest } from '../common/use-latest'
import { ValueStore } from '../common/value-store'
import { nextTask } from '../common/next-task'
import { documentSaver } from './document-saver'
import { LiveDocument } from './live-document'
import { discardPreparedView, prepareArticleDoc, prepareArticleView } from '../editor-api'
import { takePrefetched } from './start-loads'
import { markShownAfterPaint } from './start-up'

export interface CurrentDocument {
  docId: string | null
  file: DocumentFile | null
  loading: boolean
  loadError: string | null
}

const noDocument: CurrentDocument = {
  docId: null,
  file: null,
  loading: false,
  loadError: null,
}

const nothingToSave: SaveState = { kind: 'saved', savedAt: null }

/**
 * Owns the current document and its autosave; `onSaved` receives each save's sidebar summary and
 * `onEdited` is called on each change the editor reports.
 *
 * What changes with every edit lives in stores (`ValueStore`), not in the shell's React state, so
 * an edit re-renders only the components that show it: `annotations` (as of the editor's last
 * change; null until a document is loaded) and `selectedId` for the annotation panel, and the save
 * state (pending, saving, saved, failed: twice or three times per edit) for the status in the top
 * bar and the error banner. The document itself (`docId`, `file`, loading) changes only when
 * another one is opened.
 */
export function useCurrentDocument(
  api: Api,
  onSaved: (summary: DocumentSummary) => void,
  onEdited: () => void,
) {
  const [doc, setDoc] = useState<CurrentDocument>(noDocument)
  const [saveState] = useState(() => new ValueStore<SaveState>(nothingToSave))
  const [live] = useState(() => new LiveDocument())
  const saver = useRef<AutosaveScheduler<Annotations> | null>(null)
  const loadSeq = useRef(0)
  const onSavedRef = useLatest(onSaved)

  /** Writes pending changes; false (with the error shown in the save state) if that failed. */
  const flush = useCallback(async (): Promise<boolean> => {
    const current = saver.current
    if (!current) return true
    try {
      await current.flush()
      return true
    } catch {
      return false
    }
  }, [])

  /** Flushes the current document and, if that worked, shows `docId` (null shows nothing). */
  const open = useCallback(
    async (docId: string | null): Promise<boolean> => {
      // Edits made while the flush was writing are flushed too, before the saver goes.
      do {
        if (!(await flush())) return false
      } while (saver.current?.dirty)
      dropSaver(saver, saveState)
      const seq = ++loadSeq.current
      live.reset(null)
      if (docId === null) {
        setDoc(noDocument)
        return shownAfterPaint()
      }
      setDoc({ ...noDocument, docId, loading: true })
      try {
        const file = await readDocument(api, docId, () => seq === loadSeq.current)
        if (seq !== loadSeq.current) return true
        saver.current = autosaver(documentSaver(api, docId, file), onSavedRef, (state) => {
          if (seq === loadSeq.current) saveState.set(state)
        })
        live.reset(file.annotations)
        setDoc({ ...noDocument, docId, file })
      } catch (error) {
        if (seq === loadSeq.current) {
          setDoc({ ...noDocument, docId, loadError: messageOf(error) })
        }
      }
      return seq === loadSeq.current ? shownAfterPaint() : true
    },
    [api, flush, onSavedRef, saveState, live],
  )

  /** Forgets the document without saving (its project is already closed). */
  const forget = useCallback(() => {
    dropSaver(saver, saveState)
    loadSeq.current++
    live.reset(null)
    setDoc(noDocument)
  }, [saveState, live])

  const changed = useChanged(live, saver, onEdited)

  const retry = useCallback(() => {
    // retry() never rejects: the save state shows the outcome.
    void saver.current?.retry()
  }, [])

  const flushOutcome = useFlushOutcome(flush, saver, doc.docId, live)

  useFlushOnLeave(flush)

  // `live` gives `annotations` and `selectedId` (stores) and `select`.
  return { ...doc, ...live, saveState, open, forget, flush, flushOutcome, changed, retry }
}

/** The editor reports new annotations: count the edit, show them and schedule a save. */
function useChanged(
  live: LiveDocument,
  saver: RefObject<AutosaveScheduler<Annotations> | null>,
  onEdited: () => void,
) {
  const onEditedRef = useLatest(onEdited)
  // One function for the document's life (the editor holds it).
  const [changed] = useState(() => (annotations: Annotations) => {
    onEditedRef.current()
    live.annotations.set(annotations)
    saver.current?.schedule(annotations)
  })
  return changed
}

/**
 * Flushes and says how it went, for main before a close or quit: saved, or why not with the
 * annotations that are not on disk (so main can offer to save a copy of them elsewhere).
 */
function useFlushOutcome(
  flush: () => Promise<boolean>,
  saver: RefObject<AutosaveScheduler<Annotations> | null>,
  docId: string | null,
  live: LiveDocument,
) {
  // The document and its latest annotations, read after the flush's await.
  const docIdRef = useLatest(docId)
  return useCallback(async (): Promise<FlushOutcome> => {
    if (await flush()) return { saved: true }
    const state = saver.current?.state
    const message = state?.kind === 'error' ? state.message : 'The last save did not finish.'
    const docId = docIdRef.current
    const annotations = live.annotations.get()
    return {
      saved: false,
      message,
      unsaved: docId && annotations ? { docId, annotations } : null,
    }
  }, [flush, saver, docIdRef, live])
}

/**
 * The document read by main (asked for at start-up already, for the first one: start-loads.ts),
 * handed over in a task of its own (see `nextTask`) with its editor built ahead, unless `current`
 * says another document was opened since.
 */
async function readDocument(
  api: Api,
  docId: string,
  current: () => boolean,
): Promise<LoadedDocument> {
  const file = await (takePrefetched(docId) ?? api['document:load']({ docId }))
  // The answer (a 1 MB document read off the wire), the article's PM document, its editor DOM
  // (built out of the page) and the editor's mount, each in a task of its own rather than one long
  // one.
  await nextTask()
  prepareArticleDoc(file.document)
  await nextTask()
  prepareArticleView(file.document)
  await nextTask()
  if (!current()) discardPreparedView(file.document)
  return file
}

/**
 * The document (or nothing, or its error) is what the window shows: the hidden views' first
 * renders may start after this screen's paint (see start-up.ts). Returns true (`open` succeeded).
 */
function shownAfterPaint(): true {
  markShownAfterPaint()
  return true
}

/** Drops the document's autosave, its state back to "nothing to save". */
function dropSaver(
  saver: RefObject<AutosaveScheduler<Annotations> | null>,
  saveState: ValueStore<SaveState>,
): void {
  saver.current?.dispose()
  saver.current = null
  saveState.set(nothingToSave)
}

/**
 * The autosave, writing through `write` and reporting each save's summary to `onSaved` and its
 * state to `onState`.
 */
function autosaver(
  write: (annotations: Annotations) => Promise<SavedDocument>,
  onSaved: RefObject<(summary: DocumentSummary) => void>,
  onState: (saveState: SaveState) => void,
): AutosaveScheduler<Annotations> {
  return new AutosaveScheduler<Annotations>({
    save: async (annotations) => {
      const result = await write(annotations)
      onSaved.current(result.summary)
      return result.savedAt
    },
    onState,
  })
}

/** Closing or hiding the window: start the save now (the IPC message leaves synchronously). */
function useFlushOnLeave(flush: () => Promise<boolean>): void {
  useEffect(() => {
    // flush() never rejects (a failure is the save state); the page may be gone before it ends.
    const now = () => void flush()
    const onVisibility = () => document.visibilityState === 'hidden' && now()
    window.addEventListener('beforeunload', now)
    window.addEventListener('pagehide', now)
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      window.removeEventListener('beforeunload', now)
      window.removeEventListener('pagehide', now)
      document.removeEventListener('visibilitychange', onVisibility)
    }
  }, [flush])
}
