// A dismissible error message for actions that failed (opening a project, exporting, …).
import { useRef } from 'react'
import { useFocusTabWhenGone } from './focus-tab'

interface NoticeBannerProps {
  message: string
  /** A button beside the message that acts on it (e.g. Try again). */
  action?: { label: string; onAction: () => void }
  onDismiss: () => void
}

/** An alert banner at the top of the window. */
export function NoticeBanner({ message, action, onDismiss }: NoticeBannerProps) {
  const banner = useRef<HTMLDivElement>(null)
  useFocusTabWhenGone(banner)
  return (
    <div ref={banner} className="notice" role="alert">
      <span>{message}</span>
      <span className="notice-actions">
        {action && (
          <button type="button" className="button small" onClick={action.onAction}>
            {action.label}
          </button>
        )}
        <button
          type="button"
          className="button small"
          onClick={onDismiss}
          aria-label="Dismiss message"
        >
          ×
        </button>
      </span>
    </div>
  )
}
