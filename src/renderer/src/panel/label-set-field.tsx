// One label set of the document: a select when one value may be chosen, checkboxes when several.
import { useId } from 'react'
import type { LabelSet } from '../../../shared/model'

export interface LabelSetFieldProps {
  set: LabelSet
  chosen: string[]
  onChoose: (value: string, checked: boolean) => void
}

/** The editor of one label set. */
export function LabelSetField({ set, chosen, onChoose }: LabelSetFieldProps) {
  const id = useId()
  if (!set.multiple) {
    return (
      <div className="field">
        <label htmlFor={id}>{set.name}</label>
        <select
          id={id}
          className="input"
          value={chosen[0] ?? ''}
          onChange={(e) => onChoose(e.target.value, true)}
        >
          <option value="">—</option>
          {set.values.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </div>
    )
  }
  return (
    <fieldset className="field checkbox-group">
      <legend>{set.name}</legend>
      {set.values.map((v) => (
        <label key={v} className="checkbox-field">
          <input
            type="checkbox"
            checked={chosen.includes(v)}
            onChange={(e) => onChoose(v, e.target.checked)}
          />
          {v}
        </label>
      ))}
    </fieldset>
  )
}
