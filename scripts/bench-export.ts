// Benchmark (not a test): every export format on a project of 1,000 documents and 100,000 spans,
// on disk, through the export runner, as the app and the command line run it. Each format runs in
// a process of its own (so one format's memory does not count against the next) and is measured
// against a floor in the same run: reading and checking every document, which any export must do.
// Per format: wall time and CPU time (the machine may be shared: CPU time says what the export
// itself cost), the heap it added over the state before it started (peak of samples taken after
// every document and every 5 ms), the process's peak RSS, the output's size, and the longest
// stall of main's event loop (the longest gap of a 5 ms timer, and monitorEventLoopDelay's max):
// once with the export in main's thread, once in a worker thread (the app's and CLI's way).
// The worker is the built one (the command line's build, scripts/build-cli.mjs, made afresh for
// each run into out/bench-export), as the app and the command line start it, not the
// TypeScript source through tsx. Its start (the thread, and loading what an export needs) is
// measured apart: the app starts it ahead, while the user chooses where to save (run-task.ts
// `prepareTask`), so the export's own time is what the user waits for after the save dialog.
//
// A format that writes a file or more per document (brat, W3C: 2,000) is also measured against
// the plain work of its files: a `files` row creates, writes and syncs as many files of the same
// sizes, nothing else (filesRow), in the same run.
//
// Run: `npm run bench:export` (options: --formats jsonl,csv  --docs 1000  --fresh  --sets all).
// --sets chooses whose annotations, as the command line's --sets does (default: `default`); the
// project holds one analyst's, so `all` writes the same annotations under `<id>--<set>` ids, read
// the way an export of every analyst's sets reads them. The project is built once (about 100,000
// spans through the store, fsynced) and kept in the system's temp folder for the next run;
// --fresh builds it again.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, writeFile as writeFileCallback } from 'node:fs'
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { getHeapStatistics } from 'node:v8'
import { exportProject } from '../src/main/core/export'
import { exportFormatNames } from '../src/main/core/formats'
import { parseSetChoice, type SetChoice } from '../src/main/core/set-choice'
import { ProjectStore } from '../src/main/core/storage'
import { syncFolder } from '../src/main/core/storage/durable-write'
import type { DocumentFile } from '../src/shared/model'
import { SPANS_PER_DOC, benchProject } from './bench-export-project'
import { buildWorkers } from './bench-workers'

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
  /** Worker mode: starting the worker until it has loaded the export (-1: this checkout has no
   * `prepareTask`, so `ms` includes the start), and the process's CPU for it. */
  startMs: number
  startCpuMs: number
  /** SHA-256 over the output files' paths and digests (the manifest's list): same bytes, same value. */
  digest: string
  /** From the last document written to the end: the format's finish and the commit (syncs, renames). */
  tailMs: number
  /** The sizes of the output's files (from its manifest, if more than one): the `files` row's. */
  sizes?: number[]
}

const mb = (bytes: number) => bytes / 1024 / 1024

/** The rows that are not an export: the bare parse, the floor, and a format's plain file work. */
const isFloor = (name: string) =>
  name === 'parse' || name === 'floor' || name === 'floor alone' || name.startsWith('files ')

/** Files written at once by the `files` row: as many as libuv's pool has threads by default. */
const FILES_AT_ONCE = 4

async function sizeOf(p: string): Promise<number> {
  const info = await stat(p).catch(() => null)
  if (!info) return 0
  if (!info.isDirectory()) return info.size
  let total = 0
  for (const name of await readdir(p)) total += await sizeOf(path.join(p, name))
  return total
}

/** The export `name` (or the floor) measured in this process; prints one JSON line. */
async function child(
  name: string,
  mode: 'main' | 'worker',
  dir: string,
  out: string,
  sets: SetChoice,
) {
  const store = await ProjectStore.open(dir, { lock: false })
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  // The heap from V8's counters alone: process.memoryUsage() also reads /proc for the RSS, which
  // took up to 0.5 ms a call on the loaded machine (1.7 s of a 12 s export's CPU, counted against
  // the format). The peak RSS is the kernel's high-water mark (getrusage), exact without sampling.
  const heapUsed = () => getHeapStatistics().used_heap_size
  const base = heapUsed()
  let peakHeap = base
  const sample = () => {
    peakHeap = Math.max(peakHeap, heapUsed())
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
  const start = mode === 'worker' ? await startWorkerAhead() : { ms: -1, cpuMs: 0 }
  // Loaded and listed before the clock starts: no export loads its code or lists files meanwhile
  // (main's thread has it loaded, the worker loads it while it starts).
  const readOnly = await prepareReadOnly(name, store, sets)
  const run = mode === 'worker' && !readOnly && name !== 'idle' ? await inWorker() : exportProject
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  let spans = 0
  let problems = 0
  let digest = ''
  let lastDocument = Number.NaN
  let sizes: number[] | undefined
  if (readOnly) spans = await readOnly(sample)
  else if (name.startsWith('files ')) await filesRow(out, sample)
  else if (name === 'idle') {
    await new Promise((resolve) => setTimeout(resolve, 2000)) // the timer's own jitter here
  } else {
    const extension = (await import('../src/main/core/export')).exportOutputExtension(name)
    out = extension ? `${out}${extension}` : out
    const onProgress = (done: number, total: number) => {
      sample()
      if (done === total - 1) lastDocument = performance.now() // the next step is the commit's
    }
    const { manifest } = await run(store, name, out, { onProgress, sets })
    sizes = (manifest.files ?? []).map((file) => file.bytes)
    spans = manifest.counts.spans
    problems = manifest.problems.length
    const files = (manifest.files ?? []).map((f) => `${f.path} ${f.sha256}`).join('\n')
    digest = createHash('sha256').update(files).digest('hex').slice(0, 12)
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
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    ...{ outputMb: mb(await sizeOf(out)), spans, problems, stallMs: stall },
    loopDelayMaxMs: delay.max / 1e6,
    digest,
    tailMs: t0 + ms - lastDocument,
    ...(mode === 'main' && sizes && sizes.length > 1 ? { sizes } : {}),
    startMs: start.ms,
    startCpuMs: start.cpuMs,
  }
  await store.close()
  console.log(JSON.stringify(measure))
}

/**
 * The plain work of a format's many files: as many files as its output, of the same sizes (read
 * from `<out>.sizes.json`), each created, written and synced (fs.writeFile with `flush`: open,
 * one write, fsync, close, all on libuv's pool), FILES_AT_ONCE at once, into a new folder that is
 * synced last. Nothing is read or formatted.
 */
async function filesRow(out: string, sample: () => void): Promise<void> {
  const sizes = JSON.parse(await readFile(`${out}.sizes.json`, 'utf8')) as number[]
  const bytes = Buffer.alloc(Math.max(...sizes), 'x')
  const write = (file: string, size: number) =>
    new Promise<void>((resolve, reject) =>
      writeFileCallback(file, bytes.subarray(0, size), { flag: 'wx', flush: true }, (error) =>
        error ? reject(error) : resolve(),
      ),
    )
  await mkdir(out)
  let next = 0
  const writer = async () => {
    while (next < sizes.length) {
      const i = next++
      await write(path.join(out, `${i}.txt`), sizes[i])
      sample()
    }
  }
  await Promise.all(Array.from({ length: FILES_AT_ONCE }, writer))
  await syncFolder(out)
}

/** This checkout's reading of an export's documents (none in older ones), for the floor. */
interface SourceModule {
  exportSource: (store: ProjectStore, docIds: undefined, sets: SetChoice) => unknown
  loadDocuments: (
    source: unknown,
    store?: ProjectStore,
  ) => AsyncGenerator<{ file?: DocumentFile; records?: DocumentFile[] }>
}

/** What the floor runs: the export's reading and its check. */
async function floorModules() {
  return {
    source: (await import('../src/main/core/export-source').catch(
      () => null,
    )) as SourceModule | null,
    checked: await import('../src/main/core/formats/checked'),
  }
}

/**
 * The files an export of every document reads, in its order: each document's file and its set
 * files (every analyst's folder that has one for it; the bench project has one analyst).
 */
async function filesOf(store: ProjectStore): Promise<string[]> {
  const sets = await readdir(path.join(store.dir, 'annotations')).catch(() => [])
  const files: string[] = []
  for (const { id } of store.project.documents) {
    files.push(path.join(store.dir, 'documents', `${id}.json`))
    for (const set of sets) {
      const file = path.join(store.dir, 'annotations', set, `${id}.json`)
      if (existsSync(file)) files.push(file)
    }
  }
  return files
}

/**
 * The rows that write nothing, made ready to run: `floor` reads and checks every document (what
 * every export pays before its format) through the open store, as an export in main's thread
 * reads; `floor alone` the same as the export worker reads them (a store of its own, opened
 * without the lock, each file read at once); `parse` reads the same files whole and parses them,
 * nothing else (the plain work under the floor). Each returns the spans it found.
 */
async function prepareReadOnly(name: string, store: ProjectStore, sets: SetChoice) {
  if (name === 'floor' || name === 'floor alone') {
    const { source, checked } = await floorModules()
    const alone = name === 'floor alone'
    return async (sample: () => void) => {
      let spans = 0
      for await (const file of readEach(source, store, sets, alone)) {
        spans += checked.CheckedDocument.check(file, []).spans.length
        sample()
      }
      return spans
    }
  }
  if (name !== 'parse') return null
  const files = await filesOf(store)
  return async (sample: () => void) => {
    let spans = 0
    for (const file of files) {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as { annotations?: unknown }
      spans += (parsed.annotations as { spans?: unknown[] } | undefined)?.spans?.length ?? 0
      sample()
    }
    return spans
  }
}

/**
 * Every document, read the way this checkout's exports read them: through `store`, or (`alone`)
 * as the export worker reads them, with no store given.
 */
async function* readEach(
  source: SourceModule | null,
  store: ProjectStore,
  sets: SetChoice,
  alone = false,
): AsyncGenerator<DocumentFile> {
  if (!source) {
    for (const entry of store.project.documents) yield await store.loadDocument(entry.id)
    return
  }
  // Older checkouts load `file`, newer ones one record per chosen set. Through `store`, as an
  // export in main's thread reads them (a store of its own would add an open to the floor).
  for await (const loaded of source.loadDocuments(
    source.exportSource(store, undefined, sets),
    alone ? undefined : store,
  )) {
    if (loaded.file) yield loaded.file
    for (const record of loaded.records ?? []) yield record
  }
}

/** Starts the export worker ahead where this checkout can (`prepareTask`): its time and CPU. */
async function startWorkerAhead(): Promise<{ ms: number; cpuMs: number }> {
  const module = (await import('../src/main/core/workers/run-task').catch(() => null)) as {
    prepareTask?: (task: 'export') => Promise<void>
  } | null
  if (!module?.prepareTask) return { ms: -1, cpuMs: 0 }
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  await module.prepareTask('export')
  const cpu = process.cpuUsage(cpu0)
  return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 }
}

/** The worker runner, where this checkout has one (older ones export in main's thread only). */
async function inWorker(): Promise<typeof exportProject> {
  const module = (await import('../src/main/core/workers/export-task').catch(() => null)) as {
    exportInWorker?: typeof exportProject
  } | null
  if (!module?.exportInWorker) throw new Error('no worker runner in this checkout')
  return module.exportInWorker
}

function runChild(args: string[], workers?: string): Measure | null {
  const script = fileURLToPath(import.meta.url)
  const result = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', script, '--child', ...args],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
      env: workers ? { ...process.env, MARGINALIA_BUILT_WORKERS: workers } : process.env,
    },
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
function printResults(rows: string[][], idle: Measure | null, overParse: number | null): void {
  const header = ['format', 'time', 'CPU', 'CPU/floor', 'heap Δ', 'peak RSS', 'output']
  header.push('main stall', 'tail', 'worker: start', 'CPU', 'export', 'CPU', 'tail', 'peak RSS')
  header.push('main stall')
  header.push('loop delay max', 'output digest')
  console.log(table(header, rows))
  console.log(
    'parse: each file the floor reads, read whole (readFile) and JSON.parse, nothing else: the ' +
      'plain work' +
      (overParse === null ? '. ' : `; the floor's CPU is ${overParse.toFixed(2)}x it. `) +
      "floor: read and check every document (through the open store, as in main's thread); " +
      'floor alone: as the export worker reads them (each file at once). ' +
      'files <format> (a format writing a file or more ' +
      'per document): the plain work of its files, nothing else: as many files of the same ' +
      'sizes, each created, written and synced, ' +
      `${FILES_AT_ONCE} at once. time and CPU: the export in main's thread; ` +
      'heap Δ: its peak over the heap before it; main stall: the longest gap of a 5 ms timer ' +
      "in main's thread. tail: from the last document written to the end (the format's finish, " +
      'the syncs and renames into place). worker: the same export in a worker thread, built: ' +
      "start, the worker's " +
      'start until it has loaded the export (started ahead, as the app does while the save ' +
      "dialog is open); export, after that start (CPU: the whole process's); main's longest " +
      'stall then.',
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
    await child(args[1], args[2] as 'main' | 'worker', args[3], args[4], parseSetChoice(args[5]))
    return
  }
  const docs = Number(option('--docs') ?? 1000)
  const formats = option('--formats')?.split(',') ?? exportFormatNames()
  const sets = option('--sets') ?? 'default'
  const cached = await benchProject(docs, args.includes('--fresh'))
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-bench-out-'))
  const workers = buildWorkers('bench-export')
  const hasWorker = existsSync(
    path.join(
      path.dirname(fileURLToPath(import.meta.url)),
      '../src/main/core/workers/export-task.ts',
    ),
  )
  console.log(
    `${docs} documents, ${docs * SPANS_PER_DOC} spans; Node ${process.version}, ` +
      `${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}; annotation sets: ${sets}`,
  )
  try {
    const idle = runChild(['idle', 'main', cached, path.join(outDir, 'idle'), sets])
    const parse = runChild(['parse', 'main', cached, path.join(outDir, 'parse'), sets])
    const floor = runChild(['floor', 'main', cached, path.join(outDir, 'floor'), sets])
    const alone = runChild(['floor alone', 'main', cached, path.join(outDir, 'alone'), sets])
    const rows: string[][] = []
    const f = (n: number, digits = 0) => n.toFixed(digits)
    const row = (m: Measure, viaWorker: Measure | null) => [
      m.name,
      `${f(m.ms)} ms`,
      `${f(m.cpuMs)} ms`,
      floor && !isFloor(m.name) ? `${f(m.cpuMs / floor.cpuMs, 1)}x` : '',
      `+${f(m.heapDeltaMb)} MB`,
      `${f(m.peakRssMb)} MB`,
      m.name === 'parse' || m.name.startsWith('floor') ? '' : `${f(m.outputMb, 1)} MB`,
      `${f(m.stallMs)} ms`,
      isFloor(m.name) ? '' : `${f(m.tailMs)} ms`,
      viaWorker && viaWorker.startMs >= 0 ? `${f(viaWorker.startMs)} ms` : '',
      viaWorker && viaWorker.startMs >= 0 ? `${f(viaWorker.startCpuMs)} ms` : '',
      viaWorker ? `${f(viaWorker.ms)} ms` : '',
      viaWorker ? `${f(viaWorker.cpuMs)} ms` : '',
      viaWorker ? `${f(viaWorker.tailMs)} ms` : '',
      viaWorker ? `${f(viaWorker.peakRssMb)} MB` : '',
      viaWorker ? `${f(viaWorker.stallMs)} ms` : '',
      viaWorker ? `${f(viaWorker.loopDelayMaxMs)} ms` : '',
      m.digest + (viaWorker && viaWorker.digest !== m.digest ? ' (worker differs!)' : ''),
    ]
    if (parse) rows.push(row(parse, null))
    if (floor) rows.push(row(floor, null))
    if (alone) rows.push(row(alone, null))
    for (const name of formats) {
      const out = path.join(outDir, name)
      const here = runChild([name, 'main', cached, out, sets])
      await rm(out, { recursive: true, force: true })
      const there = hasWorker ? runChild([name, 'worker', cached, out, sets], workers) : null
      await rm(out, { recursive: true, force: true })
      if (here) rows.push(row(here, there))
      if (here?.sizes && here.sizes.length >= docs) {
        const files = path.join(outDir, `files-${name}`)
        await writeFile(`${files}.sizes.json`, JSON.stringify(here.sizes))
        const plain = runChild([`files ${name}`, 'main', cached, files, sets])
        await rm(files, { recursive: true, force: true })
        if (plain) rows.push(row(plain, null))
      }
      if (here && here.spans !== docs * SPANS_PER_DOC && name !== 'conll') {
        console.error(`${name}: wrote ${here.spans} spans, ${here.problems} problems`)
      }
    }
    printResults(rows, idle, parse && floor ? floor.cpuMs / parse.cpuMs : null)
  } finally {
    await rm(outDir, { recursive: true, force: true })
  }
}

await main()
