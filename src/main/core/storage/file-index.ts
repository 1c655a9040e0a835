// What is on disk, one record per file: each document's summary (title, when and by whom it was
// added, content hash), each annotation set's counts, each change as read. Opening a project of
// 10,000 documents must not read 10,000 files, so the records are kept in a local cache,
// `.marginalia/index.json` (never synced), and a scan reads only what changed since:
// - changes/ holds files written once and never edited, so a name already in the cache is known;
// - documents/ and each annotation folder (one per analyst): a folder whose modification time is
//   the one cached is taken as it was (a file replaced, added or removed changes its folder's
//   time: the durable writes, git and sync clients all replace files); any other folder is checked
//   file by file, by size and modification time, and what changed is read again. A folder's time
//   is trusted only when it was already two seconds old when recorded (so an arrival in the same
//   clock tick is never missed), or was recorded by the folder's only writer right after its own
//   write: this store, in the working analyst's folder. A file edited in place by hand (which
//   leaves its folder's time alone) is noticed when it is next read; deleting `.marginalia/` makes
//   the next open read everything.
// A file that could not be read is read again on every scan (it may have been fixed). A missing,
// broken or foreign cache is simply rebuilt from the files.
import type { AnnotationSetJson, ChangeJson, StoredDocument } from '../../../shared/model-files'
import { zId } from '../../../shared/model'
import { readSet } from './annotation-sets'
import { decodeChangeJson } from './codecs'
import { readDocument, readProjectJson } from './documents'
import { isCode } from './durable-write'
import { ProjectError } from './errors'
import { errorText } from './json-file'
import { idOfJournalName, idOfJsonName, type ProjectLayout } from './layout'
import type { StorageFs } from './storage-fs'

/** Bump when the cache's shape changes: an older cache is then rebuilt. */
const CACHE_VERSION = 2
/** A folder modified less than this before it was recorded may change again within its tick. */
const RACY_MS = 2000
/** Files read at the same time while scanning. */
const PARALLEL_READS = 8

export interface DocSummary {
  title: string
  addedAt: string
  addedBy: string
  contentHash: string
}

/** A document file: its summary, or why it cannot be read. */
export interface DocRecord {
  size?: number
  mtimeMs?: number
  summary?: DocSummary
  error?: string
  /** Read from the migration's pending folder (not yet moved into documents/). */
  pending?: boolean
}

/** An annotation set file: its counts, or why it cannot be read. */
export interface SetRecord {
  size: number
  mtimeMs: number
  /** The set's journal (set-journal.ts), when it has one. */
  journal?: FileTime
  analyst?: string
  updatedAt?: string
  spans?: number
  relations?: number
  error?: string
}

/** A file's size and modification time, as recorded. */
export interface FileTime {
  size: number
  mtimeMs: number
}

/** An annotation folder (one set id): its files, and the folder time they were recorded at. */
export interface SetDir {
  mtimeMs: number
  trusted: boolean
  files: Map<string, SetRecord>
}

/** A change file as read, or why it cannot be. */
export interface ChangeRecord {
  analyst: string
  id: string
  change?: ChangeJson
  error?: string
}

/** A folder's modification time as recorded, and whether it can be trusted (see above). */
export interface DirTime {
  mtimeMs: number
  trusted: boolean
}

interface CacheJson {
  cache: number
  project: string
  documentsDir: DirTime
  documents: Record<string, DocRecord>
  sets: Record<string, { mtimeMs: number; trusted: boolean; files: Record<string, SetRecord> }>
  changes: Record<string, ChangeRecord>
}

/** Runs `task` over `items`, a few at a time. */
async function pool<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await task(items[next++])
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, items.length) }, worker))
}

/** The names in folder `dir`; none when it is missing (or not a folder). */
export async function names(fs: StorageFs, dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir)
  } catch (error) {
    if (isCode(error, 'ENOENT', 'ENOTDIR')) return []
    throw error
  }
}

function detail(error: unknown): string {
  return error instanceof ProjectError ? error.detail : errorText(error)
}

/** The records of one project folder. */
export class FileIndex {
  readonly docs = new Map<string, DocRecord>()
  readonly sets = new Map<string, SetDir>()
  readonly changes = new Map<string, ChangeRecord>()
  documentsDir: DirTime = { mtimeMs: 0, trusted: false }
  /** Whether the records differ from the cache on disk (so it is worth writing). */
  changed = false

  private constructor(
    private readonly layout: ProjectLayout,
    private readonly fs: StorageFs,
  ) {}

  /** Records of files held in memory (a format-2 project migrated without writing). */
  static fromMemory(
    layout: ProjectLayout,
    fs: StorageFs,
    docs: readonly StoredDocument[],
    sets: readonly AnnotationSetJson[],
    changes: readonly ChangeJson[],
  ): FileIndex {
    const index = new FileIndex(layout, fs)
    for (const doc of docs) index.docs.set(doc.id, { summary: summaryOf(doc) })
    for (const set of sets) {
      let dir = index.sets.get(set.set)
      if (!dir) index.sets.set(set.set, (dir = { mtimeMs: 0, trusted: false, files: new Map() }))
      dir.files.set(set.document, {
        size: 0,
        mtimeMs: 0,
        analyst: set.analyst,
        updatedAt: set.updatedAt,
        spans: set.annotations.spans.length,
        relations: set.annotations.relations.length,
      })
    }
    for (const change of changes) index.recordChange(change)
    index.changed = false
    return index
  }

  /** Scans the folder, taking from `cache` (see readCache) what is still current. */
  static async scan(
    layout: ProjectLayout,
    fs: StorageFs,
    cache: CacheJson | null,
    now: number = Date.now(),
  ): Promise<FileIndex> {
    const index = new FileIndex(layout, fs)
    index.changed = cache === null
    // Independent folders: their reads overlap instead of waiting for each other.
    await Promise.all([
      index.#scanDocuments(cache, now),
      index.#scanSets(cache, now),
      index.#scanChanges(cache),
    ])
    return index
  }

  async #scanDocuments(cache: CacheJson | null, now: number): Promise<void> {
    const info = await this.fs.lstat(this.layout.documentsDir).catch(() => null)
    const mtimeMs = info?.mtimeMs ?? 0
    const trusted = cache?.documentsDir?.trusted === true && cache.documentsDir.mtimeMs === mtimeMs
    const pending = new Set(
      (await names(this.fs, this.layout.pendingDocumentsDir)).flatMap((n) => idOfJsonName(n) ?? []),
    )
    const found = new Set([
      ...(await names(this.fs, this.layout.documentsDir)).flatMap((n) => idOfJsonName(n) ?? []),
      ...pending,
    ])
    const toRead: string[] = []
    // What the cache vouches for is taken in one pass; only the rest is looked at on disk.
    const toCheck: string[] = []
    for (const id of [...found].sort()) {
      const cached = cache?.documents[id]
      const usable = cached?.summary && !cached.error && !cached.pending && !pending.has(id)
      if (usable && trusted) this.docs.set(id, cached)
      else toCheck.push(id)
    }
    await pool(toCheck, async (id) => {
      const cached = cache?.documents[id]
      const usable = cached?.summary && !cached.error && !cached.pending && !pending.has(id)
      if (usable && trusted) {
        this.docs.set(id, cached)
        return
      }
      const file = pending.has(id)
        ? this.layout.pendingDocumentFile(id)
        : this.layout.documentFile(id)
      const stat = await this.fs.lstat(file).catch(() => null)
      if (usable && stat && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs) {
        this.docs.set(id, cached)
        return
      }
      this.docs.set(id, { size: stat?.size, mtimeMs: stat?.mtimeMs })
      toRead.push(id)
    })
    if (!trusted || toRead.length > 0) this.changed = true
    if (cache && Object.keys(cache.documents).some((id) => !found.has(id))) this.changed = true
    this.documentsDir = { mtimeMs, trusted: mtimeMs < now - RACY_MS }
    await pool(toRead, async (id) => {
      const isPending = pending.has(id)
      const record = this.docs.get(id)!
      try {
        const doc = await readDocument(this.fs, this.layout, id, isPending)
        Object.assign(record, { summary: summaryOf(doc), ...(isPending ? { pending: true } : {}) })
      } catch (error) {
        // Known before (it broke since): still listed, under what was known of it.
        const known = cache?.documents[id]?.summary
        Object.assign(record, { ...(known ? { summary: known } : {}), error: detail(error) })
      }
    })
  }

  async #scanSets(cache: CacheJson | null, now: number): Promise<void> {
    for (const setId of (await names(this.fs, this.layout.annotationsDir)).sort()) {
      if (!zId.safeParse(setId).success) continue
      const dir = this.layout.setDir(setId)
      const info = await this.fs.lstat(dir).catch(() => null)
      if (!info?.isDirectory()) continue
      const cached = cache?.sets[setId]
      const trusted = cached !== undefined && cached.trusted && cached.mtimeMs === info.mtimeMs
      const files = new Map<string, SetRecord>()
      const toRead: string[] = []
      const inDir = await names(this.fs, dir)
      const docIds = inDir.flatMap((n) => idOfJsonName(n) ?? []).sort()
      const journals = new Set(inDir.flatMap((n) => idOfJournalName(n) ?? []))
      const toCheck: string[] = []
      for (const docId of docIds) {
        const record = cached?.files[docId]
        const plain = !record?.journal && !journals.has(docId)
        if (trusted && plain && record && !record.error) files.set(docId, record)
        else toCheck.push(docId)
      }
      await pool(toCheck, async (docId) => {
        const record = cached?.files[docId]
        // A journal grows in place, which leaves its folder's time as it was: check it always.
        const journal =
          journals.has(docId) || record?.journal ? await this.#journalTime(setId, docId) : undefined
        const sameJournal = sameTime(record?.journal, journal)
        if (trusted && record && !record.error && sameJournal) {
          files.set(docId, record)
          return
        }
        const stat = await this.fs.lstat(this.layout.setFile(setId, docId)).catch(() => null)
        if (!stat) return
        if (
          record &&
          !record.error &&
          sameJournal &&
          record.size === stat.size &&
          record.mtimeMs === stat.mtimeMs
        ) {
          files.set(docId, record)
          return
        }
        files.set(docId, { size: stat.size, mtimeMs: stat.mtimeMs, journal })
        toRead.push(docId)
        this.changed = true
      })
      if (!trusted) this.changed = true
      this.sets.set(setId, { mtimeMs: info.mtimeMs, trusted: info.mtimeMs < now - RACY_MS, files })
      await pool(toRead, async (docId) => {
        const record = files.get(docId)!
        Object.assign(record, await this.#readSetRecord(setId, docId, record.journal !== undefined))
      })
    }
  }

  async #journalTime(setId: string, docId: string): Promise<FileTime | undefined> {
    const stat = await this.fs.lstat(this.layout.journalFile(setId, docId)).catch(() => null)
    return stat ? { size: stat.size, mtimeMs: stat.mtimeMs } : undefined
  }

  async #readSetRecord(
    setId: string,
    docId: string,
    journal: boolean,
  ): Promise<Partial<SetRecord>> {
    try {
      const set = await readSet(this.fs, this.layout, setId, docId, journal)
      if (!set) return { error: 'the file is missing' }
      const { spans, relations } = set.annotations
      return {
        analyst: set.analyst,
        updatedAt: set.updatedAt,
        spans: spans.length,
        relations: relations.length,
        error: undefined,
      }
    } catch (error) {
      return { error: detail(error) }
    }
  }

  async #scanChanges(cache: CacheJson | null): Promise<void> {
    const toRead: ChangeRecord[] = []
    for (const analyst of (await names(this.fs, this.layout.changesDir)).sort()) {
      if (!zId.safeParse(analyst).success) continue
      for (const name of (await names(this.fs, this.layout.changeDir(analyst))).sort()) {
        const id = idOfJsonName(name)
        if (!id) continue
        const key = `${analyst}/${id}`
        const cached = cache?.changes[key]
        if (cached?.change) this.changes.set(key, cached)
        else toRead.push({ analyst, id })
      }
    }
    if (cache && Object.keys(cache.changes).some((key) => !this.changes.has(key))) {
      this.changed = true
    }
    if (toRead.length > 0) this.changed = true
    await pool(toRead, async (record) => {
      const file = this.layout.changeFile(record.analyst, record.id)
      try {
        const raw = await readProjectJson(this.fs, file)
        if (raw === null) return
        const change = decodeChangeJson(raw, file, {
          analystId: record.analyst,
          changeId: record.id,
        })
        this.changes.set(`${record.analyst}/${record.id}`, { ...record, change })
      } catch (error) {
        this.changes.set(`${record.analyst}/${record.id}`, { ...record, error: detail(error) })
      }
    })
  }

  /**
   * Records a document this store wrote. Others may add documents to the same folder (a sync), so
   * the folder's time is no longer trusted: the next open checks its files.
   */
  async recordDocument(doc: { id: string } & DocSummary): Promise<void> {
    const stat = await this.fs.lstat(this.layout.documentFile(doc.id)).catch(() => null)
    this.docs.set(doc.id, { size: stat?.size, mtimeMs: stat?.mtimeMs, summary: summaryOf(doc) })
    this.documentsDir = { mtimeMs: 0, trusted: false }
    this.changed = true
  }

  /** Records that a document's file could not be read (it is read again on the next scan). */
  documentFailed(id: string, error: string): void {
    const record = this.docs.get(id)
    if (record?.error === error) return
    this.docs.set(id, { ...record, error })
    this.changed = true
  }

  /** Records that a set file could not be read. */
  setFailed(setId: string, docId: string, error: string): void {
    const record = this.sets.get(setId)?.files.get(docId)
    if (!record || record.error === error) return
    record.error = error
    this.changed = true
  }

  /** Corrects a document's summary after reading it whole (a file edited by hand). */
  correctDocument(doc: StoredDocument): void {
    const record = this.docs.get(doc.id)
    const summary = summaryOf(doc)
    if (record?.summary && sameSummary(record.summary, summary) && !record.error) return
    this.docs.set(doc.id, { ...record, summary, error: undefined })
    this.changed = true
  }

  /** Records a set file this store wrote (or read whole), with the file's and folder's times. */
  async recordSet(
    setId: string,
    docId: string,
    counts: Omit<SetRecord, 'size' | 'mtimeMs'>,
    ownWrite: boolean,
  ): Promise<void> {
    const stat = await this.fs.lstat(this.layout.setFile(setId, docId)).catch(() => null)
    const dirStat = ownWrite
      ? await this.fs.lstat(this.layout.setDir(setId)).catch(() => null)
      : null
    let dir = this.sets.get(setId)
    if (!dir) {
      dir = { mtimeMs: 0, trusted: false, files: new Map() }
      this.sets.set(setId, dir)
    }
    const journal = await this.#journalTime(setId, docId)
    if (stat) {
      const { journal: _was, ...rest } = counts
      dir.files.set(docId, { ...rest, size: stat.size, mtimeMs: stat.mtimeMs, journal })
    }
    // Just written, the folder's time is too recent to vouch for it: a file replaced within the
    // same clock tick (file systems stamp folders with a coarse clock) would leave it unchanged.
    // The next open checks this folder file by file and trusts it again once its time is old.
    if (dirStat) dir.mtimeMs = dirStat.mtimeMs
    dir.trusted = false
    this.changed = true
  }

  /** Records a change file this store wrote. */
  recordChange(change: ChangeJson): void {
    this.changes.set(`${change.analyst}/${change.id}`, {
      analyst: change.analyst,
      id: change.id,
      change,
    })
    this.changed = true
  }

  /** The records as the cache file holds them. */
  toCache(projectId: string): CacheJson {
    const sets: CacheJson['sets'] = {}
    for (const [id, dir] of this.sets) {
      sets[id] = {
        mtimeMs: dir.mtimeMs,
        trusted: dir.trusted,
        files: Object.fromEntries(dir.files),
      }
    }
    return {
      cache: CACHE_VERSION,
      project: projectId,
      documentsDir: this.documentsDir,
      documents: Object.fromEntries(this.docs),
      sets,
      changes: Object.fromEntries(this.changes),
    }
  }
}

function summaryOf(doc: DocSummary): DocSummary {
  return {
    title: doc.title,
    addedAt: doc.addedAt,
    addedBy: doc.addedBy,
    contentHash: doc.contentHash,
  }
}

function sameTime(a: FileTime | undefined, b: FileTime | undefined): boolean {
  return (
    a === b || (a !== undefined && b !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs)
  )
}

function sameSummary(a: DocSummary, b: DocSummary): boolean {
  return (
    a.title === b.title &&
    a.addedAt === b.addedAt &&
    a.addedBy === b.addedBy &&
    a.contentHash === b.contentHash
  )
}

/**
 * Reads the cache of `projectId`; null when it is missing, broken, of another version or of
 * another project (a folder copied over another), so the scan rebuilds it.
 */
export async function readCache(
  layout: ProjectLayout,
  fs: StorageFs,
  projectId: string,
): Promise<CacheJson | null> {
  try {
    const raw = (await readProjectJson(fs, layout.indexCache)) as Partial<CacheJson> | null
    if (!raw || raw.cache !== CACHE_VERSION || raw.project !== projectId) return null
    const ok = isRecord(raw.documents) && isRecord(raw.sets) && isRecord(raw.changes)
    return ok ? (raw as CacheJson) : null
  } catch {
    return null
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** The cache's text (compact: it is read by machines only). */
export function cacheText(index: FileIndex, projectId: string): string {
  return JSON.stringify(index.toCache(projectId))
}
