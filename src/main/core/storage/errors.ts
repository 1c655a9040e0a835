// Errors of the project store. Every message starts with the file it is about and names the field,
// so a user can open that file and fix it: "/p/documents/d1.json: annotations.spans[3].start: …".
import type { z } from 'zod'

/** A problem with one file of a project: unreadable, invalid, or refused for writing. */
export class ProjectError extends Error {
  /** Absolute path of the file the problem is about. */
  readonly file: string
  /** The message without the leading file path. */
  readonly detail: string

  constructor(file: string, detail: string, options?: { cause?: unknown }) {
    super(`${file}: ${detail}`, options)
    this.name = 'ProjectError'
    this.file = file
    this.detail = detail
  }
}

/** What a system error code means, in words a user can act on. */
const WRITE_CAUSES: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EIO: 'the disk reported an input/output error',
  EFBIG: 'the file is too large for this file system',
  ENOENT: 'its folder does not exist',
  EBUSY: 'another program is using the file',
}

/**
 * A file that could not be written, named (never the temp file the write went through), with the
 * cause in words and its code, e.g. `/p/documents/d-1.json: could not be written: the disk is full
 * (ENOSPC). Nothing on disk was changed; free some space and try again.`
 */
export class WriteError extends ProjectError {
  /** The system error code (ENOSPC, EACCES, …), when there is one. */
  readonly code: string | undefined
  /** True when the new content did replace the file and only making that durable failed. */
  readonly replaced: boolean

  constructor(file: string, cause: unknown, replaced: boolean) {
    const code = errorCode(cause)
    const why = code && WRITE_CAUSES[code] ? `${WRITE_CAUSES[code]} (${code})` : errorMessage(cause)
    super(
      file,
      replaced
        ? `written, but the change may not survive a power cut: ${why}`
        : `could not be written: ${why}. Nothing on disk was changed; ${advice(code)}`,
      { cause },
    )
    this.name = 'WriteError'
    this.code = code
    this.replaced = replaced
  }
}

/**
 * A file whose permissions allow no writing (say, 0444, or Windows' read-only attribute) in a
 * folder that can be written: someone made it read-only on purpose, so it is never replaced.
 */
export class ReadOnlyFileError extends ProjectError {
  constructor(file: string) {
    super(
      file,
      'could not be written: the file is read-only (its permissions allow no writing), so it ' +
        'was left as it is and nothing on disk was changed; make it writable to save changes to it.',
    )
    this.name = 'ReadOnlyFileError'
  }
}

function advice(code: string | undefined): string {
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'free some space and try again.'
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return 'make the folder writable and try again.'
  }
  return 'try again.'
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined
  return typeof error.code === 'string' ? error.code : undefined
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * A project folder this process cannot write to (a read-only mount, a folder without write
 * permission): named as the folder, never as the lock's temp file the attempt went through.
 */
export class ReadOnlyProjectError extends ProjectError {
  /** Why, for the user: "the folder is on a read-only file system (EROFS)". */
  readonly reason: string

  constructor(dir: string, cause: unknown) {
    const code = errorCode(cause)
    const reason =
      code === 'EROFS'
        ? 'the folder is on a read-only file system (EROFS)'
        : `you do not have permission to write in the folder (${code ?? errorMessage(cause)})`
    super(dir, `cannot open the project for writing: ${reason}`, { cause })
    this.name = 'ReadOnlyProjectError'
    this.reason = reason
  }
}

/** Whether an error means the folder cannot be written at all. */
export function isReadOnlyCode(error: unknown): boolean {
  const code = errorCode(error)
  return code === 'EROFS' || code === 'EACCES' || code === 'EPERM'
}

/** Who holds a project's lock. */
export interface LockHolder {
  pid: number
  host: string
  since: string
}

/** The project is locked by another process (or another store in this one). */
export class LockError extends ProjectError {
  readonly holder: LockHolder

  constructor(lockFile: string, holder: LockHolder) {
    super(
      lockFile,
      `the project is open in another Marginalia (pid ${holder.pid} on ${holder.host}, since ` +
        `${holder.since}). Close it there; if that process no longer exists, delete this lock file.`,
    )
    this.name = 'LockError'
    this.holder = holder
  }
}

/** Formats a path like ['annotations', 'spans', 3, 'start'] as `annotations.spans[3].start`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out || '(root)'
}

/** Joins a list of "path: message" problems into one line, keeping the first few. */
export function joinProblems(problems: readonly string[], max = 5): string {
  const shown = problems.slice(0, max).join('; ')
  const more = problems.length - max
  return more > 0 ? `${shown}; and ${more} more` : shown
}

/** Lists zod issues as "path: message" strings, with `prefix` path segments in front. */
export function zodProblems(error: z.ZodError, prefix: readonly PropertyKey[] = []): string[] {
  return error.issues.map((issue) => `${formatPath([...prefix, ...issue.path])}: ${issue.message}`)
}
