// The tokeniser and sentence splitter shared by the CoNLL and spaCy/Prodigy exports. It is simple
// and deterministic on purpose (no locale data, no model): whitespace is exactly what Python's
// `str.isspace()` accepts, so `line.split()` in Python never cuts a token and never finds an empty
// one, and the rest is cut into grapheme clusters (Unicode UAX #29, through Intl.Segmenter), so a
// flag, an emoji with its modifiers or a ZWJ sequence is one token, as a reader sees it. Its rules
// are stated in TOKENISER_DESCRIPTION, which the exports write into their manifests and files.
import { isAlone } from '../../../shared/grapheme-alone'
import { partitionPoint } from '../../../shared/partition-point'
import { PY_LINE_BREAK, PY_SPACE, PY_SPACE_CLASS } from '../../../shared/python-chars'

/** The tokeniser's name and rules, written into exported files and manifests. */
export const TOKENISER_DESCRIPTION =
  "marginalia-words-v2: whitespace (every character Python's str.isspace() accepts, e.g. " +
  'U+0085, U+00A0, U+2028, U+3000) separates tokens and is never part of one; the rest is cut ' +
  'into grapheme clusters (Unicode UAX #29), and a token is a run of clusters that start with a ' +
  'letter, mark, digit, connector punctuation (_) or format character, or else one other cluster ' +
  '(an emoji with its modifiers, a ZWJ sequence or a flag is one token). Initials and common ' +
  'abbreviations keep their period (U.S., e.g., F., Mr., Dr., Jan.). Sentences end at a line ' +
  'break, or after a token . ! ? … 。 ！ ？ that is followed by whitespace, never inside a span.'

export { PY_SPACE_RUNS } from '../../../shared/python-chars'

/** A token as a UTF-16 range of the text. */
export interface Token {
  text: string
  start: number
  end: number
  /** True when whitespace follows the token. */
  ws: boolean
}

const NON_SPACE_RUNS = new RegExp(`[^${PY_SPACE_CLASS}]+`, 'g')

const WORD_START = /^[\p{L}\p{M}\p{N}\p{Pc}\p{Cf}]/u
const LETTER = /^\p{L}\p{M}*$/u
const CAPITAL = /^\p{Lu}\p{M}*$/u
const SENTENCE_END = new Set(['.', '!', '?', '…', '。', '！', '？'])
/** Words that keep their period: titles, months and company forms, as news text uses them. */
const ABBREVIATIONS = new Set(
  (
    'Mr Mrs Ms Dr Prof Sr Jr St Mt Gen Col Lt Sgt Capt Maj Adm Gov Sen Rep Rev Hon Pres ' +
    'Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Inc Ltd Corp Co vs'
  ).split(' '),
)

let segmenter: Intl.Segmenter | undefined

type Range = { start: number; end: number }

/** Below this code point WORD_START is read from a table. */
const SIMPLE = 0x300
/** WORD_START for each character below SIMPLE, worked out once. */
const SIMPLE_WORD_START = Uint8Array.from({ length: SIMPLE }, (_, c) =>
  WORD_START.test(String.fromCharCode(c)) ? 1 : 0,
)

/** Whether the code point `cp`, a cluster by itself, starts a word. */
function startsWord(cp: number): boolean {
  return cp < SIMPLE ? SIMPLE_WORD_START[cp] === 1 : WORD_START.test(String.fromCodePoint(cp))
}

/**
 * Calls `cluster(start, end, wordStart)` for each grapheme cluster of `run` (a run of text without
 * whitespace), in order. Intl.Segmenter is slow per call (it was 80% of a CoNLL export), so it is
 * used only where it matters: between two code points of grapheme-alone.ts's ranges (Latin, CJK,
 * most emoji, …) there is always a boundary (CR LF, the one pair there UAX #29 joins, is
 * whitespace), so such code points are clusters by themselves, and the segmenter sees only the
 * stretches between them.
 */
export function forEachCluster(
  run: string,
  cluster: (start: number, end: number, wordStart: boolean) => void,
): void {
  const n = run.length
  let i = 0
  while (i < n) {
    const cp = run.codePointAt(i)!
    const width = cp > 0xffff ? 2 : 1
    const alone = isAlone(cp)
    if (alone && (i + width === n || isAlone(run.codePointAt(i + width)!))) {
      cluster(i, i + width, startsWord(cp))
      i += width
      continue
    }
    // The stretch up to the next sure boundary: a cut between two code points of the ranges.
    let j = i + width
    let before = alone
    while (j < n) {
      const next = run.codePointAt(j)!
      const after = isAlone(next)
      if (before && after) break
      before = after
      j += next > 0xffff ? 2 : 1
    }
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    for (const g of segmenter.segment(run.slice(i, j))) {
      cluster(i + g.index, i + g.index + g.segment.length, WORD_START.test(g.segment))
    }
    i = j
  }
}

/** Whether every character of `run` is below SIMPLE (so each one is a cluster by itself). */
function isSimpleRun(run: string): boolean {
  for (let i = 0; i < run.length; i++) if (run.charCodeAt(i) >= SIMPLE) return false
  return true
}

/**
 * The tokens of a run of characters below SIMPLE at `offset`, pushed to `ranges`: what
 * forEachCluster and tokenise's callback make of it (each character a cluster, runs of word
 * starts joined), without a call per character.
 */
function simpleRunTokens(run: string, offset: number, ranges: Range[]): void {
  let word = -1
  for (let i = 0; i < run.length; i++) {
    if (SIMPLE_WORD_START[run.charCodeAt(i)] === 1) {
      if (word < 0) word = i
      continue
    }
    if (word >= 0) ranges.push({ start: offset + word, end: offset + i })
    word = -1
    ranges.push({ start: offset + i, end: offset + i + 1 })
  }
  if (word >= 0) ranges.push({ start: offset + word, end: offset + run.length })
}

/** Whether the character at `at` is whitespace to Python (printable ASCII is tested first). */
function spaceAt(text: string, at: number): boolean {
  if (at >= text.length) return false
  const c = text.charCodeAt(at)
  if (c === 32) return true
  if (c > 32 && c < 127) return false
  return PY_SPACE.test(text[at])
}

/** Splits text into tokens. */
export function tokenise(text: string): Token[] {
  const ranges: Range[] = []
  for (const run of text.matchAll(NON_SPACE_RUNS)) {
    const offset = run.index
    if (isSimpleRun(run[0])) {
      simpleRunTokens(run[0], offset, ranges)
      continue
    }
    let word: Range | null = null
    forEachCluster(run[0], (from, to, wordStart) => {
      const start = offset + from
      const end = offset + to
      if (wordStart) {
        if (word) word.end = end
        else word = { start, end }
        return
      }
      if (word) ranges.push(word)
      word = null
      ranges.push({ start, end })
    })
    if (word) ranges.push(word)
  }
  return keepAbbreviations(text, ranges).map(({ start, end }) => ({
    text: text.slice(start, end),
    start,
    end,
    ws: spaceAt(text, end),
  }))
}

const PERIOD = 46

/**
 * Joins initials and abbreviations with their period: two or more letter-period pairs written
 * together (U.S., e.g.), one capital and its period (F.), a known word and its period (Mr.).
 */
function keepAbbreviations(text: string, ranges: Range[]): Range[] {
  const out: Range[] = []
  const at = (i: number) => (i < ranges.length ? text.slice(ranges[i].start, ranges[i].end) : '')
  const touching = (i: number) => i + 1 < ranges.length && ranges[i].end === ranges[i + 1].start
  // Whether range i is a period: tested before any slice or regex, as most tokens are not
  // followed by one (the tests below are pure, so their order does not change the result).
  const period = (i: number) =>
    i < ranges.length &&
    ranges[i].end === ranges[i].start + 1 &&
    text.charCodeAt(ranges[i].start) === PERIOD
  for (let i = 0; i < ranges.length; i++) {
    let j = i
    while (period(j + 1) && touching(j) && (j === i || touching(j - 1)) && LETTER.test(at(j))) {
      j += 2
    }
    const pairs = (j - i) / 2
    let last = -1
    if (pairs >= 2 || (pairs === 1 && CAPITAL.test(at(i)))) last = j - 1
    else if (period(i + 1) && touching(i) && ABBREVIATIONS.has(at(i))) last = i + 1
    if (last < 0) out.push(ranges[i])
    else {
      out.push({ start: ranges[i].start, end: ranges[last].end })
      i = last
    }
  }
  return out
}

/**
 * Splits text into sentences of tokens (no sentence is empty). A sentence never ends inside one
 * of `spans` (ranges of the text), so a span's tokens always share one sentence.
 */
export function sentences(text: string, spans: readonly Range[] = []): Token[][] {
  const byStart = [...spans].sort((a, b) => a.start - b.start)
  let next = 0
  let reach = -1 // the furthest end of the spans that start before the current token ends
  const result: Token[][] = []
  let current: Token[] = []
  let breakAfter = false
  for (const token of tokenise(text)) {
    const previous = current.at(-1)
    // Most tokens follow their neighbour directly or after one space: no line break, no slice.
    const gap = previous ? token.start - previous.end : 0
    const lineBreak =
      gap > 0 &&
      !(gap === 1 && text.charCodeAt(previous!.end) === 32) &&
      PY_LINE_BREAK.test(text.slice(previous!.end, token.start))
    if (previous && (breakAfter || lineBreak) && reach <= token.start) {
      result.push(current)
      current = []
    }
    current.push(token)
    while (next < byStart.length && byStart[next].start < token.end) {
      reach = Math.max(reach, byStart[next++].end)
    }
    breakAfter = SENTENCE_END.has(token.text) && token.ws
  }
  if (current.length > 0) result.push(current)
  return result
}

/**
 * The tokens a range [start, end) touches, as indexes into `tokens` (end inclusive), and whether
 * the range begins and ends exactly on token edges. Null when no token lies inside the range.
 */
export function tokenRange(
  tokens: Token[],
  start: number,
  end: number,
): { first: number; last: number; aligned: boolean } | null {
  const first = partitionPoint(tokens.length, (i) => tokens[i].end <= start)
  if (first >= tokens.length || tokens[first].start >= end) return null
  let last = first
  while (last + 1 < tokens.length && tokens[last + 1].start < end) last++
  const aligned = tokens[first].start === start && tokens[last].end === end
  return { first, last, aligned }
}
