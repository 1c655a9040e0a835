// The index cache's file, `.marginalia/index.json` (file-index.ts says what it records and when it
// is trusted). It is read on every open, so it is laid out for the parser: the records of a folder
// are columns (one array per field, a row per file) rather than an object per file, which parses
// in a third of the time and leaves far fewer objects behind (a project of 10,000 documents: 2.9 MB
// instead of 4.3 MB). Rare fields (a read error, a set's journal) are kept apart by id. A folder's
// file stamps (size, modification and change time) are one string, parsed only when that folder
// must be checked file by file: an open of an unchanged project never turns their 60,000
// fractional numbers into numbers (in a JSON.parse of the file alone, they were about half its
// time). Only the records worth keeping are written: a file that could not be read and whose
// summary is unknown is read again on the next open anyway. A missing, broken, foreign or older
// cache reads as none.
import { readProjectJson } from './documents'
import type {
  ChangeRecord,
  DirTime,
  DocRecord,
  FileIndex,
  FileStamp,
  FileTime,
  SetDir,
  SetRecord,
} from './file-index'
import { stampOf } from './file-index'
import type { ProjectLayout } from './layout'
import type { StorageFs } from './storage-fs'
import { isRecord } from '../../../shared/is-record'

/** Bump when the file's shape changes: an older cache is then rebuilt. */
const CACHE_VERSION = 4

/** The cache as the scan uses it. */
export interface IndexCache {
  documentsDir: DirTime
  documents: Map<string, DocRecord>
  docStamps: StampColumn
  sets: Map<string, SetDir>
  changes: Map<string, ChangeRecord>
}

/** A column of numbers; null where a count is unknown. */
type Numbers = (number | null)[]

/**
 * The stamps of a folder's files, a row per file in the order of its `id` column: rows joined by
 * `,`, each `size mtimeMs ctimeMs` (numbers as JavaScript writes them, which read back exactly;
 * the change time may be left out), or empty when the file has no stamp (see file-index.ts).
 */
type StampText = string

/** A folder's stamp column as read: parsed on first use. */
export class StampColumn {
  #rows: (FileStamp | undefined)[] | null = null

  constructor(private readonly text: StampText) {}

  /** The stamp of row `row`; undefined when it has none or it is not well formed. */
  at(row: number): FileStamp | undefined {
    this.#rows ??= this.text.split(',').map(parseStamp)
    return this.#rows[row]
  }
}

function parseStamp(row: string): FileStamp | undefined {
  const [size, mtime, ctime, ...rest] = row.split(' ')
  const number = (v: string | undefined) => (v === undefined || v === '' ? NaN : Number(v))
  const stamp = { size: number(size), mtimeMs: number(mtime), ctimeMs: number(ctime) }
  if (rest.length > 0 || !Number.isFinite(stamp.size) || !Number.isFinite(stamp.mtimeMs)) {
    return undefined
  }
  return Number.isFinite(stamp.ctimeMs) ? stamp : { ...stamp, ctimeMs: undefined }
}

function stampText(stamp: FileStamp | undefined): string {
  if (!stamp) return ''
  const { size, mtimeMs, ctimeMs } = stamp
  return ctimeMs === undefined ? `${size} ${mtimeMs}` : `${size} ${mtimeMs} ${ctimeMs}`
}

interface DocColumns {
  id: string[]
  stamps: StampText
  title: string[]
  addedAt: string[]
  addedBy: string[]
  contentHash: string[]
  /** Why a document could not be read, by id (listed under its last known summary). */
  errors: Record<string, string>
}

interface SetColumns {
  id: string[]
  stamps: StampText
  analyst: (string | null)[]
  updatedAt: (string | null)[]
  spans: Numbers
  relations: Numbers
  journals: Record<string, FileTime>
}

interface CacheJson {
  cache: number
  project: string
  documentsDir: DirTime
  documents: DocColumns
  sets: Record<string, DirTime & { files: SetColumns }>
  changes: Record<string, ChangeRecord>
}

/** The cache text of `index` (compact: it is read by machines only). */
export function cacheText(index: FileIndex, projectId: string): string {
  const sets = byId<CacheJson['sets'][string]>()
  for (const [id, dir] of index.sets) {
    sets[id] = {
      mtimeMs: dir.mtimeMs,
      ctimeMs: dir.ctimeMs,
      trusted: dir.trusted,
      files: setColumns(dir),
    }
  }
  const json: CacheJson = {
    cache: CACHE_VERSION,
    project: projectId,
    documentsDir: index.documentsDir,
    documents: docColumns(index.docs, index.docStamps),
    sets,
    changes: Object.fromEntries(index.changes),
  }
  return JSON.stringify(json)
}

function docColumns(docs: Map<string, DocRecord>, column: StampColumn | null): DocColumns {
  const stamps: string[] = []
  const c: DocColumns = {
    id: [],
    stamps: '',
    title: [],
    addedAt: [],
    addedBy: [],
    contentHash: [],
    errors: byId(),
  }
  for (const [id, record] of docs) {
    const { summary } = record
    // A pending file is read again until it is moved; one never read has nothing worth keeping.
    if (!summary || record.pending) continue
    c.id.push(id)
    stamps.push(stampText(stampOf(record.stamp, column)))
    c.title.push(summary.title)
    c.addedAt.push(summary.addedAt)
    c.addedBy.push(summary.addedBy)
    c.contentHash.push(summary.contentHash)
    if (record.error !== undefined) c.errors[id] = record.error
  }
  c.stamps = stamps.join(',')
  return c
}

function setColumns(dir: SetDir): SetColumns {
  const stamps: string[] = []
  const c: SetColumns = {
    id: [],
    stamps: '',
    analyst: [],
    updatedAt: [],
    spans: [],
    relations: [],
    journals: byId(),
  }
  for (const [id, record] of dir.files) {
    if (record.error !== undefined) continue // read again on the next open
    c.id.push(id)
    stamps.push(stampText(stampOf(record.stamp, dir.stamps)))
    c.analyst.push(record.analyst ?? null)
    c.updatedAt.push(record.updatedAt ?? null)
    c.spans.push(record.spans ?? null)
    c.relations.push(record.relations ?? null)
    if (record.journal) c.journals[id] = record.journal
  }
  c.stamps = stamps.join(',')
  return c
}

/**
 * Reads the cache of `projectId`; null when it is missing, broken, of another version or of
 * another project (a folder copied over another), so the scan rebuilds it. A row whose fields are
 * not what they should be is left out (its file is then read again).
 */
export async function readCache(
  layout: ProjectLayout,
  fs: StorageFs,
  projectId: string,
): Promise<IndexCache | null> {
  try {
    const raw = (await readProjectJson(fs, layout.indexCache)) as Partial<CacheJson> | null
    if (!raw || raw.cache !== CACHE_VERSION || raw.project !== projectId) return null
    if (!isRecord(raw.sets) || !isRecord(raw.changes) || !isDirTime(raw.documentsDir)) return null
    const documents = readDocColumns(raw.documents)
    if (!documents) return null
    const sets = new Map<string, SetDir>()
    for (const [id, dir] of Object.entries(raw.sets)) {
      const files = isDirTime(dir) ? readSetColumns(dir.files) : null
      if (!files) return null
      sets.set(id, { mtimeMs: dir.mtimeMs, ctimeMs: dir.ctimeMs, trusted: dir.trusted, ...files })
    }
    return {
      documentsDir: raw.documentsDir,
      documents: documents.files,
      docStamps: documents.stamps,
      sets,
      changes: new Map(Object.entries(raw.changes)),
    }
  } catch {
    return null
  }
}

/** Whether `c` has string column `stamps` and array columns `names`, each as long as `id`. */
function columnsOk(
  c: Record<string, unknown>,
  names: readonly string[],
): c is Record<string, unknown> & { id: unknown[]; stamps: string } {
  const { id } = c
  if (!Array.isArray(id) || typeof c.stamps !== 'string') return false
  return names.every((name) => {
    const col = c[name]
    return Array.isArray(col) && col.length === id.length
  })
}

const DOC_COLUMNS = ['title', 'addedAt', 'addedBy', 'contentHash'] as const

function readDocColumns(c: unknown): { files: Map<string, DocRecord>; stamps: StampColumn } | null {
  if (!isRecord(c) || !isRecord(c.errors) || !columnsOk(c, DOC_COLUMNS)) return null
  const [titles, added, by, hashes] = DOC_COLUMNS.map((name) => c[name] as unknown[])
  const { id: ids, errors } = c
  const files = new Map<string, DocRecord>()
  for (let i = 0; i < ids.length; i++) {
    const [docId, title, addedAt, addedBy, hash] = [ids[i], titles[i], added[i], by[i], hashes[i]]
    if (
      typeof docId !== 'string' ||
      typeof title !== 'string' ||
      typeof addedAt !== 'string' ||
      typeof addedBy !== 'string' ||
      typeof hash !== 'string'
    ) {
      continue
    }
    // The stamp is the row: read from the column only if the folder must be checked.
    files.set(docId, { stamp: i, summary: { title, addedAt, addedBy, contentHash: hash } })
  }
  // Rare fields are looked up from their side (10,000 lookups of ids in an object cost more than
  // reading the rest of the row).
  for (const [docId, error] of Object.entries(errors)) {
    const record = files.get(docId)
    if (record && typeof error === 'string') record.error = error
  }
  return { files, stamps: new StampColumn(c.stamps) }
}

const SET_COLUMNS = ['analyst', 'updatedAt', 'spans', 'relations'] as const

function readSetColumns(c: unknown): { files: Map<string, SetRecord>; stamps: StampColumn } | null {
  if (!isRecord(c) || !isRecord(c.journals) || !columnsOk(c, SET_COLUMNS)) return null
  const [analysts, updated, spanCounts, relationCounts] = SET_COLUMNS.map(
    (name) => c[name] as unknown[],
  )
  const { id: ids, journals } = c
  const files = new Map<string, SetRecord>()
  for (let i = 0; i < ids.length; i++) {
    const docId = ids[i]
    if (typeof docId !== 'string') continue
    files.set(docId, {
      stamp: i,
      journal: undefined,
      analyst: stringOr(analysts[i]),
      updatedAt: stringOr(updated[i]),
      spans: numberOr(spanCounts[i]),
      relations: numberOr(relationCounts[i]),
    })
  }
  for (const [docId, journal] of Object.entries(journals)) {
    const record = files.get(docId)
    if (record && isFileTime(journal)) record.journal = journal
  }
  return { files, stamps: new StampColumn(c.stamps) }
}

/** An object keyed by file or set ids, without a prototype (an id may be `__proto__`). */
function byId<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>
}

const numberOr = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined)
const stringOr = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

function isDirTime(v: unknown): v is DirTime & Record<string, unknown> {
  return (
    isRecord(v) &&
    typeof v.mtimeMs === 'number' &&
    (v.ctimeMs === undefined || typeof v.ctimeMs === 'number') &&
    typeof v.trusted === 'boolean'
  )
}

function isFileTime(v: unknown): v is FileTime {
  return isRecord(v) && typeof v.size === 'number' && typeof v.mtimeMs === 'number'
}
