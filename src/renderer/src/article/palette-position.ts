// Where the floating tag palette goes: just above the selection, or below it when there is no room
// above, and always inside the viewport so no button is cut off.

export interface Box {
  top: number
  left: number
  width: number
  height: number
}

/** The top-left corner (viewport coordinates) of a palette of `size` for the selection `anchor`. */
export function placePalette(
  anchor: Box,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  gap = 8,
): { top: number; left: number } {
  const above = anchor.top - gap - size.height
  const below = anchor.top + anchor.height + gap
  const fitsBelow = below + size.height <= viewport.height - gap
  const top = above >= gap ? above : fitsBelow ? below : gap
  const centred = anchor.left + anchor.width / 2 - size.width / 2
  const left = Math.min(Math.max(gap, centred), Math.max(gap, viewport.width - gap - size.width))
  return { top, left }
}

/**
 * The top-left corner (viewport coordinates) of a popup of `size` next to `anchor` (a line of
 * text): below it when it fits, else above it, else on the side with more room; always inside the
 * viewport, so the whole popup shows without scrolling what is under it.
 */
export function placeBeside(
  anchor: Box,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  gap = 8,
): { top: number; left: number } {
  const below = anchor.top + anchor.height + gap
  const above = anchor.top - gap - size.height
  const lowest = Math.max(gap, viewport.height - gap - size.height)
  let top: number
  if (below + size.height <= viewport.height - gap) top = below
  else if (above >= gap) top = above
  else top = viewport.height - below > anchor.top ? below : above
  top = Math.min(Math.max(gap, top), lowest)
  const left = Math.min(
    Math.max(gap, anchor.left),
    Math.max(gap, viewport.width - gap - size.width),
  )
  return { top, left }
}
