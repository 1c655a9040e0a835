// The tokeniser and sentence splitter shared by the CoNLL and spaCy/Prodigy exports. It is simple
// and deterministic on purpose (no locale data, no ICU version, no model), so the same text always
// gives the same tokens on every machine; its rules are stated in TOKENISER_DESCRIPTION, which the
// exports write into their files.

/** The tokeniser's name and rules, written into exported files and manifests. */
export const TOKENISER_DESCRIPTION =
  'marginalia-words-v1: a token is a run of letters, combining marks, digits and connector ' +
  'punctuation (_), or else one other non-space character with its combining marks, emoji ' +
  'modifiers and zero-width-joiner sequences; whitespace separates tokens and is never part of ' +
  'one. Sentences end at a line break, or after a token . ! ? … 。 ！ ？ that is followed by ' +
  'whitespace.'

/** A token as a UTF-16 range of the text. */
export interface Token {
  text: string
  start: number
  end: number
  /** True when whitespace follows the token. */
  ws: boolean
}

const TOKEN =
  /[\p{L}\p{M}\p{N}\p{Pc}]+|\S(?:[\p{M}\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}]|\u200D\S)*/gu
const SENTENCE_END = new Set(['.', '!', '?', '…', '。', '！', '？'])

/** Splits text into tokens. */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = []
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index
    const end = start + m[0].length
    tokens.push({ text: m[0], start, end, ws: end < text.length && /\s/.test(text[end]) })
  }
  return tokens
}

/** Splits text into sentences of tokens (no sentence is empty). */
export function sentences(text: string): Token[][] {
  const result: Token[][] = []
  let current: Token[] = []
  let previousEnd = 0
  for (const token of tokenise(text)) {
    if (current.length > 0 && text.slice(previousEnd, token.start).includes('\n')) {
      result.push(current)
      current = []
    }
    current.push(token)
    previousEnd = token.end
    if (SENTENCE_END.has(token.text) && token.ws) {
      result.push(current)
      current = []
    }
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
  let lo = 0
  let hi = tokens.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (tokens[mid].end <= start) lo = mid + 1
    else hi = mid
  }
  const first = lo
  if (first >= tokens.length || tokens[first].start >= end) return null
  let last = first
  while (last + 1 < tokens.length && tokens[last + 1].start < end) last++
  const aligned = tokens[first].start === start && tokens[last].end === end
  return { first, last, aligned }
}
