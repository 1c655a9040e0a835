// The span list's filter: by label (select) and by text (search box).
import { useId } from 'react'
import type { LabelOption, SpanFilter as Filter } from './span-groups'

interface SpanFilterProps {
  filter: Filter
  options: LabelOption[]
  onChange: (filter: Filter) => void
}

/** Label and text filter controls. */
export function SpanFilter({ filter, options, onChange }: SpanFilterProps) {
  const labelId = useId()
  const textId = useId()
  return (
    <div className="span-filter" role="search" aria-label="Filter spans">
      <div className="field compact">
        <label htmlFor={labelId}>Label</label>
        <select
          id={labelId}
          className="input"
          value={filter.label ?? ''}
          onChange={(e) => onChange({ ...filter, label: e.target.value || null })}
        >
          <option value="">All labels</option>
          {options.map((o) => (
            <option key={o.key} value={o.key}>
              {o.text}
            </option>
          ))}
        </select>
      </div>
      <div className="field compact grow">
        <label htmlFor={textId}>Find</label>
        <input
          id={textId}
          type="search"
          className="input"
          placeholder="Quote, label or note"
          value={filter.text}
          onChange={(e) => onChange({ ...filter, text: e.target.value })}
        />
      </div>
    </div>
  )
}
