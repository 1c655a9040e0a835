// The project lock: `.marginalia/lock` in the project folder (the machine-local folder that is never
// synced: a lock means "this machine has it open", and must not travel to another machine), holding
// {pid, host, since, token}.
// It is created atomically: the content is written to a temp file first and hard-linked to the lock
// name (link fails if the name exists), so a crash can never leave an empty lock without a holder.
// On file systems without hard links it falls back to an exclusive create (O_EXCL).
// A lock whose holder is on this host and no longer alive is stale and taken over under a takeover
// guard, which only one contender holds at a time, so two processes never both take it.
import { randomBytes } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import {
  LockError,
  ProjectError,
  ReadOnlyProjectError,
  isReadOnlyCode,
  type LockHolder,
} from './errors'
import { isCode } from './durable-write'
import { LOCAL_DIR } from './layout'
import { nodeFs, readWhole, type StorageFs } from './storage-fs'

export const LOCK_FILE = path.join(LOCAL_DIR, 'lock')

/** Format 2's lock, at the top of the folder: an older Marginalia may still hold it. */
export const LEGACY_LOCK_FILE = '.marginalia.lock'

/** An unreadable lock file younger than this may be mid-creation (O_EXCL fallback); older is stale. */
const UNREADABLE_LOCK_GRACE_MS = 10_000

interface LockContent extends LockHolder {
  token: string
}

/** Attempts to take the lock; each waits at most TAKEOVER_WAIT_MS when another takes over. */
const MAX_ATTEMPTS = 50
const TAKEOVER_WAIT_MS = 20

/** Tokens of the locks (and takeover guards) this process holds. */
const heldTokens = new Set<string>()

/** A held project lock. */
export class ProjectLock {
  #released = false

  private constructor(
    readonly file: string,
    readonly holder: LockHolder,
    private readonly token: string,
    private readonly fs: StorageFs,
  ) {}

  /**
   * Takes the lock of the project folder `dir`, taking over a stale one. Throws LockError naming
   * the holder when a live process (or another store in this process) holds it, and
   * ReadOnlyProjectError naming the folder when it cannot be written.
   */
  static async acquire(dir: string, fs: StorageFs = nodeFs): Promise<ProjectLock> {
    const file = path.join(dir, LOCK_FILE)
    await makeLocalDir(dir, fs)
    const content: LockContent = {
      pid: process.pid,
      host: os.hostname(),
      since: new Date().toISOString(),
      token: randomBytes(8).toString('hex'),
    }
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (await createInFolder(dir, fs, file, `${JSON.stringify(content, null, 2)}\n`)) {
        const { token, ...holder } = content
        heldTokens.add(token)
        const lock = new ProjectLock(file, holder, token, fs)
        await lock.#refuseLegacyHolder(dir)
        return lock
      }
      const existing = await readLock(fs, file)
      if (existing === 'missing') continue // released meanwhile: try again
      if (!(await isStale(fs, file, existing))) throw new LockError(file, holderOf(existing))
      await takeOverStale(fs, file, existing)
    }
    throw new ProjectError(file, 'could not take the project lock (it keeps changing hands)')
  }

  /**
   * An older Marginalia (format 2) locks `.marginalia.lock` instead: while a live process holds
   * that, this lock is given back and LockError names the holder, so the two never both write.
   */
  async #refuseLegacyHolder(dir: string): Promise<void> {
    const legacy = path.join(dir, LEGACY_LOCK_FILE)
    const existing = await readLock(this.fs, legacy).catch(() => 'missing' as const)
    if (existing === 'missing' || (await isStale(this.fs, legacy, existing))) return
    await this.release()
    throw new LockError(legacy, holderOf(existing))
  }

  /** Releases the lock if this store still holds it. */
  async release(): Promise<void> {
    if (this.#released) return
    this.#released = true
    heldTokens.delete(this.token)
    const current = await readLock(this.fs, this.file)
    if (current !== 'missing' && current !== 'unreadable' && current.token === this.token) {
      await this.fs.unlink(this.file).catch((error: unknown) => {
        if (!isCode(error, 'ENOENT')) throw error
      })
    }
  }
}

/** Creates `.marginalia/`; a folder that cannot be written is reported as such. */
async function makeLocalDir(dir: string, fs: StorageFs): Promise<void> {
  try {
    await fs.mkdir(path.join(dir, LOCAL_DIR), { recursive: true })
  } catch (error) {
    if (isReadOnlyCode(error)) throw new ReadOnlyProjectError(dir, error)
    throw error
  }
}

/** createExclusive, with a folder that cannot be written reported as such. */
async function createInFolder(dir: string, fs: StorageFs, file: string, data: string) {
  try {
    return await createExclusive(fs, file, data)
  } catch (error) {
    if (isReadOnlyCode(error)) throw new ReadOnlyProjectError(dir, error)
    throw error
  }
}

/** Creates `file` with `data` only if it does not exist; false when it does. */
async function createExclusive(fs: StorageFs, file: string, data: string): Promise<boolean> {
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
  const created = await fs.open(temp, 'wx')
  try {
    try {
      await created.writeFile(data)
    } finally {
      await created.close()
    }
    await fs.link(temp, file)
    return true
  } catch (error) {
    if (isCode(error, 'EEXIST')) return false
    if (!isCode(error, 'EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP', 'EXDEV')) throw error
  } finally {
    await fs.unlink(temp).catch(() => undefined)
  }
  // No hard links here (FAT, some shares): an exclusive create, written at once.
  try {
    const handle = await fs.open(file, 'wx')
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    return true
  } catch (error) {
    if (isCode(error, 'EEXIST')) return false
    throw error
  }
}

type ReadLock = LockContent | 'missing' | 'unreadable'

async function readLock(fs: StorageFs, file: string): Promise<ReadLock> {
  let text: string
  try {
    text = new TextDecoder().decode(await readWhole(fs, file))
  } catch (error) {
    if (isCode(error, 'ENOENT')) return 'missing'
    throw new ProjectError(file, `cannot read the lock file (${String(error)})`)
  }
  try {
    const v = JSON.parse(text) as Partial<LockContent>
    if (
      typeof v.pid === 'number' &&
      typeof v.host === 'string' &&
      typeof v.since === 'string' &&
      typeof v.token === 'string'
    ) {
      return { pid: v.pid, host: v.host, since: v.since, token: v.token }
    }
  } catch {
    // fall through
  }
  return 'unreadable'
}

function holderOf(lock: LockContent | 'unreadable'): LockHolder {
  if (lock === 'unreadable') return { pid: 0, host: 'unknown', since: 'unknown' }
  return { pid: lock.pid, host: lock.host, since: lock.since }
}

/** Whether a lock's holder is gone: same host and no such process, or unreadable and old. */
async function isStale(
  fs: StorageFs,
  file: string,
  lock: LockContent | 'unreadable',
): Promise<boolean> {
  if (lock === 'unreadable') {
    try {
      const info = await fs.stat(file)
      return Date.now() - info.mtimeMs > UNREADABLE_LOCK_GRACE_MS
    } catch {
      return false
    }
  }
  if (lock.host !== os.hostname()) return false // cannot see processes of another machine
  // Our own pid: held by a store of this process, or left by an earlier process that had the same
  // pid (common in containers); the token tells which.
  if (lock.pid === process.pid) return !heldTokens.has(lock.token)
  return !isProcessAlive(lock.pid)
}

/** Whether a process with this pid exists (EPERM means it exists but belongs to another user). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return isCode(error, 'EPERM')
  }
}

/**
 * Removes a stale lock without racing another contender. Only the holder of the takeover guard
 * (`<lock>.takeover`, created exclusively like the lock itself) removes a lock it does not hold, and
 * only after re-reading it under the guard and finding the same stale lock it saw. A fresh lock can
 * only be created once the stale one is gone, so a fresh lock is never removed and two contenders
 * never both win. (Renaming the stale lock aside, as before, could catch a contender's fresh lock
 * and leave the name empty while it was put back: a third contender then took it too.)
 * A guard left by a process that died mid-takeover is stale by the lock's own rule and removed.
 */
async function takeOverStale(
  fs: StorageFs,
  file: string,
  seen: LockContent | 'unreadable',
): Promise<void> {
  const guard = `${file}.takeover`
  const content: LockContent = {
    pid: process.pid,
    host: os.hostname(),
    since: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
  }
  heldTokens.add(content.token)
  try {
    if (!(await createExclusive(fs, guard, JSON.stringify(content)))) {
      await clearStaleGuard(fs, guard)
      await new Promise((resolve) => setTimeout(resolve, TAKEOVER_WAIT_MS))
      return
    }
    try {
      const current = await readLock(fs, file)
      if (current !== 'missing' && sameLock(current, seen) && (await isStale(fs, file, current))) {
        await fs.unlink(file).catch((error: unknown) => {
          if (!isCode(error, 'ENOENT')) throw error
        })
      }
    } finally {
      await fs.unlink(guard).catch(() => undefined)
    }
  } finally {
    heldTokens.delete(content.token)
  }
}

function sameLock(a: LockContent | 'unreadable', b: LockContent | 'unreadable'): boolean {
  if (a === 'unreadable' || b === 'unreadable') return a === b
  return a.token === b.token
}

/** Removes a takeover guard whose holder died mid-takeover (moved aside first: one remover wins). */
async function clearStaleGuard(fs: StorageFs, guard: string): Promise<void> {
  const existing = await readLock(fs, guard)
  if (existing === 'missing' || !(await isStale(fs, guard, existing))) return
  const aside = `${guard}.${process.pid}.${randomBytes(6).toString('hex')}.stale`
  try {
    await fs.rename(guard, aside)
  } catch (error) {
    if (isCode(error, 'ENOENT')) return
    throw error
  }
  await fs.unlink(aside).catch(() => undefined)
}
