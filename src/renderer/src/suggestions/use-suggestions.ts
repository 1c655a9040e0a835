// The shell's side of suggestions: asks the Web Worker for the open document's suggestions (again
// when the schema's lexicon or the registry changes), hands them to the editor's suggestion
// plugin, keeps the toolbar's numbers, runs accept / reject / accept-all through the editor, and
// sends decisions on cues to main, which tunes the project's lexicon from them.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { RefObject } from 'react'
import type { Plugin } from 'prosemirror-state'
import type { Api, ProjectSnapshot } from '../../../shared/ipc-contract'
import type { AnnotationSchema, DocumentFile, Entity } from '../../../shared/model'
import type { Suggestion, SuggestionKind } from '../../../shared/suggest'
import { SUGGESTION_KINDS } from '../../../shared/suggest'
import { annotationKey, type ArticleViewHandle } from '../editor-api'
import { suggestionCardPlugin } from './suggestion-card'
import {
  markComputing,
  setCurrentSuggestion,
  setSuggestionKinds,
  setSuggestions,
  showSuggestions,
} from './suggestion-commands'
import { suggestionPlugin, type SuggestionState } from './suggestion-plugin'
import { loadPreferences, savePreferences, type SuggestionPreferences } from './preferences'
import { useSuggestionActions, type SuggestionActions } from './use-suggestion-actions'
import { usePreAnnotateSetting, useSuggestionFeedback } from './use-suggestion-feedback'
import { SuggestionWorker } from './worker/suggestion-worker'
import { sameInfo } from './suggestion-info'
import { ValueStore } from '../common/value-store'
import { afterPaint } from '../common/after-paint'

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
  /** The open project, and who accepts (its settings' annotator). */
  project: {
    snapshot: ProjectSnapshot | null
    setSnapshot: (snapshot: ProjectSnapshot) => void
    settings: { annotator: string }
  }
  /** The open document. */
  doc: { file: DocumentFile | null }
  editor: RefObject<ArticleViewHandle | null>
  setNotice: (message: string) => void
}

const zeroCounts = () =>
  Object.fromEntries(SUGGESTION_KINDS.map((k) => [k, 0])) as Record<SuggestionKind, number>

/** Suggestions for the shell: the editor plugins, the toolbar's state and the actions. */
export function useSuggestions(options: Options) {
  const { api, editor, setNotice: onNotice } = options
  const { snapshot, setSnapshot } = options.project
  const { annotator } = options.project.settings
  const file = options.doc.file
  const [prefs, setPrefs] = useState<SuggestionPreferences>(loadPreferences)
  // The toolbar's numbers: a store, so an edit that changes them re-renders the toolbar, not the
  // shell (read at each key by the shortcuts, and by `clearCurrent`).
  const [info] = useState(() => new ValueStore<SuggestionInfo>(emptyInfo(prefs, false)))
  const setInfo = useCallback(
    (update: (info: SuggestionInfo) => SuggestionInfo) => info.set(update(info.get())),
    [info],
  )
  const worker = useRef<SuggestionWorker | null>(null)
  // Read when a document opens (its plugins) and when a suggestion is accepted.
  const latestPrefs = useRef(prefs)
  const latestAnnotator = useRef(annotator)
  useLayoutEffect(() => {
    latestPrefs.current = prefs
    latestAnnotator.current = annotator
  })
  const feedback = useSuggestionFeedback(api, setSnapshot, onNotice)
  const actions = useSuggestionActions(editor, latestAnnotator, feedback)
  const plugins = useSuggestionPlugins(latestPrefs, setInfo, actions)
  const preAnnotate = usePreAnnotateSetting(api, snapshot, setSnapshot, onNotice)

  useSuggestionJobs({ file, snapshot, editor, worker, setInfo })
  useEffect(() => () => worker.current?.dispose(), [])
  useEffect(() => feedback.flush, [file?.document.id, feedback.flush])

  const run = useCallback(
    (command: Parameters<ArticleViewHandle['run']>[0]) => editor.current?.run(command) ?? false,
    [editor],
  )
  const updatePrefs = useCallback(
    (next: SuggestionPreferences) => {
      setPrefs(next)
      savePreferences(next)
      run(showSuggestions(next.shown))
      run(setSuggestionKinds(next.kinds))
    },
    [run],
  )
  const clearCurrent = useCallback(
    (): boolean => info.get().current !== null && run(setCurrentSuggestion(null)),
    [info, run],
  )

  return useMemo(
    () => ({
      info,
      plugins,
      setShown: (shown: boolean) => updatePrefs({ ...prefs, shown }),
      setKinds: (kinds: SuggestionKind[]) => updatePrefs({ ...prefs, kinds }),
      ...actions,
      clearCurrent,
      flushFeedback: feedback.flush,
      preAnnotate,
    }),
    [info, plugins, prefs, updatePrefs, actions, clearCurrent, feedback, preAnnotate],
  )
}

/** The editor plugins for a newly opened document (made once per document). */
function useSuggestionPlugins(
  prefs: RefObject<SuggestionPreferences>,
  setInfo: (update: (info: SuggestionInfo) => SuggestionInfo) => void,
  actions: SuggestionActions,
): () => Plugin[] {
  const onState = useCallback(
    (st: SuggestionState) => {
      const next: SuggestionInfo = {
        shown: st.shown,
        kinds: [...st.kinds],
        counts: countOpen(st),
        open: st.open.length,
        // Not a pass over every open suggestion on each edit when none is current (the usual case).
        current:
          st.currentId === null ? null : (st.open.find((s) => s.id === st.currentId) ?? null),
        computing: st.computing,
        error: null,
      }
      // The same numbers (a tag that covered no suggestion): the shell need not render again.
      setInfo((info) => (sameInfo(info, next) ? info : next))
    },
    [setInfo],
  )
  const { accept, reject, acceptAll } = actions
  return useCallback(
    () => createPlugins(prefs, onState, { accept, reject, acceptAll }),
    [prefs, onState, accept, reject, acceptAll],
  )
}

/** The suggestion plugin, shown and filtered as the preferences say now, and its hover card. */
function createPlugins(
  prefs: RefObject<SuggestionPreferences>,
  onState: (st: SuggestionState) => void,
  actions: Pick<SuggestionActions, 'accept' | 'reject' | 'acceptAll'>,
): Plugin[] {
  const { shown, kinds } = prefs.current
  return [
    suggestionPlugin({
      shown,
      kinds,
      onState,
      onClickSuggestions: (view, ids) => {
        const [id] = ids
        if (id) setCurrentSuggestion(id)(view.state, view.dispatch)
      },
    }),
    suggestionCardPlugin({
      accept: (id) => void actions.accept(id),
      reject: (id) => void actions.reject(id),
      acceptAll: (kind) => void actions.acceptAll(kind),
    }),
  ]
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
}): void {
  const { file, snapshot, editor, worker, setInfo } = args
  const schema = snapshot?.project.schema ?? null
  const entities = snapshot?.project.entities ?? null
  const schemaKey = useMemo(() => (schema ? engineKey(schema) : ''), [schema])
  const entitiesKey = useMemo(() => JSON.stringify(entities ?? []), [entities])
  const docId = file?.document.id ?? null
  const jobInputs = useRef<{ schema: AnnotationSchema; entities: Entity[] } | null>(null)
  // The latest schema and registry, for the job below (which runs again only when their keys do).
  useLayoutEffect(() => {
    jobInputs.current = schema && entities ? { schema, entities } : null
  })

  useEffect(() => {
    const inputs = jobInputs.current
    if (!file || !inputs) return
    const view = editor.current
    view?.run(markComputing)
    setInfo((i) => ({ ...i, computing: true, error: null }))
    // Asked once the article is painted: starting the worker and copying the document to it (a
    // 1 MB text and its 5,000 blocks) took ~18 ms of the task that mounts the article.
    let cancel: (() => void) | null = null
    const stopWaiting = afterPaint(() => {
      worker.current ??= new SuggestionWorker()
      cancel = worker.current.request(
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
    })
    return () => {
      stopWaiting()
      cancel?.()
    }
    // The keys stand for the schema and registry contents; `file` for the document.
  }, [file, docId, schemaKey, entitiesKey, editor, worker, setInfo])
}

/** What of the schema the engine reads: layers, relation types, frame, cue lexicon. */
function engineKey(schema: AnnotationSchema): string {
  const { cues, rejectLimit } = schema.suggestions ?? {}
  return JSON.stringify([schema.layers, schema.relationTypes, schema.frame, cues, rejectLimit])
}
