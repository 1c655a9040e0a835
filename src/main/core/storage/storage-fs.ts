// The file-system calls the storage layer makes, as one small interface. Everything in storage takes
// it (default: Node's own), so a test can record the exact sequence of calls a durable write makes,
// or make one call fail the way a full disk, a read-only folder or a lost race would, without
// needing root, a tiny file system or luck with timing.
import { closeSync, constants, fsyncSync, openSync, readFileSync, writeFileSync } from 'node:fs'
import * as fsp from 'node:fs/promises'

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
}

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
}

/**
 * Node's file system, with files opened for reading read by blocking calls: for a thread that
 * only reads and that nothing else waits on (the export worker). A cached file of 40 kB then costs
 * one system call per step instead of a trip through libuv's pool per step (open, stat, read,
 * close): reading a project of 2,000 such files took a third of the CPU. Everything else (writes,
 * listings, stats) is Node's asynchronous own.
 */
export const blockingReadFs: StorageFs = {
  ...nodeFs,
  open: (file, flags, mode) =>
    readOnly(flags)
      ? settled(() => blockingHandle(openSync(file, flags, mode)))
      : nodeFs.open(file, flags, mode),
}

/** `call`'s result as a promise: a failure rejects, as Node's own calls do, rather than throws. */
function settled<T>(call: () => T): Promise<T> {
  return new Promise((resolve) => resolve(call()))
}

function readOnly(flags: string | number): boolean {
  if (typeof flags === 'string') return flags === 'r'
  return (flags & (constants.O_WRONLY | constants.O_RDWR | constants.O_CREAT)) === 0
}

/** A file descriptor as a StorageHandle whose calls block (see blockingReadFs). */
function blockingHandle(fd: number): StorageHandle {
  return {
    readFile: () => settled(() => readFileSync(fd)),
    writeFile: (data) => settled(() => writeFileSync(fd, data)),
    sync: () => settled(() => fsyncSync(fd)),
    close: () => settled(() => closeSync(fd)),
  }
}

/** Reads a whole file through `fs`. */
export async function readWhole(fs: StorageFs, file: string, flags: string | number = 'r') {
  const handle = await fs.open(file, flags)
  try {
    return await handle.readFile()
  } finally {
    await handle.close()
  }
}
