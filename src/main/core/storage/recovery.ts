// What interrupted writes leave in a project folder, and how the next open for writing puts it
// right. In format 3 every file is written whole and once (a durable write: temp file, fsync,
// rename), and a change adds files rather than editing shared ones, so little can be left half-done:
// - a write killed before its rename leaves a temp file `.<name>.<pid>.<hex>.tmp` in
//   `.marginalia/tmp/` (or, from format 2, beside its file): deleted once its process is gone;
// - a lock taken over from a dead process leaves a `.stale` file beside the lock: deleted likewise;
// - a migration killed after its commit point leaves documents pending in `.marginalia/migration/`:
//   moved into place (migrate-v3.ts);
// - an add killed between the annotation file and the document file leaves an annotation file
//   whose document does not exist: never deleted (it may equally be a document that has not yet
//   arrived from another copy), but reported among the problems (view.ts).
// Only a store that holds the lock repairs; one opened read-only reads around what it finds.
import path from 'node:path'
import type { FileProblem } from '../../../shared/ipc-contract'
import { isTempName } from './durable-write'
import { FolderListings } from './folder-listings'
import type { ProjectLayout } from './layout'
import { LOCK_FILE, isProcessAlive } from './lock'
import { finishMigration } from './migrate-v3'
import type { StorageFs } from './storage-fs'

/** Deletes the temp files and stale lock asides of processes that no longer exist. */
export async function removeLeftovers(
  layout: ProjectLayout,
  fs: StorageFs,
  listings: FolderListings = new FolderListings(fs),
): Promise<void> {
  const lockName = path.basename(LOCK_FILE)
  const folders = [layout.tempDir, layout.localDir, layout.root, layout.documentsDir]
  for (const folder of folders) {
    const names = await listings.names(folder).catch(() => [] as string[])
    for (const name of names) {
      const leftover =
        isTempName(name) ||
        ((name.startsWith(`${lockName}.`) || name.startsWith('.marginalia.lock.')) &&
          (name.endsWith('.stale') || name.endsWith('.tmp')))
      if (!leftover) continue
      const pid = Number(/\.(\d+)\.[0-9a-f]{12}\.(?:tmp|stale)$/.exec(name)?.[1])
      if (pid === process.pid || isProcessAlive(pid)) continue
      await fs.unlink(path.join(folder, name)).catch(() => undefined)
      listings.changed(folder)
    }
  }
}

/**
 * Repairs what interrupted writes left; returns what it did that is worth telling the user. The
 * listings it takes are left in `listings` for the scan that follows (those of folders it changed
 * are forgotten).
 */
export async function recover(
  layout: ProjectLayout,
  fs: StorageFs,
  listings: FolderListings = new FolderListings(fs),
): Promise<FileProblem[]> {
  await removeLeftovers(layout, fs, listings)
  const moved = await finishMigration(layout, fs, listings)
  return moved.length === 0
    ? []
    : [
        {
          file: layout.documentsDir,
          message: `the migration to format 3 was finished: ${moved.length} document file${moved.length === 1 ? '' : 's'} moved into place`,
        },
      ]
}
