// A view that throws while rendering (or in an effect) shows what happened in its own panel, with
// Try again, instead of taking the whole window down: React unmounts the whole root on an error no
// boundary catches. The top bar, the other views, autosave and main's flush requests live above
// the views (useShellState), so they keep working, and the edits made so far are saved as usual.
import { Component, type ErrorInfo, type ReactNode } from 'react'

interface ViewErrorBoundaryProps {
  /** The view's name as its tab shows it ("Claims"). */
  name: string
  children: ReactNode
}

interface ViewErrorBoundaryState {
  error: Error | null
}

/** `children`, or, once they threw, the error and a Try again that renders them anew. */
export class ViewErrorBoundary extends Component<ViewErrorBoundaryProps, ViewErrorBoundaryState> {
  state: ViewErrorBoundaryState = { error: null }

  static getDerivedStateFromError(error: unknown): ViewErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`The ${this.props.name} view stopped:`, error, info.componentStack)
  }

  render(): ReactNode {
    const { error } = this.state
    if (!error) return this.props.children
    return (
      <ViewStopped
        name={this.props.name}
        error={error}
        onRetry={() => this.setState({ error: null })}
      />
    )
  }
}

function ViewStopped(props: { name: string; error: Error; onRetry: () => void }) {
  const { name, error, onRetry } = props
  return (
    <div className="view-stopped" role="alert">
      <p>
        <strong>The {name} view stopped with an error:</strong>{' '}
        {error.message.trim() || 'no message'}
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
      <details>
        <summary>Details</summary>
        <pre>{error.stack ?? String(error)}</pre>
      </details>
    </div>
  )
}
