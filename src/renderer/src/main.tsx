// Renderer entry: mounts the app. Styles are plain CSS files bundled by Vite (the CSP allows only
// our own stylesheets plus inline style attributes, which React uses for computed positions).
import './global.css'
import './common/controls.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import App from './shell/app'
import { trackFocusModality } from './common/focus-modality'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
trackFocusModality()
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
