// Electron main: wires the pieces in order. Kept thin on purpose: the work is in the handler
// registry (handlers.ts, shared with the end-to-end harness) and the core. Ordering matters:
// `registerAppScheme` must run before `ready`, so it runs as this module is evaluated (static
// imports are evaluated first, which is fine; no top-level await on `whenReady`, which would hang
// an ESM main).
import { app, BrowserWindow, dialog, session as electronSession, shell } from 'electron'
import { EVENT_CHANNEL, type MainEvent } from '../shared/ipc-contract'
import { createElectronDialogs, createUnsavedDialogs } from './dialogs'
import { createHandlers, type HandlerContext } from './handlers'
import { isTrustedSender, registerIpc } from './ipc'
import { setupLifecycle } from './lifecycle'
import { installMenu } from './menu'
import { resolveAppPaths } from './paths'
import { createPdfPrinter } from './report-print'
import { handleAppProtocol, registerAppScheme } from './protocol'
import { APP_ENTRY_URL, isAppUrl } from './serve-renderer'
import { AppSession } from './session'
import { createMainWindow } from './window'

// A separate profile (tests, or two instances side by side) must be chosen before `ready`.
const userDataOverride = process.env['MARGINALIA_USER_DATA_DIR']
if (userDataOverride) app.setPath('userData', userDataOverride)

registerAppScheme()

if (!app.requestSingleInstanceLock()) {
  // A second Marginalia would fight the first over the project lock: hand over and leave.
  app.quit()
} else {
  app.whenReady().then(start, fatal)
}

async function start(): Promise<void> {
  const paths = resolveAppPaths()
  handleAppProtocol(paths.rendererDir)
  denyPermissions()

  let win: BrowserWindow | null = null
  const getWindow = () => (win && !win.isDestroyed() ? win : null)
  const devOrigin = paths.devServerUrl ? new URL(paths.devServerUrl).origin : null
  const isOurUrl = (url: string) =>
    isAppUrl(url) || (devOrigin !== null && originOf(url) === devOrigin)

  const ctx: HandlerContext = {
    userDataDir: paths.userDataDir,
    sampleProjectDir: paths.sampleProjectDir,
    dialogs: createElectronDialogs(getWindow),
    emit: (event: MainEvent) => getWindow()?.webContents.send(EVENT_CHANNEL, event),
    openExternal: (url) => shell.openExternal(url),
    printPdf: createPdfPrinter({
      createWindow: (options) => new BrowserWindow(options),
      session: () => electronSession.fromPartition('marginalia-report-print'),
      tempDir: app.getPath('temp'),
    }),
    appVersion: app.getVersion(),
  }
  const session = new AppSession(ctx)
  const handlers = createHandlers(ctx, session)
  registerIpc(handlers, (event) => isTrustedSender(event, getWindow(), isOurUrl))
  const lifecycle = setupLifecycle(session, getWindow, createUnsavedDialogs(getWindow))

  const openRecent = async (dir: string) => {
    try {
      if (getWindow()) await session.requestFlush()
      const snapshot = await handlers['project:open-recent']({ path: dir })
      ctx.emit({ type: 'project-changed', snapshot })
    } catch (error) {
      dialog.showErrorBox('Could not open the project', (error as Error).message)
    }
  }
  const menu = (recent: readonly string[]) =>
    installMenu({
      isMac: process.platform === 'darwin',
      isPackaged: app.isPackaged,
      recent,
      send: (command) => ctx.emit({ type: 'menu', command }),
      // openRecent() never rejects: a failure is shown in an error box.
      openRecent: (dir) => void openRecent(dir),
    })
  menu(await session.recent())
  session.onRecentChange(menu)

  const openWindow = async () => {
    win = createMainWindow({
      preloadFile: paths.preloadFile,
      state: await session.windowState(),
      onExternalLink: (url) => void handlers['shell:open-external']({ url }).catch(console.error),
    })
    lifecycle.watchWindow(win)
    let crashes = 0
    win.webContents.on('render-process-gone', (_event, details) => {
      // A crashed page reloads (its edits up to the last autosave are on disk), but not forever.
      if (details.reason === 'clean-exit' || lifecycle.quitting || ++crashes > 3) return
      getWindow()?.webContents.reload()
    })
    await win.loadURL(paths.devServerUrl ?? APP_ENTRY_URL)
  }

  app.on('second-instance', () => {
    const current = getWindow()
    if (!current) return
    if (current.isMinimized()) current.restore()
    current.focus()
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openWindow().catch(fatal)
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  await openWindow()
}

// The renderer needs no camera, microphone, notifications or the like: refuse every request.
function denyPermissions(): void {
  const ses = electronSession.defaultSession
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin
  } catch {
    return null
  }
}

function fatal(error: unknown): void {
  console.error('[marginalia] startup failed', error)
  dialog.showErrorBox(
    'Marginalia could not start',
    error instanceof Error ? error.message : String(error),
  )
  app.exit(1)
}
