// Runs import jobs in a worker thread, so parsing a 200-page PDF or a hostile web page never
// stalls main's event loop (which answers the window). Main receives each job's result in order
// and stores it; progress arrives as the worker reads. A worker that dies (out of memory on a
// decompression bomb, a crash in a library) fails only the job it was on: a new worker takes
// the rest. Cancelling terminates the worker. A worker that finished its batch is kept idle for
// the next import for a while, so its libraries (pdf.js, jsdom, mammoth) load once.
import type { Worker } from 'node:worker_threads'
import { startWorker } from '../../workers/start-worker'
import type { ConvertedDocument } from '../converted'
import type { PreAnnotate } from '../pre-annotate-settings'
import type { ImportJob, WorkerBatch, WorkerMessage } from './protocol'

/** One job's outcome, in job order. `threadId` is the worker thread that converted it. */
export type JobOutcome =
  | { index: number; converted: ConvertedDocument; threadId: number }
  | { index: number; message: string; threadId?: number }

export interface RunOptions {
  /** Progress within job `index` (e.g. pages read of a PDF). */
  onProgress?: (index: number, done: number, total: number) => void
  /** Aborting terminates the worker; jobs not yet finished are reported as cancelled. */
  signal?: AbortSignal
  /** Pre-annotate each document in the worker (see pre-annotate.ts). */
  preAnnotate?: PreAnnotate
}

/** Heap limit of the worker: a file that needs more fails alone instead of taking main down. */
const WORKER_HEAP_MB = 3072
/** How long an idle worker is kept for the next import (its libraries stay loaded). */
const IDLE_MS = 30_000

let idle: { worker: Worker; timer: NodeJS.Timeout } | null = null
let batches = 0

/** An idle worker if there is one, else a new one. */
function acquireWorker(): Worker {
  if (idle) {
    const { worker, timer } = idle
    idle = null
    clearTimeout(timer)
    worker.ref()
    return worker
  }
  return startImportWorker()
}

/**
 * Keeps a worker that finished its batch for the next import, for IDLE_MS. It is unref'd, so an
 * idle worker never keeps the process (the command line) alive.
 */
function releaseWorker(worker: Worker): void {
  if (idle) {
    void worker.terminate() // never rejects (resolves with the exit code); nothing waits for it
    return
  }
  worker.unref()
  const timer = setTimeout(() => {
    if (idle?.worker === worker) idle = null
    void worker.terminate() // never rejects (resolves with the exit code); nothing waits for it
  }, IDLE_MS)
  timer.unref()
  idle = { worker, timer }
  worker.once('exit', () => {
    if (idle?.worker !== worker) return
    clearTimeout(idle.timer)
    idle = null
  })
}

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
    const batch = ++batches
    const queue = new OutcomeQueue()
    const worker = acquireWorker()
    const abort = () => queue.close('cancelled', worker)
    options.signal?.addEventListener('abort', abort, { once: true })
    const onMessage = (message: WorkerMessage) => {
      if (message.batch !== batch) return
      if (message.type === 'progress') {
        options.onProgress?.(message.index, message.done, message.total)
      } else if (message.type === 'result') {
        const { index, converted, threadId } = message
        queue.push({ index, converted, threadId })
      } else if (message.type === 'failed') {
        const { index, threadId } = message
        queue.push({ index, message: message.message, threadId })
      } else queue.finish()
    }
    const onError = (error: Error) => queue.close(crashMessage(error), worker)
    const onExit = () => queue.close('the import stopped unexpectedly', worker)
    worker.on('message', onMessage)
    worker.on('error', onError)
    worker.on('exit', onExit)
    worker.postMessage({
      batch,
      jobs: jobs.slice(next),
      firstIndex: next,
      preAnnotate: options.preAnnotate,
    } satisfies WorkerBatch)
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
      worker.off('message', onMessage)
      worker.off('error', onError)
      worker.off('exit', onExit)
      // A worker that finished its batch serves the next import; any other is ended.
      if (queue.finished) releaseWorker(worker)
      else await worker.terminate()
    }
  }
}

/** Outcomes posted by the worker, taken one at a time; `close` ends the stream with a reason. */
class OutcomeQueue {
  private readonly items: JobOutcome[] = []
  private waiting: ((outcome: JobOutcome | null) => void) | null = null
  private closed = false
  failure: string | null = null
  /** Set when the worker said its batch is done (it can take another). */
  finished = false

  push(outcome: JobOutcome): void {
    if (this.closed) return
    if (this.waiting) {
      const resolve = this.waiting
      this.waiting = null
      resolve(outcome)
    } else this.items.push(outcome)
  }

  /** Ends the stream when the worker finished the batch. */
  finish(): void {
    if (this.closed) return
    this.finished = true
    this.end()
  }

  /** Ends the stream because the worker failed or was cancelled, and stops the worker. */
  close(reason: string, worker: Worker): void {
    if (this.closed) return
    this.failure = reason
    void worker.terminate() // never rejects (resolves with the exit code); nothing waits for it
    this.end()
  }

  private end(): void {
    this.closed = true
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

/** The import worker (import-worker.ts, built as import-worker.js), started the one shared way. */
function startImportWorker(): Worker {
  return startWorker({ name: 'import-worker', dir: import.meta.url }, undefined, WORKER_HEAP_MB)
}
