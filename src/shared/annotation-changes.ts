// What autosave sends after the first save of a document: the spans an edit added, changed or
// removed, not the whole set. Why: sending a set of 20,000 spans costs the renderer a structured
// clone (and, in the test harness, a serialisation) of every span on its main thread about a second
// after each edit, a task of tens of milliseconds while the analyst may be tagging again; an edit
// changes one span. Main holds the set it last received (its "base", named by a token it hands
// out), applies the changes to it and saves the result exactly as it would save the whole set.
//
// Both sides keep spans in the stored order (`compareSpans`), so the applied set equals, span for
// span and in order, the set the renderer holds: `applyChanges(prev, changesBetween(prev, next))`
// is `next` whenever `next` is in stored order with distinct ids (the editor's `annotationsOf`).
import type { Annotations, Span } from './model'

/** The stored order of spans: by start, then end, then id. */
export function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/**
 * The changes from one version of a set to the next. Everything but the spans (relations, document
 * labels, rejected suggestions: small) travels whole in `annotations`, whose `spans` are only the
 * spans added or changed.
 */
export interface AnnotationChanges {
  /** The token of the version these changes apply to, as main gave it. */
  base: string
  /** Ids of the spans removed. */
  removed: string[]
  /** How many spans the set has after the changes: both sides must agree, or nothing is applied. */
  count: number
  annotations: Annotations
}

/**
 * The changes that turn `prev` into `next`. A span counts as changed when it is not the very same
 * object as before (spans are immutable in the editor, so an unchanged span keeps its object): a
 * span rebuilt with equal fields is sent again, which costs a little and is never wrong.
 */
export function changesBetween(
  prev: Annotations,
  next: Annotations,
  base: string,
): AnnotationChanges {
  const { put, removed } =
    changesInOrder(prev.spans, next.spans) ?? changesByIds(prev.spans, next.spans)
  const annotations: Annotations = { ...next, spans: put }
  return { base, removed, count: next.spans.length, annotations }
}

interface SpanChanges {
  put: Span[]
  removed: string[]
}

/**
 * One walk through two lists in stored order (what the editor hands autosave), comparing objects
 * where they are the same and spans' order where they are not: no map of 20,000 ids per save.
 * Null when either list is out of order.
 */
function changesInOrder(before: readonly Span[], after: readonly Span[]): SpanChanges | null {
  const put: Span[] = []
  const gone: Span[] = []
  let i = 0
  let j = 0
  while (i < before.length || j < after.length) {
    const a = before[i]
    const b = after[j]
    if (
      (i > 0 && a && compareSpans(before[i - 1], a) >= 0) ||
      (j > 0 && b && compareSpans(after[j - 1], b) >= 0)
    )
      return null
    if (a === b) {
      i++
      j++
      continue
    }
    const order = a === undefined ? 1 : b === undefined ? -1 : compareSpans(a, b)
    if (order < 0) gone.push(before[i++])
    else {
      put.push(after[j++])
      if (order === 0) i++ // the same span, changed in place
    }
  }
  // A span that moved is gone from its old place and put at its new one: it was not removed.
  const moved = new Set(put.map((span) => span.id))
  return { put, removed: gone.filter((span) => !moved.has(span.id)).map((span) => span.id) }
}

/** The same for lists in any order, through a map of the earlier one's spans by id. */
function changesByIds(before: readonly Span[], after: readonly Span[]): SpanChanges {
  const earlier = new Map<string, Span>()
  for (const span of before) earlier.set(span.id, span)
  const put: Span[] = []
  for (const span of after) {
    if (earlier.get(span.id) !== span) put.push(span)
    earlier.delete(span.id)
  }
  return { put, removed: [...earlier.keys()] }
}

/**
 * `base` with `changes` applied, spans in stored order; null when they do not fit it (a removed
 * span it does not have, or a different count): the sender then sends the whole set.
 */
export function applyChanges(base: Annotations, changes: AnnotationChanges): Annotations | null {
  const put = changes.annotations.spans
  const putIds = new Set(put.map((span) => span.id))
  if (putIds.size !== put.length) return null
  const removedIds = new Set(changes.removed)
  const spans: Span[] = []
  let removed = 0
  for (const span of base.spans) {
    if (removedIds.has(span.id)) removed++
    else if (!putIds.has(span.id)) spans.push(span)
  }
  // Every removed id was there once and is not also put.
  if (removed !== changes.removed.length || removed !== removedIds.size) return null
  for (const id of removedIds) if (putIds.has(id)) return null
  for (const span of put) spans.push(span)
  if (spans.length !== changes.count) return null
  // Mostly in order already (the base is, and few spans are new): the sort is nearly linear.
  spans.sort(compareSpans)
  return { ...changes.annotations, spans }
}
