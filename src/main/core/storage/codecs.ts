// Decoders of the format-3 files: check the version, then the shape (the hand-written fast check
// for the big files, zod for the small ones and for every message), then the cross-field rules of
// src/shared/validate.ts. Every error names the file and the field path. A file of an older version
// in a format-3 project is reported as such (a leftover of the migration), one of a newer version
// as "written by a newer Marginalia"; neither is ever rewritten.
import type { z } from 'zod'
import { isAnnotations, isDocument } from '../../../shared/fast-validate'
import { FORMAT_VERSION } from '../../../shared/model'
import {
  ANNOTATIONS_FORMAT,
  zAnnotationSetJson,
  zChangeJson,
  zDocumentJson,
  zProjectJson,
  type AnnotationSetJson,
  type ChangeJson,
  type DocumentJson,
  type ProjectJson,
} from '../../../shared/model-files'
import { formatProblems, validateDocument, validateSchema } from '../../../shared/validate'
import { ProjectError, joinProblems, zodProblems } from './errors'

/** The version a parsed file claims, or null when it has none. */
export function versionOf(raw: unknown): number | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null
  const version = (raw as { version?: unknown }).version
  return typeof version === 'number' && Number.isInteger(version) ? version : null
}

/** Throws ProjectError for a file whose version is not this format's. */
function requireCurrent(raw: unknown, file: string, what: string): void {
  const version = versionOf(raw)
  if (version === null || version === FORMAT_VERSION) return // the validator names a missing one
  if (version > FORMAT_VERSION) {
    throw new ProjectError(
      file,
      `version: written by a newer Marginalia (format version ${version}; this one reads up to ` +
        `${FORMAT_VERSION}). Update Marginalia to open it.`,
    )
  }
  throw new ProjectError(
    file,
    `version: a format-${version} ${what} in a format-${FORMAT_VERSION} project (left over from ` +
      'before the project was migrated); it is kept as it is and not read',
  )
}

function shapeError(file: string, error: z.ZodError): ProjectError {
  return new ProjectError(file, joinProblems(zodProblems(error)))
}

/** project.json of format 3. */
export function decodeProjectJson(raw: unknown, file: string): ProjectJson {
  requireCurrent(raw, file, 'project file')
  const parsed = zProjectJson.safeParse(raw)
  if (!parsed.success) throw shapeError(file, parsed.error)
  const problems = formatProblems(validateSchema(parsed.data.schema)).map((p) => `schema.${p}`)
  if (problems.length > 0) throw new ProjectError(file, joinProblems(problems))
  return parsed.data
}

/** A document file: the fast check for its blocks, zod for the message when that fails. */
export function decodeDocumentJson(raw: unknown, file: string, id: string): DocumentJson {
  requireCurrent(raw, file, 'document file')
  const fast =
    typeof raw === 'object' &&
    raw !== null &&
    (raw as Record<string, unknown>).format === 'marginalia-document' &&
    isStoredDocument((raw as Record<string, unknown>).document)
  const value = fast ? (raw as DocumentJson) : parseWith(zDocumentJson, raw, file)
  const problems = formatProblems(validateDocument(value.document)).map((p) => `document.${p}`)
  if (problems.length > 0) throw new ProjectError(file, joinProblems(problems))
  if (value.document.id !== id) {
    throw new ProjectError(
      file,
      `document.id: is ${JSON.stringify(value.document.id)}, but the file is named "${id}.json"`,
    )
  }
  return value
}

function isStoredDocument(v: unknown): boolean {
  if (!isDocument(v)) return false
  return v.addedAt !== undefined && v.addedBy !== undefined
}

/** An annotation set file, checked against the folder and file name it was found under. */
export function decodeSetJson(
  raw: unknown,
  file: string,
  where: { docId: string; setId: string },
): AnnotationSetJson {
  requireCurrent(raw, file, 'annotation file')
  const value = isSetJson(raw) ? raw : parseWith(zAnnotationSetJson, raw, file)
  if (value.document !== where.docId || value.set !== where.setId) {
    throw new ProjectError(
      file,
      `document, set: the file says ${JSON.stringify(value.document)} of set ` +
        `${JSON.stringify(value.set)}, but it lies at annotations/${where.setId}/${where.docId}.json`,
    )
  }
  return value
}

// The header of a set file is small: zod checks it, and the fast check the annotations.
const zSetHeader = zAnnotationSetJson.omit({ annotations: true })

function isSetJson(raw: unknown): raw is AnnotationSetJson {
  if (typeof raw !== 'object' || raw === null) return false
  const v = raw as Record<string, unknown>
  if (v.format !== ANNOTATIONS_FORMAT || !isAnnotations(v.annotations)) return false
  return zSetHeader.safeParse({ ...v, annotations: undefined }).success
}

/** A change file, checked against the folder and name it was found under. */
export function decodeChangeJson(
  raw: unknown,
  file: string,
  where: { analystId: string; changeId: string },
): ChangeJson {
  requireCurrent(raw, file, 'change file')
  const value = parseWith(zChangeJson, raw, file)
  if (value.analyst !== where.analystId || value.id !== where.changeId) {
    throw new ProjectError(
      file,
      `analyst, id: the file says ${JSON.stringify(value.id)} by ${JSON.stringify(value.analyst)}, ` +
        `but it lies at changes/${where.analystId}/${where.changeId}.json`,
    )
  }
  return value
}

function parseWith<T>(schema: z.ZodType<T>, raw: unknown, file: string): T {
  const parsed = schema.safeParse(raw)
  if (!parsed.success) throw shapeError(file, parsed.error)
  return parsed.data
}
