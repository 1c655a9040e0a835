// Format 2 (and, through the per-file steps of migrate.ts, format 1) as it lies on analysts' disks:
// one project.json holding the schema, the entities and the document index, and one
// documents/<id>.json per document holding its text and the one set of annotations it had. Only
// read, to migrate it to format 3 (migrate-v3.ts); nothing writes this format any more.
import path from 'node:path'
import { z } from 'zod'
import {
  zAnnotationSchema,
  zAnnotations,
  zDocument,
  zEntity,
  zId,
  zName,
  zTimestamp,
  type Annotations,
  type Document,
} from '../../../shared/model'
import { formatProblems, validateDocument, validateSchema } from '../../../shared/validate'
import { isCode } from './durable-write'
import { ProjectError, joinProblems, zodProblems } from './errors'
import { errorText, parseJson, readUnlinked } from './json-file'
import { idOfJsonName } from './layout'
import { migrate, type FileKind } from './migrate'
import type { StorageFs } from './storage-fs'

/** The last version of the one-file-per-document format. */
export const LEGACY_VERSION = 2

/** A format-2 removal's aside file (see FORMAT.md of format 2). */
const REMOVED_SUFFIX = '.removed'

const zIndexEntryV2 = z.object({
  id: zId,
  title: z.string().max(1000),
  file: z.string(),
  contentHash: z.string(),
  addedAt: zTimestamp,
})

const zProjectFileV2 = z.object({
  format: z.literal('marginalia-project'),
  version: z.literal(LEGACY_VERSION),
  id: zId,
  name: zName,
  createdAt: zTimestamp,
  updatedAt: zTimestamp,
  schema: zAnnotationSchema,
  documents: z.array(zIndexEntryV2),
  entities: z.array(zEntity),
})
export type ProjectFileV2 = z.infer<typeof zProjectFileV2>

const zDocumentFileV2 = z.object({
  format: z.literal('marginalia-document'),
  version: z.literal(LEGACY_VERSION),
  document: zDocument,
  annotations: zAnnotations,
})

/** One document of a format-2 project, read: its text and its one set of annotations. */
export interface LegacyDocument {
  entry: z.infer<typeof zIndexEntryV2>
  /** The file it was read from: `documents/<id>.json`, or its `.removed` aside. */
  file: string
  document: Document
  annotations: Annotations
}

/** A format-2 project, read whole: what migration needs. */
export interface LegacyProject {
  project: ProjectFileV2
  documents: LegacyDocument[]
  /** Listed documents whose file could not be read: kept as they are, reported. */
  unreadable: { entry: z.infer<typeof zIndexEntryV2>; file: string; error: ProjectError }[]
  /** Document files no index entry names and that are complete and new: listed as format 2 would. */
  unlisted: LegacyDocument[]
}

/** Decodes a parsed format-1/2 file of `kind`, throwing ProjectError naming the file and field. */
function decode<T>(kind: FileKind, schema: z.ZodType<T>, raw: unknown, file: string): T {
  let migrated
  try {
    migrated = migrate(kind, raw, LEGACY_VERSION)
  } catch (error) {
    throw new ProjectError(file, errorText(error), { cause: error })
  }
  const parsed = schema.safeParse(migrated.file)
  if (!parsed.success) throw new ProjectError(file, joinProblems(zodProblems(parsed.error)))
  return parsed.data
}

/** project.json of format 1 or 2 (already parsed), validated. */
export function decodeLegacyProject(raw: unknown, file: string): ProjectFileV2 {
  const project = decode('project', zProjectFileV2, raw, file)
  const problems = formatProblems(validateSchema(project.schema)).map((p) => `schema.${p}`)
  if (problems.length > 0) throw new ProjectError(file, joinProblems(problems))
  return project
}

async function readDocumentV2(fs: StorageFs, file: string, id: string) {
  const value = decode(
    'document',
    zDocumentFileV2,
    parseJson(file, await readUnlinked(fs, file)),
    file,
  )
  const problems = formatProblems(validateDocument(value.document)).map((p) => `document.${p}`)
  if (problems.length > 0) throw new ProjectError(file, joinProblems(problems))
  if (value.document.id !== id) {
    throw new ProjectError(
      file,
      `document.id: is ${JSON.stringify(value.document.id)}, not "${id}"`,
    )
  }
  return value
}

/** The file to read a listed document from: its own, or the aside of an interrupted removal. */
async function sourceOf(fs: StorageFs, file: string): Promise<string> {
  const present = await fs.lstat(file).then(
    () => true,
    (error: unknown) => !isCode(error, 'ENOENT'),
  )
  if (present) return file
  const aside = `${file}${REMOVED_SUFFIX}`
  return (await fs.lstat(aside).then(
    () => true,
    () => false,
  ))
    ? aside
    : file
}

/**
 * Reads a format-2 project whose project.json is `project`: every listed document (from its file,
 * or from the aside file of a removal interrupted before project.json changed), and the unlisted
 * complete documents an interrupted add left (format 2 listed those again on the next open).
 */
export async function readLegacyProject(
  root: string,
  project: ProjectFileV2,
  fs: StorageFs,
): Promise<LegacyProject> {
  const result: LegacyProject = { project, documents: [], unreadable: [], unlisted: [] }
  const hashes = new Set<string>()
  for (const entry of project.documents) {
    const file = await sourceOf(fs, path.join(root, 'documents', `${entry.id}.json`))
    try {
      const value = await readDocumentV2(fs, file, entry.id)
      result.documents.push({ entry, file, ...value })
      hashes.add(value.document.contentHash)
    } catch (error) {
      const problem =
        error instanceof ProjectError ? error : new ProjectError(file, errorText(error))
      result.unreadable.push({ entry, file, error: problem })
    }
  }
  const listed = new Set(project.documents.map((e) => e.id))
  const names = await fs.readdir(path.join(root, 'documents')).catch(() => [] as string[])
  for (const name of names.sort()) {
    const id = idOfJsonName(name)
    if (!id || listed.has(id)) continue
    const file = path.join(root, 'documents', name)
    try {
      const value = await readDocumentV2(fs, file, id)
      const { contentHash, title } = value.document
      if (hashes.has(contentHash)) continue
      hashes.add(contentHash)
      const added = new Date((await fs.stat(file)).mtimeMs).toISOString()
      const entry = { id, title, file: `documents/${id}.json`, contentHash, addedAt: added }
      result.unlisted.push({ entry, file, ...value })
    } catch {
      // Broken or foreign: format 2 left such files alone, and so does the migration.
    }
  }
  return result
}
