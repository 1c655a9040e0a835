// The journal of a large annotation set (docs/FORMAT.md, "Set journals"). Rewriting the set file
// of a document with 20,000 spans costs hundreds of milliseconds (serialising ~7 MB, writing and
// fsyncing it), however small the edit. So a save of a large set appends one line to
// `annotations/<set>/<doc>.journal.jsonl` instead: what changed since the set file (spans and
// relations put or deleted, document labels and decisions replaced). The set file stays the base;
// the journal is applied on reading, and folded back into the set file ("compacted") when it grows
// or the project is closed. Like the set file, it has one writer: the analyst's own app.
//
// The first line names the base by the SHA-256 of its bytes: a journal left behind by a compaction
// killed before it deleted the journal no longer matches the new set file and is ignored. A line
// is written whole and fsynced before a save resolves; a crash can only tear the last line, which
// has no newline then (or does not parse) and is ignored, as the save it held never resolved.
import { createHash } from 'node:crypto'
import type {
  Annotations,
  DocLabelMeta,
  DocLabels,
  Relation,
  Span,
  SuggestionDecisions,
} from '../../../shared/model'
import { isRecord } from '../../../shared/is-record'
import { ProjectError } from './errors'
import { applyDeltas, isListDelta, type ListDelta } from './list-delta'

export const JOURNAL_FORMAT = 'marginalia-set-journal'
const JOURNAL_VERSION = 1

/** The journal's first line. */
export interface JournalHeader {
  format: typeof JOURNAL_FORMAT
  version: number
  document: string
  set: string
  /** `sha256:<hex>` of the set file's bytes this journal applies to. */
  base: string
}

/** One save: its time and analyst, and what changed (absent: unchanged). */
export interface JournalEntry {
  updatedAt: string
  analyst: string
  spans?: ListDelta<Span>
  relations?: ListDelta<Relation>
  docLabels?: DocLabels
  /** null: removed. */
  docLabelMeta?: DocLabelMeta | null
  /** null: removed. */
  suggestions?: SuggestionDecisions | null
}

/** `sha256:<hex>` of a set file's bytes (or of the text written to it). */
export function baseHash(bytes: string | Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

export function headerLine(header: Omit<JournalHeader, 'format' | 'version'>): string {
  const full: JournalHeader = { format: JOURNAL_FORMAT, version: JOURNAL_VERSION, ...header }
  return `${JSON.stringify(full)}\n`
}

export function entryLine(entry: JournalEntry): string {
  return `${JSON.stringify(entry)}\n`
}

/** A journal as read: its entries, or null when it belongs to another base (stale). */
export interface ParsedJournal {
  entries: JournalEntry[] | null
  /** Bytes of the header and the complete entries: anything after is a torn last line. */
  validBytes: number
}

/**
 * Parses a journal's text. Throws ProjectError naming `file` when a line other than the last is
 * broken (the file was damaged, not torn by a crash).
 */
export function parseJournal(
  text: string,
  file: string,
  where: { docId: string; setId: string; base: string },
): ParsedJournal {
  const lines: { json: unknown; end: number }[] = []
  let start = 0
  let torn = false
  while (start < text.length) {
    const newline = text.indexOf('\n', start)
    if (newline === -1) {
      torn = true // no newline: the last write did not finish
      break
    }
    let json: unknown
    try {
      json = JSON.parse(text.slice(start, newline))
    } catch {
      json = undefined
    }
    lines.push({ json, end: newline + 1 })
    start = newline + 1
  }
  // A crash may also leave the last line complete in length but not in content.
  if (!torn && lines.length > 1 && !isEntry(lines[lines.length - 1].json)) lines.pop()
  const bad = lines.findIndex((l, i) => (i === 0 ? !isHeader(l.json) : !isEntry(l.json)))
  if (bad !== -1) {
    throw new ProjectError(file, `line ${bad + 1}: not a journal ${bad === 0 ? 'header' : 'entry'}`)
  }
  const validBytes = lines.length > 0 ? lines[lines.length - 1].end : 0
  if (lines.length === 0) return { entries: null, validBytes }
  const header = lines[0].json as JournalHeader
  if (header.document !== where.docId || header.set !== where.setId) {
    throw new ProjectError(file, `the journal is of another document or set`)
  }
  if (header.base !== where.base) return { entries: null, validBytes }
  return { entries: lines.slice(1).map((l) => l.json as JournalEntry), validBytes }
}

function isHeader(v: unknown): v is JournalHeader {
  if (!isRecord(v)) return false
  return (
    v.format === JOURNAL_FORMAT &&
    v.version === JOURNAL_VERSION &&
    typeof v.document === 'string' &&
    typeof v.set === 'string' &&
    typeof v.base === 'string'
  )
}

function isEntry(v: unknown): v is JournalEntry {
  if (!isRecord(v) || typeof v.updatedAt !== 'string' || typeof v.analyst !== 'string') return false
  return isListDelta(v.spans) && isListDelta(v.relations)
}

/** Applies entries to a set's parsed content (its `annotations`, `updatedAt` and `analyst`). */
export function applyEntries(
  raw: { annotations?: unknown; updatedAt?: unknown; analyst?: unknown },
  entries: readonly JournalEntry[],
): void {
  if (entries.length === 0 || !isRecord(raw.annotations)) return
  const a = raw.annotations
  const deltas = (key: 'spans' | 'relations') => entries.flatMap((e) => e[key] ?? [])
  a.spans = applyDeltas(asArray(a.spans), deltas('spans'))
  a.relations = applyDeltas(asArray(a.relations), deltas('relations'))
  for (const entry of entries) {
    if (entry.docLabels !== undefined) a.docLabels = entry.docLabels
    if (entry.docLabelMeta === null) delete a.docLabelMeta
    else if (entry.docLabelMeta !== undefined) a.docLabelMeta = entry.docLabelMeta
    if (entry.suggestions === null) delete a.suggestions
    else if (entry.suggestions !== undefined) a.suggestions = entry.suggestions
    raw.updatedAt = entry.updatedAt
    raw.analyst = entry.analyst
  }
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : []
}

/** Whether `b` (unchecked) equals span `a` in every field the set file keeps. */
export function sameSpan(a: Span, b: unknown): boolean {
  if (!isRecord(b)) return false
  const q = b.quote
  return (
    a.id === b.id &&
    a.layer === b.layer &&
    a.label === b.label &&
    a.start === b.start &&
    a.end === b.end &&
    isRecord(q) &&
    a.quote.exact === q.exact &&
    a.quote.prefix === q.prefix &&
    a.quote.suffix === q.suffix &&
    sameAttributes(a.attributes, b.attributes) &&
    a.entityId === b.entityId &&
    a.annotator === b.annotator &&
    a.createdAt === b.createdAt &&
    a.updatedAt === b.updatedAt &&
    a.curatedBy === b.curatedBy
  )
}

/** Whether `b` (unchecked) equals relation `a` in every field the set file keeps. */
export function sameRelation(a: Relation, b: unknown): boolean {
  if (!isRecord(b)) return false
  return (
    a.id === b.id &&
    a.type === b.type &&
    a.from === b.from &&
    a.to === b.to &&
    sameAttributes(a.attributes, b.attributes) &&
    a.annotator === b.annotator &&
    a.createdAt === b.createdAt &&
    a.updatedAt === b.updatedAt &&
    a.curatedBy === b.curatedBy
  )
}

function sameAttributes(a: Record<string, unknown>, b: unknown): boolean {
  if (!isRecord(b) || Object.getPrototypeOf(b) !== Object.prototype) return false
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(b, key) || !Object.is(a[key], b[key])) return false
  }
  return true
}

/** The parts of a set other than spans and relations, as compared between saves. */
export function restOf(a: Annotations): {
  docLabels: string
  docLabelMeta: string
  suggestions: string
} {
  return {
    docLabels: JSON.stringify(a.docLabels),
    docLabelMeta: JSON.stringify(a.docLabelMeta ?? null),
    suggestions: JSON.stringify(a.suggestions ?? null),
  }
}
