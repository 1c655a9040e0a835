// The rows of a long <table> near its scrolling pane's viewport, and the spacer rows that stand for
// the rest (@tanstack/react-virtual). Shared by the claims table and the sources table: a project's
// thousands of claims, or of sources, would otherwise be thousands of rows to lay out each time the
// view is shown, sorted or filtered. The table keeps its native semantics; the spacers are out of
// the accessibility tree.
import { useLayoutEffect, useState, type ReactNode, type RefObject } from 'react'
import { defaultRangeExtractor, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual'
import { withKept } from '../shell/list-keys'

/** The virtualizer's measuring ref, as each drawn row takes it. */
export type Measure = Virtualizer<HTMLElement, Element>['measureElement']

interface TableWindowOptions {
  count: number
  /** A stable key per row; memoise it per list of rows (a new function re-measures every row). */
  getItemKey: (index: number) => string
  /** The pane the table scrolls in. */
  scroller: RefObject<HTMLElement | null>
  /** The table's body: its offset in the pane is where the rows start. */
  body: RefObject<HTMLElement | null>
  /** A row's height before it is measured. */
  estimate: number
  /** A row always drawn (the one holding the tab stop), or null. */
  kept?: number | null
  /** Measure the body's offset again when this changes (the rows). */
  rows: unknown
}

/** The virtualizer of a table's rows, counting from the top of the table's body. */
export function useTableWindow(options: TableWindowOptions) {
  const { count, getItemKey, scroller, body, estimate, kept = null, rows } = options
  const margin = useBodyOffset(body, scroller, rows)
  // The virtualizer's functions change identity as it scrolls: callers are not memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimate,
    overscan: 6,
    scrollMargin: margin,
    getItemKey,
    rangeExtractor: (range) => withKept(defaultRangeExtractor(range), kept),
  })
  return { virtualizer, margin }
}

/**
 * The drawn rows (`draw` makes the row of an index) between spacer rows standing for the rows not
 * drawn, so the pane's scroll height is the whole table's.
 */
export function windowRows(
  virtualizer: Virtualizer<HTMLElement, Element>,
  margin: number,
  columns: number,
  draw: (index: number) => ReactNode,
): ReactNode[] {
  const drawn: ReactNode[] = []
  // The items' offsets count from the top of the pane's content, the table's rows below its header.
  let end = margin
  for (const item of virtualizer.getVirtualItems()) {
    if (item.start - end >= 1) drawn.push(spacer(`gap-${item.index}`, item.start - end, columns))
    drawn.push(draw(item.index))
    end = item.end
  }
  const rest = margin + virtualizer.getTotalSize() - end
  if (rest >= 1) drawn.push(spacer('end', rest, columns))
  return drawn
}

/** An empty row standing for `height` pixels of rows not drawn; out of the accessibility tree. */
function spacer(key: string, height: number, columns: number) {
  return (
    <tr key={key} className="claims-spacer" aria-hidden="true" style={{ height }}>
      <td colSpan={columns} />
    </tr>
  )
}

/**
 * The distance from the top of the scrolling pane's content to the table's first row, measured
 * again when the rows change (what sits above the table may have wrapped meanwhile).
 */
function useBodyOffset(
  body: RefObject<HTMLElement | null>,
  scroller: RefObject<HTMLElement | null>,
  rows: unknown,
): number {
  const [offset, setOffset] = useState(0)
  useLayoutEffect(() => {
    const pane = scroller.current
    const first = body.current
    if (!pane || !first) return
    const at = first.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop
    // A hidden view's boxes are not laid out: keep the offset measured while shown.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (at > 0 && Math.abs(at - offset) > 1) setOffset(at)
  }, [body, scroller, rows, offset])
  return offset
}
