// Benchmark (not a test): the window's side of opening a project of many documents (issue 11: a
// project of 10,000 documents opens to its first screen in ≤ 1 s). The built renderer runs in
// Chromium with the real handlers (the e2e harness, as `npm run bench` does) and reopens a
// generated project (bench-project-files.ts) whose index cache is in place, as at an app start.
// Printed, from one run, p50/p95/max over the runs:
// - first screen: navigation start to the frame after the first document's text is shown, beside
//   the document list (which is drawn from app:init's answer, before the document is loaded);
// - the longest task until then, DOM elements and heap after load, and app:init's round trip
//   through the harness (main's open plus a JSON transport that Electron's IPC does not pay);
// - floor, in the same run: the same two calls (app:init, then document:load) shown as plain <p>
//   elements with no React, no editor and no document list (bench-renderer/floor.ts).
// Sessions of the app and the floor alternate, so load on the machine hits both alike.
// Run: `npm run bench:project-renderer` (builds out/ when missing). Environment: BENCH_SIZES
// (default 10000), MARGINALIA_BENCH_RUNS (default 5), MARGINALIA_BENCH_RENDERER=<dir> serves
// another build of the renderer.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from '@playwright/test'
import { launchChromium } from '../e2e/harness/chromium'
import { REPO_ROOT, RENDERER_DIR } from '../e2e/harness/paths'
import { AppFiles } from '../src/main/app-state'
import { ProjectStore } from '../src/main/core/storage'
import { generateProject } from './bench-project-files'
import { FLOOR_PAGE } from './bench-renderer/floor'
import { measureLoad, openSession } from './bench-renderer/session'

const RENDERER = process.env['MARGINALIA_BENCH_RENDERER'] || RENDERER_DIR
const SIZES = (process.env['BENCH_SIZES'] ?? '10000').split(',').map(Number)
const RUNS = Number(process.env['MARGINALIA_BENCH_RUNS'] || 5)
/** Paragraphs of each generated document (bench-project-files.ts): the text is shown when all are. */
const PARAGRAPHS = 7

interface Open {
  firstScreen: number
  longestTask: number
  domNodes: number
  heapMB: number
  initIpc: number
}

/** One start of the app (or of the floor page) on the project last open in `userDataDir`. */
async function openOnce(browser: Browser, userDataDir: string, floor: boolean): Promise<Open> {
  const session = await openSession({
    browser,
    userDataDir,
    rendererDir: RENDERER,
    indexHtml: floor ? FLOOR_PAGE : undefined,
    name: floor ? 'floor' : 'app',
  })
  try {
    const selector = floor ? '.mg-article p' : '.ProseMirror p'
    const load = await measureLoad(session, PARAGRAPHS, selector)
    if (!floor) {
      const items = await session.page.evaluate<number>(
        `document.querySelectorAll('nav[aria-label="Documents"] li').length`,
      )
      if (items === 0) throw new Error('the document list is empty')
    }
    const init = await session.page.evaluate<number>(
      `window.__marginaliaCallTimes.filter((c) => c.channel === 'app:init').reduce((s, c) => s + c.end - c.start, 0)`,
    )
    return {
      firstScreen: load.all,
      longestTask: load.longestTask,
      domNodes: load.domNodes,
      heapMB: load.heapMB,
      initIpc: init,
    }
  } finally {
    await session.app.close()
  }
}

/** Writes a project of `documents` documents, its index cache, and a user-data folder opening it. */
async function prepare(root: string, documents: number): Promise<string> {
  const dir = path.join(root, `p${documents}`)
  await generateProject(dir, { documents, spansPerDocument: 5 })
  // Folders changed within the last 2 s are always re-checked: wait, then leave the cache written.
  await new Promise((resolve) => setTimeout(resolve, 2100))
  await (await ProjectStore.open(dir, { analyst: 'bench' })).close()
  const userDataDir = path.join(root, `p${documents}-user-data`)
  await mkdir(userDataDir, { recursive: true })
  const files = await AppFiles.load(userDataDir)
  await files.updateState((s) => ({ ...s, sampleInstalled: true, lastProject: dir, recent: [dir] }))
  await files.updateSettings({ annotator: 'bench', annotatorConfirmed: true })
  return userDataDir
}

function percentiles(values: number[]): [number, number, number] {
  const v = [...values].sort((a, b) => a - b)
  const at = (q: number) => v[Math.min(v.length - 1, Math.floor(q * v.length))]
  return [at(0.5), at(0.95), v[v.length - 1]]
}

function report(documents: number, app: Open[], floor: Open[]): string[] {
  const rows: string[] = []
  const line = (what: string, a: number[], f: number[] | null, unit = 'ms') => {
    const [p50, p95, max] = percentiles(a)
    const floorP50 = f ? percentiles(f)[0] : null
    const ratio = floorP50 ? `${(p50 / floorP50).toFixed(2)}×` : ''
    const cells = [p50, p95, max].map((x) => x.toFixed(unit === 'MB' ? 1 : 0))
    rows.push(
      [
        String(documents).padStart(6),
        what.padEnd(44),
        ...cells.map((c) => c.padStart(8)),
        (floorP50 === null ? '' : floorP50.toFixed(unit === 'MB' ? 1 : 0)).padStart(9),
        ratio.padStart(7),
        unit,
      ].join('  '),
    )
  }
  const pick = (runs: Open[], key: keyof Open) => runs.map((r) => r[key])
  line(
    'first screen (list + first document shown)',
    pick(app, 'firstScreen'),
    pick(floor, 'firstScreen'),
  )
  line('longest task until then', pick(app, 'longestTask'), pick(floor, 'longestTask'))
  line(
    'app:init round trip (harness, JSON transport)',
    pick(app, 'initIpc'),
    pick(floor, 'initIpc'),
  )
  line('DOM elements after load', pick(app, 'domNodes'), pick(floor, 'domNodes'), 'elements')
  line('heap after load and a GC', pick(app, 'heapMB'), pick(floor, 'heapMB'), 'MB')
  return rows
}

async function main(): Promise<void> {
  if (RENDERER === RENDERER_DIR && !existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    console.log('out/renderer is missing: running `npm run build` first')
    execFileSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' })
  }
  const root = await mkdtemp(path.join(os.tmpdir(), 'marginalia-bench-project-renderer-'))
  const browser = await launchChromium()
  const rows: string[] = []
  try {
    for (const documents of SIZES) {
      const userDataDir = await prepare(root, documents)
      const app: Open[] = []
      const floor: Open[] = []
      await openOnce(browser, userDataDir, false) // warms the file cache and Chromium's
      for (let i = 0; i < RUNS; i++) {
        floor.push(await openOnce(browser, userDataDir, true))
        app.push(await openOnce(browser, userDataDir, false))
      }
      rows.push(...report(documents, app, floor))
    }
  } finally {
    await browser.close()
    await rm(root, { recursive: true, force: true })
  }
  console.log(`renderer ${path.relative(REPO_ROOT, RENDERER) || RENDERER}; ${RUNS} runs each`)
  const head = [
    '  docs',
    'measure'.padEnd(44),
    '     p50',
    '     p95',
    '     max',
    'floor p50',
    '  ratio',
  ]
  console.log(head.join('  '))
  for (const row of rows) console.log(row)
  console.log(
    'floor: app:init + document:load through the same bridge, shown as plain <p> elements',
  )
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
