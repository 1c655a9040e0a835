// The project on disk. A project is a folder with project.json (metadata, schema, document index,
// entities) and one documents/<id>.json per document, each read and written through lowdb with a
// durable adapter. Why one file per document: saving a change to one article rewrites only that
// article's file, so the cost of a save grows with the document, not the project; and a broken
// file spoils only its own document. The store holds the folder's lock while open for writing.
//
// This file opens, closes and answers for the project; the work is in parts along its seams:
// reading and validating documents (documents.ts), the index (project-index.ts), writing
// (project-writer.ts), and what the next open repairs after an interrupted write (recovery.ts).
// Every file-system call goes through one injectable interface (storage-fs.ts).
import path from 'node:path'
import type { DocumentSummary, FileProblem, ProjectSnapshot } from '../../../shared/ipc-contract'
import { newId } from '../../../shared/ids'
import type {
  AnnotationSchema,
  Annotations,
  DocumentFile,
  Entity,
  ProjectFile,
} from '../../../shared/model'
import { DOCUMENTS_DIR, DocumentFolder, type NewDocument } from './documents'
import { LockError, ProjectError, ReadOnlyProjectError } from './errors'
import { ProjectLock } from './lock'
import { ProjectIndex, type StoreEnv } from './project-index'
import { ProjectWriter, type AddResult } from './project-writer'
import { recoverUnlisted, removeLeftovers, type Recovery } from './recovery'
import { nodeFs, type StorageFs } from './storage-fs'

export { LockError, ProjectError, ReadOnlyProjectError }
export type { LockHolder } from './errors'

const defaultEnv: StoreEnv = { now: () => new Date(), newId }

/** What `create` and `open` may be given besides the folder. */
interface StoreOptions {
  /** Clock and ids (reproducible files). */
  env?: StoreEnv
  /** The file system (tests inject failures through it). */
  fs?: StorageFs
}

/** Why a store opened without `lock` is read-only. */
const NO_LOCK_ASKED = 'it was opened for reading only, without its lock'

/** A store holds the lock, or is read-only for a reason. */
type Access = { lock: ProjectLock } | { lock: null; readOnly: string }

/** An open project folder. */
export class ProjectStore {
  readonly dir: string
  /** Null while the store holds the lock and can write; otherwise why it cannot, for the user. */
  readonly readOnly: string | null
  readonly #index: ProjectIndex
  readonly #docs: DocumentFolder
  readonly #lock: ProjectLock | null
  /** Present while the store holds the lock. */
  readonly #writer: ProjectWriter | null
  #recovery: Recovery = { recovered: [], unlisted: [] }
  #closed = false

  private constructor(
    dir: string,
    index: ProjectIndex,
    access: Access,
    env: StoreEnv,
    fs: StorageFs,
  ) {
    this.dir = dir
    this.#index = index
    this.#docs = new DocumentFolder(dir, index.file, fs)
    this.#lock = access.lock
    this.readOnly = access.lock ? null : access.readOnly
    this.#writer = access.lock ? new ProjectWriter(index, this.#docs, env) : null
  }

  /**
   * Creates a project in `dir`, which must be empty or absent: project.json, documents/ and the
   * lock, which the returned store holds.
   */
  static async create(
    dir: string,
    opts: { name: string; schema?: AnnotationSchema } & StoreOptions,
  ): Promise<ProjectStore> {
    const root = path.resolve(dir)
    const env = opts.env ?? defaultEnv
    const fs = opts.fs ?? nodeFs
    await fs.mkdir(root, { recursive: true })
    const entries = await fs.readdir(root)
    if (entries.length > 0) {
      throw new ProjectError(root, `the folder is not empty (${entries.slice(0, 3).join(', ')})`)
    }
    const lock = await ProjectLock.acquire(root, fs)
    try {
      await fs.mkdir(path.join(root, DOCUMENTS_DIR))
      const index = await ProjectIndex.create(root, opts, env, fs)
      return new ProjectStore(root, index, { lock }, env, fs)
    } catch (error) {
      await lock.release()
      throw error
    }
  }

  /**
   * Opens the project in `dir`. `lock` (the default, true) takes its lock to write, and throws
   * ReadOnlyProjectError naming the folder when it cannot be written; 'if-writable' (the app)
   * opens such a folder read-only instead, saying why in `readOnly`; false takes no lock (read-only
   * use: validate, stats, export). Throws ProjectError when project.json is missing or invalid,
   * LockError when another process holds the lock. A document file that cannot be read is listed
   * in `problems` and the rest of the project opens.
   */
  static async open(
    dir: string,
    opts: { lock?: boolean | 'if-writable' } & StoreOptions = {},
  ): Promise<ProjectStore> {
    const root = path.resolve(dir)
    const env = opts.env ?? defaultEnv
    const fs = opts.fs ?? nodeFs
    const info = await fs.stat(root).catch(() => null)
    if (!info?.isDirectory()) throw new ProjectError(root, 'no such project folder')
    const access = await takeLock(root, opts.lock ?? true, fs)
    const lock = access.lock
    try {
      const index = await ProjectIndex.read(root, env, fs)
      const store = new ProjectStore(root, index, access, env, fs)
      if (lock) await removeLeftovers(root, index, fs)
      await store.#docs.scan(store.project.documents.map((e) => e.id))
      store.#recovery = await recoverUnlisted(index, store.#docs, lock !== null)
      return store
    } catch (error) {
      await lock?.release()
      throw error
    }
  }

  /** The project file as loaded (migrated to the current version). Treat it as read-only. */
  get project(): ProjectFile {
    return this.#index.data
  }

  /** Document files that could not be read or are not listed in project.json, and why. */
  get problems(): FileProblem[] {
    const out: FileProblem[] = []
    for (const doc of this.#docs.values()) {
      if (doc.error) out.push({ file: doc.error.file, message: doc.error.detail })
    }
    return [...out, ...this.unlisted]
  }

  /** Document files in documents/ that project.json does not list (and that were not adopted). */
  get unlisted(): FileProblem[] {
    return [...this.#recovery.unlisted]
  }

  /** Documents found unlisted when the project was opened and listed again, and why. */
  get recovered(): FileProblem[] {
    return [...this.#recovery.recovered]
  }

  /** The documents in index order with their span and relation counts. */
  summaries(): DocumentSummary[] {
    return this.project.documents.map((entry) => {
      const doc = this.#docs.get(entry.id)
      if (doc) return doc.summary(entry.title)
      return { id: entry.id, title: entry.title, spanCount: 0, relationCount: 0 }
    })
  }

  /** What the renderer is told about the open project (a copy). */
  snapshot(): ProjectSnapshot {
    return {
      path: this.dir,
      project: structuredClone(this.project),
      documents: this.summaries(),
      problems: this.problems,
      recovered: this.recovered,
      readOnly: this.readOnly,
    }
  }

  /**
   * Loads a document (a copy). A document whose file was broken is read again, so a file fixed
   * on disk opens without reopening the project. Throws ProjectError naming the file.
   */
  async loadDocument(id: string): Promise<DocumentFile> {
    this.#assertOpen()
    return structuredClone(await this.#docs.require(id).load())
  }

  /**
   * Validates the annotations against the schema and the document text and rewrites only that
   * document's file. Rejects with ProjectError listing the problems; refuses to overwrite a file
   * that could not be read.
   */
  async saveAnnotations(id: string, a: Annotations): Promise<DocumentSummary> {
    return this.#writable().saveAnnotations(id, a)
  }

  /**
   * Adds a document, unless one with the same content hash is already in the project. Writes the
   * document file, then the index in project.json.
   */
  async addDocument(d: NewDocument): Promise<AddResult> {
    return this.#writable().addDocument(d)
  }

  /** Removes a document from the index and deletes its file (in a crash-safe order). */
  async removeDocument(id: string): Promise<void> {
    return this.#writable().removeDocument(id)
  }

  /** Replaces the project's annotation schema after checking it is consistent. */
  async setSchema(schema: AnnotationSchema): Promise<void> {
    return this.#writable().setSchema(schema)
  }

  /** Replaces the project's entity registry. */
  async setEntities(entities: Entity[]): Promise<void> {
    return this.#writable().setEntities(entities)
  }

  /**
   * Resolves when every change asked for so far has run and its writes are done. A change that
   * failed was reported to its caller and left the store as the disk is, so nothing is pending.
   */
  async flush(): Promise<void> {
    await this.#writer?.idle()
  }

  /** Flushes pending writes and releases the lock. The store cannot be used afterwards. */
  async close(): Promise<void> {
    if (this.#closed) return
    try {
      await this.flush()
    } finally {
      this.#closed = true
      await this.#lock?.release()
    }
  }

  #assertOpen(): void {
    if (this.#closed) throw new ProjectError(this.dir, 'the project is closed')
  }

  #writable(): ProjectWriter {
    this.#assertOpen()
    if (!this.#writer) {
      throw new ProjectError(this.dir, `the project is open read-only: ${this.readOnly}`)
    }
    return this.#writer
  }
}

/** The lock, or why the store is read-only without it. */
async function takeLock(
  root: string,
  lock: boolean | 'if-writable',
  fs: StorageFs,
): Promise<Access> {
  if (lock === false) return { lock: null, readOnly: NO_LOCK_ASKED }
  try {
    return { lock: await ProjectLock.acquire(root, fs) }
  } catch (error) {
    if (lock === 'if-writable' && error instanceof ReadOnlyProjectError) {
      return { lock: null, readOnly: error.reason }
    }
    throw error
  }
}
