// Where a render error stops. React unmounts the whole root on an error no boundary catches, which
// leaves the analyst an empty window; a boundary shows what happened in place of the part that
// threw (a view: shell/view-tabs.tsx; the window as a last resort: mount.tsx).
import { Component, type ErrorInfo, type ReactNode } from 'react'

interface ErrorBoundaryProps {
  /** What stopped, for the console ("The Claims view"). */
  label: string
  /** What stands in once `children` threw; `retry` renders them anew. */
  fallback: (error: Error, retry: () => void) => ReactNode
  children: ReactNode
}

interface ErrorBoundaryState {
  error: Error | null
}

/** `children`, or, once they threw while rendering or in an effect, `fallback`. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  state: ErrorBoundaryState = { error: null }

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`${this.props.label} stopped:`, error, info.componentStack)
  }

  render(): ReactNode {
    const { error } = this.state
    if (!error) return this.props.children
    return this.props.fallback(error, () => this.setState({ error: null }))
  }
}

/** The error's stack, folded, for a bug report. */
export function ErrorDetails({ error }: { error: Error }) {
  return (
    <details>
      <summary>Details</summary>
      <pre>{error.stack ?? String(error)}</pre>
    </details>
  )
}

/** The error's own message, or words saying it has none. */
export function errorText(error: Error): string {
  return error.message.trim() || 'no reason given'
}
