// Runs import jobs in a worker thread, so parsing a 200-page PDF or a hostile web page never
// stalls main's event loop (which answers the window). Main receives each job's result in order
// and stores it; progress arrives as the worker reads. A worker that dies (out of memory on a
// decompression bomb, a crash in a library) fails only the job it was on: a new worker takes
// the rest. Cancelling terminates the worker.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ConvertedDocument } from '../converted'
import type { ImportJob, WorkerInput, WorkerMessage } from './protocol'

/** One job's outcome, in job order. `threadId` is the worker thread that converted it. */
export type JobOutcome =
  | { index: number; converted: ConvertedDocument; threadId: number }
  | { index: number; message: string; threadId?: number }

export interface RunOptions {
  /** Progress within job `index` (e.g. pages read of a PDF). */
  onProgress?: (index: number, done: number, total: number) => void
  /** Aborting terminates the worker; jobs not yet finished are reported as cancelled. */
  signal?: AbortSignal
}

/** Heap limit of the worker: a file that needs more fails alone instead of taking main down. */
const WORKER_HEAP_MB = 3072

/**
 * Converts `jobs` in a worker thread, yielding each outcome in job order as soon as it is ready.
 */
export async function* runImportJobs(
  jobs: ImportJob[],
  options: RunOptions = {},
): AsyncGenerator<JobOutcome> {
  let next = 0
  if (options.signal?.aborted) {
    for (; next < jobs.length; next++) yield { index: next, message: 'cancelled' }
  }
  while (next < jobs.length) {
    const queue = new OutcomeQueue()
    const worker = startWorker({ jobs: jobs.slice(next), firstIndex: next })
    const abort = () => queue.close(`cancelled`, worker)
    options.signal?.addEventListener('abort', abort, { once: true })
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress')
        options.onProgress?.(message.index, message.done, message.total)
      else if (message.type === 'result') {
        queue.push({
          index: message.index,
          converted: message.converted,
          threadId: message.threadId,
        })
      } else
        queue.push({ index: message.index, message: message.message, threadId: message.threadId })
    })
    worker.on('error', (error) => queue.close(crashMessage(error), worker))
    worker.on('exit', () => queue.close('the import stopped unexpectedly', worker))
    try {
      for (;;) {
        const outcome = await queue.take()
        if (!outcome) break
        yield outcome
        next = outcome.index + 1
      }
      if (queue.failure !== null && next < jobs.length) {
        // The worker died on job `next` (or was cancelled): report it, and go on after it.
        yield { index: next, message: queue.failure }
        next++
        if (options.signal?.aborted) {
          for (; next < jobs.length; next++) yield { index: next, message: 'cancelled' }
        }
      }
    } finally {
      options.signal?.removeEventListener('abort', abort)
      await worker.terminate()
    }
  }
}

/** Outcomes posted by the worker, taken one at a time; `close` ends the stream with a reason. */
class OutcomeQueue {
  private readonly items: JobOutcome[] = []
  private waiting: ((outcome: JobOutcome | null) => void) | null = null
  private closed = false
  failure: string | null = null

  push(outcome: JobOutcome): void {
    if (this.closed) return
    if (this.waiting) {
      const resolve = this.waiting
      this.waiting = null
      resolve(outcome)
    } else this.items.push(outcome)
  }

  /** Ends the stream; a reason is kept only when the worker ended before finishing every job. */
  close(reason: string, worker: Worker): void {
    if (this.closed) return
    this.closed = true
    this.failure = reason
    void worker.terminate()
    this.waiting?.(null)
    this.waiting = null
  }

  take(): Promise<JobOutcome | null> {
    const item = this.items.shift()
    if (item) return Promise.resolve(item)
    if (this.closed) return Promise.resolve(null)
    return new Promise((resolve) => (this.waiting = resolve))
  }
}

function crashMessage(error: Error): string {
  if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return `reading it needed more than ${WORKER_HEAP_MB} MB of memory; it was stopped`
  }
  return `the import stopped: ${error.message}`
}

function startWorker(input: WorkerInput): Worker {
  // No inherited flags: the worker needs none, and a host's `--import` hooks are not its own.
  const options = {
    workerData: input,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    execArgv: [],
  }
  const built = builtWorkerFile()
  if (built) return new Worker(built, options)
  // From source (tests, the command line through tsx): register tsx in the worker, then load the
  // TypeScript entry. Both URLs are ours, JSON-quoted into the bootstrap.
  const entry = new URL('./import-worker.ts', import.meta.url).href
  const bootstrap =
    `import(${JSON.stringify(tsxApiUrl())}).then((tsx) => {` +
    ` tsx.register({ tsconfig: false }); return import(${JSON.stringify(entry)}) })`
  return new Worker(bootstrap, { ...options, eval: true })
}

/**
 * The built worker entry (out/main/import-worker.js), when this module runs from the build: it
 * sits beside main's entry, or one folder up when this code landed in a shared chunk.
 */
function builtWorkerFile(): string | null {
  const here = import.meta.url
  if (here.endsWith('.ts')) return null
  for (const relative of ['./import-worker.js', '../import-worker.js']) {
    const file = fileURLToPath(new URL(relative, here))
    if (existsSync(file)) return file
  }
  throw new Error('the import worker (import-worker.js) is missing from the build')
}

/** The ES-module entry of tsx's API, found through tsx's package.json `exports`. */
function tsxApiUrl(): string {
  const require = createRequire(import.meta.url)
  const manifest = require.resolve('tsx/package.json')
  const pkg = require(manifest) as {
    exports: Record<string, { import?: { default?: string } | string }>
  }
  const entry = pkg.exports['./esm/api']?.import
  const relative = typeof entry === 'string' ? entry : entry?.default
  if (!relative) throw new Error('tsx/esm/api has no ES-module entry')
  return new URL(relative, pathToFileURL(manifest)).href
}
