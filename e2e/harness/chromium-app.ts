// Chromium mode of the app: the built renderer in a Chromium page, with `window.api` bound to the
// real handler registry (`createHandlers` + `dispatch`, the path ipcMain uses) over a real
// `AppSession`, writing real project folders under a temporary user-data folder. Closing it does
// what quitting main does: ask the renderer to flush, then close the project (keeping it as the one
// to reopen). Used by the e2e fixture and the renderer benchmark.
import path from 'node:path'
import type { Browser, BrowserContext, Page } from '@playwright/test'
import { createHandlers, type HandlerContext } from '../../src/main/handlers'
import { dispatch } from '../../src/main/ipc-dispatch'
import type { StorageFs } from '../../src/main/core/storage'
import { printInBrowser } from '../../src/main/core/report/report-pdf'
import { AppSession } from '../../src/main/session'
import { flushBeforeClose } from '../../src/main/unsaved-guard'
import type { Handlers, MainEvent } from '../../src/shared/ipc-contract'
import { bindApi, deliverEvent } from './bridge'
import { REPO_ROOT } from './paths'
import { APP_URL, serveRenderer } from './renderer-route'
import { ScriptedDialogs } from './scripted-dialogs'

/** The sample project main copies on first start (main's paths.ts: resources/sample-project). */
export const SAMPLE_PROJECT_DIR = path.join(REPO_ROOT, 'resources', 'sample-project')

export interface ChromiumAppOptions {
  browser: Browser
  /** The user-data folder (settings, recent projects, the sample copy); reuse it to "restart". */
  userDataDir: string
  sampleProjectDir?: string
  viewport?: { width: number; height: number }
  colorScheme?: 'light' | 'dark'
  /** Runs before the page loads (e.g. to add an init script); default none. */
  beforeLoad?: (context: BrowserContext) => Promise<void>
  /** The file system projects go through (e.g. StorageFaults' fs); Node's by default. */
  storageFs?: StorageFs
  /**
   * The page to open, served by the caller (the benchmark's own server); default APP_URL, served
   * through Playwright routes by `serveRenderer`.
   */
  url?: string
  /** Renderer files answered as not found (a damaged install), asked per request. */
  missingFile?: (relative: string) => boolean
}

export interface ChromiumApp {
  page: Page
  context: BrowserContext
  handlers: Handlers
  session: AppSession
  dialogs: ScriptedDialogs
  /** URLs the app handed to the "system browser". */
  openedExternal: string[]
  /** Channels the renderer called, in order. */
  calls: string[]
  /** Time each call spent in its handler (validation included), in call order. */
  handlerTimes: { channel: string; ms: number }[]
  /** Sends a main→renderer event, as main's menu does. */
  emit: (event: MainEvent) => Promise<void>
  /**
   * What main does when the window is asked to close (lifecycle.ts): flush, and when the last save
   * failed, ask (scripted as `askUnsaved` / `chooseCopyPath` dialogs); true when it may close.
   */
  mayClose: () => Promise<boolean>
  /** Quits as main does: flush request, close the window, close the project. */
  close: () => Promise<void>
}

/** Opens the built renderer with the real handlers, as a first start (or a restart) would. */
export async function openChromiumApp(options: ChromiumAppOptions): Promise<ChromiumApp> {
  const dialogs = new ScriptedDialogs()
  const openedExternal: string[] = []
  const calls: string[] = []
  const handlerTimes: { channel: string; ms: number }[] = []
  const context = await options.browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
  })
  const page = await context.newPage()
  const emit = (event: MainEvent) => deliverEvent(page, event)
  const ctx: HandlerContext = {
    userDataDir: options.userDataDir,
    sampleProjectDir: options.sampleProjectDir ?? SAMPLE_PROJECT_DIR,
    dialogs,
    // An event for a closed page is dropped (deliverEvent); any other failure stays unhandled,
    // which fails the test run: loud, as a harness fault should be.
    emit: (event) => void emit(event),
    openExternal: async (url) => {
      openedExternal.push(url)
    },
    // What Electron's printToPDF does in the app, done by the same Chromium with the page set-up
    // the command line prints with (report-pdf.ts): Playwright's pdf().
    printPdf: (html, paper) => printInBrowser(options.browser, html, paper),
    appVersion: 'e2e',
    storageFs: options.storageFs,
  }
  const session = new AppSession(ctx)
  const handlers = createHandlers(ctx, session)
  if (!options.url) await serveRenderer(context, undefined, options.missingFile)
  await bindApi(context, async (channel, arg) => {
    calls.push(channel)
    const start = performance.now()
    try {
      return await dispatch(handlers, channel, arg)
    } finally {
      handlerTimes.push({ channel, ms: performance.now() - start })
    }
  })
  await options.beforeLoad?.(context)
  await page.goto(options.url ?? APP_URL)

  let closed = false
  return {
    page,
    context,
    handlers,
    session,
    dialogs,
    openedExternal,
    calls,
    handlerTimes,
    emit,
    mayClose: () => flushBeforeClose(session, dialogs, 'close'),
    async close() {
      if (closed) return
      closed = true
      if (!page.isClosed()) await session.requestFlush()
      await context.close()
      await session.dispose()
    },
  }
}
