// Runs a task (protocol.ts) in a worker thread of its own, so an export or a parse of annotation
// files never stalls main's event loop, which answers the window. Progress arrives as the worker
// posts it; aborting the signal asks the worker to stop at its next safe point (between two
// documents), and a worker that has not stopped within `grace` is terminated. A task's input and
// output cross by structured clone.
import type { Worker } from 'node:worker_threads'
import type { FromWorker, TaskName, TaskProgress, TaskStart, Tasks, ToWorker } from './protocol'
import { startWorker } from './start-worker'

/** Heap limit of a task's worker: a task that needs more fails alone instead of taking main down. */
const WORKER_HEAP_MB = 2048

/** A task that was cancelled. `forced`: the worker was terminated, not stopped by itself. */
export class TaskCancelled extends Error {
  constructor(readonly forced: boolean) {
    super('cancelled')
    this.name = 'TaskCancelled'
  }
}

/** A task whose worker died (out of memory, a crash): it could not clean up after itself. */
export class TaskCrashed extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TaskCrashed'
  }
}

export interface RunTaskOptions {
  onProgress?: (progress: TaskProgress) => void
  /** Aborting it cancels the task. */
  signal?: AbortSignal
  /** How long a cancelled worker may take to stop by itself, in ms (0: terminate at once). */
  grace?: number
  /** Words for messages: "the export". */
  what?: string
}

/** Runs `task` with `input` in a new worker thread; resolves with its output. */
export function runTask<K extends TaskName>(
  task: K,
  input: Tasks[K]['input'],
  opts: RunTaskOptions = {},
): Promise<Tasks[K]['output']> {
  const { signal, grace = 5000, what = `the ${task}` } = opts
  if (signal?.aborted) return Promise.reject(new TaskCancelled(false))
  const start: TaskStart<K> = { task, input }
  const worker: Worker = startWorker(
    { name: 'task-worker', dir: import.meta.url },
    start,
    WORKER_HEAP_MB,
  )
  return new Promise((resolve, reject) => {
    let settled = false
    let killer: NodeJS.Timeout | undefined
    const settle = (outcome: () => void) => {
      if (settled) return
      settled = true
      clearTimeout(killer)
      signal?.removeEventListener('abort', onAbort)
      // Settle once the thread has stopped: no file is written after the caller hears of it.
      void worker.terminate().then(outcome, outcome)
    }
    const onAbort = () => {
      worker.postMessage({ type: 'cancel' } satisfies ToWorker)
      killer = setTimeout(() => settle(() => reject(new TaskCancelled(true))), grace)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'progress':
          opts.onProgress?.({ done: message.done, total: message.total })
          break
        case 'done':
          settle(() => resolve(message.output as Tasks[K]['output']))
          break
        case 'cancelled':
          settle(() => reject(new TaskCancelled(false)))
          break
        case 'failed': {
          const error = new Error(message.message)
          error.name = message.name
          settle(() => reject(error))
          break
        }
      }
    })
    worker.on('error', (error: Error & { code?: string }) => {
      const message =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `${what} needed more than ${WORKER_HEAP_MB} MB of memory and was stopped`
          : `${what} stopped: ${error.message}`
      settle(() => reject(new TaskCrashed(message)))
    })
    worker.on('exit', (code) => {
      settle(() => reject(new TaskCrashed(`${what} stopped unexpectedly (exit code ${code})`)))
    })
  })
}
