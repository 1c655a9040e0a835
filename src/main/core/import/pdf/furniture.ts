// Page furniture: running headers and footers and page numbers, which a printed page repeats but
// an article does not contain. A line is furniture when it is among the outermost lines at the
// top or bottom of its page and either reads as a page number ("7", "Page 7", "7 of 12", "– 7 –",
// "vii") or repeats, digits aside, at the same edge on a good share of the pages.

import type { Line } from './lines'

/** Lines looked at, at each edge of a page. */
const EDGE_LINES = 2
/** The share of the page's height, at top and bottom, where furniture may sit. */
const EDGE_ZONE = 0.15
/** The share of pages a header or footer must appear on (and at least two pages). */
const REPEAT_SHARE = 0.4

const PAGE_NUMBER =
  /^(?:page\s*)?#+(?:\s*(?:of|\/)\s*#+)?$|^[-–—]\s*#+\s*[-–—]$|^(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/

/** A page's lines (top to bottom) and its height. */
export interface PageLines {
  lines: Line[]
  height: number
}

/** How far (in points) a running header may move between pages and still be the same one. */
const SAME_PLACE = 3

/** Removes running headers, footers and page numbers; returns each page's remaining lines. */
export function withoutFurniture(pages: PageLines[]): Line[][] {
  const edges = pages.map(edgeLines)
  const seen = { top: [] as Line[], bottom: [] as Line[] }
  for (const edge of edges) {
    seen.top.push(...edge.top)
    seen.bottom.push(...edge.bottom)
  }
  const needed = Math.max(2, Math.ceil(pages.length * REPEAT_SHARE))
  /** On how many pages the same text (digits aside) stands at the same place on that edge. */
  const repeats = (line: Line, side: 'top' | 'bottom') => {
    const key = keyOf(line.text)
    const pagesWith = new Set(
      seen[side]
        .filter((l) => Math.abs(l.y - line.y) <= SAME_PLACE && keyOf(l.text) === key)
        .map((l) => l.page),
    )
    return pagesWith.size
  }
  return pages.map((page, i) => {
    const furniture = new Set<Line>()
    for (const side of ['top', 'bottom'] as const) {
      for (const line of edges[i][side]) {
        if (PAGE_NUMBER.test(keyOf(line.text)) || repeats(line, side) >= needed) furniture.add(line)
      }
    }
    return page.lines.filter((l) => !furniture.has(l))
  })
}

/** The outermost lines at the top and the bottom of a page, within the edge zones. */
function edgeLines(page: PageLines): { top: Line[]; bottom: Line[] } {
  const byHeight = [...page.lines].sort((a, b) => b.y - a.y)
  const zone = page.height * EDGE_ZONE
  const top = byHeight.slice(0, EDGE_LINES).filter((l) => l.y >= page.height - zone)
  const bottom = byHeight.slice(-EDGE_LINES).filter((l) => l.y <= zone && !top.includes(l))
  return { top, bottom }
}

/** A line's text with digits as "#", case and spacing folded: "Page 7" and "Page 8" match. */
function keyOf(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim()
}
