// Bringing something of the article (a span, a suggestion's outline) to the middle of the view.

/**
 * Scrolls an element to the middle of its scroller: smoothly, or in a long article at once when
 * it is screens away. A long smooth scroll passes blocks laid out only as they come into view
 * (`content-visibility: auto`, estimated heights), so the spot it aimed at moves under it and it
 * can land far from the span; a jump lands where aimed, and scroll anchoring keeps it there.
 */
export function scrollToCentre(el: HTMLElement): void {
  const box = el.getBoundingClientRect()
  const screen = el.ownerDocument.defaultView?.innerHeight ?? 800
  // Only long articles lay out blocks as they come into view (`.mg-long`, see isLongArticle).
  const long = !!el.closest('.mg-long')
  const near = !long || (box.bottom > -screen && box.top < 2 * screen)
  el.scrollIntoView({ block: 'center', behavior: near && !reducedMotion() ? 'smooth' : 'auto' })
}

/** Whether the user asked the system for less motion. */
export function reducedMotion(): boolean {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false
}
