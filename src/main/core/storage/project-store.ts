// The project on disk. A project is a folder with project.json (metadata, schema, document index,
// entities) and one documents/<id>.json per document, each read and written through lowdb with a
// durable adapter. Why one file per document: saving a change to one article rewrites only that
// article's file, so the cost of a save grows with the document, not the project; and a broken
// file spoils only its own document. The store holds the folder's lock while open for writing.
import { createHash } from 'node:crypto'
import { mkdir, readdir, stat, unlink } from 'node:fs/promises'
import path from 'node:path'
import { Low } from 'lowdb'
import { z } from 'zod'
import type { DocumentSummary, FileProblem, ProjectSnapshot } from '../../../shared/ipc-contract'
import { newId } from '../../../shared/ids'
import {
  DOCUMENT_FORMAT,
  FORMAT_VERSION,
  PROJECT_FORMAT,
  zAnnotations,
  zAnnotationSchema,
  zBlock,
  zDocumentMetadata,
  zEntity,
  zId,
  zProjectFile,
  type AnnotationSchema,
  type Annotations,
  type Block,
  type DocumentFile,
  type DocumentIndexEntry,
  type DocumentMetadata,
  type Entity,
  type ProjectFile,
} from '../../../shared/model'
import { defaultSchema } from '../../../shared/default-schema'
import {
  formatProblems,
  validateAnnotations,
  validateDocument,
  validateProject,
} from '../../../shared/validate'
import { documentDecoder, projectDecoder } from './codecs'
import { isCode, isTempName } from './durable-write'
import { LockError, ProjectError, joinProblems, zodProblems } from './errors'
import { JsonFile, errorText } from './json-file'
import { LOCK_FILE, ProjectLock, isProcessAlive } from './lock'

export { LockError, ProjectError }
export type { LockHolder } from './errors'

export const PROJECT_FILE = 'project.json'
export const DOCUMENTS_DIR = 'documents'

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

/** Clock and id source; replaced only to build reproducible files (the sample project). */
export interface StoreEnv {
  now(): Date
  newId(prefix: string): string
}

const defaultEnv: StoreEnv = { now: () => new Date(), newId }

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

interface DocState {
  id: string
  file: string
  adapter: JsonFile<DocumentFile>
  /** Holds the document while it is loaded (after loadDocument or a save), else null. */
  db: Low<DocumentFile | null>
  spanCount: number
  relationCount: number
  error: ProjectError | null
  reading: Promise<DocumentFile> | null
}

/** An open project folder. */
export class ProjectStore {
  readonly dir: string
  readonly #projectDb: Low<ProjectFile | null>
  readonly #docs = new Map<string, DocState>()
  readonly #lock: ProjectLock | null
  readonly #env: StoreEnv
  #queue: Promise<unknown> = Promise.resolve()
  #closed = false

  private constructor(
    dir: string,
    projectDb: Low<ProjectFile | null>,
    lock: ProjectLock | null,
    env: StoreEnv,
  ) {
    this.dir = dir
    this.#projectDb = projectDb
    this.#lock = lock
    this.#env = env
  }

  /**
   * Creates a project in `dir`, which must be empty or absent: project.json, documents/ and the
   * lock, which the returned store holds.
   */
  static async create(
    dir: string,
    opts: { name: string; schema?: AnnotationSchema; env?: StoreEnv },
  ): Promise<ProjectStore> {
    const root = path.resolve(dir)
    const env = opts.env ?? defaultEnv
    await mkdir(root, { recursive: true })
    const entries = await readdir(root)
    if (entries.length > 0) {
      throw new ProjectError(root, `the folder is not empty (${entries.slice(0, 3).join(', ')})`)
    }
    const lock = await ProjectLock.acquire(root)
    try {
      await mkdir(path.join(root, DOCUMENTS_DIR))
      const now = env.now().toISOString()
      const project: ProjectFile = {
        format: PROJECT_FORMAT,
        version: FORMAT_VERSION,
        id: env.newId('p'),
        name: opts.name,
        createdAt: now,
        updatedAt: now,
        schema: structuredClone(opts.schema ?? defaultSchema()),
        documents: [],
        entities: [],
      }
      const file = path.join(root, PROJECT_FILE)
      checkProject(file, project)
      const db = new Low<ProjectFile | null>(new JsonFile(file, projectDecoder), project)
      await db.write()
      return new ProjectStore(root, db, lock, env)
    } catch (error) {
      await lock.release()
      throw error
    }
  }

  /**
   * Opens the project in `dir`, taking its lock unless `lock` is false (read-only use: validate,
   * stats, export). Throws ProjectError when project.json is missing or invalid, LockError when
   * another process holds the lock. A document file that cannot be read is listed in `problems`
   * and the rest of the project opens.
   */
  static async open(
    dir: string,
    opts: { lock?: boolean; env?: StoreEnv } = {},
  ): Promise<ProjectStore> {
    const root = path.resolve(dir)
    const file = path.join(root, PROJECT_FILE)
    const info = await stat(root).catch(() => null)
    if (!info?.isDirectory()) throw new ProjectError(root, 'no such project folder')
    const lock = opts.lock === false ? null : await ProjectLock.acquire(root)
    try {
      const db = new Low<ProjectFile | null>(new JsonFile(file, projectDecoder), null)
      await db.read()
      if (!db.data)
        throw new ProjectError(file, 'not a Marginalia project: project.json is missing')
      const store = new ProjectStore(root, db, lock, opts.env ?? defaultEnv)
      if (lock) await removeLeftovers(root)
      await store.#readAllDocuments()
      return store
    } catch (error) {
      await lock?.release()
      throw error
    }
  }

  /** The project file as loaded (migrated to the current version). Treat it as read-only. */
  get project(): ProjectFile {
    return this.#projectData()
  }

  /** Document files that could not be read, and why. */
  get problems(): FileProblem[] {
    const out: FileProblem[] = []
    for (const state of this.#docs.values()) {
      if (state.error) out.push({ file: state.error.file, message: state.error.detail })
    }
    return out
  }

  /** The documents in index order with their span and relation counts. */
  summaries(): DocumentSummary[] {
    return this.#projectData().documents.map((entry) =>
      this.#summaryOf(entry, this.#docs.get(entry.id)),
    )
  }

  /** What the renderer is told about the open project (a copy). */
  snapshot(): ProjectSnapshot {
    return {
      path: this.dir,
      project: structuredClone(this.#projectData()),
      documents: this.summaries(),
      problems: this.problems,
    }
  }

  /**
   * Loads a document (a copy). A document whose file was broken is read again, so a file fixed
   * on disk opens without reopening the project. Throws ProjectError naming the file.
   */
  async loadDocument(id: string): Promise<DocumentFile> {
    this.#assertOpen()
    return structuredClone(await this.#loaded(this.#state(id)))
  }

  /**
   * Validates the annotations against the schema and the document text and rewrites only that
   * document's file. Rejects with ProjectError listing the problems; refuses to overwrite a file
   * that could not be read.
   */
  async saveAnnotations(id: string, a: Annotations): Promise<DocumentSummary> {
    this.#assertWritable()
    const state = this.#state(id)
    let current: DocumentFile
    try {
      current = await this.#loaded(state)
    } catch (error) {
      const detail = error instanceof ProjectError ? error.detail : errorText(error)
      throw new ProjectError(
        state.file,
        `not saved: the file on disk is invalid and will not be overwritten (${detail}). ` +
          'Fix or remove the file, then save again.',
      )
    }
    const annotations = this.#checkAnnotations(state.file, current.document.text, a)
    // Removed while it was being read: writing now would bring back a file the index no longer has.
    if (this.#docs.get(id) !== state) this.#state(id)
    state.db.data = {
      format: DOCUMENT_FORMAT,
      version: FORMAT_VERSION,
      document: current.document,
      annotations,
    }
    state.spanCount = annotations.spans.length
    state.relationCount = annotations.relations.length
    await state.db.write()
    return this.#summary(state)
  }

  /**
   * Adds a document, unless one with the same content hash is already in the project. Writes the
   * document file, then the index in project.json.
   */
  async addDocument(
    d: NewDocument,
  ): Promise<
    | { status: 'added'; entry: DocumentIndexEntry }
    | { status: 'duplicate'; existing: DocumentIndexEntry }
  > {
    this.#assertWritable()
    return this.#exclusive(async () => {
      const source = d.metadata?.importedFrom || d.title || '(new document)'
      const parsed = zNewDocument.safeParse(d)
      if (!parsed.success) throw new ProjectError(source, joinProblems(zodProblems(parsed.error)))
      const { title, metadata, text, blocks } = parsed.data
      const documentProblems = formatProblems(validateDocument({ text, blocks }))
      if (documentProblems.length > 0) {
        throw new ProjectError(source, joinProblems(documentProblems.map((p) => `document.${p}`)))
      }
      const hash = contentHash(text)
      const project = this.#projectData()
      const existing = project.documents.find((e) => e.contentHash === hash)
      if (existing) return { status: 'duplicate' as const, existing: { ...existing } }

      const wanted = parsed.data.id
      const free = wanted !== undefined && !this.#docs.has(wanted)
      // A file of that name that no index lists (an orphan) is not overwritten either.
      let id = free && !(await stat(this.#documentPath(wanted)).catch(() => null)) ? wanted : ''
      id ||= this.#env.newId('d')
      while (this.#docs.has(id)) id = newId('d')
      const file = this.#documentPath(id)
      const annotations = this.#checkAnnotations(
        file,
        text,
        parsed.data.annotations ?? { spans: [], relations: [], docLabels: {} },
      )
      const state = this.#newState(id)
      state.db.data = {
        format: DOCUMENT_FORMAT,
        version: FORMAT_VERSION,
        document: { id, title, metadata, text, blocks, contentHash: hash },
        annotations,
      }
      state.spanCount = annotations.spans.length
      state.relationCount = annotations.relations.length
      await state.db.write()

      const entry: DocumentIndexEntry = {
        id,
        title,
        file: `${DOCUMENTS_DIR}/${id}.json`,
        contentHash: hash,
        addedAt: this.#env.now().toISOString(),
      }
      this.#docs.set(id, state)
      try {
        await this.#writeProject({ ...project, documents: [...project.documents, entry] })
      } catch (error) {
        this.#docs.delete(id)
        await unlink(file).catch(() => undefined)
        throw error
      }
      return { status: 'added' as const, entry: { ...entry } }
    })
  }

  /** Removes a document from the index, then deletes its file. */
  async removeDocument(id: string): Promise<void> {
    this.#assertWritable()
    return this.#exclusive(async () => {
      const state = this.#state(id)
      const project = this.#projectData()
      await this.#writeProject({
        ...project,
        documents: project.documents.filter((e) => e.id !== id),
      })
      this.#docs.delete(id)
      await state.adapter.writer.flush().catch(() => undefined)
      await unlink(state.file).catch((error) => {
        if (!isCode(error, 'ENOENT')) throw error
      })
    })
  }

  /** Replaces the project's annotation schema after checking it is consistent. */
  async setSchema(schema: AnnotationSchema): Promise<void> {
    this.#assertWritable()
    return this.#exclusive(async () => {
      const parsed = zAnnotationSchema.safeParse(schema)
      if (!parsed.success) {
        throw new ProjectError(
          this.#projectPath(),
          joinProblems(zodProblems(parsed.error, ['schema'])),
        )
      }
      await this.#writeProject({ ...this.#projectData(), schema: parsed.data })
    })
  }

  /** Replaces the project's entity registry. */
  async setEntities(entities: Entity[]): Promise<void> {
    this.#assertWritable()
    return this.#exclusive(async () => {
      const parsed = z.array(zEntity).safeParse(entities)
      if (!parsed.success) {
        throw new ProjectError(
          this.#projectPath(),
          joinProblems(zodProblems(parsed.error, ['entities'])),
        )
      }
      await this.#writeProject({ ...this.#projectData(), entities: parsed.data })
    })
  }

  /** Resolves when every pending write is on disk; rejects if the latest write of a file failed. */
  async flush(): Promise<void> {
    await this.#queue.catch(() => undefined)
    const writers = [
      (this.#projectDb.adapter as JsonFile<ProjectFile>).writer,
      ...[...this.#docs.values()].map((s) => s.adapter.writer),
    ]
    const results = await Promise.allSettled(writers.map((w) => w.flush()))
    const failed = results.find((r) => r.status === 'rejected')
    if (failed) throw failed.reason
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

  // -------------------------------------------------------------------------------------------

  #projectData(): ProjectFile {
    const data = this.#projectDb.data
    if (!data) throw new Error('project not loaded')
    return data
  }

  #projectPath(): string {
    return path.join(this.dir, PROJECT_FILE)
  }

  #documentPath(id: string): string {
    return path.join(this.dir, DOCUMENTS_DIR, `${id}.json`)
  }

  #assertOpen(): void {
    if (this.#closed) throw new ProjectError(this.dir, 'the project is closed')
  }

  #assertWritable(): void {
    this.#assertOpen()
    if (!this.#lock) {
      throw new ProjectError(this.dir, 'the project was opened read-only (without its lock)')
    }
  }

  /** Runs project-level changes one at a time, so two imports cannot both pass the dedupe check. */
  #exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn, fn)
    this.#queue = run.catch(() => undefined)
    return run
  }

  #state(id: string): DocState {
    const state = this.#docs.get(id)
    if (!state) {
      throw new ProjectError(
        this.#projectPath(),
        `documents: no document with id ${JSON.stringify(id)}`,
      )
    }
    return state
  }

  #newState(id: string): DocState {
    const file = this.#documentPath(id)
    const adapter = new JsonFile(file, documentDecoder)
    return {
      id,
      file,
      adapter,
      db: new Low<DocumentFile | null>(adapter, null),
      spanCount: 0,
      relationCount: 0,
      error: null,
      reading: null,
    }
  }

  #summary(state: DocState): DocumentSummary {
    const entry = this.#projectData().documents.find((e) => e.id === state.id)
    return this.#summaryOf(entry ?? { id: state.id, title: '' }, state)
  }

  #summaryOf(entry: { id: string; title: string }, state: DocState | undefined): DocumentSummary {
    const summary: DocumentSummary = {
      id: entry.id,
      title: entry.title,
      spanCount: state?.spanCount ?? 0,
      relationCount: state?.relationCount ?? 0,
    }
    if (state?.error) summary.error = state.error.detail
    return summary
  }

  /** The loaded document, reading it (once, even when asked concurrently) if needed. */
  #loaded(state: DocState): Promise<DocumentFile> {
    if (state.db.data) return Promise.resolve(state.db.data)
    if (!state.reading) {
      state.reading = this.#read(state).finally(() => {
        state.reading = null
      })
    }
    return state.reading
  }

  async #read(state: DocState): Promise<DocumentFile> {
    try {
      await state.db.read()
      const data = state.db.data
      if (!data) throw new ProjectError(state.file, 'the document file is missing')
      if (data.document.id !== state.id) {
        throw new ProjectError(
          state.file,
          `document.id: is ${JSON.stringify(data.document.id)}, but the project lists this file as "${state.id}"`,
        )
      }
      state.spanCount = data.annotations.spans.length
      state.relationCount = data.annotations.relations.length
      state.error = null
      return data
    } catch (error) {
      state.db.data = null
      state.error =
        error instanceof ProjectError
          ? error
          : new ProjectError(state.file, errorText(error), { cause: error })
      throw state.error
    }
  }

  /** Reads every document once at open, for counts and problems; keeps none in memory. */
  async #readAllDocuments(): Promise<void> {
    const entries = this.#projectData().documents
    for (const entry of entries) this.#docs.set(entry.id, this.#newState(entry.id))
    const states = [...this.#docs.values()]
    let next = 0
    const worker = async () => {
      while (next < states.length) {
        const state = states[next++]
        await this.#read(state).catch(() => undefined)
        state.db.data = null
      }
    }
    await Promise.all(Array.from({ length: Math.min(8, states.length) }, worker))
  }

  #checkAnnotations(file: string, text: string, a: Annotations): Annotations {
    const parsed = zAnnotations.safeParse(a)
    if (!parsed.success) {
      throw new ProjectError(file, joinProblems(zodProblems(parsed.error, ['annotations'])))
    }
    const project = this.#projectData()
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

  async #writeProject(next: ProjectFile): Promise<void> {
    const candidate = { ...next, updatedAt: this.#env.now().toISOString() }
    checkProject(this.#projectPath(), candidate)
    this.#projectDb.data = candidate
    await this.#projectDb.write()
  }
}

/** Throws ProjectError when a project file about to be written is invalid. */
function checkProject(file: string, project: ProjectFile): void {
  const shape = zProjectFile.safeParse(project)
  if (!shape.success) throw new ProjectError(file, joinProblems(zodProblems(shape.error)))
  const problems = formatProblems(validateProject(shape.data))
  if (problems.length > 0) throw new ProjectError(file, joinProblems(problems))
}

/**
 * Deletes temp files left by writers that died mid-write (a crash, a power cut). Only files of
 * processes that no longer exist: a live one may be between writing and renaming.
 */
async function removeLeftovers(root: string): Promise<void> {
  for (const folder of [root, path.join(root, DOCUMENTS_DIR)]) {
    const names = await readdir(folder).catch(() => [] as string[])
    for (const name of names) {
      const leftover =
        isTempName(name) || (name.startsWith(`${LOCK_FILE}.`) && name.endsWith('.stale'))
      if (!leftover) continue
      const pid = Number(/\.(\d+)\.[0-9a-f]{12}\.(?:tmp|stale)$/.exec(name)?.[1])
      if (pid === process.pid || isProcessAlive(pid)) continue
      await unlink(path.join(folder, name)).catch(() => undefined)
    }
  }
}
