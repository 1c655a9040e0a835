// Benchmark (not a test): opening a project of many documents to its first screen (issue 11's target:
// 10,000 documents in ≤ 1 s). The first screen is what the app shows on opening: the project and the
// document list with counts, which come from the index cache `.marginalia/index.json`, and the
// first document; documents are read only when opened. Run: `npm run bench:project`.
//
// For each size (BENCH_SIZES, default 1000,10000 documents; 5 spans each, analyst "bench"):
// - app start: the window's own path, through the handler table ipcMain uses: `app:init` reopening
//   the last project (ProjectStore.open, the app state written, the snapshot), then `document:load`
//   of the document the window shows first, each answer serialised as Electron's IPC does (V8's
//   structured clone); floor: reading and JSON.parse-ing the cache alone; the size of app:init's
//   serialised answer is printed with the heap;
// - cold: no index cache (a fresh clone), so every document and annotation file is read once;
//   floor: reading and JSON.parse-ing every one of those files, nothing else;
// - warm: the store alone (`ProjectStore.open` + `snapshot()` + close), the cache in place;
//   floor: reading and JSON.parse-ing the cache alone;
// - one document on demand (its file and its annotation file);
// - heap held by the open store, after a garbage collection.
// Run with --expose-gc (the npm script does) for the heap figure.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { serialize } from 'node:v8'
import { ProjectStore } from '../src/main/core/storage'
import type { InitResult } from '../src/shared/ipc-contract'
import { handlerSession } from '../test/main/fixtures/handler-session'
import { generateProject } from './bench-project-files'

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number)
const RUNS = 7

interface Stats {
  p50: number
  p95: number
  max: number
}

async function sample(times: number, run: () => Promise<unknown>): Promise<Stats> {
  const samples: number[] = []
  for (let i = 0; i < times; i++) {
    const t0 = performance.now()
    await run()
    samples.push(performance.now() - t0)
  }
  return stats(samples)
}

function stats(samples: number[]): Stats {
  samples.sort((a, b) => a - b)
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]
  return { p50: at(0.5), p95: at(0.95), max: samples[samples.length - 1] }
}

/** Opens the project for writing (as the app does) to its first screen, then closes it. */
async function firstScreen(dir: string): Promise<number> {
  const store = await ProjectStore.open(dir, { analyst: 'bench' })
  const shown = store.snapshot().documents.length
  await store.close()
  return shown
}

/**
 * The app's start, as the window sees it: `app:init` reopens the project last open, then the first
 * document is loaded; returns the milliseconds to both answers (serialised as IPC does). The
 * session is closed afterwards, untimed.
 */
async function appStart(dir: string, tmp: string): Promise<{ ms: number; initBytes: number }> {
  const userData = path.join(tmp, 'userData')
  await mkdir(userData, { recursive: true })
  const state = { version: 1, sampleInstalled: true, lastProject: dir, recent: [dir], window: null }
  await writeFile(path.join(userData, 'app-state.json'), JSON.stringify(state))
  const settings = { snapToWords: true, annotator: 'bench', annotatorConfirmed: true }
  await writeFile(path.join(userData, 'settings.json'), JSON.stringify(settings))
  const { session, call } = handlerSession({ tmp })
  await session.files() // read at start, before the window asks (its bounds)
  const t0 = performance.now()
  const init = (await call('app:init')) as InitResult
  const initBytes = serialize(init).length
  const first = init.snapshot?.documents.find((d) => !d.error)
  if (!first) throw new Error(init.error ?? 'no document to show')
  serialize(await call('document:load', { docId: first.id }))
  const ms = performance.now() - t0
  await session.dispose()
  return { ms, initBytes }
}

async function readAll(dir: string): Promise<void> {
  for (const sub of ['documents', path.join('annotations', 'bench')]) {
    for (const name of await readdir(path.join(dir, sub))) {
      JSON.parse(await readFile(path.join(dir, sub, name), 'utf8'))
    }
  }
}

const gc = (globalThis as { gc?: () => void }).gc

function heapMb(): number {
  gc?.()
  return process.memoryUsage().heapUsed / 1e6
}

const table: string[][] = []
const ms = (v: number) => v.toFixed(1)

async function benchSize(tmp: string, documents: number): Promise<void> {
  const dir = path.join(tmp, `p${documents}`)
  await generateProject(dir, { documents, spansPerDocument: 5 })
  // Folders changed within the last 2 s are always re-checked (a change in the same clock tick
  // would not move their time): wait, as for any project last changed before it is opened.
  await new Promise((resolve) => setTimeout(resolve, 2100))

  const cache = path.join(dir, '.marginalia', 'index.json')
  const cold = await sample(3, async () => {
    await rm(cache, { force: true })
    if ((await firstScreen(dir)) !== documents) throw new Error('documents missing')
  })
  const coldFloor = await sample(3, () => readAll(dir))
  await firstScreen(dir) // leaves the cache written
  const warm = await sample(RUNS, () => firstScreen(dir))
  const appTimes: number[] = []
  let initBytes = 0
  for (let i = 0; i < RUNS; i++) {
    const start = await appStart(dir, tmp)
    appTimes.push(start.ms)
    initBytes = start.initBytes
  }
  const app = stats(appTimes)
  const cacheBytes = (await readFile(cache)).length
  const warmFloor = await sample(
    RUNS,
    async (): Promise<unknown> => JSON.parse(await readFile(cache, 'utf8')) as unknown,
  )

  const before = heapMb()
  const store = await ProjectStore.open(dir, { analyst: 'bench' })
  store.snapshot()
  const held = heapMb() - before
  const mid = store.project.documents[Math.floor(documents / 2)].id
  const load = await sample(RUNS, () => store.loadDocument(mid))
  await store.close()

  const row = (what: string, ours: Stats, floor: Stats | null, target = '') => {
    const ratio = floor ? `${(ours.p50 / floor.p50).toFixed(1)}×` : ''
    table.push([
      String(documents),
      what,
      ms(ours.p50),
      ms(ours.p95),
      ms(ours.max),
      floor ? ms(floor.p50) : '',
      ratio,
      target,
    ])
  }
  row(
    'app start to first screen (app:init + document:load)',
    app,
    warmFloor,
    documents >= 10000 ? '≤ 1000 ms' : '',
  )
  row('open + snapshot + close, warm (index cache)', warm, warmFloor)
  row('open to first screen, cold (no cache)', cold, coldFloor)
  row('one document on demand', load, null)
  table.push([
    String(documents),
    `heap held by the open project: ${held.toFixed(1)} MB${gc ? '' : ' (run with --expose-gc)'}; cache ${(cacheBytes / 1e6).toFixed(1)} MB; app:init answer ${(initBytes / 1e6).toFixed(2)} MB`,
    '',
    '',
    '',
    '',
    '',
    '',
  ])
  await rm(dir, { recursive: true, force: true })
}

async function main(): Promise<void> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'marginalia-bench-project-'))
  try {
    for (const size of SIZES) await benchSize(tmp, size)
  } finally {
    await rm(tmp, { recursive: true, force: true })
  }
  const head = ['docs', 'measure', 'p50 ms', 'p95 ms', 'max ms', 'floor p50', 'ratio', 'target']
  const rows = [head, ...table]
  const widths = head.map((_, i) =>
    Math.max(...rows.map((r) => (r[1].startsWith('heap') && i === 1 ? 0 : r[i].length))),
  )
  for (const r of rows)
    console.log(r.map((c, i) => (i === 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '))
  console.log(
    'floors: app start and warm = read + JSON.parse of .marginalia/index.json; cold = read + JSON.parse of every document and annotation file',
  )
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
