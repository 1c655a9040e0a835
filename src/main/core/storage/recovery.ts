// What interrupted writes leave in a project folder, cleaned up when it is next opened for writing.
import path from 'node:path'
import { DOCUMENTS_DIR } from './documents'
import { isTempName } from './durable-write'
import { LOCK_FILE, isProcessAlive } from './lock'
import type { StorageFs } from './storage-fs'

/**
 * Deletes temp files left by writers that died mid-write (a crash, a power cut). Only files of
 * processes that no longer exist: a live one may be between writing and renaming.
 */
export async function removeLeftovers(root: string, fs: StorageFs): Promise<void> {
  for (const folder of [root, path.join(root, DOCUMENTS_DIR)]) {
    const names = await fs.readdir(folder).catch(() => [] as string[])
    for (const name of names) {
      const leftover =
        isTempName(name) || (name.startsWith(`${LOCK_FILE}.`) && name.endsWith('.stale'))
      if (!leftover) continue
      const pid = Number(/\.(\d+)\.[0-9a-f]{12}\.(?:tmp|stale)$/.exec(name)?.[1])
      if (pid === process.pid || isProcessAlive(pid)) continue
      await fs.unlink(path.join(folder, name)).catch(() => undefined)
    }
  }
}
