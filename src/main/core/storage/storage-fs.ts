// The file-system calls the storage layer makes, as one small interface. Everything in storage takes
// it (default: Node's own), so a test can record the exact sequence of calls a durable write makes,
// or make one call fail the way a full disk, a read-only folder or a lost race would, without
// needing root, a tiny file system or luck with timing.
import { close, closeSync, open, openSync, readFile, readFileSync } from 'node:fs'
import * as fsp from 'node:fs/promises'
import { promisify } from 'node:util'

/** An open file, as storage uses it. */
export interface StorageHandle {
  readFile(): Promise<Uint8Array>
  writeFile(data: string | Uint8Array): Promise<void>
  sync(): Promise<void>
  close(): Promise<void>
}

/** What storage needs to know of a file or folder. */
export interface StorageStats {
  isDirectory(): boolean
  isFile(): boolean
  isSymbolicLink(): boolean
  mtimeMs: number
  /**
   * The inode's change time, which no tool can set: it moves on every write, rename or change of
   * times, so a file whose modification time was put back still shows it was changed.
   */
  ctimeMs?: number
  size: number
  /** Permission bits (and file type): a file with no write bit is read-only. */
  mode: number
}

/** The file-system calls of the storage layer (the subset of `node:fs/promises` it uses). */
export interface StorageFs {
  open(file: string, flags: string | number, mode?: number): Promise<StorageHandle>
  rename(from: string, to: string): Promise<void>
  link(existing: string, newPath: string): Promise<void>
  unlink(file: string): Promise<void>
  mkdir(dir: string, options?: { recursive?: boolean }): Promise<unknown>
  readdir(dir: string): Promise<string[]>
  stat(file: string): Promise<StorageStats>
  lstat(file: string): Promise<StorageStats>
  /**
   * Reads a whole file in one call, where the file system has one (Node's); without it, readWhole
   * opens, reads and closes the file through `open`, and a test's recording sees each step.
   */
  readFile?(file: string, flags: string | number): Promise<Uint8Array>
}

// Whole-file reads through the callback API on a descriptor: fs/promises' FileHandle (its open,
// readFile and close) cost a quarter more CPU per file, and an export reads two per document.
const openFd = promisify(open)
const readFd = promisify(readFile)
const closeFd = promisify(close)

/** Node's file system. */
export const nodeFs: StorageFs = {
  open: (file, flags, mode) => fsp.open(file, flags, mode),
  rename: (from, to) => fsp.rename(from, to),
  link: (existing, newPath) => fsp.link(existing, newPath),
  unlink: (file) => fsp.unlink(file),
  mkdir: (dir, options) => fsp.mkdir(dir, options),
  readdir: (dir) => fsp.readdir(dir),
  stat: (file) => fsp.stat(file),
  lstat: (file) => fsp.lstat(file),
  readFile: async (file, flags) => {
    const fd = await openFd(file, flags)
    try {
      return await readFd(fd)
    } finally {
      await closeFd(fd)
    }
  },
}

/**
 * Node's file system, with whole-file reads done at once in the calling thread: for a worker
 * thread that does nothing but read a project (an export's). Each read through libuv's pool is
 * four trips (open, fstat, read, close), each waking a pool thread and waiting for a callback; an
 * export's 2,000 reads also queue behind its own output files' syncs there (background-sync.ts).
 * From the page cache a read done at once costs a fraction of that (a file not in the cache is
 * waited for here, one at a time, where the pool overlapped four). Never for main's thread.
 */
export const syncReadFs: StorageFs = {
  ...nodeFs,
  // A failure (the open's, the read's) rejects the promise, as Node's own reads do.
  readFile: (file, flags) => new Promise((resolve) => resolve(readAtOnce(file, flags))),
}

function readAtOnce(file: string, flags: string | number): Uint8Array {
  const fd = openSync(file, flags)
  try {
    return readFileSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Reads a whole file through `fs`. */
export async function readWhole(
  fs: StorageFs,
  file: string,
  flags: string | number = 'r',
): Promise<Uint8Array> {
  if (fs.readFile) return fs.readFile(file, flags)
  const handle = await fs.open(file, flags)
  try {
    return await handle.readFile()
  } finally {
    await handle.close()
  }
}
