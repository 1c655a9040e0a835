// All spans of the document, grouped by layer with counts and filterable by label and text.
import { memo, useMemo } from 'react'
import type { AnnotationSchema, Span } from '../../../shared/model'
import { groupSpans, labelOptions, type SpanFilter as Filter } from './span-groups'
import { SpanFilter } from './span-filter'
import { SpanGroup } from './span-group'

interface SpanListProps {
  spans: Span[]
  schema: AnnotationSchema
  filter: Filter
  onFilter: (filter: Filter) => void
  onShow: (spanId: string) => void
  /** Claims attributed to no source, flagged in the list. */
  unsourced?: ReadonlySet<string>
}

/**
 * The grouped, filtered span list; memoised, so a change elsewhere in the shell (the save state,
 * the text selection) does not redraw hundreds of list items.
 */
export const SpanList = memo(function SpanList({
  spans,
  schema,
  filter,
  onFilter,
  onShow,
  unsourced,
}: SpanListProps) {
  const groups = useMemo(() => groupSpans(spans, schema, filter), [spans, schema, filter])
  const options = useMemo(() => labelOptions(schema), [schema])
  const filtered = filter.label !== null || filter.text.trim() !== ''
  return (
    <section className="span-list" aria-labelledby="span-list-title">
      {/* Heads the layer groups (h3), as the selected span's h2 heads its sections. */}
      <h2 id="span-list-title" className="visually-hidden">
        Spans
      </h2>
      <SpanFilter filter={filter} options={options} onChange={onFilter} />
      {spans.length === 0 && (
        <p className="hint">
          Select text in the article, then press a layer's key or pick it in the palette.
        </p>
      )}
      {unsourced && unsourced.size > 0 && (
        <p className="unsourced-note" role="note">
          <span className="flag-badge">No source</span> {unsourced.size}{' '}
          {unsourced.size === 1 ? 'claim is' : 'claims are'} attributed to no source.
        </p>
      )}
      {groups.map((g) => (
        <SpanGroup
          key={g.layerId}
          group={g}
          filtered={filtered}
          onShow={onShow}
          unsourced={unsourced}
        />
      ))}
    </section>
  )
})
