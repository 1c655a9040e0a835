// Changes to a list of items with ids (a set's spans or relations), as a set journal stores them
// (set-journal.ts): which items were put, where new ones go, which were deleted, and the order
// when it changed otherwise. `diffList` works out the delta between two saves; `applyDeltas`
// replays deltas on the list read from the set file.
import { isRecord } from '../../../shared/is-record'

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

/** Whether `v` (parsed, unchecked) has a list delta's shape; undefined (unchanged) passes. */
export function isListDelta(v: unknown): boolean {
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

function hasId(v: unknown): v is { id: string } {
  return isRecord(v) && typeof v.id === 'string'
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
