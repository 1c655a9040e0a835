// Running work when the browser is idle: an idle callback with a deadline (so a busy page still
// gets to it), or a task where the browser has no idle callbacks. Returns the cancel.

/** Runs `f` in an idle callback of `win` (at the latest after `timeoutMs`); returns the cancel. */
export function whenIdle(f: () => void, timeoutMs: number, win: Window = window): () => void {
  if (typeof win.requestIdleCallback === 'function') {
    const id = win.requestIdleCallback(() => f(), { timeout: timeoutMs })
    return () => win.cancelIdleCallback(id)
  }
  const id = win.setTimeout(f, 0)
  return () => win.clearTimeout(id)
}
