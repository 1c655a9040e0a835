// The save state of the open document, announced politely to screen readers; an error stays
// visible with its message and a Retry button until a save succeeds.
import type { SaveState } from './autosave'

interface SaveStatusProps {
  state: SaveState
  onRetry: () => void
}

/** "Saved", "Saving…" or the error with Retry. */
export function SaveStatus({ state, onRetry }: SaveStatusProps) {
  if (state.kind === 'error') {
    return (
      <div className="save-status error" role="alert">
        <span className="dot" aria-hidden="true" />
        <span className="save-error-text" title={state.message}>
          Not saved: {state.message}
        </span>
        <button type="button" className="button small" onClick={onRetry}>
          Retry
        </button>
      </div>
    )
  }
  const text = state.kind === 'saved' ? 'Saved' : 'Saving…'
  return (
    <div className={`save-status ${state.kind}`} role="status" aria-live="polite">
      <span className="dot" aria-hidden="true" />
      {text}
    </div>
  )
}
