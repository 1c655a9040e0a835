// Runs import jobs in a worker thread, so parsing a 200-page PDF or a hostile web page never
// stalls main's event loop (which answers the window). Main receives each job's result in order
// and stores it; progress arrives as the worker reads. A worker that dies (out of memory on a
// decompression bomb, a crash in a library) fails only the job it was on: a new worker takes
// the rest. A worker that finished its batch is kept idle for the next import for a while, so its
// libraries (pdf.js, jsdom, mammoth) load once.
//
// Cancelling does not terminate a busy worker: it asks the worker to stop at its next safe point
// (between two files, or two pages of a PDF), and the stopped worker serves the next import.
// Terminating a thread cuts it off at any instruction, and Node aborts the whole process when the
// cut falls inside a zlib stream's set-up (pdf.js inflates through DecompressionStream): the
// assertion `CompressionStream::Close: init_done_` during the thread's cleanup. In the app that
// process is Electron's main process. Only a worker that has not stopped STOP_GRACE_MS after the
// cancel is terminated, as a last resort; idle workers (nothing running) are ended freely.
import type { Worker } from 'node:worker_threads'
import { startWorker } from '../../workers/start-worker'
import type { ConvertedDocument } from '../converted'
import type { PreAnnotate } from '../pre-annotate-settings'
import type { ImportJob, ToImportWorker, WorkerBatch, WorkerMessage } from './protocol'

/** One job's outcome, in job order. `threadId` is the worker thread that converted it. */
export type JobOutcome =
  | { index: number; converted: ConvertedDocument; threadId: number }
  | { index: number; message: string; threadId?: number }

export interface RunOptions {
  /** Progress within job `index` (e.g. pages read of a PDF). */
  onProgress?: (index: number, done: number, total: number) => void
  /** Aborting cancels: jobs not yet finished are reported as cancelled at once. */
  signal?: AbortSignal
  /** Pre-annotate each document in the worker (see pre-annotate.ts). */
  preAnnotate?: PreAnnotate
}

/** Heap limit of the worker: a file that needs more fails alone instead of taking main down. */
const WORKER_HEAP_MB = 3072
/** How long an idle worker is kept for the next import (its libraries stay loaded). */
const IDLE_MS = 30_000
/** How long a cancelled worker may take to reach a safe point before it is terminated. */
const STOP_GRACE_MS = 15_000

let idle: { worker: Worker; timer: NodeJS.Timeout; onExit: () => void } | null = null
let batches = 0
/** Settles when the last cancelled worker has stopped (and is idle, or gone). */
let stopping: Promise<void> = Promise.resolve()

/**
 * An idle worker if there is one, else a new one. A worker still stopping a cancelled batch is a
 * page away from idle: it is waited for rather than a new one started (and pdf.js loaded again).
 */
async function acquireWorker(): Promise<Worker> {
  if (!idle) await stopping
  if (idle) {
    const { worker, timer, onExit } = idle
    idle = null
    clearTimeout(timer)
    worker.off('exit', onExit)
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
  const onExit = () => {
    if (idle?.worker !== worker) return
    clearTimeout(idle.timer)
    idle = null
  }
  idle = { worker, timer, onExit }
  worker.once('exit', onExit)
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
    const worker = await acquireWorker()
    if (options.signal?.aborted) {
      // Cancelled while a stopping worker was awaited: the rest is cancelled, the worker kept.
      releaseWorker(worker)
      for (; next < jobs.length; next++) yield { index: next, message: 'cancelled' }
      break
    }
    const abort = () => {
      queue.close('cancelled')
      worker.postMessage({ type: 'cancel', batch } satisfies ToImportWorker)
    }
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
    const onError = (error: Error) => queue.close(crashMessage(error), { dead: true })
    const onExit = () => queue.close('the import stopped unexpectedly', { dead: true })
    worker.on('message', onMessage)
    worker.on('error', onError)
    worker.on('exit', onExit)
    worker.postMessage({
      type: 'convert',
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
      // A worker that finished its batch serves the next import, and so does one that stops a
      // cancelled batch (or one left unread by the caller) at its next safe point. A dead one is
      // left to its exit.
      if (queue.finished) releaseWorker(worker)
      else if (!queue.dead) stopThenRelease(worker, batch)
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
  /** Set when the worker crashed or exited. */
  dead = false

  push(outcome: JobOutcome): void {
    if (this.closed) return
    if (this.waiting) {
      const resolve = this.waiting
      this.waiting = null
      resolve(outcome)
    } else this.items.push(outcome)
  }

  /** Ends the stream when the worker finished the batch (heard even after a cancel closed it). */
  finish(): void {
    this.finished = true
    if (!this.closed) this.end()
  }

  /** Ends the stream because the worker died (`dead`) or was cancelled. */
  close(reason: string, { dead = false } = {}): void {
    if (this.closed) return
    this.failure = reason
    this.dead = dead
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

/**
 * Lets a worker stop batch `batch` by itself (it was cancelled, or its outcomes were left unread),
 * then keeps it for the next import; terminates it only if it has not stopped in STOP_GRACE_MS.
 */
function stopThenRelease(worker: Worker, batch: number): void {
  let stopped = () => {}
  stopping = new Promise((resolve) => (stopped = resolve))
  const onMessage = (message: WorkerMessage) => {
    if (message.batch !== batch || message.type !== 'done') return
    stopWaiting()
    releaseWorker(worker)
  }
  const stopWaiting = () => {
    clearTimeout(timer)
    worker.off('message', onMessage)
    worker.off('exit', stopWaiting)
    stopped()
  }
  const timer = setTimeout(() => {
    stopWaiting()
    void worker.terminate() // the last resort (see the head of this file); never rejects
  }, STOP_GRACE_MS)
  worker.on('message', onMessage)
  worker.once('exit', stopWaiting)
  worker.postMessage({ type: 'cancel', batch } satisfies ToImportWorker)
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
