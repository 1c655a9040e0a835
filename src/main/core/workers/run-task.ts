// Runs a task (protocol.ts) in a worker thread of its own, so an export or a parse of annotation
// files never stalls main's event loop, which answers the window. Progress arrives as the worker
// posts it; aborting the signal asks the worker to stop at its next safe point (between two
// documents). A task's input and output cross by structured clone.
//
// A worker is left to end by itself: it exits once its task has answered. Terminating a thread
// cuts it off at any instruction, and Node aborts the whole process (Electron's main process, in
// the app) when the cut falls inside a zlib stream's set-up (`CompressionStream::Close:
// init_done_`). So terminate() is only the last resort: for a cancelled worker that has not
// stopped within `grace`, or one that has answered but not exited within EXIT_GRACE_MS.
//
// Starting a worker and loading what its task needs takes about half a second. `prepareTask`
// starts one ahead, while the user is still choosing where to save: the next `runTask` of that
// task takes it instead of starting its own. It is still one worker per task, which ends after
// it (its memory goes with it, and one task's failure cannot reach the next); a spare nobody
// takes is let go after SPARE_MS.
import type { Worker } from 'node:worker_threads'
import type {
  FromWorker,
  TaskName,
  TaskProgress,
  TaskStart,
  Tasks,
  ToWorker,
  WorkerStart,
} from './protocol'
import { startWorker } from './start-worker'

/** Heap limit of a task's worker: a task that needs more fails alone instead of taking main down. */
const WORKER_HEAP_MB = 2048
/** How long a worker that has answered may take to exit by itself before it is terminated. */
const EXIT_GRACE_MS = 5000
/** How long a spare worker waits for its task before it is let go. */
const SPARE_MS = 120_000

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

/**
 * Runs `task` with `input` in a worker thread of its own (the spare `prepareTask` started for it,
 * or a new one); resolves with its output.
 */
export function runTask<K extends TaskName>(
  task: K,
  input: Tasks[K]['input'],
  opts: RunTaskOptions = {},
): Promise<Tasks[K]['output']> {
  const { signal, grace = 5000, what = `the ${task}` } = opts
  if (signal?.aborted) return Promise.reject(new TaskCancelled(false))
  const start: TaskStart<K> = { task, input }
  const prepared = takeSpare(task)
  const worker = prepared ?? startTaskWorker(start)
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  return new Promise((resolve, reject) => {
    let settled = false
    let killer: NodeJS.Timeout | undefined
    /** Settles once the thread has stopped: no file is written after the caller hears of it. */
    const settle = (outcome: () => void, stop: 'exit' | 'terminate' | 'dead') => {
      if (settled) return
      settled = true
      clearTimeout(killer)
      signal?.removeEventListener('abort', onAbort)
      if (stop === 'dead') return outcome()
      if (stop === 'terminate') return void worker.terminate().then(outcome, outcome)
      const late = setTimeout(() => void worker.terminate(), EXIT_GRACE_MS)
      void exited.then(() => {
        clearTimeout(late)
        outcome()
      })
    }
    const onAbort = () => {
      worker.postMessage({ type: 'cancel' } satisfies ToWorker)
      killer = setTimeout(() => settle(() => reject(new TaskCancelled(true)), 'terminate'), grace)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'progress':
          opts.onProgress?.({ done: message.done, total: message.total })
          break
        case 'done':
          settle(() => resolve(message.output as Tasks[K]['output']), 'exit')
          break
        case 'cancelled':
          settle(() => reject(new TaskCancelled(false)), 'exit')
          break
        case 'failed': {
          const error = new Error(message.message)
          error.name = message.name
          settle(() => reject(error), 'exit')
          break
        }
      }
    })
    worker.on('error', (error: Error & { code?: string }) => {
      const message =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `${what} needed more than ${WORKER_HEAP_MB} MB of memory and was stopped`
          : `${what} stopped: ${error.message}`
      settle(() => reject(new TaskCrashed(message)), 'exit') // an uncaught error: it is exiting
    })
    worker.on('exit', (code) => {
      const message = `${what} stopped unexpectedly (exit code ${code})`
      settle(() => reject(new TaskCrashed(message)), 'dead')
    })
    // A spare is given its task once every listener is on (a cancel goes after it).
    if (prepared) prepared.postMessage({ type: 'run', ...start } satisfies ToWorker)
  })
}

/** A worker started ahead for `task`, waiting for it (task-worker.ts). */
interface Spare {
  task: TaskName
  worker: Worker
  timer: NodeJS.Timeout
  /** Forgets the spare when its thread ends before it is taken. */
  gone: () => void
  /** Settles once it has loaded what its task needs (or has ended). */
  ready: Promise<void>
}

let spare: Spare | null = null

function startTaskWorker(start: WorkerStart): Worker {
  return startWorker({ name: 'task-worker', dir: import.meta.url }, start, WORKER_HEAP_MB)
}

/**
 * Starts a worker for `task` ahead of its `runTask`, which then finds what the task needs
 * loaded (nothing happens when a spare for `task` is already waiting: it waits longer). One
 * spare at most: a spare for another task is let go. It is let go after `keepMs` untaken.
 * Resolves once the spare is ready (it never rejects: a spare that fails is simply not used).
 */
export function prepareTask(task: TaskName, keepMs = SPARE_MS): Promise<void> {
  if (spare?.task === task) {
    spare.timer.refresh()
    return spare.ready
  }
  releaseSpare()
  let worker: Worker
  try {
    worker = startTaskWorker({ prepare: task })
  } catch {
    return Promise.resolve() // the task's own start fails the same way, and says so
  }
  worker.unref() // a spare alone never keeps the process (the command line) running
  const ready = new Promise<void>((resolve) => {
    const onReady = (message: FromWorker) => {
      if (message.type !== 'ready') return
      worker.off('message', onReady)
      resolve()
    }
    worker.on('message', onReady)
    worker.once('exit', () => resolve())
  })
  const gone = () => {
    if (spare?.worker !== worker) return
    clearTimeout(spare.timer)
    spare = null
  }
  worker.once('exit', gone)
  worker.on('error', gone) // a spare that failed to start: the next task starts its own
  const timer = setTimeout(releaseSpare, keepMs)
  timer.unref()
  spare = { task, worker, timer, gone, ready }
  return ready
}

/** The spare for `task`, now the caller's (kept alive by it), or null when there is none. */
function takeSpare(task: TaskName): Worker | null {
  if (spare?.task !== task) return null
  const { worker, timer, gone } = spare
  spare = null
  clearTimeout(timer)
  worker.off('exit', gone)
  worker.off('error', gone)
  worker.ref()
  return worker
}

/** Lets the waiting spare go, if there is one: it ends by itself. */
export function releaseSpare(): void {
  if (!spare) return
  const { worker, timer } = spare
  spare = null
  clearTimeout(timer)
  worker.postMessage({ type: 'release' } satisfies ToWorker)
}
