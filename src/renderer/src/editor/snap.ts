// Snapping a selection to whole words. Word boundaries come from Intl.Segmenter (Unicode UAX #29
// plus dictionaries for scripts written without spaces, such as Thai, Chinese and Japanese), so
// "don't", "O’Brien" and "3.5" are single words. On top of that, words joined by a hyphen
// ("state-of-the-art") count as one, and emoji count as words so they can be tagged.

/** The text range a snap may not leave (the blocks the selection started and ended in). */
export interface SnapLimits {
  min: number
  max: number
}

/** How far beyond the selection the segmenter looks for word boundaries. */
const WINDOW = 128

const HYPHENS = new Set(['-', '\u2010', '\u2011'])
const PICTOGRAPHIC = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u
const TRIMMED = /[\s\p{P}]/u
const BLANK = /\s/u

let segmenter: Intl.Segmenter | null = null

/**
 * Extends or shrinks the range [start, end) of `text` to whole words: punctuation and whitespace at
 * the edges are dropped (punctuation inside is kept), a range that cuts a word is extended to the
 * whole word, and a range inside one word selects that word. The result never leaves `limits`.
 * A range holding no word keeps its non-blank characters; a blank range comes back empty.
 */
export function snapToWords(
  text: string,
  start: number,
  end: number,
  limits: SnapLimits = { min: 0, max: text.length },
): { start: number; end: number } {
  const min = Math.max(0, Math.min(limits.min, text.length))
  const max = Math.max(min, Math.min(limits.max, text.length))
  let a = clamp(Math.min(start, end), min, max)
  let b = clamp(Math.max(start, end), min, max)

  // Characters inside the selection that are not whitespace or punctuation (symbols such as "$" or
  // "%" that the user chose to include are kept even though they are not part of a word).
  const inner = trimRange(text, a, b, TRIMMED)

  const winStart = findBreak(text, a, -1, min)
  const winEnd = findBreak(text, b, 1, max)
  let first: Word | null = null
  let last: Word | null = null
  for (const word of wordsIn(text, winStart, winEnd)) {
    const touches = a === b ? word.start <= a && a <= word.end : word.start < b && word.end > a
    if (!touches) continue
    if (!first) first = word
    last = word
  }
  if (!first || !last) return trimRange(text, a, b, BLANK) ?? { start: a, end: a }
  a = Math.max(min, inner ? Math.min(inner.start, first.start) : first.start)
  b = Math.min(max, inner ? Math.max(inner.end, last.end) : last.end)
  return { start: a, end: b }
}

interface Word {
  start: number
  end: number
}

/**
 * Makes the word segmenter ready. Its first use loads the break rules (over 100 ms on a loaded
 * machine), which would otherwise fall on the first tag of the session, in the key's own task;
 * the article calls this when the browser is idle after it is shown.
 */
export function prepareWordSegmenter(): void {
  wordsIn('word', 0, 4)
}

/** The words of text[from, to), with hyphenated compounds joined into one. */
function wordsIn(text: string, from: number, to: number): Word[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' })
  const words: Word[] = []
  let pendingHyphen = -1 // where a hyphen that directly follows a word ends, if the last segment was one
  for (const seg of segmenter.segment(text.slice(from, to))) {
    const start = from + seg.index
    const end = start + seg.segment.length
    const isWord = seg.isWordLike || PICTOGRAPHIC.test(seg.segment)
    if (isWord) {
      const prev = words[words.length - 1]
      if (prev && pendingHyphen === start) prev.end = end
      else words.push({ start, end })
      pendingHyphen = -1
    } else {
      const prev = words[words.length - 1]
      pendingHyphen = prev && prev.end === start && HYPHENS.has(seg.segment) ? end : -1
    }
  }
  return words
}

/** The range without leading and trailing characters matching `trim`, or null if none is left. */
function trimRange(text: string, a: number, b: number, trim: RegExp): Word | null {
  let s = a
  let e = b
  while (s < e) {
    const ch = String.fromCodePoint(text.codePointAt(s)!)
    if (!trim.test(ch)) break
    s += ch.length
  }
  while (e > s) {
    const ch = charBefore(text, e)
    if (!trim.test(ch)) break
    e -= ch.length
  }
  return s < e ? { start: s, end: e } : null
}

/** A place near `at` (toward `dir`) where no word continues: whitespace, a limit, or the window. */
function findBreak(text: string, at: number, dir: -1 | 1, limit: number): number {
  let i = at
  for (let n = 0; n < WINDOW && i !== limit; n++) {
    const code = text.charCodeAt(dir < 0 ? i - 1 : i)
    if (code === 32 || code === 10 || code === 13 || code === 9) return i
    i += dir
  }
  // Never stop inside a surrogate pair.
  if (i !== limit && isLowSurrogate(text.charCodeAt(i))) i += dir < 0 ? -1 : 1
  return i
}

function charBefore(text: string, at: number): string {
  const low = text.charCodeAt(at - 1)
  if (isLowSurrogate(low) && at >= 2) return text.slice(at - 2, at)
  return text.charAt(at - 1)
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

function clamp(n: number, lo: number, hi: number): number {
  return n < lo ? lo : n > hi ? hi : n
}

/**
 * The nearest word start (or end, as `edge` says) strictly before (`dir` -1) or after (`dir` 1)
 * offset `at`, with words as `snapToWords` counts them; null when there is none. Used to move one
 * boundary of a range a word at a time.
 */
export function wordEdge(
  text: string,
  at: number,
  dir: -1 | 1,
  edge: 'start' | 'end',
): number | null {
  // Look a window's width that way, and farther while no word edge turns up.
  for (let reach = WINDOW * 4; ; reach *= 4) {
    const from = findBreak(text, Math.max(0, dir < 0 ? at - reach : at), -1, 0)
    const to = findBreak(text, Math.min(text.length, dir < 0 ? at : at + reach), 1, text.length)
    let found: number | null = null
    for (const word of wordsIn(text, from, to)) {
      const pos = word[edge]
      if (dir < 0 ? pos < at : pos > at && found === null) found = pos
    }
    if (found !== null) return found
    if ((dir < 0 && from === 0) || (dir > 0 && to === text.length)) return null
  }
}
