// A small horizontal bar of a "value → count" mix (checkability, sentiment), one coloured segment
// per value, with the counts in words for screen readers and as a tooltip. Plain CSS widths: a
// chart library would add weight for what is a row of coloured boxes.
import { describeMix, mixSegments } from './source-summary-model'

interface MixBarProps {
  mix: Record<string, number>
  /** What is counted, for the accessible name ("Checkability"). */
  label: string
}

/** The mix as a bar and a legend of counts. */
export function MixBar({ mix, label }: MixBarProps) {
  const segments = mixSegments(mix)
  const words = describeMix(mix)
  if (segments.length === 0) return <span className="muted">—</span>
  return (
    <div className="mix" title={`${label}: ${words}`}>
      <div className="mix-bar" role="img" aria-label={`${label}: ${words}`}>
        {segments.map((s) => (
          <span
            key={s.value}
            className="mix-segment"
            style={{ width: `${s.fraction * 100}%`, background: s.color }}
          />
        ))}
      </div>
      <ul className="mix-legend" aria-hidden="true">
        {segments.map((s) => (
          <li key={s.value}>
            <span className="mix-dot" style={{ background: s.color }} />
            {s.value.replace(/_/g, ' ')} {s.count}
          </li>
        ))}
      </ul>
    </div>
  )
}
