// Electron mode of the app: the built main process launched through Playwright's `_electron`, on
// machines where an Electron binary exists. Dialogs are scripted by replacing Electron's `dialog`
// functions inside main with ones that answer from a queue, so the same specs drive both modes.
import { createRequire } from 'node:module'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { _electron, type ElectronApplication, type Page } from '@playwright/test'
import { EVENT_CHANNEL, type MainEvent } from '../../src/shared/ipc-contract'
import { MAIN_ENTRY, REPO_ROOT } from './paths'
import type { DialogKind, DialogResults } from './scripted-dialogs'

/** The Electron binary to launch, or why there is none. */
export function findElectron(): { path: string } | { reason: string } {
  const fromEnv = process.env.ELECTRON_PATH
  if (fromEnv) {
    return existsSync(fromEnv) ? { path: fromEnv } : { reason: `ELECTRON_PATH=${fromEnv} missing` }
  }
  const dist = path.join(REPO_ROOT, 'node_modules', 'electron', 'dist')
  if (!existsSync(dist)) return { reason: `${dist} does not exist (binary not downloaded)` }
  try {
    // The electron package exports the binary's path and throws when it was not installed.
    const binary = createRequire(import.meta.url)('electron') as unknown
    if (typeof binary === 'string' && existsSync(binary)) return { path: binary }
    return { reason: `require('electron') gave ${String(binary)}, which does not exist` }
  } catch (error) {
    return { reason: `require('electron') failed: ${(error as Error).message}` }
  }
}

export interface ElectronAppHandle {
  app: ElectronApplication
  page: Page
  userDataDir: string
  nextDialog<K extends DialogKind>(kind: K, result: DialogResults[K]): Promise<void>
  emit(event: MainEvent): Promise<void>
  close(): Promise<void>
}

/**
 * Launches the built app with its user data under `configHome` (main honours
 * MARGINALIA_USER_DATA_DIR on every platform; XDG_CONFIG_HOME keeps Chromium's own Linux files
 * there too); the actual folder is asked of the running app.
 */
export async function openElectronApp(
  executablePath: string,
  configHome: string,
): Promise<ElectronAppHandle> {
  const app = await _electron.launch({
    executablePath,
    args: [MAIN_ENTRY, '--no-sandbox'],
    cwd: REPO_ROOT,
    env: {
      ...(process.env as Record<string, string>),
      XDG_CONFIG_HOME: configHome,
      MARGINALIA_USER_DATA_DIR: path.join(configHome, 'Marginalia'),
    },
  })
  const page = await app.firstWindow()
  const userDataDir = await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))
  await app.evaluate(({ dialog }) => {
    const g = globalThis as unknown as { __dialogQueue: unknown[] }
    g.__dialogQueue = []
    const next = () => g.__dialogQueue.shift()
    const toPaths = (v: unknown) => (v == null ? [] : Array.isArray(v) ? v : [v])
    dialog.showOpenDialog = async () => {
      const paths = toPaths(next())
      return { canceled: paths.length === 0, filePaths: paths }
    }
    dialog.showSaveDialog = async () => {
      const [p] = toPaths(next())
      return { canceled: !p, filePath: p ?? '' }
    }
    dialog.showMessageBox = async () => ({
      response: next() ? 0 : 1,
      checkboxChecked: false,
    })
  })
  return {
    app,
    page,
    userDataDir,
    async nextDialog(_kind, result) {
      await app.evaluate((_electron, value) => {
        ;(globalThis as unknown as { __dialogQueue: unknown[] }).__dialogQueue.push(value)
      }, result as unknown)
    },
    async emit(event) {
      await app.evaluate(
        ({ BrowserWindow }, [channel, e]) => {
          for (const win of BrowserWindow.getAllWindows()) win.webContents.send(channel, e)
        },
        [EVENT_CHANNEL, event] as const,
      )
    },
    async close() {
      await app.close()
    },
  }
}
