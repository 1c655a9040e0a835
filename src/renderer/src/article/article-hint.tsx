// A short note by the caret or the selected span saying why a key did nothing ("Select some text
// first…"), so the answer appears where the user is looking rather than in a bar across the window.
// Announced politely; it goes away on the next key press or click, or after a few seconds.
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useWindowEvent } from '../common/use-window-event'
import type { Box } from './palette-position'

/** A hint and the viewport box it points at (null: the top of the article's visible area). */
export interface Hint {
  message: string
  anchor: Box | null
  /** Distinguishes two hints with the same text, so the second restarts the timer. */
  seq: number
  /** When it was shown (`performance.now()`), to tell the key press that showed it from later ones. */
  shownAt: number
}

/** How long a hint stays. */
const HINT_MS = 5000

interface ArticleHintProps {
  hint: Hint
  /** The scroll container the hint is absolutely positioned in. */
  container: HTMLElement | null
  /** Clears the hint `seq` (a newer hint shown meanwhile stays). */
  onDismiss: (seq: number) => void
}

/** The floating hint, placed above (or below) its anchor inside the article's visible area. */
export function ArticleHint({ hint, container, onDismiss }: ArticleHintProps) {
  const ref = useRef<HTMLDivElement>(null)
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null)

  useLayoutEffect(() => {
    const el = ref.current
    if (!el || !container) return
    setPosition(placeHint(hint.anchor, el, container))
  }, [hint, container])

  useEffect(() => {
    const timer = setTimeout(() => onDismiss(hint.seq), HINT_MS)
    return () => clearTimeout(timer)
  }, [hint, onDismiss])

  // The next key press or click clears it. React may re-render between two listeners of one
  // event, so this can hear the very key press that showed the hint: events from before it
  // was shown are ignored.
  const dismiss = (event: Event) => {
    if (event.timeStamp > hint.shownAt) onDismiss(hint.seq)
  }
  useWindowEvent('keydown', dismiss)
  useWindowEvent('pointerdown', dismiss)

  return (
    <div
      ref={ref}
      className="article-hint"
      role="status"
      style={position ? { top: position.top, left: position.left } : { visibility: 'hidden' }}
    >
      {hint.message}
    </div>
  )
}

/**
 * Where the hint goes in the container's content (so it stays by its anchor as the article
 * scrolls): just above the anchor, or below it when that would leave the visible area's top;
 * never past the container's sides. Without an anchor, at the top of the visible area.
 */
function placeHint(
  anchor: Box | null,
  el: HTMLElement,
  container: HTMLElement,
  gap = 8,
): { top: number; left: number } {
  const box = container.getBoundingClientRect()
  const width = el.offsetWidth
  const maxLeft = Math.max(gap, container.clientWidth - gap - width)
  if (!anchor) return { top: container.scrollTop + gap, left: Math.min(gap * 6, maxLeft) }
  const top = anchor.top - box.top + container.scrollTop
  const above = top - gap - el.offsetHeight
  const left = anchor.left - box.left + container.scrollLeft
  return {
    top: above >= container.scrollTop + gap ? above : top + anchor.height + gap,
    left: Math.min(Math.max(gap, left), maxLeft),
  }
}
