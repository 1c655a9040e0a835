// Folder listings. Opening a project lists documents/ for the repairs (recovery.ts) and for the
// scan (file-index.ts); with 10,000 documents each listing costs as much as the rest of the scan,
// so one open lists each folder once and shares it. A folder the repairs change is listed again.
import { isCode } from './durable-write'
import type { StorageFs } from './storage-fs'

/** The names in folder `dir`; none when it is missing (or not a folder). */
export async function names(fs: StorageFs, dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir)
  } catch (error) {
    if (isCode(error, 'ENOENT', 'ENOTDIR')) return []
    throw error
  }
}

/** Listings taken at most once each, until `changed` says a folder's entries moved. */
export class FolderListings {
  readonly #taken = new Map<string, Promise<string[]>>()

  constructor(private readonly fs: StorageFs) {}

  /** The names in `dir`, as `names` gives them (the caller must not change the array). */
  names(dir: string): Promise<string[]> {
    let taken = this.#taken.get(dir)
    if (!taken) {
      taken = names(this.fs, dir)
      this.#taken.set(dir, taken)
    }
    return taken
  }

  /** Forgets the listing of `dir`: a file was added to it, renamed into or out of it, or deleted. */
  changed(dir: string): void {
    this.#taken.delete(dir)
  }
}
