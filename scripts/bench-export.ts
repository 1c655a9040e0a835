// Benchmark (not a test): every export format on a project of 1,000 documents and 100,000 spans,
// on disk, through the export runner, as the app and the command line run it. Each format runs in
// a process of its own (so one format's memory does not count against the next) and is measured
// against a floor in the same run: reading and checking every document, which any export must do.
// Per format: wall time and CPU time (the machine may be shared: CPU time says what the export
// itself cost), the heap it added over the state before it started (peak of samples taken after
// every document and every 5 ms), the process's peak RSS, the output's size, and the longest
// stall of main's event loop (the longest gap of a 5 ms timer, and monitorEventLoopDelay's max):
// once with the export in main's thread, once in a worker thread (the app's and CLI's way).
//
// Run: `npm run bench:export` (options: --formats jsonl,csv  --docs 1000  --fresh). The project is
// built once (about 100,000 spans through the store, fsynced) and kept in the system's temp folder
// for the next run; --fresh builds it again.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { exportProject } from '../src/main/core/export'
import { exportFormatNames } from '../src/main/core/formats'
import { ProjectStore } from '../src/main/core/storage'
import { defaultSchema } from '../src/shared/default-schema'
import { FORMAT_VERSION, type DocumentFile, type Relation, type Span } from '../src/shared/model'

const SPANS_PER_DOC = 100
const WORDS_PER_DOC = 600
const T = '2024-05-01T10:00:00.000Z'
const WORDS = ['minister', 'said', 'taxes', 'would', 'rise', 'café', 'naïve', 'report', '😀']
WORDS.push('Reuters', '中文', 'agency')

/** mulberry32: a deterministic generator, so every run measures the same project. */
function rng(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The quote of [start, end): context cut at code points, which here are grapheme boundaries. */
function quote(text: string, start: number, end: number) {
  const low = (i: number) => /[\uDC00-\uDFFF]/.test(text[i] ?? '')
  let from = Math.max(0, start - 32)
  if (low(from)) from++
  let to = Math.min(text.length, end + 32)
  if (low(to)) to--
  return {
    exact: text.slice(start, end),
    prefix: text.slice(from, start),
    suffix: text.slice(end, to),
  }
}

/** Builds the bench project in `dir`: `docs` documents of 600 words and 100 spans each. */
async function buildProject(dir: string, docs: number): Promise<void> {
  const random = rng(42)
  const schema = defaultSchema()
  const store = await ProjectStore.create(dir, { name: 'Bench', schema })
  for (let d = 0; d < docs; d++) {
    const words: string[] = []
    for (let w = 0; w < WORDS_PER_DOC; w++) {
      words.push(WORDS[Math.floor(random() * WORDS.length)] + (w % 15 === 14 ? '.\n' : ' '))
    }
    const text = words.join('')
    const starts: number[] = []
    for (let i = 0, at = 0; i < words.length; at += words[i].length, i++) starts.push(at)
    const spans: Span[] = []
    for (let k = 0; k < SPANS_PER_DOC; k++) {
      const w = Math.floor(random() * (words.length - 3))
      const start = starts[w]
      const end = starts[w + 1 + Math.floor(random() * 2)] - 1
      const layer = schema.layers[k % 3]
      spans.push({
        ...{ id: `s${d}x${k}`, layer: layer.id, label: layer.labels[0].name, start, end },
        quote: quote(text, start, end),
        attributes: layer.id === 'claim' ? { checkability: 'factual', note: 'checked' } : {},
        ...{ annotator: 'bench', createdAt: T, updatedAt: T },
      })
    }
    const relations: Relation[] = []
    for (let k = 0; k < SPANS_PER_DOC; k += 10) {
      const claim = k - (k % 3) // spans cycle claim, source, sentiment: a claim and its source
      relations.push({
        ...{ id: `r${d}x${k}`, type: 'attributed_to', from: spans[claim].id },
        ...{ to: spans[claim + 1].id, attributes: {}, annotator: 'bench' },
        ...{ createdAt: T, updatedAt: T },
      })
    }
    const added = await store.addDocument({
      ...{ title: `Article ${d}`, metadata: {}, text, blocks: [] },
      annotations: { spans, relations, docLabels: {} },
    })
    if (added.status !== 'added') throw new Error(`document ${d} was a duplicate`)
  }
  await store.close()
}

/** What one child process measured. */
interface Measure {
  name: string
  mode: 'main' | 'worker'
  ms: number
  cpuMs: number
  heapDeltaMb: number
  peakRssMb: number
  outputMb: number
  spans: number
  problems: number
  stallMs: number
  loopDelayMaxMs: number
}

const mb = (bytes: number) => bytes / 1024 / 1024

async function sizeOf(p: string): Promise<number> {
  const info = await stat(p).catch(() => null)
  if (!info) return 0
  if (!info.isDirectory()) return info.size
  let total = 0
  for (const name of await readdir(p)) total += await sizeOf(path.join(p, name))
  return total
}

/** The export `name` (or the floor) measured in this process; prints one JSON line. */
async function child(name: string, mode: 'main' | 'worker', dir: string, out: string) {
  const store = await ProjectStore.open(dir, { lock: false })
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  const base = process.memoryUsage().heapUsed
  let peakHeap = base
  let peakRss = process.memoryUsage.rss()
  const sample = () => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)
    peakRss = Math.max(peakRss, process.memoryUsage.rss())
  }
  let stall = 0
  let last = performance.now()
  const probe = setInterval(() => {
    const now = performance.now()
    stall = Math.max(stall, now - last)
    last = now
    sample()
  }, 5)
  const delay = monitorEventLoopDelay({ resolution: 5 })
  delay.enable()
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  let spans = 0
  let problems = 0
  if (name === 'floor') {
    // Read and check every document, write nothing: what every export pays before its format.
    const { CheckedDocument } = await import('../src/main/core/formats/checked')
    for await (const file of readEach(store)) {
      spans += CheckedDocument.check(file, []).spans.length
      sample()
    }
  } else if (name === 'idle') {
    await new Promise((resolve) => setTimeout(resolve, 2000)) // the timer's own jitter here
  } else {
    const run = mode === 'worker' ? await inWorker() : exportProject
    const extension = (await import('../src/main/core/export')).exportOutputExtension(name)
    out = extension ? `${out}${extension}` : out
    const { manifest } = await run(store, name, out, { onProgress: sample })
    spans = manifest.counts.spans
    problems = manifest.problems.length
  }
  const ms = performance.now() - t0
  sample()
  const cpu = process.cpuUsage(cpu0)
  clearInterval(probe)
  delay.disable()
  stall = Math.max(stall, performance.now() - last)
  const measure: Measure = {
    ...{ name, mode, ms, cpuMs: (cpu.user + cpu.system) / 1000 },
    heapDeltaMb: mb(peakHeap - base),
    peakRssMb: Math.max(mb(peakRss), process.resourceUsage().maxRSS / 1024),
    ...{ outputMb: mb(await sizeOf(out)), spans, problems, stallMs: stall },
    loopDelayMaxMs: delay.max / 1e6,
  }
  await store.close()
  console.log(JSON.stringify(measure))
}

/** Every document, read the way this checkout's exports read them. */
async function* readEach(store: ProjectStore): AsyncGenerator<DocumentFile> {
  const source = (await import('../src/main/core/export-source').catch(() => null)) as {
    exportSource: (store: ProjectStore) => unknown
    loadDocuments: (source: unknown) => AsyncGenerator<{ file?: DocumentFile }>
  } | null
  if (!source) {
    for (const entry of store.project.documents) yield await store.loadDocument(entry.id)
    return
  }
  for await (const loaded of source.loadDocuments(source.exportSource(store))) {
    if (loaded.file) yield loaded.file
  }
}

/** The worker runner, where this checkout has one (older ones export in main's thread only). */
async function inWorker(): Promise<typeof exportProject> {
  const module = (await import('../src/main/core/workers/export-task').catch(() => null)) as {
    exportInWorker?: typeof exportProject
  } | null
  if (!module?.exportInWorker) throw new Error('no worker runner in this checkout')
  return module.exportInWorker
}

function runChild(args: string[]): Measure | null {
  const script = fileURLToPath(import.meta.url)
  const result = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', script, '--child', ...args],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  )
  const line = result.stdout.trim().split('\n').at(-1) ?? ''
  if (result.status !== 0 || !line.startsWith('{')) {
    console.error(
      `${args[0]} (${args[1]}): failed\n${result.stderr.trim().split('\n').slice(-5).join('\n')}`,
    )
    return null
  }
  return JSON.parse(line) as Measure
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  return [line(header), ...rows.map(line)].join('\n')
}

/** Prints the table of `rows` and what its columns mean, with the idle process's stall. */
function printResults(rows: string[][], idle: Measure | null): void {
  const header = ['format', 'time', 'CPU', 'CPU/floor', 'heap Δ', 'peak RSS', 'output']
  header.push('main stall', 'worker: time', 'main stall', 'loop delay max')
  console.log(table(header, rows))
  console.log(
    "floor: read and check every document. time and CPU: the export in main's thread; " +
      'heap Δ: its peak over the heap before it; main stall: the longest gap of a 5 ms timer ' +
      "in main's thread. worker: the same export in a worker thread, main's longest stall then.",
  )
  if (idle) {
    const f = (n: number) => n.toFixed(0)
    console.log(
      `The same timer in an idle process: longest gap ${f(idle.stallMs)} ms, loop delay max ` +
        `${f(idle.loopDelayMaxMs)} ms (what the machine's load alone costs).`,
    )
  }
}

async function main() {
  const args = process.argv.slice(2)
  const option = (name: string) => {
    const i = args.indexOf(name)
    return i >= 0 ? args[i + 1] : undefined
  }
  if (args[0] === '--child') {
    await child(args[1], args[2] as 'main' | 'worker', args[3], args[4])
    return
  }
  const docs = Number(option('--docs') ?? 1000)
  const formats = option('--formats')?.split(',') ?? exportFormatNames()
  const cached = path.join(os.tmpdir(), `marginalia-bench-export-v${FORMAT_VERSION}-${docs}`)
  const marker = `${cached}.complete`
  if (args.includes('--fresh') || !existsSync(marker)) {
    await rm(marker, { force: true })
    await rm(cached, { recursive: true, force: true })
    const t0 = performance.now()
    await buildProject(cached, docs)
    await writeFile(marker, new Date().toISOString())
    console.log(`built the project in ${((performance.now() - t0) / 1000).toFixed(0)} s: ${cached}`)
  }
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-bench-out-'))
  const hasWorker = existsSync(
    path.join(
      path.dirname(fileURLToPath(import.meta.url)),
      '../src/main/core/workers/export-task.ts',
    ),
  )
  console.log(
    `${docs} documents, ${docs * SPANS_PER_DOC} spans; Node ${process.version}, ` +
      `${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}`,
  )
  try {
    const idle = runChild(['idle', 'main', cached, path.join(outDir, 'idle')])
    const floor = runChild(['floor', 'main', cached, path.join(outDir, 'floor')])
    const rows: string[][] = []
    const f = (n: number, digits = 0) => n.toFixed(digits)
    const row = (m: Measure, viaWorker: Measure | null) => [
      m.name,
      `${f(m.ms)} ms`,
      `${f(m.cpuMs)} ms`,
      floor && m.name !== 'floor' ? `${f(m.cpuMs / floor.cpuMs, 1)}x` : '',
      `+${f(m.heapDeltaMb)} MB`,
      `${f(m.peakRssMb)} MB`,
      m.name === 'floor' ? '' : `${f(m.outputMb, 1)} MB`,
      `${f(m.stallMs)} ms`,
      viaWorker ? `${f(viaWorker.ms)} ms` : '',
      viaWorker ? `${f(viaWorker.stallMs)} ms` : '',
      viaWorker ? `${f(viaWorker.loopDelayMaxMs)} ms` : '',
    ]
    if (floor) rows.push(row(floor, null))
    for (const name of formats) {
      const out = path.join(outDir, name)
      const here = runChild([name, 'main', cached, out])
      await rm(out, { recursive: true, force: true })
      const there = hasWorker ? runChild([name, 'worker', cached, out]) : null
      await rm(out, { recursive: true, force: true })
      if (here) rows.push(row(here, there))
      if (here && here.spans !== docs * SPANS_PER_DOC && name !== 'conll') {
        console.error(`${name}: wrote ${here.spans} spans, ${here.problems} problems`)
      }
    }
    printResults(rows, idle)
  } finally {
    await rm(outDir, { recursive: true, force: true })
  }
}

await main()
