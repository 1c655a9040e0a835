// How often a task worker tells main of its progress. An export steps once per document: 1,000
// messages for a 1,000-document export, each waking main's thread (Electron's main process in the
// app) while the worker pays the post (up to 70 ms of an export's time on the loaded machine).
// Main sends the window at most one progress event every 50 ms anyway (jobs.ts, through the same
// gate), so the worker posts at that rate too: the first step, then a step once 50 ms have passed
// since the last post. The last two steps always go: the last document's (after it the export
// only finishes its files) and the end.
import type { TaskProgress } from './protocol'

/** The least time between two progress posts, in ms (the first and the last two steps aside). */
export const PROGRESS_EVERY_MS = 50

/**
 * Whether a progress step goes out: the first and the last two always, any other once
 * PROGRESS_EVERY_MS have passed since the last that went. Main's job events (jobs.ts) use the same
 * gate.
 */
export function progressGate(
  now: () => number = () => performance.now(),
): (done: number, total: number) => boolean {
  let last = Number.NEGATIVE_INFINITY
  return (done, total) => {
    const at = now()
    if (done > 0 && done < total - 1 && at - last < PROGRESS_EVERY_MS) return false
    last = at
    return true
  }
}

/** `post` for each progress step that passes `progressGate` (see the top). */
export function paced(
  post: (progress: TaskProgress) => void,
  now?: () => number,
): (progress: TaskProgress) => void {
  const gate = progressGate(now)
  return (progress) => {
    if (gate(progress.done, progress.total)) post(progress)
  }
}
