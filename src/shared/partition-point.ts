// The binary search every sorted index here needs: where a run of items that come before a point
// ends. Spans sorted by start, code-point tables, quotations, name mentions and removed offsets
// all ask "how many come before x?", which this answers in O(log n).

/**
 * The first index in [0, length) for which `before(i)` is false, given that `before` is true for
 * a prefix of the indexes and false after it; `length` when it is true for all.
 */
export function partitionPoint(length: number, before: (i: number) => boolean): number {
  let lo = 0
  let hi = length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (before(mid)) lo = mid + 1
    else hi = mid
  }
  return lo
}
