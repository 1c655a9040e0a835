// An editor for one attribute, generated from its schema definition: enum → select, text → text
// area, boolean → checkbox, number → number input checked against min/max. Text and numbers are
// edited as a local draft and committed on blur or after a pause, so typing a note makes a few
// undo steps rather than one per keystroke, and an invalid number never reaches the document.
import { useId } from 'react'
import type { AttributeDef, AttributeValue } from '../../../shared/model'
import { humanize, parseNumber } from './attributes'
import { DraftField } from '../common/draft-field'

interface AttributeFieldProps {
  def: AttributeDef
  value: AttributeValue | undefined
  onChange: (value: AttributeValue | undefined) => void
}

/** One labelled attribute editor. */
export function AttributeField({ def, value, onChange }: AttributeFieldProps) {
  const id = useId()
  const label = humanize(def.name)
  switch (def.type) {
    case 'enum':
      return (
        <div className="field">
          <label htmlFor={id}>{label}</label>
          <select
            id={id}
            className="input"
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => onChange(e.target.value || undefined)}
          >
            <option value="">—</option>
            {def.values.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
            {typeof value === 'string' && value && !def.values.includes(value) && (
              <option value={value}>{value} (not in schema)</option>
            )}
          </select>
        </div>
      )
    case 'boolean':
      return (
        <div className="field checkbox-field">
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            onChange={(e) => onChange(e.target.checked)}
          />
          <label htmlFor={id}>{label}</label>
        </div>
      )
    case 'text':
      return (
        <DraftField
          id={id}
          label={label}
          value={typeof value === 'string' ? value : ''}
          multiline
          commit={(raw) => onChange(raw === '' ? undefined : raw)}
        />
      )
    case 'number': {
      const range =
        def.min !== undefined || def.max !== undefined
          ? ` (${def.min ?? '…'}–${def.max ?? '…'})`
          : ''
      return (
        <DraftField
          id={id}
          label={label + range}
          value={typeof value === 'number' ? String(value) : ''}
          number={{ min: def.min, max: def.max, step: def.integer ? 1 : 'any' }}
          validate={(raw) => {
            const parsed = parseNumber(raw, def)
            return parsed.ok ? null : parsed.error
          }}
          commit={(raw) => {
            const parsed = parseNumber(raw, def)
            if (parsed.ok) onChange(parsed.value)
          }}
        />
      )
    }
  }
}
