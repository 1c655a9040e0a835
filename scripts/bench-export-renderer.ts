// Benchmark (not a test): whether the window stays responsive while an export runs and while a
// 5 MB HTML page is imported. The built renderer runs in Chromium with the real handlers (the e2e
// harness, as `npm run bench` does), on a copy of bench:export's project (1,000 documents, 100,000
// spans). Each export is started from the Export dialog and runs in the worker thread as in the
// app; the import goes through Import ▸ Documents. The renderer's long tasks (Long Tasks API: every
// task over 50 ms) are collected from the click to the "finished" dialog, and against a floor in the
// same run: the same window left idle for as long. Target: no task over 50 ms.
//
// Run: `npm run bench:export-renderer` (options: --formats jsonl,w3c  --docs 1000  --profile <dir>
// for the renderer's CPU profiles). Needs the built renderer (`npm run build` runs first when
// out/renderer is missing).
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { launchChromium } from '../e2e/harness/chromium'
import { REPO_ROOT, RENDERER_DIR } from '../e2e/harness/paths'
import { exportFormatNames } from '../src/main/core/formats'
import { AppFiles } from '../src/main/app-state'
import { benchProject } from './bench-export-project'
import { openSession, until, type Session } from './bench-renderer/session'

const FINISH_TIMEOUT_MS = 300_000

/** What the window went through during one measured stretch. */
interface Stretch {
  name: string
  ms: number
  longest: number
  over50: number
  /** Time in tasks over 50 ms. */
  blockedMs: number
  /** Each long task: when it started after the stretch did, and how long it took (ms). */
  tasks: [number, number][]
}

/** The long tasks the page saw between `from` and now. */
async function longTasksSince(page: Page, name: string, from: number): Promise<Stretch> {
  return page.evaluate<Stretch>(`(() => {
    const now = performance.now()
    const tasks = window.__bench.longTasks.filter((t) => t.start + t.duration >= ${from})
    return {
      name: ${JSON.stringify(name)},
      ms: now - ${from},
      longest: Math.max(0, ...tasks.map((t) => t.duration)),
      over50: tasks.length,
      blockedMs: tasks.reduce((sum, t) => sum + t.duration, 0),
      tasks: tasks.map((t) => [Math.round(t.start - ${from}), Math.round(t.duration)]),
    }
  })()`)
}

const now = (page: Page) => page.evaluate<number>('performance.now()')

/**
 * An expression true once a dialog whose text holds `title` is shown. Polled while measuring
 * instead of Playwright's role queries, which compute the role of every element of the page
 * (hundreds of ms of the renderer's time on a long article, counted against the export).
 */
const dialogShown = (title: string) =>
  `[...document.querySelectorAll('dialog[open], [role=dialog]')].some((d) => d.textContent.includes(${JSON.stringify(title)}))`

/** Exports the project in `format` from the Export dialog; the window's long tasks meanwhile. */
async function exportStretch(session: Session, format: string, outDir: string): Promise<Stretch> {
  const { page, app } = session
  app.dialogs.next('chooseExportPath', path.join(outDir, `export-${format}`))
  await page.getByRole('banner').getByRole('button', { name: 'Export…' }).click()
  const choose = page.getByRole('dialog', { name: 'Export dataset' })
  await choose.getByLabel('Format').selectOption(format)
  const button = await choose.getByRole('button', { name: 'Export…' }).elementHandle()
  const from = await now(page)
  await button.click()
  await until(page, dialogShown('Export finished'), FINISH_TIMEOUT_MS)
  const stretch = await longTasksSince(page, `export ${format}`, from)
  const finished = page.getByRole('dialog', { name: 'Export finished' })
  await finished.getByRole('button', { name: 'Close' }).click()
  return stretch
}

/** A news page of about `bytes`: scripts, styles, navigation, a long article, comments. */
function bigPage(bytes: number): string {
  const words = ['council', 'minister', 'said', 'budget', 'would', 'rise', 'report', 'agency']
  const sentence = (i: number, n: number) =>
    Array.from({ length: n }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ') + '.'
  const parts = [
    '<!doctype html><html><head><title>Budget talks collapse | The Ledger</title>',
    `<script>window.__DATA__=${JSON.stringify(Array.from({ length: 5000 }, (_, i) => ({ id: i })))}</script>`,
    `<style>${'.c{color:red}'.repeat(5000)}</style></head><body><nav><ul>`,
    ...Array.from({ length: 300 }, (_, i) => `<li><a href="/s/${i}">Section ${i}</a></li>`),
    '</ul></nav><main><article><h1>Budget talks collapse</h1><p class="byline">By Ana Ruiz</p>',
  ]
  let size = parts.join('').length
  for (let i = 0; size < bytes * 0.6; i++) {
    const p = `<p>${sentence(i, 20)} <em>${sentence(i + 1, 6)}</em> <a href="/x">${sentence(i + 2, 4)}</a></p>`
    parts.push(p)
    size += p.length
  }
  parts.push('</article><section class="comments">')
  for (let c = 0; size < bytes; c++) {
    const s = `<div class="comment"><span>user${c}</span><p>${sentence(c, 12)}</p></div>`
    parts.push(s)
    size += s.length
  }
  parts.push('</section></main></body></html>')
  return parts.join('')
}

/** Imports a 5 MB HTML page through Import ▸ Documents; the window's long tasks meanwhile. */
async function importStretch(session: Session, dir: string): Promise<Stretch> {
  const { page, app } = session
  const file = path.join(dir, 'big-page.html')
  await writeFile(file, bigPage(5_000_000))
  app.dialogs.next('chooseImportFiles', [file])
  const from = await now(page)
  await page.getByRole('banner').getByRole('button', { name: 'Import', exact: true }).click()
  const menu = page.getByRole('menu', { name: 'Import' })
  await menu.getByRole('menuitem', { name: /^Documents/ }).click()
  await until(page, dialogShown('Import finished'), FINISH_TIMEOUT_MS)
  const stretch = await longTasksSince(page, 'import 5 MB HTML', from)
  const report = page.getByRole('dialog', { name: 'Import finished' })
  await report.getByRole('button', { name: 'Close' }).click()
  return stretch
}

/** The idle window for `ms`: what the machine's load alone costs the page. */
async function idleStretch(page: Page, ms: number): Promise<Stretch> {
  const from = await now(page)
  await new Promise((resolve) => setTimeout(resolve, ms))
  return longTasksSince(page, 'floor: idle window', from)
}

function printTable(rows: Stretch[]): void {
  const header = ['stretch', 'time', 'longest task', 'tasks > 50 ms', 'time in them', 'each']
  const cells = rows.map((r) => [
    r.name,
    `${r.ms.toFixed(0)} ms`,
    r.longest > 0 ? `${r.longest.toFixed(0)} ms` : 'none > 50 ms',
    String(r.over50),
    `${r.blockedMs.toFixed(0)} ms`,
    r.tasks.map(([at, ms]) => `${ms} ms at +${at}`).join(', '),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)))
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  console.log([line(header), ...cells.map(line)].join('\n'))
  console.log(
    'Long tasks of the renderer (Long Tasks API) from the click to the finished dialog; the floor: the same window idle for as long as the longest stretch.',
  )
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const option = (name: string) => {
    const i = args.indexOf(name)
    return i >= 0 ? args[i + 1] : undefined
  }
  const docs = Number(option('--docs') ?? 1000)
  const formats = option('--formats')?.split(',') ?? exportFormatNames()
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    console.log('out/renderer is missing: running `npm run build` first')
    execFileSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' })
  }
  const cached = await benchProject(docs)
  const root = await mkdtemp(path.join(os.tmpdir(), 'marginalia-bench-export-renderer-'))
  const browser = await launchChromium()
  try {
    // A copy: the app writes to the project it opens (its lock, its state).
    const project = path.join(root, 'project')
    await cp(cached, project, { recursive: true })
    const userDataDir = path.join(root, 'user-data')
    await mkdir(userDataDir)
    const files = await AppFiles.load(userDataDir)
    await files.updateState((s) => ({ ...s, sampleInstalled: true, lastProject: project }))
    const session = await openSession({
      browser,
      userDataDir,
      rendererDir: RENDERER_DIR,
      profileDir: option('--profile') ?? null,
      name: 'export',
    })
    try {
      await until(session.page, `!!document.querySelector('.ProseMirror')`, FINISH_TIMEOUT_MS)
      console.log(
        `${docs} documents, ${docs * 100} spans; Chromium ${browser.version()}, load average ${os.loadavg()[0].toFixed(1)}`,
      )
      const rows: Stretch[] = []
      await session.profile('load')
      for (const format of formats) {
        rows.push(await exportStretch(session, format, root))
        await session.profile(`export-${format}`)
      }
      rows.push(await importStretch(session, root))
      await session.profile('import')
      const longest = Math.max(...rows.map((r) => r.ms))
      rows.unshift(await idleStretch(session.page, Math.min(longest, 30_000)))
      printTable(rows)
    } finally {
      await session.app.close()
    }
  } finally {
    await browser.close()
    await rm(root, { recursive: true, force: true })
  }
}

await main()
