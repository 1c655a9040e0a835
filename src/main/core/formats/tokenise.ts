// The tokeniser and sentence splitter shared by the CoNLL and spaCy/Prodigy exports. It is simple
// and deterministic on purpose (no locale data, no model): whitespace is exactly what Python's
// `str.isspace()` accepts, so `line.split()` in Python never cuts a token and never finds an empty
// one, and the rest is cut into grapheme clusters (Unicode UAX #29, through Intl.Segmenter), so a
// flag, an emoji with its modifiers or a ZWJ sequence is one token, as a reader sees it. Its rules
// are stated in TOKENISER_DESCRIPTION, which the exports write into their manifests and files.
import { isAlone } from '../../../shared/grapheme-alone'
import { partitionPoint } from '../../../shared/partition-point'
import { PY_LINE_BREAK, PY_SPACE } from '../../../shared/python-chars'

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

const WORD_START = /^[\p{L}\p{M}\p{N}\p{Pc}\p{Cf}]/u
const LETTER = /^\p{L}\p{M}*$/u
const CAPITAL = /^\p{Lu}\p{M}*$/u
/** The tokens that end a sentence, each one UTF-16 unit: read by its code, with no string hashed. */
const SENTENCE_END = new Set(['.', '!', '?', '…', '。', '！', '？'].map((c) => c.charCodeAt(0)))
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

/** What a character below SIMPLE is to the tokeniser. */
const OTHER = 0
const WORD = 1
const SPACE = 2
/** The kind of each character below SIMPLE, worked out once. */
const SIMPLE_KIND = Uint8Array.from({ length: SIMPLE }, (_, c) => {
  const char = String.fromCharCode(c)
  return PY_SPACE.test(char) ? SPACE : SIMPLE_WORD_START[c] === 1 ? WORD : OTHER
})
/** The last whitespace character (python-chars.ts); none above it. */
const LAST_SPACE = 0x3000
/** Whether each UTF-16 unit up to LAST_SPACE is whitespace to Python, worked out once. */
const IS_SPACE = Uint8Array.from({ length: LAST_SPACE + 1 }, (_, c) =>
  PY_SPACE.test(String.fromCharCode(c)) ? 1 : 0,
)

/** Whether the UTF-16 unit `c` is whitespace to Python. */
function isSpace(c: number): boolean {
  return c <= LAST_SPACE && IS_SPACE[c] === 1
}

/**
 * Token edges, flat: token k is [edges[2k], edges[2k + 1]). Numbers in one array, not an object
 * per token, as a document has thousands.
 */
type Edges = number[]

/**
 * The tokens of the run of text at [from, ...) up to the next whitespace, pushed to `edges`, when
 * every character of the run is below SIMPLE (each one a cluster by itself, runs of word starts
 * joined): the run's end. -1 at the first character at or above SIMPLE, with `edges` as it was.
 */
function simpleRun(text: string, from: number, edges: Edges): number {
  const before = edges.length
  let word = -1
  let i = from
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= SIMPLE) {
      edges.length = before
      return -1
    }
    const kind = SIMPLE_KIND[c]
    if (kind === SPACE) break
    if (kind === WORD) {
      if (word < 0) word = i
      continue
    }
    if (word >= 0) edges.push(word, i)
    word = -1
    edges.push(i, i + 1)
  }
  if (word >= 0) edges.push(word, i)
  return i
}

/** The tokens of the run [from, to) (no whitespace), pushed to `edges`: its grapheme clusters. */
function clusterRun(text: string, from: number, to: number, edges: Edges): void {
  let word = -1
  let wordEnd = -1
  forEachCluster(text.slice(from, to), (start, end, wordStart) => {
    if (wordStart) {
      if (word < 0) word = from + start
      wordEnd = from + end
      return
    }
    if (word >= 0) edges.push(word, wordEnd)
    word = -1
    edges.push(from + start, from + end)
  })
  if (word >= 0) edges.push(word, wordEnd)
}

/** Splits text into tokens. */
export function tokenise(text: string): Token[] {
  const edges: Edges = []
  const n = text.length
  let i = 0
  while (i < n) {
    if (isSpace(text.charCodeAt(i))) {
      i++
      continue
    }
    const end = simpleRun(text, i, edges)
    if (end >= 0) {
      i = end
      continue
    }
    let to = i + 1
    while (to < n && !isSpace(text.charCodeAt(to))) to++
    clusterRun(text, i, to, edges)
    i = to
  }
  const joined = keepAbbreviations(text, edges)
  const tokens = new Array<Token>(joined.length / 2)
  for (let k = 0; k < tokens.length; k++) {
    const start = joined[2 * k]
    const end = joined[2 * k + 1]
    tokens[k] = { text: text.slice(start, end), start, end, ws: isSpace(text.charCodeAt(end)) }
  }
  return tokens
}

const PERIOD = 46

/**
 * Joins initials and abbreviations with their period: two or more letter-period pairs written
 * together (U.S., e.g.), one capital and its period (F.), a known word and its period (Mr.).
 */
function keepAbbreviations(text: string, edges: Edges): Edges {
  const count = edges.length / 2
  const out: Edges = []
  const start = (i: number) => edges[2 * i]
  const end = (i: number) => edges[2 * i + 1]
  const at = (i: number) => (i < count ? text.slice(start(i), end(i)) : '')
  const touching = (i: number) => i + 1 < count && end(i) === start(i + 1)
  // Whether token i is a period: tested before any slice or regex, as most tokens are not
  // followed by one (the tests below are pure, so their order does not change the result).
  const period = (i: number) =>
    i < count && end(i) === start(i) + 1 && text.charCodeAt(start(i)) === PERIOD
  for (let i = 0; i < count; i++) {
    let j = i
    while (period(j + 1) && touching(j) && (j === i || touching(j - 1)) && LETTER.test(at(j))) {
      j += 2
    }
    const pairs = (j - i) / 2
    let last = -1
    if (pairs >= 2 || (pairs === 1 && CAPITAL.test(at(i)))) last = j - 1
    else if (period(i + 1) && touching(i) && ABBREVIATIONS.has(at(i))) last = i + 1
    if (last < 0) out.push(start(i), end(i))
    else {
      out.push(start(i), end(last))
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
    const previous = current.length > 0 ? current[current.length - 1] : undefined
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
    breakAfter =
      token.ws && token.end - token.start === 1 && SENTENCE_END.has(text.charCodeAt(token.start))
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
