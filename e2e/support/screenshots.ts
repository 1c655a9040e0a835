// Screenshots of the main states for docs/screenshots (README shows one). Taken in Chromium mode
// only, where the page looks the same on every machine (fixed viewport, headless), so the files
// change only when the UI does.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { AppDriver } from '../fixtures'
import { SCREENSHOT_DIR } from '../harness/paths'

/** Saves `docs/screenshots/<name>.png` of the whole window (Chromium mode only). */
export async function saveScreenshot(app: AppDriver, name: string): Promise<void> {
  if (app.mode !== 'chromium') return
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  // Let pending layout, fonts and transitions settle before the picture.
  await app.page.evaluate(() => document.fonts.ready.then(() => undefined))
  await app.page.screenshot({
    path: path.join(SCREENSHOT_DIR, `${name}.png`),
    animations: 'disabled',
    caret: 'hide',
  })
}
