// Durable file replacement. A power cut must leave either the old or the new file, never a torn or
// zero-filled one (lowdb's stock writer, steno, renames without fsync, and users have found files
// full of NUL bytes after a crash). So: write a uniquely named temp file, fsync it, rename it over
// the target (atomic on one file system), then fsync the folder so the rename itself is on disk.
// The temp file sits beside the target, or in a temp folder of the same file system: a project
// keeps them in `.marginalia/tmp/`, so a sync client never sees (or uploads) a half-written file.
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { ReadOnlyFileError, WriteError } from './errors'
import { nodeFs, type StorageFs } from './storage-fs'

const TEMP_SUFFIX = '.tmp'

/**
 * The temp file name used while replacing `file`: `.<name>.<pid>.<random>.tmp`, in `tempDir` when
 * given (it must be on the same file system), else beside the file.
 */
export function tempNameFor(file: string, tempDir?: string): string {
  const base = path.basename(file)
  const unique = `${process.pid}.${randomBytes(6).toString('hex')}`
  return path.join(tempDir ?? path.dirname(file), `.${base}.${unique}${TEMP_SUFFIX}`)
}

/** Whether a file name is a temp file left by `writeFileDurable` (e.g. after a crash). */
export function isTempName(name: string): boolean {
  return /^\..+\.\d+\.[0-9a-f]{12}\.tmp$/.test(name)
}

/**
 * Replaces `file` with `data` so that after a crash it holds either the old or the new bytes.
 * Throws WriteError naming `file` and the cause (disk full, read-only, …), and ReadOnlyFileError,
 * writing nothing, when `file` is a read-only file. `tempDir` (created when
 * missing) holds the temp file instead of the file's own folder.
 */
export async function writeFileDurable(
  file: string,
  data: string | Uint8Array,
  fs: StorageFs = nodeFs,
  tempDir?: string,
): Promise<void> {
  await refuseReadOnlyFile(fs, file)
  const temp = tempNameFor(file, tempDir)
  try {
    const handle = await openTemp(fs, temp, tempDir)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await renameWithRetry(fs, temp, file)
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined)
    throw new WriteError(file, error, false)
  }
  try {
    await syncFolder(path.dirname(file), fs)
  } catch (error) {
    throw new WriteError(file, error, true)
  }
}

/**
 * Refuses to replace a file whose permissions allow no writing: the rename would replace it, since
 * only its folder's permission counts for that, so it is checked here (ReadOnlyFileError).
 */
async function refuseReadOnlyFile(fs: StorageFs, file: string): Promise<void> {
  const info = await fs.lstat(file).catch(() => null)
  if (info?.isFile() && (info.mode & 0o222) === 0) throw new ReadOnlyFileError(file)
}

/** Creates the temp file; a missing temp folder (deleted while the project was open) is made. */
async function openTemp(fs: StorageFs, temp: string, tempDir: string | undefined) {
  try {
    return await fs.open(temp, 'wx', 0o644)
  } catch (error) {
    if (!tempDir || !isCode(error, 'ENOENT')) throw error
    await fs.mkdir(tempDir, { recursive: true })
    return fs.open(temp, 'wx', 0o644)
  }
}

/** Fsyncs a folder so a rename or a new entry in it survives a power cut (a no-op on Windows). */
export async function syncFolder(folder: string, fs: StorageFs = nodeFs): Promise<void> {
  if (process.platform === 'win32') return // folders cannot be opened for fsync there; NTFS journals renames
  let handle
  try {
    handle = await fs.open(folder, 'r')
    await handle.sync()
  } catch (error) {
    // Some file systems (network shares) refuse fsync on a folder; the rename is still atomic.
    if (!isCode(error, 'EINVAL', 'ENOTSUP', 'EPERM', 'EISDIR', 'EBADF')) throw error
  } finally {
    await handle?.close()
  }
}

/**
 * rename() over a file that another program (a virus scanner, a sync client) briefly holds open
 * fails on Windows with EPERM/EACCES/EBUSY; a few short retries ride it out.
 */
async function renameWithRetry(fs: StorageFs, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to)
      return
    } catch (error) {
      if (attempt >= 8 || !isCode(error, 'EPERM', 'EACCES', 'EBUSY')) throw error
      await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1)))
    }
  }
}

/** Whether an error is a Node system error with one of the given codes. */
export function isCode(error: unknown, ...codes: string[]): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    codes.includes(String(error.code))
  )
}
