// Where a key moves the focus in a long list whose items are not all in the DOM (the document
// list draws only those near its viewport): one tab stop for the whole list, and the arrows, Home,
// End, Page Up and Page Down to move within it, as in a file manager's list.

/** Items a Page Up or Page Down moves by. */
export const PAGE_ITEMS = 10

/** The index `key` moves the focus to from `index` in a list of `count`; null for other keys. */
export function listKeyTarget(key: string, index: number, count: number): number | null {
  if (count === 0) return null
  const last = count - 1
  const clamp = (i: number) => Math.max(0, Math.min(last, i))
  switch (key) {
    case 'ArrowDown':
      return clamp(index + 1)
    case 'ArrowUp':
      return clamp(index - 1)
    case 'Home':
      return 0
    case 'End':
      return last
    case 'PageDown':
      return clamp(index + PAGE_ITEMS)
    case 'PageUp':
      return clamp(index - PAGE_ITEMS)
    default:
      return null
  }
}

/**
 * The indexes to draw: the range near the viewport, plus the item holding the tab stop, so the
 * focus (or the next Tab into the list) never lands on an item that is not there. Sorted.
 */
export function withKept(range: readonly number[], kept: number | null): number[] {
  if (kept === null || kept < 0 || range.includes(kept)) return [...range]
  return [...range, kept].sort((a, b) => a - b)
}
