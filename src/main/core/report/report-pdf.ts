// The report as PDF outside the app (the command line, the tests): the same HTML printed by
// Chromium through Playwright's `page.pdf()`. The page gets the HTML as its content, JavaScript
// off, and every request refused, so printing makes no request even if the HTML asked for one.
// Playwright (playwright-core) and a Chromium are needed only here: the module is loaded when a
// PDF is asked for, and says what to install when no Chromium is found.
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'

export type PaperSize = 'a4' | 'letter'

/** Where a Chromium or Chrome is usually installed, per platform; MARGINALIA_CHROMIUM first. */
function candidates(env: NodeJS.ProcessEnv): string[] {
  const fromEnv = [env.MARGINALIA_CHROMIUM, env.CHROMIUM_PATH].filter((p): p is string => !!p)
  if (process.platform === 'darwin') {
    return [
      ...fromEnv,
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ]
  }
  if (process.platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(
      (p): p is string => !!p,
    )
    return [
      ...fromEnv,
      ...roots.flatMap((r) => [
        path.join(r, 'Chromium', 'Application', 'chrome.exe'),
        path.join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      ]),
    ]
  }
  return [
    ...fromEnv,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
  ]
}

/** Thrown when no Chromium can print the PDF; the message says how to get one. */
export class NoChromiumError extends Error {}

/** The first Chromium found, or a NoChromiumError naming where it looked. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const tried = candidates(env)
  const found = tried.find((p) => existsSync(p))
  if (found) return found
  throw new NoChromiumError(
    'printing a PDF needs Chromium or Google Chrome, and none was found (looked at ' +
      `${tried.join(', ')}). Install one (Debian/Ubuntu: apt-get install chromium) or set ` +
      'MARGINALIA_CHROMIUM to its executable; --out report.html needs no browser.',
  )
}

/** Margins the report is printed with (the HTML's @page says the same). */
const MARGIN = { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' }

/** Prints `html` to PDF bytes with a headless Chromium (`executable`, default: found). */
export async function printReportPdf(
  html: string,
  paper: PaperSize,
  executable: string = findChromium(),
): Promise<Uint8Array> {
  let playwright: typeof import('playwright-core')
  try {
    playwright = await import('playwright-core')
  } catch (error) {
    throw new NoChromiumError(
      `printing a PDF needs the playwright-core package (${(error as Error).message}); ` +
        'reinstall Marginalia with its dependencies, or write --out report.html',
    )
  }
  const browser = await playwright.chromium.launch({
    executablePath: executable,
    args: [
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      // Root in a container (CI) cannot use Chromium's sandbox; elsewhere it stays on.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  })
  try {
    return await printInBrowser(browser, html, paper)
  } finally {
    await browser.close()
  }
}

/**
 * Prints `html` to PDF bytes in a fresh context of a running `browser` (JavaScript off, offline,
 * every request refused), with the report's paper, margins and page-number footer. The e2e
 * harness prints through this too, so the tests read the PDF users get.
 */
export async function printInBrowser(
  browser: Browser,
  html: string,
  paper: PaperSize,
): Promise<Uint8Array> {
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true })
  try {
    const page = await context.newPage()
    await page.route('**/*', (route) => route.abort('blockedbyclient'))
    await page.setContent(html, { waitUntil: 'load' })
    await page.emulateMedia({ media: 'print', colorScheme: 'light' })
    const pdf = await page.pdf({
      format: paper === 'letter' ? 'Letter' : 'A4',
      printBackground: true,
      margin: MARGIN,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="font-size:8px;width:100%;text-align:center;color:#555">' +
        '<span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    })
    return new Uint8Array(pdf)
  } finally {
    await context.close()
  }
}
