// Format migrations. Both file formats carry a `version`; a file from an older Marginalia is
// brought up to FORMAT_VERSION on load by applying, in order, the step from each version N to N+1,
// before it is validated. Migrated files are written back only when they are next saved, so merely
// opening a project with a newer Marginalia never changes it.
//
// To add version N+1 (e.g. issue 4's version 2, which adds a Cue layer and relation attributes):
// bump FORMAT_VERSION in src/shared/model.ts, change the zod shapes, and register here
// `project[N]` and `document[N]`, each taking a version-N object and returning its version-N+1 form
// (the runner sets `version` itself). Both kinds need a step, even an identity one, because both
// formats share one version number.
//
// Steps: 1 → 2 adds the attribution frame (Cue layer, cue_of, relation attributes) to a default-like
// schema (migrate-v2.ts).
import { documentV1toV2, projectV1toV2 } from './migrate-v2'

/** A file's parsed JSON, before validation. */
export type RawFile = Record<string, unknown>

/** Turns a version-N file (as parsed JSON) into its version-N+1 form. */
export type Migration = (file: RawFile) => RawFile

export type FileKind = 'project' | 'document'

/** Migration steps by file kind and by the version they migrate from. */
export type MigrationTable = Record<FileKind, Map<number, Migration>>

/** The migrations this Marginalia knows, by the version they migrate from. */
export const migrations: MigrationTable = {
  project: new Map([[1, projectV1toV2]]),
  document: new Map([[1, documentV1toV2]]),
}

/** A file that cannot be migrated: its message names the field (always `version`). */
export class MigrationError extends Error {
  constructor(message: string) {
    super(`version: ${message}`)
    this.name = 'MigrationError'
  }
}

/** The outcome of migrating one file. */
export interface Migrated {
  file: unknown
  /** The version the file was written in, or null when it was already current. */
  migratedFrom: number | null
}

/**
 * Brings a parsed file up to `current` (FORMAT_VERSION by default) with the steps of `table`.
 * A value that is not an object, or lacks a version, is returned as is for validation to report.
 * Throws MigrationError for a newer version than `current` or a missing step.
 */
export function migrate(
  kind: FileKind,
  raw: unknown,
  current: number,
  table: MigrationTable = migrations,
): Migrated {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { file: raw, migratedFrom: null }
  }
  const version = (raw as RawFile).version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { file: raw, migratedFrom: null }
  }
  if (version > current) {
    throw new MigrationError(
      `written by a newer Marginalia (format version ${version}; this one reads up to ` +
        `${current}). Update Marginalia to open it.`,
    )
  }
  let file = raw as RawFile
  for (let from = version; from < current; from++) {
    const step = table[kind].get(from)
    if (!step) {
      throw new MigrationError(
        `no migration of a ${kind} file from format version ${from} to ${from + 1}`,
      )
    }
    file = { ...step(structuredClone(file)), version: from + 1 }
  }
  return { file, migratedFrom: version === current ? null : version }
}

/**
 * Registers a migration step (for tests, or a future version); returns a function that removes it.
 */
export function registerMigration(kind: FileKind, from: number, step: Migration): () => void {
  const previous = migrations[kind].get(from)
  migrations[kind].set(from, step)
  return () => {
    if (previous) migrations[kind].set(from, previous)
    else migrations[kind].delete(from)
  }
}
