// Mounts the app (loaded by the entry, main.tsx, once it has asked main for the start-up state).
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import App from './shell/app'
import { trackFocusModality } from './common/focus-modality'

/** Renders the app into #root. */
export function mount(): void {
  const root = document.getElementById('root')
  if (!root) throw new Error('index.html has no #root element')
  trackFocusModality()
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
