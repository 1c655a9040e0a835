// The open document's channels: loading it, saving the analyst's annotations (whole, or only what
// changed since the version main holds: see annotation-changes.ts), and reading other sets of it.
// No Electron here, as for every handler (handlers.ts).
import { applyChanges } from '../shared/annotation-changes'
import type { Handlers, SavedDocument } from '../shared/ipc-contract'
import type { Annotations } from '../shared/model'
import type { ProjectStore } from './core/storage'
import { compareSets } from './core/team/compare'
import type { AppSession } from './session'

type Group<K extends keyof Handlers> = Pick<Handlers, K>

/**
 * Versions held at once (each a whole set, up to 20,000 spans in main's memory): the open
 * document's, and the one before it.
 */
const HELD = 2

/**
 * The version of each recently loaded or saved document's annotations that the renderer holds too,
 * by token: what `document:save-changes` applies its changes to. A version belongs to one project
 * store (closing or reopening the project makes every token stale) and one document; saving a
 * document replaces its version, so only the latest token of a document is ever accepted.
 */
export class SaveBases {
  #held = new Map<string, { store: ProjectStore; token: string; annotations: Annotations }>()
  #count = 0

  /** Holds `annotations` as the version of `docId` in `store`; returns its token. */
  hold(store: ProjectStore, docId: string, annotations: Annotations): string {
    const token = `v${(++this.#count).toString(36)}`
    this.#held.delete(docId)
    this.#held.set(docId, { store, token, annotations })
    if (this.#held.size > HELD) this.#held.delete(this.#held.keys().next().value!)
    return token
  }

  /** The version `token` names, if it is still the one held for `docId` in `store`. */
  get(store: ProjectStore, docId: string, token: string): Annotations | null {
    const held = this.#held.get(docId)
    return held && held.store === store && held.token === token ? held.annotations : null
  }
}

/** The document handlers over `session`. */
export function documentHandlers(
  session: AppSession,
): Group<
  | 'document:load'
  | 'document:save'
  | 'document:save-changes'
  | 'document:load-set'
  | 'document:compare-sets'
> {
  const bases = new SaveBases()
  const save = async (
    store: ProjectStore,
    docId: string,
    annotations: Annotations,
  ): Promise<SavedDocument> => {
    const summary = await store.saveAnnotations(docId, annotations)
    const saveBase = bases.hold(store, docId, annotations)
    return { savedAt: new Date().toISOString(), summary, saveBase }
  }
  return {
    'document:load': async ({ docId }) => {
      const store = session.requireStore()
      const file = await store.loadDocument(docId)
      return { ...file, saveBase: bases.hold(store, docId, file.annotations) }
    },
    'document:compare-sets': async ({ docId, sets: [a, b] }) => {
      const store = session.requireStore()
      await store.flush() // the renderer saved before asking: let those writes land first
      return compareSets(store, docId, a, b)
    },
    'document:load-set': async ({ docId, set }) =>
      session.requireStore().loadAnnotations(docId, set),
    'document:save': async ({ docId, annotations }) =>
      save(session.requireStore(), docId, annotations),
    'document:save-changes': async ({ docId, ...changes }) => {
      const store = session.requireStore()
      const base = bases.get(store, docId, changes.base)
      const annotations = base && applyChanges(base, changes)
      return annotations ? save(store, docId, annotations) : { stale: true }
    },
  }
}
