// A thin bar above the article: the "Show all links" switch, the suggestions' controls, the source
// registry, the schema, and the last linking message (why a drop or a click could not make a
// link), announced politely.
import type { ReactNode } from 'react'

interface ArticleToolbarProps {
  showAll: boolean
  onShowAll: (on: boolean) => void
  message: string | null
  onDismissMessage: () => void
  onOpenRegistry?: () => void
  onOpenSchema?: () => void
  /** The suggestions' switch and count (suggestions/suggestion-controls). */
  suggestions?: ReactNode
}

/** The article toolbar. */
export function ArticleToolbar(props: ArticleToolbarProps) {
  return (
    <div className="article-toolbar" role="toolbar" aria-label="Article">
      <p className="link-message" role="status">
        {props.message && (
          <>
            {props.message}{' '}
            <button type="button" className="link-button" onClick={props.onDismissMessage}>
              Dismiss
            </button>
          </>
        )}
      </p>
      <label
        className="toggle"
        title="Draw every link of the document, not only the selected span's"
      >
        <input
          type="checkbox"
          role="switch"
          checked={props.showAll}
          onChange={(e) => props.onShowAll(e.target.checked)}
        />
        Show all links
      </label>
      {props.suggestions}
      {props.onOpenRegistry && (
        <button type="button" className="button small" onClick={props.onOpenRegistry}>
          Source registry…
        </button>
      )}
      {props.onOpenSchema && (
        <button type="button" className="button small" onClick={props.onOpenSchema}>
          Schema…
        </button>
      )}
    </div>
  )
}
