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
import { ProjectError } from './errors'

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

/** Changes to a list of items with ids (spans or relations). */
export interface ListDelta<T> {
  /** Items added or replaced: an item whose id is listed is replaced where it is. */
  put?: T[]
  /** For each item of `put` not yet listed: the id of the item it follows (null: first). */
  after?: (string | null)[]
  /** Ids of items removed. */
  del?: string[]
  /** The ids in their new order, when it changed other than by the insertions above. */
  order?: string[]
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
  return isDelta(v.spans) && isDelta(v.relations)
}

function isDelta(v: unknown): boolean {
  if (v === undefined) return true
  if (!isRecord(v)) return false
  const { put, after, del, order } = v
  const ids = (list: unknown) => Array.isArray(list) && list.every((x) => typeof x === 'string')
  if (put !== undefined && !(Array.isArray(put) && put.every(hasId))) return false
  if (after !== undefined) {
    const ok = Array.isArray(after) && after.every((x) => x === null || typeof x === 'string')
    if (!ok) return false
  }
  return (del === undefined || ids(del)) && (order === undefined || ids(order))
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function hasId(v: unknown): v is { id: string } {
  return isRecord(v) && typeof v.id === 'string'
}

/** Applies one list delta to `items`; see applyDeltas. */
export function applyList<T>(items: readonly T[], delta: ListDelta<T> | undefined): T[] {
  return applyDeltas(items, delta ? [delta] : [])
}

const HEAD = Symbol('head')

/**
 * Applies list deltas in turn to `items` (parsed, not yet validated). Each delta removes the items
 * in `del`, then takes the items of `put` in order: one whose id is listed replaces it where it is,
 * any other is inserted right after the item named in `after` (first when null, last when no such
 * item is listed); then `order` sorts the listed ids (those it does not name go last). The list is
 * linked through its ids once, so each change costs the same however long the list.
 */
export function applyDeltas<T>(items: readonly T[], deltas: readonly ListDelta<T>[]): T[] {
  if (deltas.length === 0) return [...items]
  // Items without ids, or an id twice: a file edited by hand (its journal no longer applies).
  if (
    !items.every(hasId) ||
    new Set(items.map((i) => (i as { id: string }).id)).size !== items.length
  ) {
    return items.slice()
  }
  const byId = new Map<string, T>()
  const next = new Map<string | typeof HEAD, string | typeof HEAD>()
  const prev = new Map<string | typeof HEAD, string | typeof HEAD>()
  const link = (list: readonly T[]) => {
    byId.clear()
    next.clear()
    prev.clear()
    let last: string | typeof HEAD = HEAD
    for (const item of list) {
      const id = (item as { id: string }).id
      byId.set(id, item)
      next.set(last, id)
      prev.set(id, last)
      last = id
    }
    next.set(last, HEAD)
    prev.set(HEAD, last)
  }
  const insertAfter = (at: string | typeof HEAD, id: string) => {
    const after = next.get(at)!
    next.set(at, id)
    prev.set(id, at)
    next.set(id, after)
    prev.set(after, id)
  }
  const list = () => {
    const out: T[] = []
    for (let id = next.get(HEAD)!; id !== HEAD; id = next.get(id)!) out.push(byId.get(id)!)
    return out
  }
  link(items)
  for (const delta of deltas) {
    for (const id of delta.del ?? []) {
      if (!byId.has(id)) continue
      const before = prev.get(id)!
      const after = next.get(id)!
      next.set(before, after)
      prev.set(after, before)
      next.delete(id)
      prev.delete(id)
      byId.delete(id)
    }
    ;(delta.put ?? []).forEach((item, i) => {
      const { id } = item as { id: string }
      const listed = byId.has(id)
      byId.set(id, item)
      if (listed) return
      const wanted = delta.after?.[i] ?? null
      insertAfter(wanted === null ? HEAD : byId.has(wanted) ? wanted : prev.get(HEAD)!, id)
    })
    if (delta.order) link(reorder(list(), delta.order, (item) => (item as { id: string }).id))
  }
  return list()
}

function reorder<T>(items: T[], order: string[], idOf: (item: T) => string): T[] {
  const rank = new Map(order.map((id, i) => [id, i]))
  const ranked = items.filter((item) => rank.has(idOf(item)))
  const rest = items.filter((item) => !rank.has(idOf(item)))
  ranked.sort((a, b) => rank.get(idOf(a))! - rank.get(idOf(b))!)
  return [...ranked, ...rest]
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

/** What changed in a list: the delta to journal, and the items put (to validate). */
export interface ListDiff<T> {
  delta: ListDelta<T> | undefined
  put: T[]
}

/**
 * The delta that turns `before` (ids unique, listed in `ids`) into `after` (unchecked), items
 * compared with `same`; null when an item of `after` has no string id or an id twice. The common
 * save changes a few items in one place: the items before and after that place are compared where
 * they are, and only the part between is matched by id. The delta is checked by applying it: when
 * insertions alone do not give `after`'s order, it carries the whole order.
 */
export function diffList<T extends { id: string }>(
  before: readonly T[],
  after: readonly unknown[],
  same: (a: T, b: unknown) => boolean,
  ids: ReadonlySet<string> = new Set(before.map((item) => item.id)),
): ListDiff<T> | null {
  const put: T[] = []
  const putAt: number[] = []
  const idAt = (i: number) => {
    const item = after[i]
    return hasId(item) ? item.id : undefined
  }
  // Same ids at the same places from the start, then from the end: changed in place at most.
  let head = 0
  const shortest = Math.min(before.length, after.length)
  while (head < shortest && idAt(head) === before[head].id) head++
  let tail = 0
  while (
    tail < shortest - head &&
    idAt(after.length - 1 - tail) === before[before.length - 1 - tail].id
  ) {
    tail++
  }
  const changedInPlace = (from: number, to: number, offset: number) => {
    for (let i = from; i < to; i++) {
      if (same(before[i - offset], after[i])) continue
      put.push(after[i] as T)
      putAt.push(i)
    }
  }
  changedInPlace(0, head, 0)
  // Between: matched by id.
  const middleBefore = new Map<string, T>()
  for (let i = head; i < before.length - tail; i++) middleBefore.set(before[i].id, before[i])
  const seen = new Set<string>()
  for (let i = head; i < after.length - tail; i++) {
    const id = idAt(i)
    if (id === undefined || seen.has(id)) return null
    seen.add(id)
    const old = middleBefore.get(id)
    if (!old && ids.has(id)) return null // also listed before or after this part: twice
    if (old && same(old, after[i])) continue
    put.push(after[i] as T)
    putAt.push(i)
  }
  changedInPlace(after.length - tail, after.length, after.length - before.length)
  const del = [...middleBefore.keys()].filter((id) => !seen.has(id))
  const moved = middleOrderDiffers(before, after, head, tail, middleBefore, seen)
  if (put.length === 0 && del.length === 0 && !moved) return { delta: undefined, put }
  const delta: ListDelta<T> = {}
  if (put.length > 0) {
    delta.put = put
    delta.after = put.map((item, k) =>
      middleBefore.has(item.id) || putAt[k] < head || putAt[k] >= after.length - tail
        ? null
        : putAt[k] === 0
          ? null
          : (after[putAt[k] - 1] as { id: string }).id,
    )
  }
  if (del.length > 0) delta.del = del
  if (moved) delta.order = after.map((item) => (item as { id: string }).id)
  return { delta, put }
}

/** Whether the items kept between `head` and `tail` are in another order than before. */
function middleOrderDiffers(
  before: readonly { id: string }[],
  after: readonly unknown[],
  head: number,
  tail: number,
  middleBefore: ReadonlyMap<string, unknown>,
  kept: ReadonlySet<string>,
): boolean {
  const was: string[] = []
  for (let i = head; i < before.length - tail; i++) {
    if (kept.has(before[i].id)) was.push(before[i].id)
  }
  let k = 0
  for (let i = head; i < after.length - tail; i++) {
    const id = (after[i] as { id: string }).id
    if (!middleBefore.has(id)) continue
    if (was[k] !== id) return true
    k++
  }
  return false
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
