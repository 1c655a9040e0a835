// Reading order on one page. Columns are found from the page's own lines: a gutter is a vertical
// strip that no narrow line crosses, with text on both sides. Lines that cross a gutter (a title
// above two columns, a full-width figure caption) cut the page into bands; within a band, each
// column is read top to bottom, left column first. Footnotes (lines in a smaller font below the
// last line of body text) are taken out, to be placed after the article.
import type { Line } from './lines'

/** A line in reading order, with the left and right edges of the column it belongs to. */
export interface PlacedLine extends Line {
  columnLeft: number
  columnRight: number
}

/** A page's body lines in reading order, and its footnote lines (top to bottom). */
export interface PageOrder {
  body: PlacedLine[]
  footnotes: PlacedLine[]
}

/** A line narrower than this share of the text width may belong to a column. */
const NARROW = 0.6
/** Lines needed on each side of a gutter for it to count. */
const MIN_COLUMN_LINES = 3

/** Orders a page's lines for reading; `bodySize` is the document's body font size. */
export function readingOrder(lines: Line[], bodySize: number): PageOrder {
  if (lines.length === 0) return { body: [], footnotes: [] }
  const { body, footnotes } = splitFootnotes(lines, bodySize)
  const gutters = findGutters(body, bodySize)
  const left = Math.min(...body.map((l) => l.x0))
  const right = Math.max(...body.map((l) => l.x1))
  const edges = [left, ...gutters.flatMap((g) => [g.start, g.end]), right]
  const columnOf = (line: Line) => {
    const middle = (line.x0 + line.x1) / 2
    return gutters.filter((g) => middle >= g.end).length
  }
  const spans = (line: Line) => gutters.some((g) => line.x0 < g.start && line.x1 > g.end)

  const ordered: PlacedLine[] = []
  let band: Line[][] = gutters.length ? Array.from({ length: gutters.length + 1 }, () => []) : [[]]
  const flush = () => {
    band.forEach((column, i) => {
      for (const line of column) {
        ordered.push({ ...line, columnLeft: edges[i * 2], columnRight: edges[i * 2 + 1] })
      }
    })
    band = band.map(() => [])
  }
  for (const line of [...body].sort((a, b) => b.y - a.y)) {
    if (gutters.length > 0 && spans(line)) {
      flush()
      ordered.push({ ...line, columnLeft: left, columnRight: right })
    } else band[columnOf(line)].push(line)
  }
  flush()
  const placedNotes = footnotes.map((l) => ({ ...l, columnLeft: left, columnRight: right }))
  return { body: ordered, footnotes: placedNotes }
}

/** Lines in a smaller font below every line of body-size text on the page are footnotes. */
function splitFootnotes(lines: Line[], bodySize: number): { body: Line[]; footnotes: Line[] } {
  const bodyLines = lines.filter((l) => l.size >= bodySize * 0.9)
  if (bodyLines.length === 0) return { body: lines, footnotes: [] }
  const lowest = Math.min(...bodyLines.map((l) => l.y))
  const isNote = (l: Line) => l.size < bodySize * 0.9 && l.y < lowest
  const footnotes = lines.filter(isNote).sort((a, b) => b.y - a.y || a.x0 - b.x0)
  return { body: lines.filter((l) => !isNote(l)), footnotes }
}

/** Vertical strips that no narrow line crosses, with enough narrow lines on both sides. */
function findGutters(lines: Line[], bodySize: number): { start: number; end: number }[] {
  const left = Math.min(...lines.map((l) => l.x0))
  const right = Math.max(...lines.map((l) => l.x1))
  const narrow = lines.filter((l) => l.x1 - l.x0 < (right - left) * NARROW)
  const spans = narrow.map((l) => [l.x0, l.x1] as const).sort((a, b) => a[0] - b[0])
  const gutters: { start: number; end: number }[] = []
  let reach = -Infinity
  for (const [x0, x1] of spans) {
    if (reach > -Infinity && x0 - reach >= bodySize * 0.8) {
      const gutter = { start: reach, end: x0 }
      const before = narrow.filter((l) => l.x1 <= gutter.start).length
      const after = narrow.filter((l) => l.x0 >= gutter.end).length
      if (before >= MIN_COLUMN_LINES && after >= MIN_COLUMN_LINES) gutters.push(gutter)
    }
    reach = Math.max(reach, x1)
  }
  return gutters
}
