// The claims table's filter bar: a search box over claim, source, entity and cue, a select per
// column worth narrowing by (options from the rows, with counts), and "no source only".
import { useId } from 'react'
import {
  EMPTY_FILTER,
  isEmptyFilter,
  type ClaimFilter,
  type FilterOption,
  type FilterOptions,
} from './claims-table-model'

interface ClaimsFiltersProps {
  filter: ClaimFilter
  options: FilterOptions
  /** Hide the document select (one document in scope). */
  oneDocument: boolean
  onChange: (filter: ClaimFilter) => void
}

type SelectKey = 'checkability' | 'attribution' | 'stance' | 'entity' | 'document'

const SELECTS: { key: SelectKey; label: string; any: string }[] = [
  { key: 'checkability', label: 'Checkability', any: 'Any checkability' },
  { key: 'attribution', label: 'Attribution', any: 'Any attribution' },
  { key: 'stance', label: 'Stance', any: 'Any stance' },
  { key: 'entity', label: 'Entity', any: 'Any entity' },
  { key: 'document', label: 'Document', any: 'Any document' },
]

/** Search, selects and the "no source" switch. */
export function ClaimsFilters({ filter, options, oneDocument, onChange }: ClaimsFiltersProps) {
  const id = useId()
  return (
    <div className="claims-filters" role="search" aria-label="Filter claims">
      <div className="field compact grow claims-search">
        <label htmlFor={`${id}-text`}>Search</label>
        <input
          id={`${id}-text`}
          type="search"
          className="input"
          placeholder="Claim, source, entity, cue"
          value={filter.text}
          onChange={(e) => onChange({ ...filter, text: e.target.value })}
        />
      </div>
      {SELECTS.filter((s) => !(oneDocument && s.key === 'document')).map((s) => (
        <FilterSelect
          key={s.key}
          id={`${id}-${s.key}`}
          label={s.label}
          any={s.any}
          value={filter[s.key]}
          options={options[s.key]}
          onChange={(value) => onChange({ ...filter, [s.key]: value })}
        />
      ))}
      <label className="checkbox-inline">
        <input
          type="checkbox"
          checked={filter.noSourceOnly}
          onChange={(e) => onChange({ ...filter, noSourceOnly: e.target.checked })}
        />
        No source only
      </label>
      <button
        type="button"
        className="button small"
        onClick={() => onChange(EMPTY_FILTER)}
        disabled={isEmptyFilter(filter)}
      >
        Clear filters
      </button>
    </div>
  )
}

interface FilterSelectProps {
  id: string
  label: string
  any: string
  value: string | null
  options: FilterOption[]
  onChange: (value: string | null) => void
}

function FilterSelect({ id, label, any, value, options, onChange }: FilterSelectProps) {
  // A chosen value the rows no longer have (after a reload) stays listed, so the select shows it.
  const listed = value === null || options.some((o) => o.value === value)
  return (
    <div className="field compact">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="input"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
      >
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label} ({o.count})
          </option>
        ))}
        {!listed && <option value={value}>(none now)</option>}
      </select>
    </div>
  )
}
