// Writing: every change to a project that is open for writing. Each is checked in full before a byte
// is written, and the files are written in the order that keeps the pair recoverable: a new
// document's file before the index that names it, the index before a removed document's file is
// deleted. The store has a writer only while it holds the project's lock.
import path from 'node:path'
import type { DocumentSummary } from '../../../shared/ipc-contract'
import { newId } from '../../../shared/ids'
import {
  DOCUMENT_FORMAT,
  FORMAT_VERSION,
  type AnnotationSchema,
  type Annotations,
  type DocumentFile,
  type DocumentIndexEntry,
  type Entity,
} from '../../../shared/model'
import {
  DOCUMENTS_DIR,
  checkAnnotations,
  checkNewDocument,
  contentHash,
  type DocumentFolder,
  type NewDocument,
  type StoredDocument,
} from './documents'
import { isCode, syncFolder } from './durable-write'
import { ProjectError } from './errors'
import { errorText } from './json-file'
import type { ProjectIndex, StoreEnv } from './project-index'

/** What adding a document did. */
export type AddResult =
  | { status: 'added'; entry: DocumentIndexEntry }
  | { status: 'duplicate'; existing: DocumentIndexEntry }

/** The changes to an open project. */
export class ProjectWriter {
  #queue: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly index: ProjectIndex,
    private readonly docs: DocumentFolder,
    private readonly env: StoreEnv,
  ) {}

  /**
   * Validates the annotations against the schema and the document text and rewrites only that
   * document's file. Rejects with ProjectError listing the problems; refuses to overwrite a file
   * that could not be read.
   */
  saveAnnotations(id: string, a: Annotations): Promise<DocumentSummary> {
    return this.#exclusive(async () => {
      // Queued like every change, so nothing can remove the document, or change the schema it is
      // checked against, between this lookup and the write.
      const doc = this.docs.require(id)
      const current = await loadForSaving(doc)
      const annotations = checkAnnotations(doc.file, current.document.text, a, this.index.data)
      await doc.write({
        format: DOCUMENT_FORMAT,
        version: FORMAT_VERSION,
        document: current.document,
        annotations,
      })
      return doc.summary(this.index.require(id).title)
    })
  }

  /**
   * Adds a document, unless one with the same content hash is already in the project. Writes the
   * document file, then the index in project.json.
   */
  addDocument(d: NewDocument): Promise<AddResult> {
    return this.#exclusive(async () => {
      const { id: wanted, title, metadata, text, blocks, annotations: given } = checkNewDocument(d)
      const hash = contentHash(text)
      const existing = this.index.byHash(hash)
      if (existing) return { status: 'duplicate' as const, existing: { ...existing } }

      let id = wanted !== undefined && (await this.#free(wanted)) ? wanted : this.env.newId('d')
      while (this.docs.has(id)) id = newId('d')
      const file = this.docs.pathOf(id)
      const annotations = checkAnnotations(
        file,
        text,
        given ?? { spans: [], relations: [], docLabels: {} },
        this.index.data,
      )
      const doc = this.docs.create(id)
      await doc.write({
        format: DOCUMENT_FORMAT,
        version: FORMAT_VERSION,
        document: { id, title, metadata, text, blocks, contentHash: hash },
        annotations,
      })

      const entry: DocumentIndexEntry = {
        id,
        title,
        file: `${DOCUMENTS_DIR}/${id}.json`,
        contentHash: hash,
        addedAt: this.env.now().toISOString(),
      }
      this.docs.add(doc)
      try {
        await this.index.addEntry(entry)
      } catch (error) {
        this.docs.delete(id)
        await this.docs.fs.unlink(file).catch(() => undefined)
        throw error
      }
      return { status: 'added' as const, entry: { ...entry } }
    })
  }

  /** An id no document has, nor any file in the documents folder (not even one being removed). */
  async #free(id: string): Promise<boolean> {
    if (this.docs.has(id)) return false
    const { fs } = this.docs
    const exists = (file: string) =>
      fs.lstat(file).then(
        () => true,
        () => false,
      )
    return !(await exists(this.docs.pathOf(id))) && !(await exists(this.docs.removedPathOf(id)))
  }

  /**
   * Removes a document: moves its file aside, removes it from the index, deletes the file. A crash
   * at any point leaves a state the next open settles (recovery.ts): a removed document never
   * comes back as an unlisted one, and one whose removal did not reach the index is kept.
   */
  removeDocument(id: string): Promise<void> {
    return this.#exclusive(async () => {
      const doc = this.docs.require(id)
      const { fs } = this.docs
      const aside = this.docs.removedPathOf(id)
      const moved = await fs.rename(doc.file, aside).then(
        () => true,
        (error: unknown) => {
          if (isCode(error, 'ENOENT')) return false // already gone: only the index to change
          throw error
        },
      )
      if (moved) await syncFolder(path.dirname(doc.file), fs)
      try {
        await this.index.removeEntry(id)
      } catch (error) {
        if (moved) await fs.rename(aside, doc.file).catch(() => undefined)
        throw error
      }
      this.docs.delete(id)
      if (moved) await fs.unlink(aside).catch(() => undefined) // else deleted on the next open
    })
  }

  /** Replaces the project's annotation schema after checking it is consistent. */
  setSchema(schema: AnnotationSchema): Promise<void> {
    return this.#exclusive(() => this.index.setSchema(schema))
  }

  /** Replaces the project's entity registry. */
  setEntities(entities: Entity[]): Promise<void> {
    return this.#exclusive(() => this.index.setEntities(entities))
  }

  /** Resolves when the changes queued so far have run (whether or not they succeeded). */
  async idle(): Promise<void> {
    await this.#queue.catch(() => undefined)
  }

  /**
   * Runs changes one at a time, in the order they were asked for: two imports cannot both pass the
   * dedupe check, and a save cannot be overtaken by a removal or a schema change.
   */
  #exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn, fn)
    this.#queue = run.catch(() => undefined)
    return run
  }
}

/** The document as on disk, for a save to keep its text; refuses a file that could not be read. */
async function loadForSaving(doc: StoredDocument): Promise<DocumentFile> {
  try {
    return await doc.load()
  } catch (error) {
    const detail = error instanceof ProjectError ? error.detail : errorText(error)
    throw new ProjectError(
      doc.file,
      `not saved: the file on disk is invalid and will not be overwritten (${detail}). ` +
        'Fix or remove the file, then save again.',
    )
  }
}
