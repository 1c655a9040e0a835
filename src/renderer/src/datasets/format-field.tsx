// The Format field of the export and import dialogs: a labelled <select> over main's registry of
// formats, with a hint under it saying what the chosen format writes or reads.
import type { ReactNode } from 'react'

interface FormatFieldProps<F extends string> {
  /** The form's id prefix (from `useId`); the select is `${id}-format`. */
  id: string
  formats: { name: F; label: string }[]
  value: F
  disabled: boolean
  onChange: (format: F) => void
  /** What the chosen format does, in a sentence; nothing when no format is known. */
  hint: ReactNode
}

/** The labelled format <select> with its hint; it takes the focus when the dialog opens (Modal). */
export function FormatField<F extends string>(props: FormatFieldProps<F>) {
  const { id, formats, hint } = props
  return (
    <div className="field">
      <label htmlFor={`${id}-format`}>Format</label>
      <select
        id={`${id}-format`}
        className="input"
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value as F)}
        data-autofocus
      >
        {formats.map((f) => (
          <option key={f.name} value={f.name}>
            {f.label}
          </option>
        ))}
      </select>
      {hint && (
        <span className="hint" data-testid="format-hint">
          {hint}
        </span>
      )}
    </div>
  )
}
