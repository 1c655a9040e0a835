// What is on disk, one record per file: each document's summary (title, when and by whom it was
// added, content hash), each annotation set's counts, each change as read. Opening a project of
// 10,000 documents must not read 10,000 files, so the records are kept in a local cache,
// `.marginalia/index.json` (never synced), and a scan reads only what changed since:
// - changes/ holds files written once and never edited, so a name already in the cache is known;
// - documents/ and each annotation folder (one per analyst): a folder whose modification and
//   change times are the ones cached is taken as it was (a file replaced, added or removed changes
//   its folder's times: the durable writes, git and sync clients all replace files; a sync that
//   puts the folder's old modification time back still moves its change time, which no tool can
//   set); any other folder is checked file by file, by size, modification and change time (so a
//   file whose size and modification time were kept is still seen to have changed), and what
//   changed is read again. A folder's times are trusted only when they were already two seconds
//   old when recorded (so an arrival in the same clock tick is never missed), and so is a file's:
//   a file whose times were newer is recorded without them, and read again on the next open. The
//   listing is taken
//   on every open, so a file added or removed is always seen. A file edited in place by hand
//   (which leaves its folder's times alone) is noticed when it is next read; deleting
//   `.marginalia/` makes the next open read everything.
// The cache's file format is in index-cache.ts.
// A file that could not be read is read again on every scan (it may have been fixed). A missing,
// broken or foreign cache is simply rebuilt from the files.
import type { AnnotationSetJson, ChangeJson, StoredDocument } from '../../../shared/model-files'
import { zId } from '../../../shared/model'
import { readSet } from './annotation-sets'
import { decodeChangeJson } from './codecs'
import { readDocument, readProjectJson } from './documents'
import { ProjectError } from './errors'
import { FolderListings, names } from './folder-listings'
import type { IndexCache, StampColumn } from './index-cache'
import { errorText } from './json-file'
import { idOfJournalName, idOfJsonName, type ProjectLayout } from './layout'
import type { StorageFs, StorageStats } from './storage-fs'

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

/** A file's size, modification and change time, recorded once they were two seconds old. */
export interface FileStamp {
  size: number
  mtimeMs: number
  ctimeMs?: number
}

/**
 * A record's stamp: its own, or the row of the cache's stamp column it was read from (parsed only
 * when a folder must be checked file by file: an open of an unchanged project never needs it).
 */
export type Stamp = FileStamp | number

/** A document file: its summary, or why it cannot be read. */
export interface DocRecord {
  /** None when the file's times were too recent to vouch for it (it is read on the next scan). */
  stamp?: Stamp
  summary?: DocSummary
  error?: string
  /** Read from the migration's pending folder (not yet moved into documents/). */
  pending?: boolean
}

/** An annotation set file: its counts, or why it cannot be read. */
export interface SetRecord {
  /** As DocRecord's. */
  stamp?: Stamp
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

/** An annotation folder (one set id): its files, and the folder times they were recorded at. */
export interface SetDir extends DirTime {
  files: Map<string, SetRecord>
  /** The cache's stamp column that records' row numbers refer to. */
  stamps?: StampColumn
}

/** A change file as read, or why it cannot be. */
export interface ChangeRecord {
  analyst: string
  id: string
  change?: ChangeJson
  error?: string
}

/** A folder's modification and change times as recorded, and whether they can be trusted. */
export interface DirTime {
  mtimeMs: number
  ctimeMs?: number
  trusted: boolean
}

/** The times of folder `info` as recorded now: trusted once two seconds old. */
function dirTime(info: StorageStats | null, now: number): DirTime {
  const mtimeMs = info?.mtimeMs ?? 0
  const ctimeMs = info?.ctimeMs
  return { mtimeMs, ctimeMs, trusted: Math.max(mtimeMs, ctimeMs ?? 0) < now - RACY_MS }
}

/** Whether the folder's times are the trusted ones recorded. */
function sameDir(cached: DirTime | undefined, info: StorageStats | null): boolean {
  return (
    cached?.trusted === true &&
    info !== null &&
    cached.mtimeMs === info.mtimeMs &&
    cached.ctimeMs === info.ctimeMs
  )
}

/** The stamp of a record (`column` is the cache's, which a row number refers to). */
export function stampOf(
  stamp: Stamp | undefined,
  column: StampColumn | null | undefined,
): FileStamp | undefined {
  return typeof stamp === 'number' ? column?.at(stamp) : stamp
}

/**
 * The stamp to record of file `stat` at `now`: none when its times are under two seconds old, as
 * a change made later within the same clock tick (a coarse clock, or a share's clock ahead of ours)
 * would leave its size and times as they are.
 */
function stampNow(stat: StorageStats | null, now: number): FileStamp | undefined {
  if (!stat || Math.max(stat.mtimeMs, stat.ctimeMs ?? 0) >= now - RACY_MS) return undefined
  return { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs }
}

/** Whether a file's recorded stamp still describes it: same size, modification and change time. */
function sameFile(stamp: FileStamp | undefined, stat: StorageStats | null): boolean {
  return (
    stat !== null &&
    stamp !== undefined &&
    stamp.size === stat.size &&
    stamp.mtimeMs === stat.mtimeMs &&
    stamp.ctimeMs === stat.ctimeMs
  )
}

/** Runs `task` over `items`, a few at a time. */
async function pool<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await task(items[next++])
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, items.length) }, worker))
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
  /** The cache's stamp column of documents/ (see Stamp). */
  docStamps: StampColumn | null = null
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

  /**
   * Scans the folder, taking from `cache` (see readCache) what is still current; `listings` are
   * the listings this open already took (the repairs list documents/).
   */
  static async scan(
    layout: ProjectLayout,
    fs: StorageFs,
    cache: IndexCache | null,
    now: number = Date.now(),
    listings: FolderListings = new FolderListings(fs),
  ): Promise<FileIndex> {
    const index = new FileIndex(layout, fs)
    index.changed = cache === null
    // Independent folders: their reads overlap instead of waiting for each other.
    await Promise.all([
      index.#scanDocuments(cache, now, listings),
      index.#scanSets(cache, now),
      index.#scanChanges(cache),
    ])
    return index
  }

  async #scanDocuments(
    cache: IndexCache | null,
    now: number,
    listings: FolderListings,
  ): Promise<void> {
    // The folder's times are taken before its listing is used: a file that arrives meanwhile
    // moves them, so the next open checks again.
    const info = await this.fs.lstat(this.layout.documentsDir).catch(() => null)
    const trusted = sameDir(cache?.documentsDir, info)
    const pending = new Set(
      (await listings.names(this.layout.pendingDocumentsDir)).flatMap((n) => idOfJsonName(n) ?? []),
    )
    const found = new Set(pending)
    for (const name of await listings.names(this.layout.documentsDir)) {
      const id = idOfJsonName(name)
      if (id !== null) found.add(id)
    }
    const cachedDocs = cache?.documents
    this.docStamps = cache?.docStamps ?? null
    const usable = (id: string, cached: DocRecord | undefined): cached is DocRecord =>
      cached?.summary !== undefined && !cached.error && !cached.pending && !pending.has(id)
    const toRead: string[] = []
    // What the cache vouches for is taken in one pass; only the rest is looked at on disk.
    const toCheck: string[] = []
    let fromCache = 0
    for (const id of [...found].sort()) {
      const cached = cachedDocs?.get(id)
      if (cached) fromCache++
      if (trusted && usable(id, cached)) this.docs.set(id, cached)
      else toCheck.push(id)
    }
    await pool(toCheck, async (id) => {
      const cached = cachedDocs?.get(id)
      const file = pending.has(id)
        ? this.layout.pendingDocumentFile(id)
        : this.layout.documentFile(id)
      const stat = await this.fs.lstat(file).catch(() => null)
      if (usable(id, cached) && sameFile(stampOf(cached.stamp, this.docStamps), stat)) {
        this.docs.set(id, cached)
        return
      }
      this.docs.set(id, { stamp: stampNow(stat, now) })
      toRead.push(id)
    })
    if (!trusted || toRead.length > 0) this.changed = true
    if (cachedDocs && cachedDocs.size !== fromCache) this.changed = true // some were removed
    this.documentsDir = dirTime(info, now)
    await pool(toRead, async (id) => {
      const isPending = pending.has(id)
      const record = this.docs.get(id)!
      try {
        const doc = await readDocument(this.fs, this.layout, id, isPending)
        Object.assign(record, { summary: summaryOf(doc), ...(isPending ? { pending: true } : {}) })
      } catch (error) {
        // Known before (it broke since): still listed, under what was known of it.
        const known = cachedDocs?.get(id)?.summary
        Object.assign(record, { ...(known ? { summary: known } : {}), error: detail(error) })
      }
    })
  }

  async #scanSets(cache: IndexCache | null, now: number): Promise<void> {
    for (const setId of (await names(this.fs, this.layout.annotationsDir)).sort()) {
      if (!zId.safeParse(setId).success) continue
      const dir = this.layout.setDir(setId)
      const info = await this.fs.lstat(dir).catch(() => null)
      if (!info?.isDirectory()) continue
      const cached = cache?.sets.get(setId)
      const trusted = sameDir(cached, info)
      const files = new Map<string, SetRecord>()
      const toRead: string[] = []
      const inDir = await names(this.fs, dir)
      const docIds = inDir.flatMap((n) => idOfJsonName(n) ?? []).sort()
      const journals = new Set(inDir.flatMap((n) => idOfJournalName(n) ?? []))
      const toCheck: string[] = []
      for (const docId of docIds) {
        const record = cached?.files.get(docId)
        const plain = !record?.journal && !journals.has(docId)
        if (trusted && plain && record && !record.error) files.set(docId, record)
        else toCheck.push(docId)
      }
      await pool(toCheck, async (docId) => {
        const record = cached?.files.get(docId)
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
        const recorded = stampOf(record?.stamp, cached?.stamps)
        if (record && !record.error && sameJournal && sameFile(recorded, stat)) {
          files.set(docId, record)
          return
        }
        files.set(docId, { stamp: stampNow(stat, now), journal })
        toRead.push(docId)
        this.changed = true
      })
      if (!trusted) this.changed = true
      this.sets.set(setId, { ...dirTime(info, now), files, stamps: cached?.stamps })
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

  async #scanChanges(cache: IndexCache | null): Promise<void> {
    const toRead: ChangeRecord[] = []
    for (const analyst of (await names(this.fs, this.layout.changesDir)).sort()) {
      if (!zId.safeParse(analyst).success) continue
      for (const name of (await names(this.fs, this.layout.changeDir(analyst))).sort()) {
        const id = idOfJsonName(name)
        if (!id) continue
        const key = `${analyst}/${id}`
        const cached = cache?.changes.get(key)
        if (cached?.change) this.changes.set(key, cached)
        else toRead.push({ analyst, id })
      }
    }
    if (cache && [...cache.changes.keys()].some((key) => !this.changes.has(key))) {
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
    this.docs.set(doc.id, { stamp: stampNow(stat, Date.now()), summary: summaryOf(doc) })
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
    counts: Omit<SetRecord, 'stamp'>,
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
      dir.files.set(docId, { ...rest, stamp: stampNow(stat, Date.now()), journal })
    }
    // Just written, the folder's time is too recent to vouch for it: a file replaced within the
    // same clock tick (file systems stamp folders with a coarse clock) would leave it unchanged.
    // The next open checks this folder file by file and trusts it again once its time is old.
    if (dirStat) {
      dir.mtimeMs = dirStat.mtimeMs
      dir.ctimeMs = dirStat.ctimeMs
    }
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
