// A fieldset of radio buttons, one per option: the dataset dialogs ask several either/or
// questions (scope, output, source, what to do with unknown labels) the same way.
import type { ReactNode } from 'react'
import './radio-group.css'

export interface RadioOption<T extends string> {
  value: T
  label: ReactNode
  disabled?: boolean
  /** Class of the label text, e.g. `ellipsis` for a long document title. */
  labelClassName?: string
}

/** Radio buttons named `name`, one per option, with `value` checked. */
export function RadioGroup<T extends string>(props: {
  legend: string
  name: string
  value: T
  options: RadioOption<T>[]
  onChange: (value: T) => void
  disabled?: boolean
  className?: string
}): React.JSX.Element {
  return (
    <fieldset
      className={props.className ? `radio-group ${props.className}` : 'radio-group'}
      disabled={props.disabled}
    >
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label className="radio" key={option.value}>
          <input
            type="radio"
            name={props.name}
            checked={props.value === option.value}
            disabled={option.disabled}
            onChange={() => props.onChange(option.value)}
          />
          <span className={option.labelClassName}>{option.label}</span>
        </label>
      ))}
    </fieldset>
  )
}
