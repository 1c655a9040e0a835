// Benchmark (not a test): the Overview's data of a large project (`overview:data`), and what it
// costs main's event loop, which also saves the analyst's edits and answers the window. For each
// size (BENCH_SIZES, default 1000,10000 documents; 10 claims each, attributed to two sources, so
// every chart and the network have data), RUNS times each, alternating:
// - in main: reading the documents and counting them on main's thread (how it ran before, and how
//   a project under IN_WORKER_FROM documents still runs);
// - as the app runs it (`overviewData`, workers/read-tasks.ts): in a task worker, the one the
//   command line ships (scripts/build-cli.mjs, built afresh into out/bench-overview), not the
//   TypeScript source through tsx;
// - floor: reading and JSON.parse-ing every document and annotation file, nothing else.
// Printed: p50/max of the whole answer, and main's stall: the longest gap of a 5 ms timer in
// main's thread while it ran (what an autosave or a click waits at worst).
// Run: `npm run bench:overview`. Projects are generated once into the system's temp folder.
import { existsSync } from 'node:fs'
import { readFile, readdir } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { loadDocuments, overviewOf } from '../src/main/core/report/report-data'
import { ProjectStore } from '../src/main/core/storage'
import { overviewData } from '../src/main/core/workers/read-tasks'
import { generateProject } from './bench-project-files'
import { buildWorkers } from './bench-workers'

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number)
const RUNS = Number(process.env.BENCH_RUNS ?? 3)

/** Runs `work`, timing it and the longest gap of a 5 ms timer in this thread meanwhile. */
async function timed(work: () => Promise<unknown>): Promise<{ ms: number; stall: number }> {
  await new Promise((r) => setTimeout(r, 50))
  let last = performance.now()
  let stall = 0
  const timer = setInterval(() => {
    const now = performance.now()
    stall = Math.max(stall, now - last)
    last = now
  }, 5)
  const start = performance.now()
  await work()
  const ms = performance.now() - start
  await new Promise((r) => setTimeout(r, 20))
  clearInterval(timer)
  return { ms, stall: Math.max(stall, performance.now() - last) }
}

async function readAll(dir: string): Promise<void> {
  for (const sub of ['documents', path.join('annotations', 'bench')]) {
    for (const name of await readdir(path.join(dir, sub))) {
      JSON.parse(await readFile(path.join(dir, sub, name), 'utf8'))
    }
  }
}

const p50 = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]
const max = (v: number[]) => Math.max(...v)
const f = (v: number) => v.toFixed(0)

async function benchSize(documents: number): Promise<string[][]> {
  const dir = path.join(os.tmpdir(), `marginalia-bench-overview-${documents}`)
  if (!existsSync(dir)) {
    await generateProject(dir, { documents, spansPerDocument: 10, sources: true })
    // The index cache vouches for files once they are two seconds old (file-index.ts): an app
    // has long since written a trusted one when its analyst opens the Overview, so write it.
    await new Promise((r) => setTimeout(r, 2500))
    await (await ProjectStore.open(dir, { analyst: 'bench' })).close()
  }
  const store = await ProjectStore.open(dir, { analyst: 'bench' })
  const runs = { floor: [] as Awaited<ReturnType<typeof timed>>[], main: [], worker: [] } as Record<
    'floor' | 'main' | 'worker',
    Awaited<ReturnType<typeof timed>>[]
  >
  try {
    for (let r = 0; r < RUNS; r++) {
      runs.floor.push(await timed(() => readAll(dir)))
      runs.main.push(await timed(async () => overviewOf(await loadDocuments(store), {})))
      runs.worker.push(await timed(() => overviewData(store, null, {})))
    }
  } finally {
    await store.close()
  }
  const floor = p50(runs.floor.map((r) => r.ms))
  return (['floor', 'main', 'worker'] as const).map((k) => {
    const ms = runs[k].map((r) => r.ms)
    const stalls = runs[k].map((r) => r.stall)
    return [
      String(documents),
      { floor: 'floor: read + parse', main: "in main's thread", worker: 'as the app runs it' }[k],
      `${f(p50(ms))} / ${f(max(ms))}`,
      k === 'floor' ? '' : `${(p50(ms) / floor).toFixed(2)}x`,
      `${f(p50(stalls))} / ${f(max(stalls))}`,
    ]
  })
}

async function main(): Promise<void> {
  // The app's workers start from the build the command line ships.
  process.env.MARGINALIA_BUILT_WORKERS = buildWorkers('bench-overview')
  console.log(
    `Node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}`,
  )
  const rows = [['documents', 'Overview', 'ms p50 / max', '/floor', "main's stall p50 / max"]]
  for (const size of SIZES) rows.push(...(await benchSize(size)))
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '))
  console.log(`load ${os.loadavg()[0].toFixed(1)} at the end`)
}

await main()
