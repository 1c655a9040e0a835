// Is text readable in the current theme? The text colour of an element and the background it is
// read against (its first ancestor with a non-transparent background), and their luminance.
import type { Locator } from '@playwright/test'

/** The text colour of the element and the first non-transparent background behind it. */
export async function textColours(el: Locator): Promise<{ text: string; background: string }> {
  return el.evaluate((node) => {
    let at: Element | null = node
    let background = 'rgba(0, 0, 0, 0)'
    while (at && /rgba\(0, 0, 0, 0\)|transparent/.test(background)) {
      background = getComputedStyle(at).backgroundColor
      at = at.parentElement
    }
    return { text: getComputedStyle(node).color, background }
  })
}

/** Relative luminance (0 black … 1 white) of a CSS rgb()/rgba() colour. */
export function luminance(css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map(Number)
  const lin = (c: number) => {
    const v = c / 255
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}
