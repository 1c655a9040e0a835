// The long tasks main runs for the window (exports, imports of annotations), each under a job id:
// its progress events carry the id, and `task:cancel` takes it. Progress goes out at most every
// 50 ms (and always the first and the last two steps: core/workers/progress-posts.ts, the same gate
// the task worker posts through), so a 10,000-document export sends a few dozen events.
import { randomUUID } from 'node:crypto'
import type { MainEvent } from '../shared/ipc-contract'
import { progressGate } from './core/workers/progress-posts'

/** A running job: its id, the signal that cancels it, and how it reports progress. */
export interface Job {
  id: string
  signal: AbortSignal
  progress: (done: number, total: number) => void
  /** Forgets the job (call when it ends, whichever way). */
  end: () => void
}

/** The jobs running now. */
export class Jobs {
  readonly #running = new Map<string, AbortController>()

  constructor(
    private readonly emit: (event: MainEvent) => void,
    /** A signal that cancels the jobs started now too (the open project's: it closed). */
    private readonly until: () => AbortSignal | undefined = () => undefined,
  ) {}

  /** Starts a job of `task` ('export', 'annotation-import') and announces it (done 0). */
  start(task: string, total = 0): Job {
    const id = randomUUID()
    const controller = new AbortController()
    const until = this.until()
    const stop = () => controller.abort()
    if (until?.aborted) stop()
    until?.addEventListener('abort', stop, { once: true })
    this.#running.set(id, controller)
    const gate = progressGate()
    const progress = (done: number, all: number) => {
      if (gate(done, all)) this.emit({ type: 'progress', task, job: id, done, total: all })
    }
    progress(0, total)
    const end = () => {
      this.#running.delete(id)
      until?.removeEventListener('abort', stop)
    }
    return { id, signal: controller.signal, progress, end }
  }

  /** Cancels the job `id`; false when it is not running. */
  cancel(id: string): boolean {
    const controller = this.#running.get(id)
    controller?.abort()
    return controller !== undefined
  }

  /** Cancels every running job (the window is going away). */
  cancelAll(): void {
    for (const controller of this.#running.values()) controller.abort()
  }
}
