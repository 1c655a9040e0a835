// The shell's side of suggestions: asks the Web Worker for the open document's suggestions (again
// when the schema's lexicon or the registry changes), hands them to the editor's suggestion
// plugin, keeps the toolbar's numbers, runs accept / reject / accept-all through the editor, and
// sends decisions on cues to main, which tunes the project's lexicon from them.
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react'
import type { Plugin } from 'prosemirror-state'
import type { Api, ProjectSnapshot } from '../../../shared/ipc-contract'
import type { AnnotationSchema, DocumentFile, Entity } from '../../../shared/model'
import type { Suggestion, SuggestionKind } from '../../../shared/suggest'
import { SUGGESTION_KINDS } from '../../../shared/suggest'
import { messageOf } from '../common/error-message'
import { annotationKey, type ArticleViewHandle } from '../editor-api'
import { suggestionCardPlugin } from './suggestion-card'
import {
  acceptAllOfKind,
  acceptSuggestion,
  currentSuggestion,
  markComputing,
  openOfKind,
  rejectSuggestion,
  setCurrentSuggestion,
  setSuggestionKinds,
  setSuggestions,
  showSuggestions,
  stepSuggestion,
} from './suggestion-commands'
import { suggestionKey, suggestionPlugin, type SuggestionState } from './suggestion-plugin'
import { loadPreferences, savePreferences, type SuggestionPreferences } from './preferences'
import { SuggestionWorker } from './worker/suggestion-worker'

/** What the toolbar shows. */
export interface SuggestionInfo {
  shown: boolean
  kinds: readonly SuggestionKind[]
  /** Open suggestions per kind (of every kind, shown or not). */
  counts: Record<SuggestionKind, number>
  /** Open suggestions of the kinds shown. */
  open: number
  current: Suggestion | null
  computing: boolean
  error: string | null
}

interface Options {
  api: Api
  editor: RefObject<ArticleViewHandle | null>
  file: DocumentFile | null
  snapshot: ProjectSnapshot | null
  setSnapshot: (snapshot: ProjectSnapshot) => void
  annotator: string
  onNotice: (message: string) => void
}

/** Quiet time after the last decision before the feedback goes to main. */
const FEEDBACK_DELAY_MS = 1500

const zeroCounts = () =>
  Object.fromEntries(SUGGESTION_KINDS.map((k) => [k, 0])) as Record<SuggestionKind, number>

/** Suggestions for the shell: the editor plugins, the toolbar's state and the actions. */
export function useSuggestions(options: Options) {
  const { api, editor, file, snapshot, setSnapshot, annotator, onNotice } = options
  const [prefs, setPrefs] = useState<SuggestionPreferences>(loadPreferences)
  const [info, setInfo] = useState<SuggestionInfo>(() => emptyInfo(prefs, false))
  const worker = useRef<SuggestionWorker | null>(null)
  const latest = useRef({ prefs, annotator, onNotice })
  latest.current = { prefs, annotator, onNotice }
  const feedback = useFeedback(api, setSnapshot, onNotice)

  const run = useCallback(
    (command: Parameters<ArticleViewHandle['run']>[0]) => editor.current?.run(command) ?? false,
    [editor],
  )

  const onState = useCallback((st: SuggestionState) => {
    setInfo({
      shown: st.shown,
      kinds: [...st.kinds],
      counts: countOpen(st),
      open: st.open.length,
      current: st.open.find((s) => s.id === st.currentId) ?? null,
      computing: st.computing,
      error: null,
    })
  }, [])

  /** Accepts the suggestion `id` (the current one by default), recording cue feedback. */
  const accept = useCallback(
    (id?: string): boolean => {
      const view = editor.current
      const s = view && (id ? findOpen(view, id) : currentSuggestion(view.state()))
      if (!view || !s) return false
      const ok = view.run(acceptSuggestion(s.id, latest.current.annotator))
      if (ok) feedback.record([s], true)
      return ok
    },
    [editor, feedback],
  )

  const reject = useCallback(
    (id?: string): boolean => {
      const view = editor.current
      const s = view && (id ? findOpen(view, id) : currentSuggestion(view.state()))
      if (!view || !s) return false
      const ok = view.run(rejectSuggestion(s.id))
      if (ok) feedback.record([s], false)
      return ok
    },
    [editor, feedback],
  )

  const acceptAll = useCallback(
    (kind?: SuggestionKind): boolean => {
      const view = editor.current
      const k = kind ?? (view && currentSuggestion(view.state())?.kind)
      if (!view || !k) return false
      const accepted = openOfKind(view.state(), k)
      const ok = view.run(acceptAllOfKind(k, latest.current.annotator))
      if (ok) feedback.record(accepted, true)
      return ok
    },
    [editor, feedback],
  )

  /** The editor plugins for a newly opened document (made once per document). */
  const plugins = useCallback(
    (): Plugin[] => [
      suggestionPlugin({
        shown: latest.current.prefs.shown,
        kinds: latest.current.prefs.kinds,
        onState,
        onClickSuggestions: (view, ids) => {
          const [id] = ids
          if (id) setCurrentSuggestion(id)(view.state, view.dispatch)
        },
      }),
      suggestionCardPlugin({
        accept: (id) => void accept(id),
        reject: (id) => void reject(id),
        acceptAll: (kind) => void acceptAll(kind),
      }),
    ],
    [onState, accept, reject, acceptAll],
  )

  useSuggestionJobs({ file, snapshot, editor, worker, setInfo, prefs })
  useEffect(() => () => worker.current?.dispose(), [])
  useEffect(() => feedback.flush, [file?.document.id, feedback.flush])

  const updatePrefs = useCallback(
    (next: SuggestionPreferences) => {
      setPrefs(next)
      savePreferences(next)
      run(showSuggestions(next.shown))
      run(setSuggestionKinds(next.kinds))
    },
    [run],
  )

  /** Steps to the next or previous open suggestion and brings it into view. */
  const step = useCallback(
    (dir: 1 | -1): boolean => {
      const view = editor.current
      if (!view?.run(stepSuggestion(dir))) return false
      const id = suggestionKey.getState(view.state())?.currentId
      if (id) scrollToSuggestion(id)
      return true
    },
    [editor],
  )

  /** The project's "Pre-annotate on import" setting, written through the schema change. */
  const preAnnotateOn = !!snapshot?.project.schema.suggestions?.preAnnotate
  const setPreAnnotate = useCallback(
    (on: boolean) => {
      const schema = snapshot?.project.schema
      if (!schema) return
      const suggestions = { ...schema.suggestions, preAnnotate: on }
      api['project:set-schema']({ schema: { ...schema, suggestions } }).then(
        setSnapshot,
        (error: unknown) =>
          onNotice(`The pre-annotation setting was not saved: ${messageOf(error)}`),
      )
    },
    [api, snapshot, setSnapshot, onNotice],
  )

  const clearCurrent = useCallback(
    (): boolean => !!info.current && run(setCurrentSuggestion(null)),
    [info.current, run],
  )

  return useMemo(
    () => ({
      info,
      plugins,
      setShown: (shown: boolean) => updatePrefs({ ...prefs, shown }),
      setKinds: (kinds: SuggestionKind[]) => updatePrefs({ ...prefs, kinds }),
      step,
      accept,
      reject,
      acceptAll,
      clearCurrent,
      flushFeedback: feedback.flush,
      preAnnotate: { on: preAnnotateOn, set: setPreAnnotate },
    }),
    [
      info,
      plugins,
      prefs,
      updatePrefs,
      step,
      accept,
      reject,
      acceptAll,
      clearCurrent,
      feedback,
      preAnnotateOn,
      setPreAnnotate,
    ],
  )
}

export type Suggestions = ReturnType<typeof useSuggestions>

function emptyInfo(prefs: SuggestionPreferences, computing: boolean): SuggestionInfo {
  return {
    shown: prefs.shown,
    kinds: prefs.kinds,
    counts: zeroCounts(),
    open: 0,
    current: null,
    computing,
    error: null,
  }
}

/** Open suggestions per kind, including kinds not shown (for the kinds menu). */
function countOpen(st: SuggestionState): Record<SuggestionKind, number> {
  const counts = zeroCounts()
  for (const s of st.open) counts[s.kind]++
  return counts
}

/** Brings the outline of a suggestion into the middle of the article's scroll area. */
function scrollToSuggestion(id: string): void {
  const el = document.querySelector(`.mg-article [data-suggestion-id="${CSS.escape(id)}"]`)
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches
  el?.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' })
}

function findOpen(view: ArticleViewHandle, id: string): Suggestion | undefined {
  return suggestionKey.getState(view.state())?.open.find((s) => s.id === id)
}

/**
 * Asks the worker for the open document's suggestions whenever the document, the schema's layers,
 * relation types, frame or cue lexicon, or the registry change (not when only feedback counts do),
 * and hands each result to the editor.
 */
function useSuggestionJobs(args: {
  file: DocumentFile | null
  snapshot: ProjectSnapshot | null
  editor: RefObject<ArticleViewHandle | null>
  worker: RefObject<SuggestionWorker | null>
  setInfo: (update: (info: SuggestionInfo) => SuggestionInfo) => void
  prefs: SuggestionPreferences
}): void {
  const { file, snapshot, editor, worker, setInfo } = args
  const schema = snapshot?.project.schema ?? null
  const entities = snapshot?.project.entities ?? null
  const schemaKey = useMemo(() => (schema ? engineKey(schema) : ''), [schema])
  const entitiesKey = useMemo(() => JSON.stringify(entities ?? []), [entities])
  const docId = file?.document.id ?? null
  const jobInputs = useRef<{ schema: AnnotationSchema; entities: Entity[] } | null>(null)
  jobInputs.current = schema && entities ? { schema, entities } : null

  useEffect(() => {
    const inputs = jobInputs.current
    if (!file || !inputs) return
    const view = editor.current
    view?.run(markComputing)
    setInfo((i) => ({ ...i, computing: true, error: null }))
    worker.current ??= new SuggestionWorker()
    const cancel = worker.current.request(
      {
        text: file.document.text,
        blocks: file.document.blocks,
        schema: inputs.schema,
        entities: inputs.entities,
      },
      {
        onResult(suggestions, phase) {
          // The article shown may have changed since (another document): only its own results.
          const v = editor.current
          if (!v || annotationKey.getState(v.state())?.map.text !== file.document.text) return
          v.run(setSuggestions(suggestions, phase === 'rules'))
        },
        onError(message) {
          setInfo((i) => ({ ...i, computing: false, error: message }))
        },
      },
    )
    return cancel
    // The keys stand for the schema and registry contents; `file` for the document.
  }, [file, docId, schemaKey, entitiesKey, editor, worker, setInfo])
}

/** What of the schema the engine reads: layers, relation types, frame, cue lexicon. */
function engineKey(schema: AnnotationSchema): string {
  const { cues, rejectLimit } = schema.suggestions ?? {}
  return JSON.stringify([schema.layers, schema.relationTypes, schema.frame, cues, rejectLimit])
}

/** Decisions on cues, sent to main in batches (see `suggestions:feedback`). */
function useFeedback(
  api: Api,
  setSnapshot: (snapshot: ProjectSnapshot) => void,
  onNotice: (message: string) => void,
) {
  const pending = useRef<{ phrase: string; accepted: boolean }[]>([])
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    const decisions = pending.current.splice(0, 1000)
    if (decisions.length === 0) return
    api['suggestions:feedback']({ decisions }).then(
      ({ snapshot, changes }) => {
        setSnapshot(snapshot)
        for (const c of changes) {
          onNotice(
            c.enabled
              ? `“${c.phrase}” is suggested as a cue again (accepted ${c.accepted}, rejected ${c.rejected} times).`
              : `“${c.phrase}” is no longer suggested as a cue: rejected ${c.rejected} times, accepted ${c.accepted}. The Schema's suggestions settings can switch it back on.`,
          )
        }
      },
      (error: unknown) => onNotice(`Suggestion feedback was not saved: ${messageOf(error)}`),
    )
  }, [api, setSnapshot, onNotice])

  const record = useCallback(
    (decided: readonly Suggestion[], accepted: boolean) => {
      for (const s of decided)
        if (s.kind === 'cue' && s.lexiconKey)
          pending.current.push({ phrase: s.lexiconKey, accepted })
      if (pending.current.length === 0) return
      if (timer.current) clearTimeout(timer.current)
      timer.current = setTimeout(flush, FEEDBACK_DELAY_MS)
    },
    [flush],
  )

  return useMemo(() => ({ record, flush }), [record, flush])
}
