// Documents and the checks of what is written about them. A document's file is written once, when
// it is added, and read on demand; it holds the text, blocks and metadata, never annotations. The
// checks of a new document and of a set of annotations live here, beside the reads they must agree
// with: the shape (the fast check, zod for the message), then the text, the schema, the registry.
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { checkFast, isAnnotations } from '../../../shared/fast-validate'
import {
  DOCUMENT_FORMAT,
  FORMAT_VERSION,
  zAnnotations,
  zBlock,
  zDocumentMetadata,
  zId,
  type AnnotationSchema,
  type Annotations,
  type Block,
  type DocumentMetadata,
  type Entity,
} from '../../../shared/model'
import type { StoredDocument } from '../../../shared/model-files'
import { formatProblems, validateAnnotations, validateDocument } from '../../../shared/validate'
import { decodeDocumentJson } from './codecs'
import { isCode } from './durable-write'
import { ProjectError, joinProblems, zodProblems } from './errors'
import { errorText, parseJson, readUnlinked } from './json-file'
import type { ProjectLayout } from './layout'
import type { StorageFs } from './storage-fs'

/** A document to add: the store assigns the content hash, and the id unless `id` is free. */
export interface NewDocument {
  /** The id to keep when no document has it (annotation imports keep the source's ids). */
  id?: string
  title: string
  metadata: DocumentMetadata
  text: string
  blocks: Block[]
  /** Annotations to store as the adding analyst's set. */
  annotations?: Annotations
}

const zNewDocument = z.object({
  id: zId.optional(),
  title: z.string().max(1000),
  metadata: zDocumentMetadata,
  text: z.string(),
  blocks: z.array(zBlock),
  annotations: zAnnotations.optional(),
})

/** `sha256:<hex>` of the UTF-8 bytes of a canonical text. */
export function contentHash(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`
}

/**
 * Checks a document to add (shape, canonical text, blocks inside the text); throws ProjectError
 * naming where it came from (its imported file, else its title).
 */
export function checkNewDocument(d: NewDocument): z.output<typeof zNewDocument> {
  const source = d.metadata?.importedFrom || d.title || '(new document)'
  const parsed = zNewDocument.safeParse(d)
  if (!parsed.success) throw new ProjectError(source, joinProblems(zodProblems(parsed.error)))
  const { text, blocks } = parsed.data
  const problems = formatProblems(validateDocument({ text, blocks }))
  if (problems.length > 0) {
    throw new ProjectError(source, joinProblems(problems.map((p) => `document.${p}`)))
  }
  return parsed.data
}

/**
 * A document to add, checked, hashed and serialised where it was made (the import worker), so that
 * adding it costs main's event loop only naming it and writing it. Plain data: it crosses threads.
 */
export interface PreparedDocument {
  /** The id to keep when free (see NewDocument). */
  id?: string
  title: string
  text: string
  contentHash: string
  /** The document file's text around its id, addedAt and addedBy (see documentFileText). */
  fileParts: [string, string, string, string]
  annotations?: Annotations
}

// Stand-ins for the values known only when the document is added; found again in the text by
// position (the id is the document's first field, addedAt and addedBy its last), not by content.
const ID_MARK = JSON.stringify('\u0000id')
const AT_MARK = JSON.stringify('\u0000at')
const BY_MARK = JSON.stringify('\u0000by')

/** Checks (checkNewDocument), hashes and serialises a document to add; throws ProjectError. */
export function prepareDocument(d: NewDocument): PreparedDocument {
  const { id, title, metadata, text, blocks, annotations } = checkNewDocument(d)
  const hash = contentHash(text)
  const document = {
    id: JSON.parse(ID_MARK) as string,
    title,
    metadata,
    text,
    blocks,
    contentHash: hash,
    addedAt: JSON.parse(AT_MARK) as string,
    addedBy: JSON.parse(BY_MARK) as string,
  }
  const full = `${JSON.stringify({ format: DOCUMENT_FORMAT, version: FORMAT_VERSION, document }, null, 2)}\n`
  const i = full.indexOf(ID_MARK)
  const b = full.lastIndexOf(BY_MARK)
  const a = full.lastIndexOf(AT_MARK, b)
  const fileParts: PreparedDocument['fileParts'] = [
    full.slice(0, i),
    full.slice(i + ID_MARK.length, a),
    full.slice(a + AT_MARK.length, b),
    full.slice(b + BY_MARK.length),
  ]
  return { ...(id ? { id } : {}), title, text, contentHash: hash, fileParts, annotations }
}

/** The document file's text of a prepared document, given its id, addedAt and addedBy. */
export function documentFileText(
  p: PreparedDocument,
  id: string,
  addedAt: string,
  addedBy: string,
): string {
  const [head, afterId, afterAt, tail] = p.fileParts
  const json = JSON.stringify
  return head + json(id) + afterId + json(addedAt) + afterAt + json(addedBy) + tail
}

/**
 * Checks annotations against the project's schema and registry and the document's text; returns
 * them, or throws ProjectError naming `file` and each field.
 */
export function checkAnnotations(
  file: string,
  text: string,
  a: Annotations,
  project: { schema: AnnotationSchema; entities: readonly Pick<Entity, 'id'>[] },
): Annotations {
  const parsed = checkFast(a, isAnnotations, zAnnotations)
  if (!parsed.success) {
    throw new ProjectError(file, joinProblems(zodProblems(parsed.error, ['annotations'])))
  }
  const problems = validateAnnotations(project.schema, { text }, parsed.data, project.entities)
  if (problems.length > 0) {
    throw new ProjectError(
      file,
      joinProblems(
        formatProblems(problems).map((p) => `annotations.${p}`),
        10,
      ),
    )
  }
  return parsed.data
}

/**
 * Whether annotations pass checkAnnotations, checking again only what changed since a version that
 * passed under the same schema and registry: the spans `changed` (and those relations point to),
 * every relation, and the document labels. The span ids must be known to be unique (diffList
 * checks). False means "not shown": checkAnnotations then checks everything and names each problem.
 */
export function passesChanged(
  text: string,
  a: Annotations,
  changed: readonly unknown[],
  project: { schema: AnnotationSchema; entities: readonly Pick<Entity, 'id'>[] },
): boolean {
  if (!Array.isArray(a.spans) || !Array.isArray(a.relations)) return false
  const subset = new Set(changed as Annotations['spans'])
  if (a.relations.length > 0) {
    const byId = new Map(a.spans.map((span) => [span.id, span]))
    for (const r of a.relations as unknown[]) {
      if (typeof r !== 'object' || r === null) return false
      const { from, to } = r as { from?: unknown; to?: unknown }
      for (const end of [from, to]) {
        const span = typeof end === 'string' ? byId.get(end) : undefined
        if (span) subset.add(span)
      }
    }
  }
  const part = { ...a, spans: [...subset] }
  if (!isAnnotations(part)) return false
  return validateAnnotations(project.schema, { text }, part, project.entities).length === 0
}

/** Reads and parses a JSON file of the project (refusing a symbolic link); null when missing. */
export async function readProjectJson(fs: StorageFs, file: string): Promise<unknown> {
  const bytes = await readProjectBytes(fs, file)
  return bytes === null ? null : parseJson(file, bytes)
}

/** Reads a file of the project (refusing a symbolic link); null when missing. */
export async function readProjectBytes(fs: StorageFs, file: string): Promise<Uint8Array | null> {
  try {
    return await readUnlinked(fs, file)
  } catch (error) {
    if (isCode(error, 'ENOENT')) return null
    if (error instanceof ProjectError) throw error
    throw new ProjectError(file, `cannot read the file (${errorText(error)})`, { cause: error })
  }
}

/**
 * Reads document `id`: `documents/<id>.json`, or the file a migration wrote for it and has not yet
 * moved into place (see recovery.ts). Throws ProjectError naming the file.
 */
export async function readDocument(
  fs: StorageFs,
  layout: ProjectLayout,
  id: string,
  pending = false,
): Promise<StoredDocument> {
  const file = pending ? layout.pendingDocumentFile(id) : layout.documentFile(id)
  const raw = await readProjectJson(fs, file)
  if (raw === null) throw new ProjectError(file, 'the document file is missing')
  return decodeDocumentJson(raw, file, id).document
}
