// Runs once before the suite: the built renderer must exist, and the console says which modes run.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { chromiumExecutable } from './harness/chromium'
import { findElectron } from './harness/electron-app'
import { RENDERER_DIR } from './harness/paths'

/** Fails fast without a build; prints the Chromium used and why Electron mode is skipped. */
export default function globalSetup(): void {
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`${RENDERER_DIR}/index.html is missing: run \`npm run build\` first`)
  }
  console.log(`[e2e] chromium mode: ${chromiumExecutable()}`)
  const electron = findElectron()
  console.log(
    'path' in electron
      ? `[e2e] electron mode: ${electron.path}`
      : `[e2e] electron mode skipped: Electron binary not available: ${electron.reason}`,
  )
}
