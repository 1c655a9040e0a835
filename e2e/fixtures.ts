// One fixture, two ways to run the app, so every spec is written once:
//  - `electron`: the built app through Playwright's `_electron` (skipped where no binary exists);
//  - `chromium`: the built renderer in Debian's Chromium with `window.api` bound to the real
//    handler registry (see harness/chromium-app.ts).
// Each test gets a fresh user-data folder in the OS temp dir, i.e. a first start.
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { test as base, expect, type Browser, type Page } from '@playwright/test'
import type { MainEvent } from '../src/shared/ipc-contract'
import { launchChromium } from './harness/chromium'
import { openChromiumApp, type ChromiumApp } from './harness/chromium-app'
import { findElectron, openElectronApp, type ElectronAppHandle } from './harness/electron-app'
import type { DialogKind, DialogResults } from './harness/scripted-dialogs'
import { StorageFaults } from './harness/storage-faults'

export type AppMode = 'chromium' | 'electron'

/** The running app, whichever mode runs it. */
export interface AppDriver {
  readonly mode: AppMode
  /** The app's window; a new one after `restart()`. */
  readonly page: Page
  /** The user-data folder (settings, the sample copy), kept across restarts. */
  readonly userDataDir: string
  /** Scripts what the next dialog of `kind` returns (unscripted dialogs are cancelled). */
  nextDialog<K extends DialogKind>(kind: K, result: DialogResults[K]): Promise<void>
  /** Sends a main→renderer event (a menu command, a flush request). */
  emit(event: MainEvent): Promise<void>
  /**
   * Quits (flushing pending saves) and starts again on the same user-data folder; `between` runs
   * after the quit and before the start (e.g. to make the project's folder unwritable).
   */
  restart(between?: () => void | Promise<void>): Promise<void>
  /** Uncaught errors thrown in the page so far. */
  readonly pageErrors: Error[]
  /**
   * Chromium mode only (null in Electron mode): makes the projects' writes fail under a folder,
   * as a full disk or a read-only folder would; kept across restarts.
   */
  readonly faults: StorageFaults | null
  /** Chromium mode only: what main does when the window is closed (see ChromiumApp.mayClose). */
  mayClose(): Promise<boolean>
  /**
   * Chromium mode only (null in Electron mode): renderer files answered as not found, as in a
   * damaged install, matched against their path (e.g. /assets/claims-views-….js); asked per
   * request and kept across restarts.
   */
  readonly missingFiles: RegExp[] | null
  /**
   * Chromium mode only (null in Electron mode): scripts run in the page before its own, from the
   * next restart on (fault injection: a browser function made to fail); kept across restarts.
   */
  readonly initScripts: string[] | null
}

interface Running {
  page: Page
  userDataDir: string
  nextDialog: AppDriver['nextDialog']
  emit: AppDriver['emit']
  mayClose?: () => Promise<boolean>
  close(): Promise<void>
}

export const test = base.extend<
  { app: AppDriver },
  { appMode: AppMode; chromiumBrowser: Browser | null }
>({
  appMode: ['chromium', { option: true, scope: 'worker' }],
  chromiumBrowser: [
    async ({ appMode }, use) => {
      if (appMode !== 'chromium') return use(null)
      const browser = await launchChromium()
      await use(browser)
      await browser.close()
    },
    { scope: 'worker' },
  ],

  app: async ({ appMode, chromiumBrowser, colorScheme }, use, testInfo) => {
    let electronPath = ''
    if (appMode === 'electron') {
      const found = findElectron()
      if ('reason' in found) {
        testInfo.skip(true, `Electron binary not available: ${found.reason}`)
        return
      }
      electronPath = found.path
    }
    const tempRoot = await mkdtemp(path.join(os.tmpdir(), 'marginalia-e2e-'))
    const pageErrors: Error[] = []
    const faults = appMode === 'chromium' ? new StorageFaults() : null
    const missingFiles: RegExp[] | null = appMode === 'chromium' ? [] : null
    const initScripts: string[] | null = appMode === 'chromium' ? [] : null

    const start = async (): Promise<Running> => {
      let running: Running
      if (appMode === 'electron') {
        const e: ElectronAppHandle = await openElectronApp(electronPath, tempRoot)
        running = e
        if (colorScheme === 'dark') await e.page.emulateMedia({ colorScheme: 'dark' })
      } else {
        const c: ChromiumApp = await openChromiumApp({
          browser: chromiumBrowser!,
          userDataDir: path.join(tempRoot, 'user-data'),
          colorScheme: colorScheme === 'dark' ? 'dark' : 'light',
          storageFs: faults?.fs,
          missingFile: (relative) => !!missingFiles?.some((pattern) => pattern.test(relative)),
          beforeLoad: async (context) => {
            for (const script of initScripts ?? []) await context.addInitScript(script)
          },
        })
        running = {
          page: c.page,
          userDataDir: path.join(tempRoot, 'user-data'),
          nextDialog: async (kind, result) => c.dialogs.next(kind, result),
          emit: c.emit,
          mayClose: c.mayClose,
          close: c.close,
        }
      }
      running.page.on('pageerror', (error) => pageErrors.push(error))
      return running
    }

    let running = await start()
    const driver: AppDriver = {
      mode: appMode,
      get page() {
        return running.page
      },
      get userDataDir() {
        return running.userDataDir
      },
      nextDialog: (kind, result) => running.nextDialog(kind, result),
      emit: (event) => running.emit(event),
      async restart(between) {
        await running.close()
        await between?.()
        running = await start()
      },
      pageErrors,
      faults,
      missingFiles,
      initScripts,
      mayClose: () => {
        if (!running.mayClose) throw new Error('mayClose: Chromium mode only')
        return running.mayClose()
      },
    }

    await use(driver)
    faults?.clear()

    await running.close()
    if (testInfo.status === testInfo.expectedStatus) {
      await rm(tempRoot, { recursive: true, force: true })
    } else {
      console.log(`[e2e] kept the failed test's folder: ${tempRoot}`)
    }
    expect(
      pageErrors.map((e) => e.message),
      'uncaught errors in the renderer',
    ).toEqual([])
  },
})

/**
 * A new, empty folder for the files a test writes or reads (exports, imports, copies), inside the
 * test's own output folder. Playwright empties `test-results/` when a run starts, so nothing piles
 * up in the system's temp folder, and a failed test's files stay beside its trace. Call it from
 * within a test (it reads `test.info()`).
 */
export async function scratchFolder(prefix: string): Promise<string> {
  const parent = test.info().outputPath()
  await mkdir(parent, { recursive: true })
  return mkdtemp(path.join(parent, `${prefix}-`))
}

export { expect }
