// The screen when no project is open: create or open one, or pick a recent one; if the last
// project failed to open at start, say why first.
import './empty-state.css'

interface EmptyStateProps {
  error: string | null
  recent: string[]
  onNew: () => void
  onOpen: () => void
  onOpenRecent: (path: string) => void
}

/** The no-project screen. */
export function EmptyState({ error, recent, onNew, onOpen, onOpenRecent }: EmptyStateProps) {
  return (
    <main className="empty-state" aria-labelledby="empty-state-title">
      <div className="empty-card">
        <h1 id="empty-state-title">No project open</h1>
        {error && (
          <div className="callout error" role="alert">
            <strong>The last project could not be opened.</strong>
            <p>{error}</p>
          </div>
        )}
        <p className="lede">
          A project holds your articles, their highlights and the tagging schema, in a folder you
          choose.
        </p>
        <div className="empty-actions">
          <button type="button" className="button primary" onClick={onNew} autoFocus>
            New project…
          </button>
          <button type="button" className="button" onClick={onOpen}>
            Open project…
          </button>
        </div>
        {recent.length > 0 && (
          <section aria-labelledby="recent-title" className="recent">
            <h2 id="recent-title">Recent projects</h2>
            <ul>
              {recent.map((path) => (
                <li key={path}>
                  <button type="button" className="link-button" onClick={() => onOpenRecent(path)}>
                    <span className="recent-name">{baseName(path)}</span>
                    <span className="recent-path">{path}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </main>
  )
}

/** The last segment of a path, on any platform. */
function baseName(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean)
  return parts.at(-1) ?? path
}
