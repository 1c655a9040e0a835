// A modal dialog on the native <dialog> element: the browser traps focus, makes the rest of the
// page inert and closes on Escape, which a div overlay would have to reimplement. Focus is placed
// and given back here, not left to the browser: it opens on the dialog's first field, and on
// closing returns to the control that had focus when it opened (or to the article when that
// control is gone). The browser's own return of focus does not happen, because React removes the
// dialog from the page rather than closing it in place.
import { useId, useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react'
import { useLatest } from './use-latest'
import './modal.css'

interface ModalProps {
  title: string
  onClose: () => void
  children: ReactNode
  /** Buttons at the bottom; a Close button is shown when none are given. */
  actions?: ReactNode
  /**
   * Where focus goes when the dialog closes: the control that had focus when it opened (default),
   * or the article (for a dialog no control opened, such as a report at the end of an import).
   */
  returnFocus?: 'opener' | 'article'
}

/** Shows `children` in a modal dialog while mounted. */
export function Modal({ title, onClose, children, actions, returnFocus = 'opener' }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const onCloseRef = useLatest(onClose)
  const returnRef = useLatest(returnFocus)

  // A layout effect, so the dialog is shown before paint and its cleanup runs while the dialog is
  // still in the page (React removes the element after layout cleanups).
  useLayoutEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const active = dialog.ownerDocument.activeElement
    const opener =
      active instanceof HTMLElement && active !== dialog.ownerDocument.body ? active : null
    if (!dialog.open) dialog.showModal()
    firstField(dialog)?.focus()
    const cancel = (e: Event) => {
      e.preventDefault()
      onCloseRef.current()
    }
    dialog.addEventListener('cancel', cancel)
    return () => {
      dialog.removeEventListener('cancel', cancel)
      if (dialog.open) dialog.close()
      giveBackFocus(returnRef, opener, dialog)
    }
  }, [onCloseRef, returnRef])

  return (
    <dialog ref={ref} className="modal" aria-labelledby={titleId}>
      <h2 id={titleId} className="modal-title">
        {title}
      </h2>
      <div className="modal-body">{children}</div>
      <div className="modal-actions">
        {actions ?? (
          <button type="button" className="button primary" onClick={onClose}>
            Close
          </button>
        )}
      </div>
    </dialog>
  )
}

const FIELDS =
  'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])'

/**
 * Where focus starts: the control marked `data-autofocus` (e.g. a result's Close button), else the
 * dialog's first control a user can reach, in page order (body before the buttons).
 */
function firstField(dialog: HTMLDialogElement): HTMLElement | null {
  const marked = dialog.querySelector<HTMLElement>('[data-autofocus]')
  if (marked && !marked.matches(':disabled')) return marked
  for (const el of dialog.querySelectorAll<HTMLElement>(FIELDS))
    if (el.getClientRects().length > 0 && !el.closest('[inert]')) return el
  return null
}

/**
 * Whether focus can go back to `el`: still in the page, shown, not inside the dialog, and not in a
 * hidden view (whose panel keeps its layout, so it still has boxes).
 */
function usable(el: HTMLElement | null, dialog: HTMLDialogElement): el is HTMLElement {
  if (!el?.isConnected || dialog.contains(el) || el.closest('[aria-hidden="true"]')) return false
  return el.getClientRects().length > 0
}

/** The article's text, where a reader's focus belongs when nothing better is left. */
function article(): HTMLElement | null {
  return document.querySelector<HTMLElement>('.ProseMirror') ?? document.querySelector('main')
}

/**
 * On closing: focus back to the opener when asked and still usable, else to the article; when the
 * article is not shown (another view is), to the opener after all, else to the shown view's tab.
 */
function giveBackFocus(
  returnTo: RefObject<'opener' | 'article'>,
  opener: HTMLElement | null,
  dialog: HTMLDialogElement,
): void {
  // The prop's latest value, as the dialog closes (it may change while the dialog is open).
  const wanted = returnTo.current === 'opener' ? [opener, article()] : [article(), opener]
  const tab = document.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')
  const target = [...wanted, tab].find((el) => usable(el, dialog))
  target?.focus({ preventScroll: true })
}
