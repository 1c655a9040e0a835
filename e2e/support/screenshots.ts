// Screenshots of the main states: under test-results/screenshots in a test run (ignored, so the
// tree stays clean), into docs/screenshots with `npm run screenshots` (README shows one). Taken in
// Chromium mode only, where the page looks the same on every machine (fixed viewport, headless).
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { AppDriver } from '../fixtures'
import { SCREENSHOT_DIR } from '../harness/paths'

/** Saves `<SCREENSHOT_DIR>/<name>.png` of the whole window (Chromium mode only). */
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

/**
 * Rasterises page `page` of a PDF with poppler's pdftoppm into `<SCREENSHOT_DIR>/<name>.png`
 * (Chromium mode only) and returns the file written, so a test can check the PDF renders and a
 * reader can look at it as printed.
 */
export function savePdfPage(app: AppDriver, pdf: string, page: number, name: string): string[] {
  if (app.mode !== 'chromium') return []
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const out = path.join(SCREENSHOT_DIR, name)
  // -singlefile writes <out>.png, without pdftoppm's page-number suffix.
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '80',
    '-f',
    `${page}`,
    '-l',
    `${page}`,
    '-singlefile',
    pdf,
    out,
  ])
  return [`${out}.png`]
}
