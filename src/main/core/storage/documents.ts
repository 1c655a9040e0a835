// Reading and validating documents: one documents/<id>.json per document, read on demand through
// lowdb and kept in memory only once it is needed (loaded or saved). Every read is decoded
// (migrated, then validated) and checked against the id the index gives it; a file that fails is
// remembered with its error, so the rest of the project still opens and saving over it is refused.
// The checks of what is about to be written (a new document, a set of annotations) live here too,
// beside the reads they must agree with.
import { createHash } from 'node:crypto'
import path from 'node:path'
import { Low } from 'lowdb'
import { z } from 'zod'
import type { DocumentSummary } from '../../../shared/ipc-contract'
import {
  zAnnotations,
  zBlock,
  zDocumentMetadata,
  zId,
  type Annotations,
  type Block,
  type DocumentFile,
  type DocumentMetadata,
  type ProjectFile,
} from '../../../shared/model'
import { formatProblems, validateAnnotations, validateDocument } from '../../../shared/validate'
import { documentDecoder } from './codecs'
import { ProjectError, joinProblems, zodProblems } from './errors'
import { JsonFile, errorText } from './json-file'
import type { StorageFs } from './storage-fs'

export const DOCUMENTS_DIR = 'documents'

/** Added to a document file's name while it is being removed (see recovery.ts). */
export const REMOVED_SUFFIX = '.removed'

/** A document to add: the store assigns the content hash, and the id unless `id` is free. */
export interface NewDocument {
  /** The id to keep when no document has it (annotation imports keep the source's ids). */
  id?: string
  title: string
  metadata: DocumentMetadata
  text: string
  blocks: Block[]
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
 * Checks annotations against the project's schema and registry and the document's text; returns
 * them parsed, or throws ProjectError naming `file` and each field.
 */
export function checkAnnotations(
  file: string,
  text: string,
  a: Annotations,
  project: Pick<ProjectFile, 'schema' | 'entities'>,
): Annotations {
  const parsed = zAnnotations.safeParse(a)
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

/** One document's file: its counts and error always, its content while it is loaded. */
export class StoredDocument {
  readonly adapter: JsonFile<DocumentFile>
  /** Holds the document while it is loaded (after load or a save), else null. */
  readonly db: Low<DocumentFile | null>
  spanCount = 0
  relationCount = 0
  /** Why the file could not be read the last time it was, or null. */
  error: ProjectError | null = null
  #reading: Promise<DocumentFile> | null = null

  constructor(
    readonly id: string,
    readonly file: string,
    fs: StorageFs,
  ) {
    this.adapter = new JsonFile(file, documentDecoder, fs)
    this.db = new Low<DocumentFile | null>(this.adapter, null)
  }

  /** The loaded document, reading it (once, even when asked concurrently) if needed. */
  load(): Promise<DocumentFile> {
    if (this.db.data) return Promise.resolve(this.db.data)
    this.#reading ??= this.read().finally(() => {
      this.#reading = null
    })
    return this.#reading
  }

  /** Reads the file, recording its counts, or its error (which it also throws). */
  async read(): Promise<DocumentFile> {
    try {
      await this.db.read()
      const data = this.db.data
      if (!data) throw new ProjectError(this.file, 'the document file is missing')
      if (data.document.id !== this.id) {
        throw new ProjectError(
          this.file,
          `document.id: is ${JSON.stringify(data.document.id)}, but the project lists this file as "${this.id}"`,
        )
      }
      this.#count(data)
      this.error = null
      return data
    } catch (error) {
      this.db.data = null
      this.error =
        error instanceof ProjectError
          ? error
          : new ProjectError(this.file, errorText(error), { cause: error })
      throw this.error
    }
  }

  /**
   * Writes `data` durably and only then makes it the document's content. When the write fails the
   * copy in memory is dropped, so the next load shows what is on disk, never what was not saved.
   */
  async write(data: DocumentFile): Promise<void> {
    try {
      await this.adapter.write(data)
    } catch (error) {
      this.forget()
      throw error
    }
    this.db.data = data
    this.#count(data)
  }

  /** Drops the content from memory; counts and error stay. */
  forget(): void {
    this.db.data = null
  }

  /** The sidebar's line for this document, under the title the index gives it. */
  summary(title: string): DocumentSummary {
    const summary: DocumentSummary = {
      id: this.id,
      title,
      spanCount: this.spanCount,
      relationCount: this.relationCount,
    }
    if (this.error) summary.error = this.error.detail
    return summary
  }

  #count(data: DocumentFile): void {
    this.spanCount = data.annotations.spans.length
    this.relationCount = data.annotations.relations.length
  }
}

/** The documents/ folder: one StoredDocument per document the index lists. */
export class DocumentFolder {
  readonly #docs = new Map<string, StoredDocument>()

  /** `indexFile` is named by the error for an id the project does not have. */
  constructor(
    readonly root: string,
    private readonly indexFile: string,
    readonly fs: StorageFs,
  ) {}

  /** Where the document `id` is stored. */
  pathOf(id: string): string {
    return path.join(this.root, DOCUMENTS_DIR, `${id}.json`)
  }

  /** Where the document `id` waits while it is being removed. */
  removedPathOf(id: string): string {
    return `${this.pathOf(id)}${REMOVED_SUFFIX}`
  }

  get(id: string): StoredDocument | undefined {
    return this.#docs.get(id)
  }

  has(id: string): boolean {
    return this.#docs.has(id)
  }

  /** The document `id`; throws ProjectError naming the index when the project has none. */
  require(id: string): StoredDocument {
    const doc = this.#docs.get(id)
    if (!doc) {
      throw new ProjectError(this.indexFile, `documents: no document with id ${JSON.stringify(id)}`)
    }
    return doc
  }

  /** A document of this folder, not yet listed (see `add`). */
  create(id: string): StoredDocument {
    return new StoredDocument(id, this.pathOf(id), this.fs)
  }

  add(doc: StoredDocument): void {
    this.#docs.set(doc.id, doc)
  }

  delete(id: string): void {
    this.#docs.delete(id)
  }

  values(): IterableIterator<StoredDocument> {
    return this.#docs.values()
  }

  /** Lists `ids` and reads each once (8 at a time), for counts and problems; keeps none in memory. */
  async scan(ids: readonly string[]): Promise<void> {
    const docs = ids.map((id) => this.create(id))
    for (const doc of docs) this.add(doc)
    let next = 0
    const worker = async () => {
      while (next < docs.length) {
        const doc = docs[next++]
        await doc.read().catch(() => undefined)
        doc.forget()
      }
    }
    await Promise.all(Array.from({ length: Math.min(8, docs.length) }, worker))
  }
}
