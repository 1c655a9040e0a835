// The project on disk (format 3, docs/FORMAT.md). A project is a folder that several analysts may
// share through git or any file sync, so it is spread over files that each have one writer:
// project.json (written at creation), one file per document (written when it is added), one
// annotation file per analyst and document (written by that analyst's app), and one change file
// per shared edit (schema additions, entities, titles, removals; added, never edited). The store
// folds them into the project the app sees, and writes only the working analyst's files.
//
// This file opens, closes and answers for the project; the work is in parts along its seams: the
// records of the files and their cache (file-index.ts), the fold of the changes (fold.ts,
// schema-changes.ts), the computed project (view.ts), reading (project-state.ts, documents.ts,
// annotation-sets.ts), writing (project-writer.ts), what the next open repairs (recovery.ts), and
// the migration from format 2 (legacy-v2.ts, migrate-v3.ts). Every file-system call goes through
// one injectable interface (storage-fs.ts).
import path from 'node:path'
import { analystFrom, type AnalystRef } from '../../../shared/analysts'
import type {
  AnalystInfo,
  Conflict,
  DocumentSummary,
  FileProblem,
  ProjectInfo,
  ProjectSnapshot,
} from '../../../shared/ipc-contract'
import {
  DOCUMENT_FORMAT,
  FORMAT_VERSION,
  PROJECT_FORMAT,
  type AnnotationSchema,
  type Annotations,
  type DocumentFile,
  type Entity,
  type Project,
} from '../../../shared/model'
import type { ProjectJson, StoredDocument } from '../../../shared/model-files'
import { defaultSchema } from '../../../shared/default-schema'
import { decodeProjectJson, versionOf } from './codecs'
import { readProjectJson, type NewDocument } from './documents'
import { writeFileDurable } from './durable-write'
import { LockError, ProjectError, ReadOnlyProjectError } from './errors'
import { FileIndex } from './file-index'
import { FolderListings } from './folder-listings'
import { cacheText, readCache } from './index-cache'
import { ensureGitignore } from './gitignore'
import { ProjectLayout } from './layout'
import { refuseLinkedFolders } from './linked-folders'
import { decodeLegacyProject, readLegacyProject } from './legacy-v2'
import { ProjectLock } from './lock'
import { migrateOnDisk, planMigration, type MigrationPlan } from './migrate-v3'
import { defaultAnalystName, defaultEnv, type StoreEnv } from './project-env'
import { ProjectState } from './project-state'
import { ProjectWriter, type AddResult, type DocumentAdd, type SetWrite } from './project-writer'
import { recover } from './recovery'
import { SerialWriter } from './serial-writer'
import { nodeFs, type StorageFs } from './storage-fs'
import { analysts, fileProblems, summarize } from './view'

export { LockError, ProjectError, ReadOnlyProjectError }
export type { LockHolder } from './errors'

/** What `create` and `open` may be given besides the folder. */
interface StoreOptions {
  /** The analyst working (a name; the OS user name by default). */
  analyst?: string
  /** Clock and ids (reproducible files). */
  env?: StoreEnv
  /** The file system (tests inject failures through it). */
  fs?: StorageFs
  /** Sets whose file is at least this large are saved incrementally (set-saver.ts; tests lower it). */
  journalMinBytes?: number
}

/** One annotation set of a document, as stored. */
export interface AnnotationSet {
  /** The set: an analyst id, or `gold`. */
  set: string
  /** The analyst's name as the file records it. */
  analyst: string
  updatedAt: string
  annotations: Annotations
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
  readonly #state: ProjectState
  readonly #lock: ProjectLock | null
  /** Present while the store holds the lock. */
  readonly #writer: ProjectWriter | null
  readonly #recovered: FileProblem[]
  readonly #cache: SerialWriter | null
  #cacheWrite: Promise<void> = Promise.resolve()
  #closed = false
  #closing: Promise<void> | null = null

  private constructor(
    state: ProjectState,
    access: Access,
    recovered: FileProblem[],
    journalMinBytes?: number,
  ) {
    this.dir = state.layout.root
    this.#state = state
    this.#lock = access.lock
    this.readOnly = access.lock ? null : access.readOnly
    this.#writer = access.lock ? new ProjectWriter(state, journalMinBytes) : null
    this.#recovered = recovered
    this.#cache = access.lock
      ? new SerialWriter(state.layout.indexCache, state.fs, state.layout.tempDir)
      : null
  }

  /**
   * Creates a project in `dir`, which must be empty or absent: project.json, .gitignore and the
   * lock (in `.marginalia/`), which the returned store holds.
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
      const layout = new ProjectLayout(root)
      const base: ProjectJson = {
        format: PROJECT_FORMAT,
        version: FORMAT_VERSION,
        id: env.newId('p'),
        name: opts.name,
        createdAt: env.now().toISOString(),
        schema: structuredClone(opts.schema ?? defaultSchema()),
      }
      decodeProjectJson(base, layout.projectFile) // refuses an invalid name or schema
      await ensureGitignore(layout, fs)
      const text = `${JSON.stringify(base, null, 2)}\n`
      await writeFileDurable(layout.projectFile, text, fs, layout.tempDir)
      const index = await FileIndex.scan(layout, fs, null)
      const analyst = analystFrom(opts.analyst ?? defaultAnalystName())
      const state = new ProjectState(layout, fs, env, base, index, analyst, null)
      return new ProjectStore(state, { lock }, [], opts.journalMinBytes)
    } catch (error) {
      await lock.release()
      throw error
    }
  }

  /**
   * Opens the project in `dir`. `lock` (the default, true) takes its lock to write, and throws
   * ReadOnlyProjectError naming the folder when it cannot be written; 'if-writable' (the app)
   * opens such a folder read-only instead, saying why in `readOnly`; false takes no lock (read-only
   * use: validate, stats, export). A format-2 project is migrated: on disk when the lock is held,
   * in memory otherwise. Throws ProjectError when project.json is missing or invalid, LockError
   * when another process holds the lock. A file that cannot be read is listed in `problems` and
   * the rest of the project opens.
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
    const projectFile = new ProjectLayout(root).projectFile
    if (!(await fs.lstat(projectFile).catch(() => null))) {
      // Before the lock: a folder opened by mistake is left exactly as it was.
      throw new ProjectError(projectFile, 'not a Marginalia project: project.json is missing')
    }
    await refuseLinkedFolders(new ProjectLayout(root), fs)
    const access = await takeLock(root, opts.lock ?? true, fs)
    const lock = access.lock
    try {
      const layout = new ProjectLayout(root)
      const analyst = analystFrom(opts.analyst ?? defaultAnalystName())
      let raw = await readProjectJson(fs, layout.projectFile)
      if (raw === null) {
        throw new ProjectError(
          layout.projectFile,
          'not a Marginalia project: project.json is missing',
        )
      }
      const recovered: FileProblem[] = []
      const version = versionOf(raw)
      if (version !== null && version < FORMAT_VERSION) {
        const plan = await planFromLegacy(layout, fs, raw, analyst)
        if (!lock) return ProjectStore.#inMemory(layout, fs, env, analyst, plan, access)
        await migrateOnDisk(layout, fs, plan)
        recovered.push({
          file: layout.projectFile,
          message:
            `migrated from format ${version} to ${FORMAT_VERSION}: the annotations are now the ` +
            `set of analyst "${plan.analyst.name}" (annotations/${plan.analyst.id}/)`,
        })
        raw = await readProjectJson(fs, layout.projectFile)
      }
      const base = decodeProjectJson(raw, layout.projectFile)
      // The cache is read while the repairs run (they never touch it). The repairs and the scan
      // share their listings: documents/ is listed once.
      const cached = readCache(layout, fs, base.id)
      const listings = new FolderListings(fs)
      if (lock) recovered.push(...(await recover(layout, fs, listings)))
      const cache = await cached
      const index = await FileIndex.scan(layout, fs, cache, Date.now(), listings)
      const state = new ProjectState(layout, fs, env, base, index, analyst, null)
      const store = new ProjectStore(state, access, recovered, opts.journalMinBytes)
      if (index.changed) store.#writeCache()
      return store
    } catch (error) {
      await lock?.release()
      throw error
    }
  }

  static #inMemory(
    layout: ProjectLayout,
    fs: StorageFs,
    env: StoreEnv,
    analyst: AnalystRef,
    plan: MigrationPlan,
    access: Access,
  ): ProjectStore {
    const docs = plan.documents.map((d) => d.document)
    const index = FileIndex.fromMemory(
      layout,
      fs,
      docs,
      plan.sets,
      plan.change ? [plan.change] : [],
    )
    const state = new ProjectState(layout, fs, env, plan.project, index, analyst, plan)
    return new ProjectStore(state, access, [])
  }

  /** The project: project.json folded with every change, and its documents. Treat as read-only. */
  get project(): Project {
    return this.#state.view.project
  }

  /** The analyst working: whose set loading and saving use. */
  get analyst(): AnalystRef {
    return { ...this.#state.analyst }
  }

  /** Changes who is working (the app's settings changed); later saves go to their set. */
  setAnalyst(name: string): void {
    this.#state.analyst = analystFrom(name)
  }

  /** Files that could not be read, change operations that could not apply, and orphan sets. */
  get problems(): FileProblem[] {
    const { view, index, layout } = this.#state
    return fileProblems(view, index, layout)
  }

  /** What opening repaired or migrated, each naming its file: worth telling the user once. */
  get recovered(): FileProblem[] {
    return [...this.#recovered]
  }

  /** Document files that cannot be read (so not among the documents), relative to the folder. */
  unreadableDocuments(): FileProblem[] {
    return [...this.#state.view.broken].map(([id, message]) => ({
      file: `documents/${id}.json`,
      message,
    }))
  }

  /** Concurrent edits a rule settled, each with the values it did not keep. */
  get conflicts(): Conflict[] {
    return structuredClone(this.#state.view.conflicts)
  }

  /** The documents in the order they were added, with the working analyst's counts. */
  summaries(): DocumentSummary[] {
    return summarize(this.#state.view, this.#state.index, this.#state.analyst.id)
  }

  /**
   * The annotation sets of the project (or of document `docId`): analysts' ids and names, and
   * `gold` once curated. The working analyst is always listed.
   */
  listAnalysts(docId?: string): AnalystInfo[] {
    const { view, index, analyst } = this.#state
    const all = analysts(view, index, { ...analyst, documents: 0 })
    if (docId === undefined) return all
    const copies = view.copies.get(docId) ?? [docId]
    return all.filter((a) => copies.some((id) => index.sets.get(a.id)?.files.has(id)))
  }

  /** What the renderer is told about the open project (a copy). */
  snapshot(): ProjectSnapshot {
    return {
      path: this.dir,
      project: projectInfo(this.project),
      documents: this.summaries(),
      problems: this.problems,
      recovered: this.recovered,
      readOnly: this.readOnly,
      analyst: this.analyst,
      analysts: this.listAnalysts(),
      conflicts: this.conflicts,
    }
  }

  /**
   * Loads a document with the working analyst's annotations (empty when they have none yet).
   * Throws ProjectError naming the file that cannot be read.
   */
  async loadDocument(id: string): Promise<DocumentFile> {
    const document = await this.loadDocumentAlone(id)
    const state = this.#state
    const stored = await state.readStoredSet(state.analyst.id, id)
    const annotations = stored?.set.annotations ?? { spans: [], relations: [], docLabels: {} }
    this.#writer?.loaded(id, stored)
    return {
      format: DOCUMENT_FORMAT,
      version: FORMAT_VERSION,
      document,
      annotations,
      set: state.analyst.id,
    }
  }

  /**
   * Loads a document without any annotations: its text, blocks and metadata, under its effective
   * title (for another set than the working analyst's: loadAnnotations). Throws ProjectError
   * naming the file that cannot be read.
   */
  async loadDocumentAlone(id: string): Promise<StoredDocument> {
    this.#assertOpen()
    return this.#state.readDocument(id)
  }

  /** Loads set `setId` (an analyst id, or `gold`) of document `docId`; null when it has none. */
  async loadAnnotations(docId: string, setId: string): Promise<AnnotationSet | null> {
    this.#assertOpen()
    const set = await this.#state.readSet(setId, docId)
    if (!set) return null
    return {
      set: setId,
      analyst: set.analyst,
      updatedAt: set.updatedAt,
      annotations: set.annotations,
    }
  }

  /**
   * Validates the annotations against the schema, the registry and the document text and writes
   * the working analyst's annotation file for the document (another set with `opts.set`: `gold`
   * for curation, an analyst's for a merge). Refuses to overwrite a file that cannot be read.
   */
  async saveAnnotations(id: string, a: Annotations, opts?: SetWrite): Promise<DocumentSummary> {
    return this.#writable().saveAnnotations(id, a, opts)
  }

  /**
   * Adds a document, unless one with the same text is already in the project; its annotations,
   * if any, become the working analyst's set (`opts.set`'s when given). `opts.id` asks for an id
   * (kept when free); `opts.prepared` is `d` as prepareDocument made it (in the import worker), so
   * main does not check, hash or serialise it again.
   */
  async addDocument(d: NewDocument, opts?: DocumentAdd): Promise<AddResult> {
    return this.#writable().addDocument(d, opts)
  }

  /** Removes a document from the project (a tombstone: its files stay until `purge`). */
  async removeDocument(id: string): Promise<void> {
    return this.#writable().removeDocument(id)
  }

  /** Gives a document another title. */
  async renameDocument(id: string, title: string): Promise<void> {
    return this.#writable().renameDocument(id, title)
  }

  /** Stores an edited schema: additions and cosmetic changes only (anything removed is refused). */
  async setSchema(schema: AnnotationSchema): Promise<void> {
    return this.#writable().setSchema(schema)
  }

  /** Stores an edited entity registry (entities added, edited, removed). */
  async setEntities(entities: Entity[]): Promise<void> {
    return this.#writable().setEntities(entities)
  }

  /** Removes an entity, or merges it into `into`; spans pointing to it follow when read. */
  async removeEntity(id: string, into?: string): Promise<void> {
    return this.#writable().removeEntity(id, into)
  }

  /** The files `purge` would delete (relative to the project folder). */
  removedFiles(): string[] {
    const { folded, index, layout } = this.#state
    const files: string[] = []
    for (const docId of folded.removedDocuments.keys()) {
      for (const [setId, dir] of index.sets) {
        if (dir.files.has(docId)) files.push(layout.relative(layout.setFile(setId, docId)))
      }
      if (index.docs.has(docId)) files.push(layout.relative(layout.documentFile(docId)))
    }
    return files
  }

  /** Deletes the files of removed documents (every analyst's annotations of them included). */
  async purge(): Promise<string[]> {
    return this.#writable().purge()
  }

  /**
   * Resolves when every change asked for so far has run and its writes are done. A change that
   * failed was reported to its caller and left the store as the disk is, so nothing is pending.
   */
  async flush(): Promise<void> {
    await this.#writer?.idle()
    await this.#cacheWrite
  }

  /**
   * Flushes pending writes, saves the index cache, releases the lock. Unusable from the call on: a
   * change asked for while it closes is refused, so nothing is written once the lock is released.
   */
  close(): Promise<void> {
    this.#closing ??= this.#close()
    return this.#closing
  }

  async #close(): Promise<void> {
    this.#closed = true
    try {
      await this.flush()
      // Journals are folded into their set files, so a closed project is plain set files. One that
      // cannot be (a full disk) stays beside its file, which it still completes: nothing is lost.
      await this.#writer?.compactJournals().catch(() => undefined)
      if (this.#state.index.changed) this.#writeCache()
      await this.#cacheWrite
    } finally {
      this.#closed = true
      await this.#lock?.release()
    }
  }

  /** Writes the index cache in the background (it is a cache: a failure only costs a rescan). */
  #writeCache(): void {
    const cache = this.#cache
    if (!cache) return
    const { index, base } = this.#state
    index.changed = false
    this.#cacheWrite = this.#cacheWrite
      .then(() => cache.write(cacheText(index, base.id)))
      .catch(() => {
        index.changed = true
      })
  }

  /** How many annotation sets are held in memory for incremental saves (bounded; for tests). */
  get heldSets(): number {
    return this.#writer?.heldSets ?? 0
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

/**
 * The project for the window, without its document entries: the summaries carry the ids and titles
 * the window shows, and the entries (10,000 in a large project, with hashes, file names and times)
 * were most of what it was sent at every open. The schema and entities are copied.
 */
function projectInfo(project: Project): ProjectInfo {
  const { documents: _entries, schema, entities, ...rest } = project
  return { ...rest, schema: structuredClone(schema), entities: structuredClone(entities) }
}

/** Reads a format-1/2 project and plans its migration. */
async function planFromLegacy(
  layout: ProjectLayout,
  fs: StorageFs,
  raw: unknown,
  analyst: AnalystRef,
): Promise<MigrationPlan> {
  const project = decodeLegacyProject(raw, layout.projectFile)
  const legacy = await readLegacyProject(layout.root, project, fs)
  return planMigration(legacy, analyst.name)
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
