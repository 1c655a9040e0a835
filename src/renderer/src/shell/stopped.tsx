// What stands in for a part of the window that threw while rendering (common/error-boundary.tsx):
// a view, in its own panel, with Try again; or, as a last resort, the whole window.
import { ErrorDetails, errorText } from '../common/error-boundary'

/** A view that stopped: the error, what is safe, and Try again. */
export function ViewStopped(props: { name: string; error: Error; onRetry: () => void }) {
  const { name, error, onRetry } = props
  return (
    <div className="stopped" role="alert">
      <p>
        <strong>The {name} view stopped with an error:</strong> {errorText(error)}
      </p>
      <p>
        Your project is not affected: edits are saved as you make them, and the other views still
        work. Try again shows this view anew; if the error comes back, the details below help a bug
        report.
      </p>
      <p>
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      </p>
      <ErrorDetails error={error} />
    </div>
  )
}

/**
 * The window stopped (an error outside the views: the top bar, a banner, a dialog). Edits reach
 * main within a second of being made; what was not sent is lost with the window's state, so the
 * way on is to close the window and open Marginalia again (main waits at most 3 s for a flush).
 */
export function WindowStopped({ error }: { error: Error }) {
  return (
    <main className="stopped" role="alert">
      <h1>Marginalia stopped with an error</h1>
      <p>{errorText(error)}</p>
      <p>
        Your edits are saved as you make them: everything the status showed as Saved is on disk.
        Close this window and open Marginalia again to go on; the details below help a bug report.
      </p>
      <ErrorDetails error={error} />
    </main>
  )
}
