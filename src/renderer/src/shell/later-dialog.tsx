// A dialog of the dialogs' chunk (split-code.ts), shown once its code is in. A dialog that throws
// while rendering is replaced by one that says so, with Close (`DialogStopped`), instead of the
// error stopping the whole window.
import { useState, type ReactNode } from 'react'
import { ErrorBoundary } from '../common/error-boundary'
import { Later } from '../common/later-code'
import { dialogsCode } from './split-code'
import { DialogStopped } from './stopped'

type Dialogs = typeof import('./later-dialogs')

interface LaterDialogProps {
  /** The dialog's name as the error names it ("Export"). */
  name: string
  /** Closes the dialog (its own onClose); none: closing the error only hides it. */
  onClose?: () => void
  children: (dialogs: Dialogs) => ReactNode
}

/** `children` with the dialogs' module once it is in, each behind an error boundary. */
export function LaterDialog({ name, onClose, children }: LaterDialogProps) {
  const [dismissed, setDismissed] = useState(false)
  if (dismissed) return null
  const close = () => {
    setDismissed(true)
    onClose?.()
  }
  return (
    <Later code={dialogsCode}>
      {(dialogs) => (
        <ErrorBoundary
          label={`The ${name} dialog`}
          fallback={(error) => <DialogStopped name={name} error={error} onClose={close} />}
        >
          {children(dialogs)}
        </ErrorBoundary>
      )}
    </Later>
  )
}
