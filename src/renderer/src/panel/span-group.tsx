// One layer's spans in the panel list. Long lists render the first 200 and a "Show more" button:
// a document may hold thousands of spans, and rendering them all would slow every change.
import { useState } from 'react'
import type { SpanGroup as Group } from './span-groups'
import { SpanListItem } from './span-list-item'

const PAGE = 200

interface SpanGroupProps {
  group: Group
  filtered: boolean
  onShow: (spanId: string) => void
  /** Claims attributed to no source, flagged in the list. */
  unsourced?: ReadonlySet<string>
}

/** A layer heading with its count and its spans. */
export function SpanGroup({ group, filtered, onShow, unsourced }: SpanGroupProps) {
  const [limit, setLimit] = useState(PAGE)
  const headingId = `group-${group.layerId}`
  const count = filtered ? `${group.spans.length} of ${group.total}` : `${group.total}`
  const shown = group.spans.slice(0, limit)
  return (
    <section className="span-group" aria-labelledby={headingId}>
      <h3 id={headingId} className="group-heading">
        <span className="swatch" aria-hidden="true" style={{ background: group.color }} />
        {group.name}
        <span className="count" aria-label={`${count} spans`}>
          {count}
        </span>
      </h3>
      {shown.length > 0 ? (
        <ul className="span-items">
          {shown.map((span) => (
            <SpanListItem
              key={span.id}
              span={span}
              color={group.color}
              onShow={onShow}
              noSource={unsourced?.has(span.id)}
            />
          ))}
        </ul>
      ) : (
        <p className="muted small">{group.total === 0 ? 'None yet.' : 'None match the filter.'}</p>
      )}
      {group.spans.length > limit && (
        <button type="button" className="link-button" onClick={() => setLimit((l) => l + PAGE)}>
          Show {Math.min(PAGE, group.spans.length - limit)} more
        </button>
      )}
    </section>
  )
}
