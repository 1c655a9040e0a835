// Renderer entry: asks main for the start-up state (`app:init`, then the document the project
// opens on: shell/start-loads.ts) before anything else, then loads the app itself (mount.tsx, most
// of the page's script), so main reads while the app's code is fetched and compiled. Styles are
// plain CSS files bundled by Vite (the CSP allows only our own stylesheets plus inline style
// attributes, which React uses for computed positions).
import './global.css'
import './common/controls.css'
import { openStorage } from './shell/last-document'
import { startInit } from './shell/start-loads'

void startInit(window.api)
const app = import('./mount')
openStorage()
void app.then(
  ({ mount }) => mount(),
  (error: unknown) => {
    console.error(error)
    document.body.textContent = `Marginalia could not start: ${String(error)}`
  },
)
