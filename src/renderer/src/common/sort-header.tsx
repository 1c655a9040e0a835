// A sortable column header: a real button inside the <th>, with `aria-sort` on the sorted column
// only (as the WAI-ARIA sortable table example does), so a screen reader announces the order.
import './sort-header.css'

/** Which way a sorted column runs. */
export type SortDirection = 'asc' | 'desc'

interface SortHeaderProps {
  label: string
  /** This column's direction when it is the sorted one, else null. */
  sorted: SortDirection | null
  onSort: () => void
  className?: string
}

/** A `<th scope="col">` whose button sorts by the column. */
export function SortHeader({ label, sorted, onSort, className }: SortHeaderProps) {
  return (
    <th
      scope="col"
      className={className}
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
    >
      <button type="button" className="sort-button" onClick={onSort}>
        {label}
        <span className="sort-indicator" aria-hidden="true">
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  )
}
