// The save state of the open document, announced politely to screen readers; an error stays
// visible with a Retry button until a save succeeds, its message (which file, what went wrong) in
// a banner under the top bar where there is room to read it.
// Both read the save state from its store, so a change re-renders them and nothing else.
import type { SaveState } from './autosave'
import { useStoreValue, type ValueStore } from '../common/value-store'

interface SaveStatusProps {
  store: ValueStore<SaveState>
  /** The project is read-only: said instead of the save state. */
  readOnly: boolean
  onRetry: () => void
}

/** "Saved", "Saving…", "Read-only" or the error with Retry. */
export function SaveStatus({ store, readOnly, onRetry }: SaveStatusProps) {
  const saved = useStoreValue(store)
  const state: SaveState = readOnly ? { kind: 'read-only' } : saved
  if (state.kind === 'error') {
    // The whole message (file and cause) is in the banner under the bar (SaveErrorBanner).
    return (
      <div className="save-status error" title={state.message}>
        <span className="dot" aria-hidden="true" />
        Not saved
        <button type="button" className="button small" onClick={onRetry}>
          Retry
        </button>
      </div>
    )
  }
  const text =
    state.kind === 'saved' ? 'Saved' : state.kind === 'read-only' ? 'Read-only' : 'Saving…'
  return (
    <div className={`save-status ${state.kind}`} role="status" aria-live="polite">
      <span className="dot" aria-hidden="true" />
      {text}
    </div>
  )
}

/** The failed save's whole message, with Retry, across the window under the top bar. */
export function SaveErrorBanner({
  store,
  onRetry,
}: {
  store: ValueStore<SaveState>
  onRetry: () => void
}) {
  const state = useStoreValue(store)
  if (state.kind !== 'error') return null
  const { message } = state
  return (
    <div className="notice save-error" role="alert">
      <span>
        <strong>Not saved.</strong> {message} Your latest changes are kept in this window: Retry
        once the problem is fixed.
      </span>
      <button type="button" className="button small" onClick={onRetry}>
        Retry
      </button>
    </div>
  )
}
