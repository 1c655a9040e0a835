// The analyst report as PDF in the app: the report's HTML printed by Chromium through a hidden
// window's `webContents.printToPDF`. The window is as locked down as the page is inert: sandboxed,
// JavaScript off, no preload, its own in-memory session that refuses every request except the
// report file itself, no navigation, no new windows. The HTML is written to a temporary file
// (a data: URL of a large report would pass Chromium's URL length limit) and removed afterwards.
// Electron's modules come in as arguments, so a test can drive it with stand-ins.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { PaperSize } from './core/report/report-pdf'
import type { PrintPdf } from './core/report/write-report'

/** What the printer needs of a window's webContents. */
interface PrintContents {
  printToPDF(options: Record<string, unknown>): Promise<Uint8Array>
  setWindowOpenHandler(handler: () => { action: 'deny' }): void
  on(event: 'will-navigate', listener: (event: { preventDefault(): void }) => void): unknown
}

/** What the printer needs of Electron. */
export interface PrintHost {
  createWindow(options: Record<string, unknown>): {
    webContents: PrintContents
    loadURL(url: string): Promise<void>
    destroy(): void
  }
  /** An in-memory session of its own (`session.fromPartition`), asked for when printing. */
  session(): {
    webRequest: {
      onBeforeRequest(
        listener: (
          details: { url: string },
          callback: (response: { cancel: boolean }) => void,
        ) => void,
      ): void
    }
  }
  tempDir: string
}

/** Margins in inches: 16 mm top and bottom, 14 mm at the sides (as the CLI prints). */
const MARGINS = { top: 0.63, bottom: 0.63, left: 0.55, right: 0.55 }

const FOOTER =
  '<div style="font-size:8px;width:100%;text-align:center;color:#555">' +
  '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'

/** The printer main hands the report handler. */
export function createPdfPrinter(host: PrintHost): PrintPdf {
  return async (html: string, paper: PaperSize) => {
    const dir = await mkdtemp(path.join(host.tempDir, 'marginalia-report-'))
    const file = path.join(dir, 'report.html')
    const url = pathToFileURL(file).href
    await writeFile(file, html, 'utf8')
    const session = host.session()
    session.webRequest.onBeforeRequest((details, callback) =>
      callback({ cancel: details.url !== url }),
    )
    const win = host.createWindow({
      show: false,
      webPreferences: {
        session,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        webSecurity: true,
        spellcheck: false,
      },
    })
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
    win.webContents.on('will-navigate', (event) => event.preventDefault())
    try {
      await win.loadURL(url)
      const pdf = await win.webContents.printToPDF({
        pageSize: paper === 'letter' ? 'Letter' : 'A4',
        printBackground: true,
        margins: MARGINS,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: FOOTER,
      })
      return new Uint8Array(pdf)
    } finally {
      win.destroy()
      await rm(dir, { recursive: true, force: true })
    }
  }
}
