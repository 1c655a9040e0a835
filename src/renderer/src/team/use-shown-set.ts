// Whose annotations the article shows: the analyst's own (editable), another analyst's or the gold
// set (read-only), or two sets overlaid (read-only, with their differences). The own set is the
// open document's, with its autosave; any other is loaded from main for the document open, and
// again when the document or the project changes. Leaving the own set saves it first; coming back
// loads it again from disk, so the editor starts from exactly what was saved.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { GOLD_SET, goldSetOf, otherSetsThan } from '../../../shared/analysts'
import type { AnalystInfo, Api, ProjectSnapshot } from '../../../shared/ipc-contract'
import type { AnnotationSchema, DocumentFile } from '../../../shared/model'
import { messageOf } from '../common/error-message'
import { compareView, type CompareView } from './compare-view'

/** What the article shows. */
export type SetChoice =
  { kind: 'mine' } | { kind: 'set'; set: string } | { kind: 'compare'; a: string; b: string }

/** Another set than the own one, as loaded for the open document. */
export interface ShownSet {
  /** Changes whenever what is shown changes (the editor is remounted on it). */
  key: string
  docId: string
  /** The document with the annotations to show (the overlay's, for a comparison). */
  file: DocumentFile
  /** Why nothing can be changed, in words for the banner and the disabled controls. */
  readOnly: string
  /** The overlay's schema and differences, for a comparison. */
  compare: CompareView | null
  /** Said beside the picker: e.g. that the analyst has not annotated this document. */
  note: string | null
}

/** The state of the other set: loading, shown, or why it could not be loaded. */
export type ShownState =
  | { kind: 'own' }
  | { kind: 'loading'; previous: ShownSet | null }
  | { kind: 'ready'; shown: ShownSet }
  | { kind: 'error'; message: string }

interface Options {
  api: Api
  snapshot: ProjectSnapshot | null
  schema: AnnotationSchema | null
  /**
   * The open document (`file`: its own annotations, null while none is loaded), its save, and
   * `open`, which loads it again (the own set, as saved).
   */
  doc: {
    file: DocumentFile | null
    flush: () => Promise<boolean>
    open: (docId: string) => Promise<boolean>
  }
  /** `clearSelection` clears the selected span (ids differ between sets). */
  actions: { clearSelection: () => void }
  onNotice: (message: string) => void
}

/** The sets the picker offers besides the own one: analysts with annotations, then gold. */
export function otherSets(snapshot: ProjectSnapshot): AnalystInfo[] {
  const gold = goldSetOf(snapshot.analysts)
  return [...otherSetsThan(snapshot.analysts, snapshot.analyst.id), ...(gold ? [gold] : [])]
}

/** The display name of a set of the project. */
export function setName(snapshot: ProjectSnapshot, set: string): string {
  if (set === GOLD_SET) return 'Gold set'
  if (set === snapshot.analyst.id) return snapshot.analyst.name
  return snapshot.analysts.find((a) => a.id === set)?.name ?? set
}

/** Why another set cannot be edited here, in words. */
export function readOnlyReason(snapshot: ProjectSnapshot, choice: SetChoice): string {
  if (choice.kind === 'compare') {
    return 'two sets are overlaid to compare them; choose “My annotations” to edit yours'
  }
  if (choice.kind === 'set' && choice.set === GOLD_SET) {
    return 'this is the gold set: it changes only through the Curation view'
  }
  const name = choice.kind === 'set' ? setName(snapshot, choice.set) : snapshot.analyst.name
  return `these are ${name}'s annotations: only ${name} edits them, in their own copy of Marginalia`
}

export function useShownSet(options: Options) {
  const { api, snapshot, schema, onNotice } = options
  const { file, flush, open: reopen } = options.doc
  const { clearSelection } = options.actions
  const projectPath = snapshot?.path ?? null
  // The choice belongs to the project it was made in: another project starts on the own set.
  const [picked, setPicked] = useState<{ path: string | null; choice: SetChoice }>({
    path: projectPath,
    choice: { kind: 'mine' },
  })
  const choice: SetChoice = useMemo(
    () => (picked.path === projectPath ? picked.choice : { kind: 'mine' }),
    [picked, projectPath],
  )
  const docId = file?.document.id ?? null
  const requestKey = choice.kind === 'mine' || !docId ? null : `${docId}|${choiceKey(choice)}`
  const [result, setResult] = useState<{ key: string; outcome: ShownState } | null>(null)
  const request = useRef(0)

  // Loads the chosen set for the open document, and again when the project changes (a merge
  // brought new annotations); the last answer stays on screen meanwhile.
  useEffect(() => {
    if (choice.kind === 'mine' || !file || !snapshot || !schema || !requestKey) return
    const mine = ++request.current
    const settle = (outcome: ShownState) => {
      if (mine === request.current) setResult({ key: requestKey, outcome })
    }
    loadShown(api, snapshot, schema, file, choice).then(
      (shown) => settle({ kind: 'ready', shown }),
      (error: unknown) => settle({ kind: 'error', message: messageOf(error) }),
    )
    // `choice` is read through `requestKey`, which names it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, snapshot, schema, file, requestKey])

  const state: ShownState = useMemo(
    () =>
      requestKey === null
        ? { kind: 'own' }
        : result?.key === requestKey
          ? result.outcome
          : { kind: 'loading', previous: null },
    [requestKey, result],
  )

  const choose = useCallback(
    async (next: SetChoice) => {
      const leavingOwn = choice.kind === 'mine' && next.kind !== 'mine'
      const backToOwn = choice.kind !== 'mine' && next.kind === 'mine'
      if (leavingOwn && !(await flush())) {
        onNotice('The open document could not be saved; use Retry first so no edit is lost.')
        return
      }
      clearSelection()
      setPicked({ path: projectPath, choice: next })
      if (backToOwn && docId) await reopen(docId)
    },
    [choice.kind, flush, onNotice, clearSelection, docId, reopen, projectPath],
  )

  const shown = state.kind === 'ready' && state.shown.docId === docId ? state.shown : null
  return useMemo(
    () => ({
      choice,
      choose,
      state,
      /** The other set shown for the open document, or null (the own set, or still loading). */
      shown,
      /** The document shown in the editor with the chosen set (null while that set loads). */
      readyDocId: choice.kind === 'mine' ? docId : (shown?.docId ?? null),
    }),
    [choice, choose, state, shown, docId],
  )
}

function choiceKey(choice: SetChoice): string {
  if (choice.kind === 'set') return `set:${choice.set}:`
  if (choice.kind === 'compare') return `compare:${choice.a}:${choice.b}:`
  return 'mine'
}

/** Loads what `choice` shows of `file`'s document. */
async function loadShown(
  api: Api,
  snapshot: ProjectSnapshot,
  schema: AnnotationSchema,
  file: DocumentFile,
  choice: Exclude<SetChoice, { kind: 'mine' }>,
): Promise<ShownSet> {
  const docId = file.document.id
  const readOnly = readOnlyReason(snapshot, choice)
  const empty = { spans: [], relations: [], docLabels: {} }
  if (choice.kind === 'set') {
    const set = await api['document:load-set']({ docId, set: choice.set })
    const name = setName(snapshot, choice.set)
    return {
      key: `${choiceKey(choice)}${set?.updatedAt ?? 'none'}`,
      docId,
      file: { ...file, annotations: set?.annotations ?? empty },
      readOnly,
      compare: null,
      note: set ? null : `${name} has not annotated this document.`,
    }
  }
  const result = await api['document:compare-sets']({ docId, sets: [choice.a, choice.b] })
  const view = compareView(schema, result)
  const missing = [view.sides.a, view.sides.b].filter((s) => !s.present).map((s) => s.name)
  return {
    key: `${choiceKey(choice)}${sameSets(result)}`,
    docId,
    file: { ...file, annotations: view.annotations },
    readOnly,
    compare: view,
    note: missing.length
      ? `${missing.join(' and ')} ${missing.length > 1 ? 'have' : 'has'} not annotated this document: nothing to compare.`
      : null,
  }
}

/** A fingerprint of what a comparison holds (the editor starts again when it changes). */
function sameSets(result: { sets: Record<string, unknown> }): string {
  const text = JSON.stringify(result.sets)
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return `${text.length}-${h.toString(36)}`
}

export type ShownSetState = ReturnType<typeof useShownSet>
