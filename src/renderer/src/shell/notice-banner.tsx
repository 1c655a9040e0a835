// A dismissible error message for actions that failed (opening a project, exporting, …).
interface NoticeBannerProps {
  message: string
  onDismiss: () => void
}

/** An alert banner at the top of the window. */
export function NoticeBanner({ message, onDismiss }: NoticeBannerProps) {
  return (
    <div className="notice" role="alert">
      <span>{message}</span>
      <button
        type="button"
        className="button small"
        onClick={onDismiss}
        aria-label="Dismiss message"
      >
        ×
      </button>
    </div>
  )
}
