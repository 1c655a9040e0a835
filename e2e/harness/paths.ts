// Where the end-to-end harness finds the built app and the repository, resolved from this file so
// the tests and the benchmark work from any working directory.
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** The built renderer (electron-vite's `out/renderer`). */
export const RENDERER_DIR = path.join(REPO_ROOT, 'out', 'renderer')

/** The built main process entry, launched by Playwright's `_electron`. */
export const MAIN_ENTRY = path.join(REPO_ROOT, 'out', 'main', 'index.js')

/**
 * Where the suite saves its screenshots of the main states: an ignored folder, so a test run
 * leaves the tree clean; `npm run screenshots` points MARGINALIA_SCREENSHOT_DIR at
 * docs/screenshots to refresh the documentation's pictures (README shows one).
 */
export function screenshotDir(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env['MARGINALIA_SCREENSHOT_DIR']
  return chosen
    ? path.resolve(REPO_ROOT, chosen)
    : path.join(REPO_ROOT, 'test-results', 'screenshots')
}

export const SCREENSHOT_DIR = screenshotDir()
