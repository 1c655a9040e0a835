// Autosave for one document. Why a class of its own: the rules are easy to get subtly wrong in a
// React effect — save within a second of the last change (debounce, capped by a maximum wait),
// never two saves in flight (a late save must not overwrite a newer one on disk), coalesce the
// changes made during a save into one follow-up save, keep a failed value so Retry can write it,
// and flush on demand (switching documents, closing the window) without losing the last edit.
import { messageOf } from '../common/error-message'

/** What the status bar shows. */
export type SaveState =
  | { kind: 'saved'; savedAt: string | null }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'error'; message: string }
  /** The project is read-only: nothing is saved (shown by the shell, never by the scheduler). */
  | { kind: 'read-only' }

/** Timer functions, injectable so tests can drive time. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
  now(): number
}

export interface AutosaveOptions<T> {
  /** Writes `value`; resolves with the time it was saved (ISO string). */
  save: (value: T) => Promise<string>
  /** Quiet time after the last change before saving. */
  debounceMs?: number
  /** Longest a change may wait while changes keep coming. */
  maxWaitMs?: number
  onState?: (state: SaveState) => void
  timers?: Timers
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
}

/** Debounced, serialized, coalescing saver for one document's annotations. */
export class AutosaveScheduler<T> {
  private readonly save: (value: T) => Promise<string>
  private readonly debounceMs: number
  private readonly maxWaitMs: number
  private readonly timers: Timers
  private readonly onState?: (state: SaveState) => void

  private pending: { value: T } | null = null
  private firstChangeAt: number | null = null
  private timer: unknown = null
  /** Set when the timer fired while a save was in flight: start the next one as soon as it ends. */
  private due = false
  private inFlight: Promise<void> | null = null
  private current: SaveState = { kind: 'saved', savedAt: null }
  private disposed = false

  constructor(options: AutosaveOptions<T>) {
    this.save = options.save
    this.debounceMs = options.debounceMs ?? 400
    this.maxWaitMs = options.maxWaitMs ?? 1000
    this.timers = options.timers ?? realTimers
    this.onState = options.onState
  }

  /** The current save state. */
  get state(): SaveState {
    return this.current
  }

  /** True while a change is waiting or being written. */
  get dirty(): boolean {
    return this.pending !== null || this.inFlight !== null
  }

  /** Records a change; the latest value is saved once changes pause (or the max wait passes). */
  schedule(value: T): void {
    if (this.disposed) return
    this.pending = { value }
    const now = this.timers.now()
    if (this.firstChangeAt === null) this.firstChangeAt = now
    const wait = Math.max(0, Math.min(this.debounceMs, this.firstChangeAt + this.maxWaitMs - now))
    this.clearTimer()
    this.timer = this.timers.setTimeout(() => this.fire(), wait)
    if (!this.inFlight) this.setState({ kind: 'pending' })
  }

  /**
   * Writes any waiting change now and resolves when everything is on disk; rejects with the save's
   * error if the last attempt failed (the value is kept for a later retry).
   */
  async flush(): Promise<void> {
    this.clearTimer()
    // A finishing save may start the next one itself, so wait until nothing is in flight.
    while (this.inFlight) await this.inFlight
    if (this.pending) {
      this.start()
      // Read through a call: the compiler keeps `inFlight` narrowed to null across start().
      for (let p = this.running(); p; p = this.running()) await p
    }
    if (this.current.kind === 'error') throw new Error(this.current.message)
  }

  /** The save in flight, if any. */
  private running(): Promise<void> | null {
    return this.inFlight
  }

  /** Tries again after an error; never rejects (the state shows the outcome). */
  async retry(): Promise<void> {
    await this.flush().catch(() => undefined)
  }

  /** Stops the timer; later changes are ignored. Call flush() first to keep pending changes. */
  dispose(): void {
    this.disposed = true
    this.clearTimer()
  }

  private fire(): void {
    this.timer = null
    if (this.inFlight) this.due = true
    else this.start()
  }

  private start(): void {
    const pending = this.pending
    if (!pending) return
    this.pending = null
    this.firstChangeAt = null
    this.due = false
    this.setState({ kind: 'saving' })
    this.inFlight = this.save(pending.value).then(
      (savedAt) => {
        this.inFlight = null
        if (this.pending && this.due) this.start()
        else if (this.pending) this.setState({ kind: 'pending' })
        else this.setState({ kind: 'saved', savedAt })
      },
      (error: unknown) => {
        this.inFlight = null
        // Keep the failed value unless a newer change replaced it, so Retry writes the latest.
        if (!this.pending) this.pending = pending
        this.due = false
        this.setState({ kind: 'error', message: messageOf(error) })
      },
    )
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer)
    this.timer = null
  }

  private setState(state: SaveState): void {
    this.current = state
    this.onState?.(state)
  }
}
