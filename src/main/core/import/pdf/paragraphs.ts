// From lines in reading order to paragraphs and headings. A new paragraph starts where the gap to
// the previous line is wider than the line spacing, where the font size changes, at a first-line
// indent, or after a short line that ends a sentence; across a column or page break, a paragraph
// continues when the previous line did not end a sentence and either filled its column or is
// followed by a lower-case letter. Lines in a font
// clearly larger than the body's are headings, the largest being level 1. Words split by a hyphen
// at a line's end are joined again (see joinLines).
import type { PlacedLine } from './columns'

/** A paragraph or heading: its lines, and the page it starts on. */
export interface Paragraph {
  lines: PlacedLine[]
  page: number
  size: number
  /** Heading level (1–6), for headings. */
  level?: number
}

/** Paragraph gap, beyond the usual line spacing, as a share of the font size. */
const EXTRA_GAP = 0.2
/** Headings are at least this much larger than the body text. */
const HEADING_RATIO = 1.15

/** Groups lines into paragraphs; `pitch` is the usual baseline-to-baseline distance per point. */
export function paragraphsOf(lines: PlacedLine[], bodySize: number, pitch: number): Paragraph[] {
  const paragraphs: Paragraph[] = []
  let current: Paragraph | null = null
  let previous: PlacedLine | null = null
  for (const line of lines) {
    if (!current || !previous || startsParagraph(previous, line, pitch)) {
      current = { lines: [], page: line.page, size: line.size }
      paragraphs.push(current)
    }
    current.lines.push(line)
    previous = line
  }
  const headingSizes = [...new Set(paragraphs.map((p) => round(p.size)))]
    .filter((size) => size >= bodySize * HEADING_RATIO)
    .sort((a, b) => b - a)
  for (const p of paragraphs) {
    const rank = headingSizes.indexOf(round(p.size))
    // A long run of large text is a pull quote or a cover blurb, not a heading.
    if (rank !== -1 && p.lines.length <= 4) p.level = Math.min(6, rank + 1)
  }
  return paragraphs
}

function startsParagraph(prev: PlacedLine, line: PlacedLine, pitch: number): boolean {
  if (Math.abs(prev.size - line.size) > Math.max(prev.size, line.size) * 0.08) return true
  const sameColumn =
    prev.page === line.page && prev.columnLeft === line.columnLeft && prev.y > line.y
  const endsSentence = /[.!?:…"”’)]$/.test(prev.text)
  const filled = prev.x1 >= prev.columnRight - prev.size * 2
  if (!sameColumn) {
    // Across a column or page break: a line starting in lower case carries the sentence on.
    if (!endsSentence && /^\p{Ll}/u.test(line.text)) return false
    return endsSentence || !filled
  }
  const gap = prev.y - line.y
  if (gap > pitch * line.size + EXTRA_GAP * line.size) return true
  const indented = line.x0 > prev.x0 + line.size * 0.8 && prev.x0 <= prev.columnLeft + 1
  if (indented) return true
  return endsSentence && !filled
}

function round(size: number): number {
  return Math.round(size * 2) / 2
}

/**
 * Joins a paragraph's lines into one string. A line ending in a hyphen after a letter, followed
 * by a line starting with a lower-case letter, was usually split by hyphenation: the halves are
 * joined without the hyphen ("argu-" + "ments" → "arguments"), unless the document itself writes
 * that word with a hyphen elsewhere ("long-term"). A soft hyphen (U+00AD) is always removed.
 */
export function joinLines(lines: string[], words: WordIndex): string {
  let text = ''
  for (const line of lines) {
    if (text === '') {
      text = line
      continue
    }
    const soft = /\p{L}\u00AD$/u.test(text)
    const hard = /\p{L}[-\u2010]$/u.exec(text)
    if ((soft || hard) && /^\p{Ll}/u.test(line)) {
      const left = /[\p{L}\p{M}]+(?=[-\u2010\u00AD]$)/u.exec(text)?.[0] ?? ''
      const right = /^[\p{L}\p{M}]+/u.exec(line)?.[0] ?? ''
      const keep = !soft && words.prefersHyphen(left, right)
      text = (keep ? text : text.slice(0, -1)) + line
    } else if (hard && /^\p{Lu}/u.test(line)) {
      text += line // "Anglo-" + "Saxon": a compound, kept whole
    } else {
      text += ` ${line}`
    }
  }
  return text.replace(/\u00AD/g, '')
}

/** The words of a document, to decide whether a hyphen at a line's end belongs to the word. */
export class WordIndex {
  private readonly words = new Set<string>()

  /** Indexes the words of one line (hyphenated compounds whole and without their hyphens). */
  add(line: string): void {
    // A hyphen at the very end belongs to the next line's word; it is not a compound here.
    for (const word of line
      .replace(/[-\u2010\u00AD]$/, '')
      .match(/[\p{L}\p{M}]+(?:[-\u2010][\p{L}\p{M}]+)*/gu) ?? []) {
      this.words.add(word.toLowerCase())
    }
  }

  /** Whether `left-right` should keep its hyphen: written so elsewhere, and never without it. */
  prefersHyphen(left: string, right: string): boolean {
    const hyphened = `${left}-${right}`.toLowerCase()
    const joined = `${left}${right}`.toLowerCase()
    return this.words.has(hyphened) && !this.words.has(joined)
  }
}
