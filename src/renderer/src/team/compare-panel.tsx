// The side panel of an overlay: every difference between the two sets, in reading order, each
// with both versions and a button that shows it in the article. Differences at the span selected
// in the article are marked, so a keyboard user reads there what the hover card tells a mouse user.
import { useEffect, useRef } from 'react'
import type { AnnotationSchema } from '../../../shared/model'
import type { CompareView, Difference } from './compare-view'
import { SIDE_UNDERLINE } from './compare-view'
import { versionText } from './disagreement-list'

interface ComparePanelProps {
  view: CompareView
  schema: AnnotationSchema
  selectedId: string | null
  onShowSpan: (spanId: string) => void
}

export function ComparePanel({ view, schema, selectedId, onShowSpan }: ComparePanelProps) {
  const { differences, sides } = view
  const list = useRef<HTMLOListElement>(null)
  useEffect(() => {
    list.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' })
  }, [selectedId])
  const counts = new Map<string, number>()
  for (const d of differences) counts.set(d.summary, (counts.get(d.summary) ?? 0) + 1)
  const layerName = (id: string | undefined) =>
    id ? (schema.layers.find((l) => l.id === id)?.name ?? id) : ''
  return (
    <section className="annotation-panel compare-panel" aria-label="Differences">
      <h2 className="compare-title">
        {differences.length === 0 ? 'No differences' : `${differences.length} differences`}
      </h2>
      <p className="muted compare-sides">
        <span className={`legend-mark ul-${SIDE_UNDERLINE.a}`} aria-hidden="true">
          abc
        </span>{' '}
        {sides.a.name} ·{' '}
        <span className={`legend-mark ul-${SIDE_UNDERLINE.b}`} aria-hidden="true">
          abc
        </span>{' '}
        {sides.b.name}
      </p>
      {counts.size > 0 && (
        <p className="muted">{[...counts].map(([what, n]) => `${n} × ${what}`).join(' · ')}</p>
      )}
      <ol className="compare-list" ref={list}>
        {differences.map((d) => (
          <DifferenceItem
            key={d.disagreement.id}
            d={d}
            view={view}
            layer={layerName(d.disagreement.layer)}
            current={selectedId !== null && d.spanIds.includes(selectedId)}
            onShowSpan={onShowSpan}
          />
        ))}
      </ol>
    </section>
  )
}

interface ItemProps {
  d: Difference
  view: CompareView
  layer: string
  current: boolean
  onShowSpan: (spanId: string) => void
}

function DifferenceItem({ d, view, layer, current, onShowSpan }: ItemProps) {
  const { disagreement } = d
  const name = (set: string) =>
    set === view.sides.a.set
      ? view.sides.a.name
      : set === view.sides.b.set
        ? view.sides.b.name
        : set
  const first = d.spanIds[0]
  return (
    <li aria-current={current ? 'true' : undefined} data-kind={disagreement.kind}>
      <div className="difference-head">
        <strong>{d.summary}</strong>
        {layer && <span className="muted"> · {layer}</span>}
        {first && (
          <button type="button" className="button small" onClick={() => onShowSpan(first)}>
            Show
          </button>
        )}
      </div>
      <dl className="difference-versions">
        {disagreement.versions.map((v) => (
          <div key={v.analyst}>
            <dt>{name(v.analyst)}</dt>
            <dd>{versionText(v)}</dd>
          </div>
        ))}
      </dl>
    </li>
  )
}
