// The table a claims view draws. Drawing a new table (a first show, or one loaded while the other
// view was on show) is the costly part of showing the view: filtering, sorting and counting its
// thousands of claims, and laying out its rows. Done in the click that shows the view, it held that
// click's frame (75 ms at the 95th percentile on 20,000 spans). So the view first shows the table
// it drew last, marked as loading, and draws the new one when React has time, after the frame.
import { useDeferredValue } from 'react'

/**
 * `table` as the view should draw it now: the one it drew last while a newer one waits to be drawn
 * (`catchingUp`: show the view as loading meanwhile, as while main is asked for a table).
 */
export function useDrawnTable<T>(table: T): { drawn: T; catchingUp: boolean } {
  const drawn = useDeferredValue(table)
  return { drawn, catchingUp: drawn !== table }
}
