// Work that must not run before the browser has painted what was just committed: it reads layout
// (which, in the task that mounts a new article, would lay the whole article out there and then),
// or it marks the screen as shown. It runs in a task after the next frame: by then the frame's
// style, layout and paint have been produced.

/** Runs `f` in a task after the next frame (at once where there are no frames); returns the cancel. */
export function afterPaint(f: () => void): () => void {
  if (typeof requestAnimationFrame !== 'function') {
    f()
    return () => {}
  }
  let timer: ReturnType<typeof setTimeout> | undefined
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(f, 0)
  })
  return () => {
    cancelAnimationFrame(frame)
    clearTimeout(timer)
  }
}
