// One document in the sidebar: a button that opens it, with its span count or an error badge. The
// list draws only the items near its viewport, each placed at its offset and measured once drawn.
import { memo } from 'react'
import type { DocumentSummary } from '../../../shared/ipc-contract'
import { plural } from '../common/plural'

interface DocumentListItemProps {
  summary: DocumentSummary
  current: boolean
  onOpen: (docId: string) => void
  /** Its place in the whole list, and the list's length (said to a screen reader). */
  index: number
  count: number
  /** Its offset from the list's top, in pixels. */
  top: number
  /** Whether it holds the list's one tab stop. */
  tabStop: boolean
  /** Measures its height once drawn. */
  measure: (element: HTMLElement | null) => void
}

/** A sidebar entry. */
export const DocumentListItem = memo(function DocumentListItem(props: DocumentListItemProps) {
  const { summary, current, onOpen } = props
  const title = summary.title.trim() || 'Untitled'
  const spans = plural(summary.spanCount, 'span')
  return (
    <li
      ref={props.measure}
      data-index={props.index}
      aria-posinset={props.index + 1}
      aria-setsize={props.count}
      style={{ transform: `translateY(${props.top}px)` }}
    >
      <button
        type="button"
        className={`document-item${current ? ' current' : ''}${summary.error ? ' broken' : ''}`}
        aria-current={current ? 'page' : undefined}
        aria-describedby={summary.error ? `doc-error-${summary.id}` : undefined}
        tabIndex={props.tabStop ? 0 : -1}
        onClick={() => onOpen(summary.id)}
        title={summary.error ? `${title}: ${summary.error}` : title}
      >
        <span className="document-item-title">{title}</span>
        {summary.error ? (
          <span className="badge error" id={`doc-error-${summary.id}`}>
            <span aria-hidden="true">!</span>
            <span className="visually-hidden">Cannot be loaded: {summary.error}</span>
          </span>
        ) : (
          <span className="document-item-meta">
            {spans}
            {summary.relationCount > 0 && ` · ${summary.relationCount} links`}
          </span>
        )}
      </button>
    </li>
  )
})
