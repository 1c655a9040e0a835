// The source registry from the shell: assigning a source span to an entity, making an entity from a
// span's text, and editing or deleting entities. The registry is written whole through
// `project:set-entities`, one write at a time (a queue), each from the result of the last.
// Ordering matters: storage refuses to save a document whose span names an unknown entity, so a new
// entity is written BEFORE the span is changed in the editor (which is what schedules the
// document's autosave). Deleting or merging an entity is main's job (`entities:remove` rewrites
// every document's spans); the open document is saved before and loaded again after.
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import type { Api, ProjectSnapshot } from '../../../shared/ipc-contract'
import type { Entity } from '../../../shared/model'
import { entityFromText, withAlias, withoutAlias } from '../../../shared/registry'
import { annotationKey, updateSpan, type AliasEffect, type ArticleViewHandle } from '../editor-api'
import { useLatest } from '../common/use-latest'
import { messageOf } from '../common/error-message'
import { historyRefersTo } from './entity-refs'

interface EntitiesOptions {
  api: Api
  snapshot: ProjectSnapshot | null
  setSnapshot: (snapshot: ProjectSnapshot) => void
  editor: RefObject<ArticleViewHandle | null>
  /** Writes the open document's pending changes (false if that failed). */
  flush: () => Promise<boolean>
  /** Loads the open document again from disk (after main rewrote it). */
  reload: () => Promise<unknown>
  docId: string | null
  onNotice: (message: string) => void
}

type Saved = { path: string; list: Entity[] } | null

/** The registry and its actions. */
export function useEntities(options: EntitiesOptions) {
  const { api, editor } = options
  const opts = useLatest(options)
  const store = useRegistryStore(api, opts, options.snapshot)
  const [managerOpen, setManagerOpen] = useState(false)
  const entities = options.snapshot?.project.entities ?? []
  const { write } = store
  const assignment = useSpanAssignment(editor, write, opts)
  const removal = useEntityRemoval(api, editor, opts, store)

  /** Adds or replaces an entity (by id). Resolves with an error message, or null when saved. */
  const saveEntity = useCallback(
    async (entity: Entity): Promise<string | null> => {
      try {
        await write((list) =>
          list.some((e) => e.id === entity.id)
            ? list.map((e) => (e.id === entity.id ? entity : e))
            : [...list, entity],
        )
        return null
      } catch (error) {
        return messageOf(error)
      }
    },
    [write],
  )

  return {
    entities,
    busy: store.busy,
    managerOpen,
    openManager: useCallback(() => setManagerOpen(true), []),
    closeManager: useCallback(() => setManagerOpen(false), []),
    ...assignment,
    saveEntity,
    ...removal,
  }
}

/** The registry's writes, one at a time (a queue), each from the result of the last. */
function useRegistryStore(
  api: Api,
  opts: RefObject<EntitiesOptions>,
  snapshot: ProjectSnapshot | null,
) {
  const queue = useRef<Promise<unknown>>(Promise.resolve())
  // The list last written, for writes queued before React shows the new snapshot; dropped once the
  // snapshot has caught up.
  const saved = useRef<Saved>(null)
  const shownList = snapshot?.project.entities
  useLayoutEffect(() => {
    if (saved.current && shownList === saved.current.list) saved.current = null
  }, [shownList])
  const [busy, setBusy] = useState(false)

  /** Runs `task` once earlier writes are done (a failed one does not stop it), showing busy. */
  const enqueue = useCallback(<T>(task: () => Promise<T>): Promise<T> => {
    const result = queue.current.then(task, task)
    queue.current = result.catch(() => undefined)
    setBusy(true)
    // Only the busy flag: the caller handles `result` itself.
    void result.finally(() => setBusy(false)).catch(() => undefined)
    return result
  }, [])

  /**
   * Replaces the registry with `change(current)` once earlier writes are done; resolves with the
   * saved list. The snapshot keeps its schema object, so the editor does not redraw its highlights.
   */
  const write = useCallback(
    (change: (list: Entity[]) => Entity[]): Promise<Entity[]> => {
      const run = async () => {
        const current = currentList(opts.current.snapshot, saved.current)
        const next = change(current)
        if (next === current) return current
        const snap = await api['project:set-entities']({ entities: next })
        const list = snap.project.entities
        saved.current = { path: snap.path, list }
        const latest = opts.current.snapshot
        opts.current.setSnapshot(
          latest && latest.path === snap.path
            ? { ...latest, project: { ...latest.project, entities: list } }
            : snap,
        )
        return list
      }
      return enqueue(run)
    },
    [api, opts, enqueue],
  )

  return { saved, busy, enqueue, write }
}

/** Linking source spans to entities, through undoable editor changes. */
function useSpanAssignment(
  editor: RefObject<ArticleViewHandle | null>,
  write: (change: (list: Entity[]) => Entity[]) => Promise<Entity[]>,
  opts: RefObject<EntitiesOptions>,
) {
  /** One undoable editor change (with the alias it added, if any); autosave follows from it. */
  const assignNow = useCallback(
    (spanId: string, entityId: string | null, alias?: AliasEffect) =>
      editor.current?.run(updateSpan(spanId, { entityId }, { alias })) ?? false,
    [editor],
  )

  /**
   * Links a span to an entity, first adding `alias` (the span's text) to it when asked. The alias
   * is recorded with the link, so undoing the link takes it out of the registry again.
   */
  const assign = useCallback(
    async (spanId: string, entity: Entity, alias?: string): Promise<boolean> => {
      try {
        let added: AliasEffect | undefined
        if (alias)
          await write((list) => {
            const next = aliasIn(list, entity.id, alias)
            if (next !== list) added = { entityId: entity.id, alias: alias.trim() }
            return next
          })
        return assignNow(spanId, entity.id, added)
      } catch (error) {
        opts.current.onNotice(`Could not update the source registry: ${messageOf(error)}`)
        return false
      }
    },
    [write, assignNow, opts],
  )

  /** Undo of a link takes back the alias it added; redo adds it again. */
  const aliasHistory = useCallback(
    (effect: AliasEffect, which: 'undo' | 'redo') => {
      const change = (e: Entity) =>
        which === 'undo' ? withoutAlias(e, effect.alias) : withAlias(e, effect.alias)
      write((list) => {
        const next = list.map((e) => (e.id === effect.entityId ? change(e) : e))
        return next.every((e, i) => e === list[i]) ? list : next
      }).catch((error: unknown) =>
        opts.current.onNotice(`Could not update the source registry: ${messageOf(error)}`),
      )
    },
    [write, opts],
  )

  /** Makes an entity named after the span's text, saves the registry, then links the span. */
  const createFor = useCallback(
    async (spanId: string, name: string, kind: string): Promise<boolean> => {
      const entity = entityFromText(name, kind)
      try {
        await write((list) => [...list, entity])
      } catch (error) {
        opts.current.onNotice(`Could not add the entity: ${messageOf(error)}`)
        return false
      }
      return assignNow(spanId, entity.id)
    },
    [write, assignNow, opts],
  )

  const unassign = useCallback((spanId: string) => assignNow(spanId, null), [assignNow])
  return { assign, createFor, unassign, aliasHistory }
}

/** Deleting or merging entities, which main does in every document. */
function useEntityRemoval(
  api: Api,
  editor: RefObject<ArticleViewHandle | null>,
  opts: RefObject<EntitiesOptions>,
  store: ReturnType<typeof useRegistryStore>,
) {
  const { saved, enqueue } = store
  /**
   * How many spans, in how many documents, deleting `id` (or merging it into `replaceWith`) would
   * change: main counts them in every document, writing nothing.
   */
  const removalImpact = useCallback(
    async (id: string, replaceWith?: string): Promise<RemovalImpact> => {
      const result = await api['entities:remove']({ entityId: id, replaceWith, dryRun: true })
      return {
        spans: result.changed.reduce((n, c) => n + c.spans, 0),
        documents: result.changed.length,
        unreadable: result.problems.length,
      }
    },
    [api],
  )

  /**
   * Deletes an entity, unlinking its spans in every document, or merges it into `replaceWith`
   * (its spans point there, its names become aliases there). Main rewrites the documents, so the
   * open one is saved first and, if main changed it (or its undo history could bring the entity
   * back), loaded again from disk afterwards: its next autosave then cannot undo main's change.
   * Resolves with an error message, or null when done.
   */
  const removeEntity = useCallback(
    (id: string, replaceWith?: string): Promise<string | null> => {
      const run = async (): Promise<string | null> => {
        if (!(await opts.current.flush())) return 'The open document could not be saved; try again.'
        const view = editor.current
        const st = view ? annotationKey.getState(view.state()) : undefined
        const historyRefers = st ? historyRefersTo([...st.done, ...st.undone], id) : false
        const result = await api['entities:remove']({ entityId: id, replaceWith })
        saved.current = { path: result.snapshot.path, list: result.snapshot.project.entities }
        opts.current.setSnapshot(result.snapshot)
        const docId = opts.current.docId
        if (docId && (historyRefers || result.changed.some((c) => c.docId === docId)))
          await opts.current.reload()
        if (result.problems.length > 0) return keptText(result.problems, replaceWith)
        return null
      }
      return enqueue(run).catch((error: unknown) => messageOf(error))
    },
    [api, editor, opts, saved, enqueue],
  )

  return { removalImpact, removeEntity }
}

/** Why an entity was kept: the documents main could not read. */
function keptText(problems: { file: string; message: string }[], replaceWith?: string): string {
  return `Kept, because ${problems.length === 1 ? 'a document' : `${problems.length} documents`} could not be read (${problems.map((p) => `${p.file}: ${p.message}`).join('; ')}). Its spans elsewhere were ${replaceWith ? 'moved' : 'unlinked'}.`
}

function currentList(snapshot: ProjectSnapshot | null, saved: Saved): Entity[] {
  if (snapshot && saved && saved.path === snapshot.path) return saved.list
  return snapshot?.project.entities ?? []
}

function aliasIn(list: Entity[], id: string, alias: string): Entity[] {
  let changed = false
  const next = list.map((e) => {
    if (e.id !== id) return e
    const updated = withAlias(e, alias)
    changed ||= updated !== e
    return updated
  })
  return changed ? next : list
}

/** What removing an entity would change, counted by main over every document. */
export interface RemovalImpact {
  spans: number
  documents: number
  /** Documents main could not read (while there are any, the entity is kept). */
  unreadable: number
}

export type Registry = ReturnType<typeof useEntities>
