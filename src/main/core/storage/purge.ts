// Purge: deleting the files of removed documents. A removal is a tombstone (a change file), so
// nothing is lost and an analyst annotating the document meanwhile cannot conflict with it; purge
// is the explicit, later step that reclaims the space. Run it once every copy has the removal (a
// copy that still edits the document's annotations would otherwise bring the file back).
import { isCode } from './durable-write'
import type { ProjectState } from './project-state'

/** Deletes every set file, then the document file, of each removed document; returns them. */
export async function purgeRemoved(state: ProjectState): Promise<string[]> {
  const { layout, fs, index } = state
  const deleted: string[] = []
  const unlink = async (file: string) => {
    try {
      await fs.unlink(file)
      deleted.push(layout.relative(file))
    } catch (error) {
      if (!isCode(error, 'ENOENT')) throw error
    }
  }
  for (const docId of state.folded.removedDocuments.keys()) {
    for (const [setId, dir] of index.sets) {
      if (!dir.files.has(docId)) continue
      await unlink(layout.journalFile(setId, docId))
      await unlink(layout.setFile(setId, docId))
      dir.files.delete(docId)
    }
    if (index.docs.has(docId)) {
      await unlink(layout.documentFile(docId))
      index.docs.delete(docId)
    }
  }
  index.changed = true
  state.refold()
  return deleted
}
