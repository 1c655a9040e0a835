// The spans behind what was clicked in a chart: each one's text and document, a click away from
// the article at that span; and, when they are a set of claims the Claims table can filter to,
// a button that shows them there.
import type { OverviewResult } from '../../../shared/ipc-contract'
import type { ClaimsFilterHint } from '../../../shared/overview/types'
import { plural } from '../common/plural'

/** What a click in a chart picked: a title, the spans, and the claims filter when there is one. */
export interface Selection {
  chart: string
  title: string
  unit: string
  refs: number[]
  filter?: ClaimsFilterHint
}

interface SpansBehindProps {
  data: OverviewResult
  selection: Selection
  onOpenSpan: (docId: string, spanId: string) => void
  onShowClaims: (filter: ClaimsFilterHint) => void
  onClose: () => void
}

/** Most spans listed at once; the Claims table shows any number. */
const MAX_LISTED = 200

/** The list of spans behind a chart's bar, segment, node or edge. */
export function SpansBehind({
  data,
  selection,
  onOpenSpan,
  onShowClaims,
  onClose,
}: SpansBehindProps) {
  const titles = new Map(data.documents.map((d) => [d.id, d.title]))
  const refs = selection.refs.slice(0, MAX_LISTED)
  const oneDoc = data.documents.length <= 1
  return (
    <aside
      className="spans-behind"
      aria-label="Spans behind the selection"
      data-chart={selection.chart}
    >
      <div className="spans-behind-head">
        <h3>
          {selection.title}
          <span className="view-count">
            {plural(selection.refs.length, singular(selection.unit))}
          </span>
        </h3>
        <button
          type="button"
          className="button small"
          onClick={onClose}
          aria-label="Close the list"
        >
          ✕
        </button>
      </div>
      {selection.filter && (
        <button
          type="button"
          className="button small"
          onClick={() => onShowClaims(selection.filter!)}
        >
          Show in the Claims table
        </button>
      )}
      <ol className="spans-behind-list">
        {refs.map((ref) => {
          const span = data.spans[ref]
          return (
            <li key={ref}>
              <button
                type="button"
                className="span-ref"
                data-span-id={span.spanId}
                data-document-id={span.docId}
                onClick={() => onOpenSpan(span.docId, span.spanId)}
              >
                <span className="span-ref-text">{span.text}</span>
                {!oneDoc && (
                  <span className="muted span-ref-doc">{titles.get(span.docId) ?? span.docId}</span>
                )}
              </button>
            </li>
          )
        })}
      </ol>
      {selection.refs.length > refs.length && (
        <p className="muted">
          And {selection.refs.length - refs.length} more
          {selection.filter ? ': the Claims table lists them all.' : '.'}
        </p>
      )}
    </aside>
  )
}

function singular(unit: string): string {
  return unit.endsWith('s') ? unit.slice(0, -1) : unit
}
