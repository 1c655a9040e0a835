// Autosave's writer for one document: after the load, each save sends only the spans that changed
// since the version main holds (`document:save-changes`, annotation-changes.ts), so a save at
// 20,000 spans costs the renderer a few milliseconds of comparing references instead of cloning
// every span. When main no longer holds that version (it said `stale`), or never named one, the
// save sends the whole set, as every save did before.
import { changesBetween } from '../../../shared/annotation-changes'
import type { Api, SavedDocument } from '../../../shared/ipc-contract'
import type { Annotations } from '../../../shared/model'

/** What the document was loaded with: its annotations and main's token for them, if any. */
export interface LoadedAnnotations {
  annotations: Annotations
  saveBase?: string
}

/** Saves `docId`'s annotations, each time against the version the last save (or the load) left. */
export function documentSaver(
  api: Api,
  docId: string,
  loaded: LoadedAnnotations,
): (annotations: Annotations) => Promise<SavedDocument> {
  // The version main holds and its token; replaced only by a save that succeeded.
  let held: { base: string; annotations: Annotations } | null = loaded.saveBase
    ? { base: loaded.saveBase, annotations: loaded.annotations }
    : null
  return async (annotations) => {
    let saved: SavedDocument | null = null
    if (held) {
      const changes = changesBetween(held.annotations, annotations, held.base)
      const answer = await api['document:save-changes']({ docId, ...changes })
      if (!('stale' in answer)) saved = answer
    }
    saved ??= await api['document:save']({ docId, annotations })
    held = { base: saved.saveBase, annotations }
    return saved
  }
}
