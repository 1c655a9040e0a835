// The claims table itself: a real <table> with sortable headers and one focusable row per claim.
// Rows form one Tab stop (roving tabindex): arrows, Page Up/Down, Home and End move between them,
// Enter or a click opens the claim in the article. Only the rows near the scrolling pane's viewport
// are drawn (a project's thousands of claims would otherwise be thousands of rows to lay out each
// time the view is shown or filtered), between two spacer rows that keep the scroll height; the
// row holding the tab stop is always drawn. The table keeps its native semantics: `aria-rowcount`
// and each row's `aria-rowindex` tell a screen reader where a row is in the whole table.
import {
  memo,
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from 'react'
import type { ClaimRow } from '../../../shared/claims'
import {
  CLAIM_COLUMN_NAMES,
  claimColumns,
  valueLabel,
  type ClaimColumn,
  type ClaimSort,
} from './claims-table-model'
import { SortHeader } from '../common/sort-header'
import { listKeyTarget } from '../shell/list-keys'
import { useTableWindow, windowRows, type Measure } from './table-window'

/** A row's height before it is measured (a claim's text is clamped to a few lines). */
const ESTIMATED_ROW_PX = 56

interface ClaimsTableProps {
  rows: readonly ClaimRow[]
  sort: ClaimSort
  onSort: (column: ClaimColumn) => void
  onOpen: (row: ClaimRow) => void
  /** The pane the table scrolls in. */
  scroller: RefObject<HTMLElement | null>
  /** Rows of several analysts: an Analyst column first. */
  byAnalyst?: boolean
  /** Set id → the analyst's name, for the Analyst column. */
  analystNames?: ReadonlyMap<string, string>
}

/** The key of a row (claim ids are unique per document and analyst only). */
export function rowKey(row: ClaimRow): string {
  return `${row.analyst ?? ''}/${row.documentId}/${row.claimId}`
}

/** The table of claims (already filtered and sorted). */
export function ClaimsTable({ rows, sort, onSort, onOpen, scroller, ...props }: ClaimsTableProps) {
  const { body, virtualizer, margin, current, setActive, onKeyDown } = useRowNavigation(
    rows,
    onOpen,
    scroller,
  )
  const columns = claimColumns(!!props.byAnalyst)
  const drawn = windowRows(virtualizer, margin, columns.length, (index) => {
    const row = rows[index]
    return (
      <ClaimRowView
        key={rowKey(row)}
        row={row}
        index={index}
        tabbable={index === current}
        onOpen={onOpen}
        onFocusRow={setActive}
        measure={virtualizer.measureElement}
        analyst={
          props.byAnalyst ? (props.analystNames?.get(row.analyst ?? '') ?? row.analyst ?? '') : null
        }
      />
    )
  })
  return (
    <table className="claims-table" aria-rowcount={rows.length + 1}>
      <caption className="visually-hidden">
        Claims. Sort with the column buttons; press Enter on a row to open it in the article.
      </caption>
      <colgroup>
        {columns.map((c) => (
          <col key={c} className={`col-${c}`} />
        ))}
      </colgroup>
      <thead>
        <tr aria-rowindex={1}>
          {columns.map((c) => (
            <SortHeader
              key={c}
              label={CLAIM_COLUMN_NAMES[c]}
              sorted={sort?.column === c ? sort.dir : null}
              onSort={() => onSort(c)}
            />
          ))}
        </tr>
      </thead>
      <tbody ref={body} onKeyDown={onKeyDown}>
        {drawn}
      </tbody>
    </table>
  )
}

/**
 * The rows near the viewport (and the one holding the tab stop), and the keyboard's roving focus:
 * arrows, Page Up/Down, Home and End move (scrolling the row into view), Enter or Space opens it.
 */
function useRowNavigation(
  rows: readonly ClaimRow[],
  onOpen: (row: ClaimRow) => void,
  scroller: RefObject<HTMLElement | null>,
) {
  const [active, setActive] = useState(0)
  const body = useRef<HTMLTableSectionElement>(null)
  const current = Math.min(active, Math.max(rows.length - 1, 0))
  // One function per list of rows: the virtualizer measures every row again (10,000 keys built and
  // looked up) whenever this function is a new one, which was on every render: each scroll step,
  // and each show of the view.
  const getItemKey = useCallback((i: number) => rowKey(rows[i]), [rows])
  const { virtualizer, margin } = useTableWindow({
    count: rows.length,
    getItemKey,
    scroller,
    body,
    estimate: ESTIMATED_ROW_PX,
    kept: current,
    rows,
  })
  const focusNext = useFocusAfterRender(body)

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    if (e.target instanceof HTMLElement && e.target.tagName !== 'TR') return
    const target = listKeyTarget(e.key, current, rows.length)
    if (target !== null) {
      e.preventDefault()
      setActive(target)
      virtualizer.scrollToIndex(target)
      focusNext(target)
    } else if ((e.key === 'Enter' || e.key === ' ') && rows[current]) {
      e.preventDefault()
      onOpen(rows[current])
    }
  }

  return { body, virtualizer, margin, current, setActive, onKeyDown }
}

/** Focuses row `index` once it is drawn (it may be scrolled to first). */
function useFocusAfterRender(body: RefObject<HTMLElement | null>): (index: number) => void {
  const pending = useRef<number | null>(null)
  useLayoutEffect(() => {
    if (pending.current === null) return
    const row = body.current?.querySelector<HTMLElement>(`tr[data-index="${pending.current}"]`)
    if (!row) return
    pending.current = null
    row.focus({ preventScroll: true })
  })
  return (index) => {
    pending.current = index
  }
}

interface RowProps {
  row: ClaimRow
  index: number
  tabbable: boolean
  onOpen: (row: ClaimRow) => void
  onFocusRow: (index: number) => void
  measure: Measure
  /** The Analyst cell's text; null: no such column. */
  analyst: string | null
}

/** One claim's row; memoised so moving focus re-renders two rows, not all of them. */
const ClaimRowView = memo(function ClaimRowView({
  row,
  index,
  tabbable,
  onOpen,
  onFocusRow,
  measure,
  analyst,
}: RowProps) {
  const unsourced = row.sources.length === 0
  return (
    <tr
      ref={measure}
      data-index={index}
      aria-rowindex={index + 2}
      tabIndex={tabbable ? 0 : -1}
      className={unsourced ? 'claim-row no-source' : 'claim-row'}
      data-claim-id={row.claimId}
      data-document-id={row.documentId}
      onClick={() => onOpen(row)}
      onFocus={() => onFocusRow(index)}
    >
      {analyst !== null && <td className="cell-analyst">{analyst}</td>}
      <td className="cell-claim">
        <span className="clamp" title={row.claimText}>
          {row.claimText}
        </span>
      </td>
      <td>
        {unsourced ? (
          <span className="badge-warn">No source</span>
        ) : (
          <Lines values={row.sources.map((s) => s.text)} />
        )}
      </td>
      <td>
        <Lines values={row.sources.map((s) => s.entityName)} />
      </td>
      <td>
        <Lines values={row.cues.map((c) => c.text)} />
      </td>
      <td>
        <Lines values={row.sources.map((s) => s.attribution && valueLabel(s.attribution))} />
      </td>
      <td>
        <Lines values={row.sources.map((s) => s.stance && valueLabel(s.stance))} />
      </td>
      <td>
        {row.sentiments.length === 0 ? (
          <Empty />
        ) : (
          <ul className="cell-lines">
            {row.sentiments.map((s) => (
              <li key={s.spanId} title={s.text}>
                <span className={`polarity polarity-${s.polarity ?? 'unset'}`}>
                  {s.polarity ? valueLabel(s.polarity) : 'not set'}
                </span>
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>
        {row.checkability ? (
          <span className={`check check-${row.checkability}`}>{valueLabel(row.checkability)}</span>
        ) : (
          <Empty />
        )}
      </td>
      <td>
        <span className="clamp clamp-2" title={row.documentTitle}>
          {row.documentTitle || row.documentId}
        </span>
      </td>
    </tr>
  )
})

/** One value per line (one per source, so the columns of a multi-source claim line up). */
function Lines({ values }: { values: (string | null)[] }) {
  if (values.every((v) => !v)) return <Empty />
  if (values.length === 1) return <>{values[0]}</>
  return (
    <ul className="cell-lines">
      {values.map((v, i) => (
        <li key={i}>{v || <Empty />}</li>
      ))}
    </ul>
  )
}

function Empty() {
  return (
    <span className="muted">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">none</span>
    </span>
  )
}
