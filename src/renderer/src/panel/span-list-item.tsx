// One span in the panel list: its quote (shortened) and label; activating it shows it in the article.
import { memo } from 'react'
import type { Span } from '../../../shared/model'

interface SpanListItemProps {
  span: Span
  color: string
  onShow: (spanId: string) => void
  /** A claim attributed to no source. */
  noSource?: boolean
}

const MAX_QUOTE = 140

/** A list entry that selects its span and scrolls the article to it. */
export const SpanListItem = memo(function SpanListItem({
  span,
  color,
  onShow,
  noSource,
}: SpanListItemProps) {
  const quote = span.quote.exact.replace(/\s+/g, ' ').trim()
  const short = quote.length > MAX_QUOTE ? `${quote.slice(0, MAX_QUOTE - 1)}…` : quote
  const extra = Object.entries(span.attributes)
    .filter(([k, v]) => k !== 'note' && v !== '' && v !== false)
    .map(([, v]) => String(v))
  return (
    <li>
      <button
        type="button"
        className="span-item"
        style={{ borderInlineStartColor: color }}
        onClick={() => onShow(span.id)}
      >
        <span className="span-item-quote">
          {short || '(empty)'}
          {noSource && <span className="flag-badge">No source</span>}
        </span>
        <span className="span-item-meta">
          {span.label}
          {extra.length > 0 && ` · ${extra.join(' · ')}`}
          {typeof span.attributes.note === 'string' && span.attributes.note && ' · ✎'}
        </span>
      </button>
    </li>
  )
})
