// Words, punctuation and sentences of a document's text, with exact UTF-16 offsets. Deliberately
// small: the rules need word boundaries, capitalisation and sentence ends, not a full tokenizer.
import type { Block } from '../model'

export interface Token {
  start: number
  end: number
  text: string
  /** Lower-cased text with ’ as ', for lexicon look-ups. */
  lower: string
  word: boolean
}

export interface Sentence {
  start: number
  end: number
  /** Index of the sentence's block. */
  block: number
  heading: boolean
  tokens: Token[]
}

// A word: letters/digits with inner apostrophes, hyphens, dots (U.S., U.N.) or ampersands; a
// run of initials keeps its final dot ("U.S."); anything else is one punctuation character.
const TOKEN = /(?:\p{L}\.){2,}|[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|['’.&-](?=[\p{L}\p{N}]))*|\S/gu

/** Abbreviations whose final dot does not end a sentence. */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen lt col maj capt sgt sen rep gov st jr sr no vs inc corp ltd co ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec adm cmdr rev'
  ).split(' '),
)

export function tokenize(text: string, from: number, to: number): Token[] {
  const out: Token[] = []
  TOKEN.lastIndex = 0
  const slice = text.slice(from, to)
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    const t = m[0]
    out.push({
      start: from + m.index,
      end: from + m.index + t.length,
      text: t,
      lower: t.toLowerCase().replace(/’/g, "'"),
      word: /[\p{L}\p{N}]/u.test(t[0] ?? ''),
    })
  }
  return out
}

const CLOSERS = new Set(['”', '"', '’', "'", '»', '›', ')', ']'])

/**
 * Splits each block into sentences: after ., ! or ? (and any closing quotes or brackets) when
 * the next token starts with a capital, a digit or an opening quote, unless the dot ends an
 * abbreviation ("Gen.") or an initial ("J.").
 */
export function sentencesOf(text: string, blocks: readonly Block[]): Sentence[] {
  const out: Sentence[] = []
  blocks.forEach((block, b) => {
    const tokens = tokenize(text, block.start, block.end)
    let begin = 0
    const push = (endIdx: number) => {
      const part = tokens.slice(begin, endIdx)
      const first = part[0]
      const last = part[part.length - 1]
      if (first && last) {
        out.push({
          start: first.start,
          end: last.end,
          block: b,
          heading: block.type === 'heading',
          tokens: part,
        })
      }
      begin = endIdx
    }
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]
      if (t.text !== '.' && t.text !== '!' && t.text !== '?') continue
      const prev = tokens[i - 1]
      if (t.text === '.' && prev && prev.end === t.start && isAbbreviation(prev.text)) continue
      let j = i + 1
      while (j < tokens.length && CLOSERS.has(tokens[j].text)) j++
      const next = tokens[j]
      if (!next) continue
      if (/^[\p{Lu}\p{N}“"‘«„]/u.test(next.text)) push(j)
    }
    push(tokens.length)
  })
  return out
}

function isAbbreviation(word: string): boolean {
  return ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word)
}

/** True for a word that starts with a capital letter (or is an initialism like "U.S."). */
export function isCapitalised(t: Token | undefined): boolean {
  return !!t && t.word && /^\p{Lu}/u.test(t.text)
}
