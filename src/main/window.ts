// The one main window, with Electron's secure defaults spelled out (contextIsolation, sandbox, no
// Node in the page, webSecurity) and every way off our origin closed: in-page navigation is
// prevented, window.open is denied, webviews cannot be attached. http(s) links the user clicks are
// handed to `onExternalLink`, which asks before opening them in the browser.
import { BrowserWindow, screen, type Rectangle } from 'electron'
import type { WindowState } from './app-state'
import { isWebUrl } from './handlers'

export interface MainWindowOptions {
  preloadFile: string
  /** Remembered bounds, or null for the default size. */
  state: WindowState | null
  /** Called with an http(s) URL the page tried to navigate to or open. */
  onExternalLink(url: string): void
}

const DEFAULT_SIZE = { width: 1280, height: 820 }

/** Creates the main window (not yet loaded) with its navigation guards installed. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { state } = options
  const placed = state && isVisible(state) ? { x: state.x, y: state.y } : {}
  const win = new BrowserWindow({
    width: state?.width ?? DEFAULT_SIZE.width,
    height: state?.height ?? DEFAULT_SIZE.height,
    ...placed,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Marginalia',
    webPreferences: {
      preload: options.preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // A middle click (auxclick) on a link opens it without a will-navigate event on some paths;
      // the page never needs it, so Blink does not deliver it at all.
      disableBlinkFeatures: 'Auxclick',
    },
  })
  if (state?.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())

  const contents = win.webContents
  contents.on('will-navigate', (event) => {
    // The page is a single-page app: any navigation is a clicked link or an attack. Never leave.
    event.preventDefault()
    if (isWebUrl(event.url)) options.onExternalLink(event.url)
  })
  contents.setWindowOpenHandler(({ url }) => {
    if (isWebUrl(url)) options.onExternalLink(url)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  return win
}

/** The window's bounds to remember (normal bounds when maximized). */
export function windowStateOf(win: BrowserWindow): WindowState {
  const b = win.isMaximized() ? win.getNormalBounds() : win.getBounds()
  return {
    x: Math.round(b.x),
    y: Math.round(b.y),
    width: Math.max(200, Math.round(b.width)),
    height: Math.max(150, Math.round(b.height)),
    maximized: win.isMaximized(),
  }
}

// A window remembered on a monitor that is gone would open off-screen: only reuse the position
// when the title bar area is on some display.
function isVisible(state: WindowState): state is WindowState & { x: number; y: number } {
  if (state.x === undefined || state.y === undefined) return false
  const titleBar: Rectangle = {
    x: state.x,
    y: state.y,
    width: Math.min(state.width, 200),
    height: 40,
  }
  return screen.getAllDisplays().some(({ workArea: a }) => intersects(a, titleBar))
}

function intersects(a: Rectangle, b: Rectangle): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}
