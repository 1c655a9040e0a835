// What stands in for a part of the window that threw while rendering (common/error-boundary.tsx):
// a view, in its own panel, with Try again; a dialog, with Close; or, as a last resort, the whole
// window.
import { useRef } from 'react'
import { ErrorDetails, errorText } from '../common/error-boundary'
import { Modal } from '../common/modal'
import { useFocusTabWhenGone } from './focus-tab'

/** A view that stopped: the error, what is safe, and Try again. */
export function ViewStopped(props: { name: string; error: Error; onRetry: () => void }) {
  const { name, error, onRetry } = props
  const screen = useRef<HTMLDivElement>(null)
  useFocusTabWhenGone(screen)
  return (
    <div ref={screen} className="stopped" role="alert">
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

/** A dialog that stopped: the error in a dialog of its own, and Close. */
export function DialogStopped(props: { name: string; error: Error; onClose: () => void }) {
  const { name, error, onClose } = props
  return (
    <Modal title={`${name} stopped`} onClose={onClose}>
      <div role="alert">
        <p>
          <strong>The {name} dialog stopped with an error:</strong> {errorText(error)}
        </p>
        <p>
          Your project is not affected. Close this and open the dialog again; if the error comes
          back, the details below help a bug report.
        </p>
      </div>
      <ErrorDetails error={error} />
    </Modal>
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
