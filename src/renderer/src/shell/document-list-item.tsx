// One document in the sidebar: a button that opens it, with its span count or an error badge.
import type { DocumentSummary } from '../../../shared/ipc-contract'
import { plural } from '../common/plural'

interface DocumentListItemProps {
  summary: DocumentSummary
  current: boolean
  onOpen: (docId: string) => void
}

/** A sidebar entry. */
export function DocumentListItem({ summary, current, onOpen }: DocumentListItemProps) {
  const title = summary.title.trim() || 'Untitled'
  const spans = plural(summary.spanCount, 'span')
  return (
    <li>
      <button
        type="button"
        className={`document-item${current ? ' current' : ''}${summary.error ? ' broken' : ''}`}
        aria-current={current ? 'page' : undefined}
        aria-describedby={summary.error ? `doc-error-${summary.id}` : undefined}
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
}
