// When the work that no screen is waiting for may run at start-up: the hidden views' first renders
// (see ViewPanel). Run as soon as the browser was idle, they landed while the window waited for the
// document (main reading it), or between its first highlights, and each one's mount was a task of
// its own of up to a few hundred ms on a 1 MB article. They now wait until the window has shown
// its first complete screen (`markShown`: the document drawn, or nothing to draw), then run one at a
// time, each in an idle callback of its own, so no two pile up in one busy stretch.
import { afterPaint } from '../common/after-paint'
import { whenIdle } from '../common/when-idle'

/** How long deferred work waits for the first screen at most (a start-up that never reports it). */
export const FIRST_SCREEN_WAIT_MS = 10_000

/** The browser's idle callbacks, or a task where there are none. */
export interface IdleScheduler {
  request(f: () => void): () => void
  /** A delay (for the wait's upper bound). */
  delay(f: () => void, ms: number): () => void
}

const browserIdle: IdleScheduler = {
  request: (f) => whenIdle(f, 5000),
  delay(f, ms) {
    const id = setTimeout(f, ms)
    return () => clearTimeout(id)
  },
}

/** Work deferred until the first screen is shown, then run one piece per idle callback. */
export class StartUpQueue {
  private shown = false
  private readonly queue: (() => void)[] = []
  private cancelIdle: (() => void) | null = null
  private cancelWait: (() => void) | null = null

  constructor(private readonly idle: IdleScheduler = browserIdle) {}

  /** The window has shown its first complete screen: deferred work may start. */
  markShown(): void {
    if (this.shown) return
    this.shown = true
    this.cancelWait?.()
    this.cancelWait = null
    this.next()
  }

  /** Whether the first screen has been shown (or the wait for it ran out). */
  get started(): boolean {
    return this.shown
  }

  /** Runs `f` in an idle callback of its own once the first screen is shown; returns the cancel. */
  whenIdle(f: () => void): () => void {
    const entry = () => f()
    this.queue.push(entry)
    if (this.shown) this.next()
    else this.cancelWait ??= this.idle.delay(() => this.markShown(), FIRST_SCREEN_WAIT_MS)
    return () => {
      const at = this.queue.indexOf(entry)
      if (at >= 0) this.queue.splice(at, 1)
    }
  }

  /** Asks for the idle callback that runs the next piece of work (one at a time). */
  private next(): void {
    if (this.cancelIdle || this.queue.length === 0) return
    this.cancelIdle = this.idle.request(() => {
      this.cancelIdle = null
      this.queue.shift()?.()
      this.next()
    })
  }
}

/** The window's start-up queue. */
export const startUp = new StartUpQueue()

/**
 * Marks the first screen shown after the frame that paints what was just committed (a frame, then
 * a task: the paint has been produced by then).
 */
export function markShownAfterPaint(queue: StartUpQueue = startUp): void {
  if (!queue.started) afterPaint(() => queue.markShown())
}
