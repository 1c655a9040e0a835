// How often a task worker tells main of its progress. An export steps once per document: 1,000
// messages for a 1,000-document export, each waking main's thread (Electron's main process in the
// app) while the worker pays the post (up to 70 ms of an export's time on the loaded machine).
// Main sends the window at most one progress event every 50 ms anyway (jobs.ts), so the worker
// posts at that rate too: the first step, then a step once 50 ms have passed since the last post.
// The last two steps always go: the last document's (after it the export only finishes its
// files) and the end.
import type { TaskProgress } from './protocol'

/** The least time between two progress posts, in ms (the last two steps aside). */
export const PROGRESS_EVERY_MS = 50

/** `post` for each progress step, at most one every PROGRESS_EVERY_MS (see the top). */
export function paced(
  post: (progress: TaskProgress) => void,
  now: () => number = () => performance.now(),
): (progress: TaskProgress) => void {
  let last = Number.NEGATIVE_INFINITY
  return (progress) => {
    const at = now()
    if (at - last < PROGRESS_EVERY_MS && progress.done < progress.total - 1) return
    last = at
    post(progress)
  }
}
