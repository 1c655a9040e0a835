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
