// The claims table itself: a real <table> with sortable headers and one focusable row per claim.
// Rows form one Tab stop (roving tabindex): arrows, Page Up/Down, Home and End move between them,
// Enter or a click opens the claim in the article. Only the first rows are rendered, with "Show
// more": a project's thousands of claims would otherwise be thousands of DOM rows on every filter
// keystroke, and a capped list keeps native table semantics that windowing would break.
import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { ClaimRow } from '../../../shared/claims'
import {
  CLAIM_COLUMN_NAMES,
  claimColumns,
  valueLabel,
  type ClaimColumn,
  type ClaimSort,
} from './claims-table-model'
import { SortHeader } from '../common/sort-header'

/** Rows rendered at first and added by each "Show more". */
export const PAGE_SIZE = 200

interface ClaimsTableProps {
  rows: readonly ClaimRow[]
  sort: ClaimSort
  onSort: (column: ClaimColumn) => void
  onOpen: (row: ClaimRow) => void
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
export function ClaimsTable({ rows, sort, onSort, onOpen, ...props }: ClaimsTableProps) {
  const { body, shown, current, setActive, setLimit, onKeyDown } = useRowNavigation(rows, onOpen)
  const columns = claimColumns(!!props.byAnalyst)
  return (
    <>
      <table className="claims-table">
        <caption className="visually-hidden">
          Claims. Sort with the column buttons; press Enter on a row to open it in the article.
        </caption>
        <colgroup>
          {columns.map((c) => (
            <col key={c} className={`col-${c}`} />
          ))}
        </colgroup>
        <thead>
          <tr>
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
          {shown.map((row, i) => (
            <ClaimRowView
              key={rowKey(row)}
              row={row}
              index={i}
              tabbable={i === current}
              onOpen={onOpen}
              onFocusRow={setActive}
              analyst={
                props.byAnalyst
                  ? (props.analystNames?.get(row.analyst ?? '') ?? row.analyst ?? '')
                  : null
              }
            />
          ))}
        </tbody>
      </table>
      {rows.length > shown.length && (
        <div className="claims-more">
          <span className="muted">
            Showing {shown.length} of {rows.length}
          </span>
          <button
            type="button"
            className="button small"
            onClick={() => setLimit((l) => l + PAGE_SIZE)}
          >
            Show {Math.min(PAGE_SIZE, rows.length - shown.length)} more
          </button>
          <button type="button" className="button small" onClick={() => setLimit(rows.length)}>
            Show all
          </button>
        </div>
      )}
    </>
  )
}

/**
 * The rows shown (the first `limit`) and the keyboard's roving focus among them: arrows, Page
 * Up/Down, Home and End move (showing more rows when needed), Enter or Space opens the row.
 */
function useRowNavigation(rows: readonly ClaimRow[], onOpen: (row: ClaimRow) => void) {
  const [limit, setLimit] = useState(PAGE_SIZE)
  const [active, setActive] = useState(0)
  const body = useRef<HTMLTableSectionElement>(null)
  const shown = rows.slice(0, limit)
  const current = Math.min(active, Math.max(shown.length - 1, 0))

  // Focus follows `active` only when a key moved it (focus is already inside the table).
  const pendingFocus = useRef(false)
  useEffect(() => {
    if (!pendingFocus.current) return
    pendingFocus.current = false
    body.current?.querySelectorAll<HTMLElement>('tr')[current]?.focus()
  })

  const moveTo = (i: number) => {
    const target = Math.max(0, Math.min(i, rows.length - 1))
    if (target >= limit) setLimit(Math.ceil((target + 1) / PAGE_SIZE) * PAGE_SIZE)
    setActive(target)
    pendingFocus.current = true
  }

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    if (e.target instanceof HTMLElement && e.target.tagName !== 'TR') return
    const page = 10
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: rows.length - 1,
    }
    if (e.key in moves) {
      e.preventDefault()
      moveTo(moves[e.key])
    } else if ((e.key === 'Enter' || e.key === ' ') && shown[current]) {
      e.preventDefault()
      onOpen(shown[current])
    }
  }

  return { body, shown, current, setActive, setLimit, onKeyDown }
}

interface RowProps {
  row: ClaimRow
  index: number
  tabbable: boolean
  onOpen: (row: ClaimRow) => void
  onFocusRow: (index: number) => void
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
  analyst,
}: RowProps) {
  const unsourced = row.sources.length === 0
  return (
    <tr
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
