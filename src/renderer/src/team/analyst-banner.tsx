// The analyst's name, asked once on the first start: the name every span records and whose
// annotation set this copy of Marginalia writes. Not a modal: the sample stays usable while the
// question waits, and the name can be changed later in the schema dialog.
import { useState, type SyntheticEvent } from 'react'

interface AnalystBannerProps {
  /** The proposed name (the OS user name on a first start). */
  name: string
  onConfirm: (name: string) => void
}

/** A bar under the top bar asking for the analyst's name until it is confirmed. */
export function AnalystBanner({ name, onConfirm }: AnalystBannerProps) {
  const [value, setValue] = useState(name)
  const submit = (e: SyntheticEvent) => {
    e.preventDefault()
    const trimmed = value.trim()
    if (trimmed) onConfirm(trimmed)
  }
  return (
    <section aria-label="Your analyst name">
      <form className="analyst-banner" onSubmit={submit}>
        <label htmlFor="analyst-name-input">
          Your name as an analyst: your annotations are saved under it, apart from your team&apos;s.
        </label>
        <input
          id="analyst-name-input"
          className="input"
          value={value}
          maxLength={200}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit" className="button primary" disabled={!value.trim()}>
          Save name
        </button>
      </form>
    </section>
  )
}
