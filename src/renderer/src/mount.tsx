// Mounts the app (loaded by the entry, main.tsx, once it has asked main for the start-up state).
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import App from './shell/app'
import { ErrorBoundary } from './common/error-boundary'
import { WindowStopped } from './shell/stopped'
import { trackFocusModality } from './common/focus-modality'
import { preloadSplitCode } from './shell/split-code'

/** Renders the app into #root. */
export function mount(): void {
  const root = document.getElementById('root')
  if (!root) throw new Error('index.html has no #root element')
  trackFocusModality()
  // Queued before the hidden views' first renders, so their code is in by then.
  preloadSplitCode()
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary label="The window" fallback={(error) => <WindowStopped error={error} />}>
        <App />
      </ErrorBoundary>
    </StrictMode>,
  )
}
