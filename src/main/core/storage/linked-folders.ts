// A project folder must not read or write outside itself. Files are read with O_NOFOLLOW
// (json-file.ts), but that guards only a path's last part: a `documents/` that is a symbolic link
// (or a junction) would be followed for every read, and a linked `annotations/<analyst>/` or
// `.marginalia/` for every write. So opening refuses a project whose own folders are links, naming
// the link, before it reads or locks anything.
import path from 'node:path'
import { ProjectError } from './errors'
import { names } from './folder-listings'
import type { ProjectLayout } from './layout'
import type { StorageFs } from './storage-fs'

/** Throws ProjectError naming the first of the project's folders that is a symbolic link. */
export async function refuseLinkedFolders(layout: ProjectLayout, fs: StorageFs): Promise<void> {
  const { documentsDir, annotationsDir, changesDir, localDir } = layout
  for (const dir of [documentsDir, annotationsDir, changesDir, localDir]) await refuseLink(fs, dir)
  // One folder per analyst (or gold) in each; and this machine's temp and migration folders.
  for (const parent of [annotationsDir, changesDir, localDir]) {
    for (const name of await names(fs, parent)) await refuseLink(fs, path.join(parent, name))
  }
  await refuseLink(fs, layout.pendingDocumentsDir)
}

async function refuseLink(fs: StorageFs, file: string): Promise<void> {
  const info = await fs.lstat(file).catch(() => null)
  if (!info?.isSymbolicLink()) return
  throw new ProjectError(
    file,
    'is a symbolic link, and a project folder must not read or write outside itself: ' +
      'replace the link with the folder (or file) itself, then open the project again',
  )
}
