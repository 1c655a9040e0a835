// A modal dialog on the native <dialog> element: the browser traps focus, makes the rest of the
// page inert, closes on Escape and returns focus to where it was, which a div overlay would have
// to reimplement.
import { useEffect, useId, useRef, type ReactNode } from 'react'
import { useLatest } from './use-latest'
import './modal.css'

interface ModalProps {
  title: string
  onClose: () => void
  children: ReactNode
  /** Buttons at the bottom; a Close button is shown when none are given. */
  actions?: ReactNode
}

/** Shows `children` in a modal dialog while mounted. */
export function Modal({ title, onClose, children, actions }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const onCloseRef = useLatest(onClose)

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (!dialog.open) dialog.showModal()
    const cancel = (e: Event) => {
      e.preventDefault()
      onCloseRef.current()
    }
    dialog.addEventListener('cancel', cancel)
    return () => {
      dialog.removeEventListener('cancel', cancel)
      if (dialog.open) dialog.close()
    }
  }, [onCloseRef])

  return (
    <dialog ref={ref} className="modal" aria-labelledby={titleId}>
      <h2 id={titleId} className="modal-title">
        {title}
      </h2>
      <div className="modal-body">{children}</div>
      <div className="modal-actions">
        {actions ?? (
          <button type="button" className="button primary" onClick={onClose} autoFocus>
            Close
          </button>
        )}
      </div>
    </dialog>
  )
}
