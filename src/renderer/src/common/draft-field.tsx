// A text area or number input edited as a local draft and committed on blur, on Enter (inputs) or
// after a pause, so typing makes a few undo steps rather than one per keystroke, and an invalid
// number never reaches the document.
import { useEffect, useRef, useState } from 'react'
import { useLatest } from './use-latest'

const COMMIT_AFTER_MS = 600

export interface DraftFieldProps {
  id: string
  label: string
  value: string
  commit: (raw: string) => void
  validate?: (raw: string) => string | null
  multiline?: boolean
  number?: { min?: number; max?: number; step: number | 'any' }
}

/** A text area or number input that commits its draft on blur, Enter (inputs) or a pause. */
export function DraftField({
  id,
  label,
  value,
  commit,
  validate,
  multiline,
  number,
}: DraftFieldProps) {
  const [draft, setDraft] = useState(value)
  const focused = useRef(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  // A delayed commit must use the span as it is then (another field may have changed it since).
  const latest = useLatest({ value, commit })
  const error = validate?.(draft) ?? null
  const errorId = `${id}-error`

  // Follow the document (undo, another edit) unless the user is typing here.
  useEffect(() => {
    if (!focused.current) setDraft(value)
  }, [value])

  const flush = (raw: string) => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    if (raw !== latest.current.value && !validate?.(raw)) latest.current.commit(raw)
  }
  // Leaving the field mid-pause (span deselected) still keeps what was typed.
  const draftRef = useLatest(draft)
  const flushRef = useLatest(flush)
  useEffect(() => () => flushRef.current(draftRef.current), [draftRef, flushRef])

  const change = (raw: string) => {
    setDraft(raw)
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => flush(raw), COMMIT_AFTER_MS)
  }
  const common = {
    id,
    className: 'input',
    value: draft,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    onFocus: () => {
      focused.current = true
    },
    onBlur: () => {
      focused.current = false
      flush(draft)
      if (validate?.(draft)) setDraft(value)
    },
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => change(e.target.value)} />
      ) : (
        <input
          {...common}
          type="number"
          inputMode="decimal"
          min={number?.min}
          max={number?.max}
          step={number?.step}
          onChange={(e) => change(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && flush(draft)}
        />
      )}
      {error && (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      )}
    </div>
  )
}
