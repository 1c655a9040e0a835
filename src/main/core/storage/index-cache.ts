// The index cache's file, `.marginalia/index.json` (file-index.ts says what it records and when it
// is trusted). It is read on every open, so it is laid out for the parser: the records of a folder
// are columns (one array per field, a row per file) rather than an object per file, which parses
// in a third of the time and leaves far fewer objects behind (a project of 10,000 documents: 2.9 MB
// instead of 4.3 MB). Rare fields (a read error, a set's journal) are kept apart by id. Only the
// records worth keeping are written: a file that could not be read and whose summary is unknown is
// read again on the next open anyway. A missing, broken, foreign or older cache reads as none.
import { readProjectJson } from './documents'
import type {
  ChangeRecord,
  DirTime,
  DocRecord,
  FileIndex,
  FileTime,
  SetDir,
  SetRecord,
} from './file-index'
import type { ProjectLayout } from './layout'
import type { StorageFs } from './storage-fs'
import { isRecord } from '../../../shared/is-record'

/** Bump when the file's shape changes: an older cache is then rebuilt. */
const CACHE_VERSION = 3

/** The cache as the scan uses it. */
export interface IndexCache {
  documentsDir: DirTime
  documents: Map<string, DocRecord>
  sets: Map<string, SetDir>
  changes: Map<string, ChangeRecord>
}

/** A column of numbers; null where a file's time or size is unknown. */
type Numbers = (number | null)[]

interface DocColumns {
  id: string[]
  size: Numbers
  mtimeMs: Numbers
  ctimeMs: Numbers
  title: string[]
  addedAt: string[]
  addedBy: string[]
  contentHash: string[]
  /** Why a document could not be read, by id (listed under its last known summary). */
  errors: Record<string, string>
}

interface SetColumns {
  id: string[]
  size: number[]
  mtimeMs: number[]
  ctimeMs: Numbers
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
    documents: docColumns(index.docs),
    sets,
    changes: Object.fromEntries(index.changes),
  }
  return JSON.stringify(json)
}

function docColumns(docs: Map<string, DocRecord>): DocColumns {
  const c: DocColumns = {
    id: [],
    size: [],
    mtimeMs: [],
    ctimeMs: [],
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
    c.size.push(record.size ?? null)
    c.mtimeMs.push(record.mtimeMs ?? null)
    c.ctimeMs.push(record.ctimeMs ?? null)
    c.title.push(summary.title)
    c.addedAt.push(summary.addedAt)
    c.addedBy.push(summary.addedBy)
    c.contentHash.push(summary.contentHash)
    if (record.error !== undefined) c.errors[id] = record.error
  }
  return c
}

function setColumns(dir: SetDir): SetColumns {
  const c: SetColumns = {
    id: [],
    size: [],
    mtimeMs: [],
    ctimeMs: [],
    analyst: [],
    updatedAt: [],
    spans: [],
    relations: [],
    journals: byId(),
  }
  for (const [id, record] of dir.files) {
    if (record.error !== undefined) continue // read again on the next open
    c.id.push(id)
    c.size.push(record.size)
    c.mtimeMs.push(record.mtimeMs)
    c.ctimeMs.push(record.ctimeMs ?? null)
    c.analyst.push(record.analyst ?? null)
    c.updatedAt.push(record.updatedAt ?? null)
    c.spans.push(record.spans ?? null)
    c.relations.push(record.relations ?? null)
    if (record.journal) c.journals[id] = record.journal
  }
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
      sets.set(id, { mtimeMs: dir.mtimeMs, ctimeMs: dir.ctimeMs, trusted: dir.trusted, files })
    }
    return {
      documentsDir: raw.documentsDir,
      documents,
      sets,
      changes: new Map(Object.entries(raw.changes)),
    }
  } catch {
    return null
  }
}

function readDocColumns(c: unknown): Map<string, DocRecord> | null {
  if (!isRecord(c) || !isRecord(c.errors)) return null
  const { id, size, mtimeMs, ctimeMs, title, addedAt, addedBy, contentHash, errors } = c
  const columns = [size, mtimeMs, ctimeMs, title, addedAt, addedBy, contentHash]
  if (
    !Array.isArray(id) ||
    !columns.every((col) => Array.isArray(col) && col.length === id.length)
  ) {
    return null
  }
  const [sizes, mtimes, ctimes, titles, added, by, hashes] = columns as unknown[][]
  const ids = id as unknown[]
  const out = new Map<string, DocRecord>()
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
    const record: DocRecord = {
      size: numberOr(sizes[i]),
      mtimeMs: numberOr(mtimes[i]),
      ctimeMs: numberOr(ctimes[i]),
      summary: { title, addedAt, addedBy, contentHash: hash },
    }
    const error = errors[docId]
    if (typeof error === 'string') record.error = error
    out.set(docId, record)
  }
  return out
}

function readSetColumns(c: unknown): Map<string, SetRecord> | null {
  if (!isRecord(c) || !isRecord(c.journals)) return null
  const { id, size, mtimeMs, ctimeMs, analyst, updatedAt, spans, relations, journals } = c
  const columns = [size, mtimeMs, ctimeMs, analyst, updatedAt, spans, relations]
  if (
    !Array.isArray(id) ||
    !columns.every((col) => Array.isArray(col) && col.length === id.length)
  ) {
    return null
  }
  const [sizes, mtimes, ctimes, analysts, updated, spanCounts, relationCounts] =
    columns as unknown[][]
  const ids = id as unknown[]
  const out = new Map<string, SetRecord>()
  for (let i = 0; i < ids.length; i++) {
    const docId = ids[i]
    const fileSize = sizes[i]
    const mtime = mtimes[i]
    if (typeof docId !== 'string' || typeof fileSize !== 'number' || typeof mtime !== 'number') {
      continue
    }
    const journal = journals[docId]
    out.set(docId, {
      size: fileSize,
      mtimeMs: mtime,
      ctimeMs: numberOr(ctimes[i]),
      journal: isFileTime(journal) ? journal : undefined,
      analyst: stringOr(analysts[i]),
      updatedAt: stringOr(updated[i]),
      spans: numberOr(spanCounts[i]),
      relations: numberOr(relationCounts[i]),
    })
  }
  return out
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
