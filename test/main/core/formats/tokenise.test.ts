// The tokeniser hands Intl.Segmenter only the stretches of text where grapheme clusters can span
// more than one character: it must cut exactly where segmenting every run whole would.
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PY_SPACE_CLASS } from '../../../../src/shared/python-chars'
import {
  forEachCluster,
  sentences,
  tokenRange,
  tokenise,
} from '../../../../src/main/core/formats/tokenise'

const RUNS = new RegExp(`[^${PY_SPACE_CLASS}]+`, 'g')
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/** The clusters of each whitespace-free run: by forEachCluster, and by segmenting it whole. */
function clusters(text: string): { fast: string[]; whole: string[] } {
  const fast: string[] = []
  const whole: string[] = []
  for (const [run] of text.matchAll(RUNS)) {
    forEachCluster(run, (start, end) => fast.push(run.slice(start, end)))
    for (const g of segmenter.segment(run)) whole.push(g.segment)
  }
  return { fast, whole }
}

// Characters around U+0300 and those that join clusters: combining marks, ZWJ, emoji and their
// modifiers, regional indicators, © and ® (which start emoji ZWJ sequences), prepends, Hangul
// jamo, Indic letters with virama and spacing marks, variation selectors, and plain letters.
const PIECES = [
  'a',
  'Z',
  '1',
  '.',
  ',',
  '_',
  '-',
  'é',
  'ß',
  'Ā',
  '\u02ff',
  '\u0300',
  '\u0301',
  '\u036f',
  '\u200d',
  '\u200c',
  '\ufe0f',
  '\u00a9',
  '\u00ae',
  '\u{1f600}',
  '\u{1f44d}',
  '\u{1f3fd}',
  '\u{1f1eb}',
  '\u{1f1f7}',
  '\u0600',
  '\u0601',
  '\u1100',
  '\u1161',
  '\u11a8',
  '\uac00',
  '\u0915',
  '\u094d',
  '\u0937',
  '\u093f',
  '中',
  '\u00ad',
  // Around grapheme-alone.ts's ranges: letters and their marks, syllables and jamo, skin tones.
  '\u0628',
  '\u064e',
  '\uac00',
  '\u30ab',
  '\u3099',
  '\u0434',
  '\u0483',
  '\u05e9',
  '\u{1f3fa}',
  '\u{1f3fb}',
  '\u200b',
  ' ',
  '\n',
  '\u00a0',
]

describe('tokenise', () => {
  it('finds the grapheme clusters that segmenting each run whole finds', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }), (pieces) => {
        const { fast, whole } = clusters(pieces.join(''))
        expect(fast).toEqual(whole)
      }),
      { numRuns: 3000 },
    )
  })

  it('keeps a cluster that starts below U+0300 whole (e + combining accent, © + ZWJ + ©)', () => {
    const texts = (text: string) => tokenise(text).map((t) => t.text)
    expect(texts('cafe\u0301 ok')).toEqual(['cafe\u0301', 'ok'])
    expect(texts('x\u00a9\u200d\u00a9!')).toEqual(['x', '\u00a9\u200d\u00a9', '!'])
    expect(texts('\u0600' + '1')).toEqual(['\u06001'])
  })
})

/**
 * The tokens before keepAbbreviations, made the plain way: forEachCluster over each run of
 * non-whitespace, clusters that start a word joined. tokenise takes a shortcut for runs of
 * characters below U+0300; it must give the same tokens.
 */
function referenceTokens(text: string) {
  const ranges: { start: number; end: number }[] = []
  for (const run of text.matchAll(new RegExp(`[^${PY_SPACE_CLASS}]+`, 'g'))) {
    let word: { start: number; end: number } | null = null
    forEachCluster(run[0], (from, to, wordStart) => {
      const start = run.index + from
      const end = run.index + to
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
  return ranges
}

describe('the tokeniser on runs of plain characters', () => {
  it('cuts every text as forEachCluster does, and marks whitespace after each token', () => {
    const unit = fc.constantFrom(
      ...'ab Z09_.,!?-\'"()#\t\n\r\u000b\u00a0\u0085\u00e9\u00ff\u02ffx'.split(''),
      'e\u0301',
      '😀',
      '🇫🇷',
      '中',
      '\u2028',
      '\u3000',
      '\u200d',
    )
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }), (units) => {
        const text = units.join('')
        // Abbreviations join reference tokens; compare on text without a period.
        const plain = text.replaceAll('.', ',')
        const tokens = tokenise(plain)
        expect(tokens.map(({ start, end }) => ({ start, end }))).toEqual(referenceTokens(plain))
        for (const t of tokens) {
          expect(t.ws).toBe(
            t.end < plain.length && new RegExp(`[${PY_SPACE_CLASS}]`).test(plain[t.end]),
          )
        }
      }),
      { numRuns: 500 },
    )
  })
})

describe('tokenRange', () => {
  it('finds the tokens a range touches, and whether it is aligned, as a scan of every token', () => {
    const text = 'The minister said: taxes "will rise" 😀 in 2025.\nA new line, café naïve.'
    const tokens = tokenise(text)
    for (let start = 0; start <= text.length; start++) {
      for (let end = start + 1; end <= text.length; end++) {
        const touched = tokens.flatMap((t, i) => (t.start < end && t.end > start ? [i] : []))
        const expected =
          touched.length === 0
            ? null
            : {
                first: touched[0],
                last: touched.at(-1)!,
                aligned: tokens[touched[0]].start === start && tokens[touched.at(-1)!].end === end,
              }
        expect(tokenRange(tokens, start, end), `${start}-${end}`).toEqual(expected)
      }
    }
  })
})

/** A text of the fixed corpus, with the tokens and sentence lengths the tokeniser gave it. */
interface CorpusEntry {
  text: string
  spans: [number, number][]
  /** [start, end, 1 when whitespace follows] of each token. */
  tokens: [number, number, number][]
  /** The number of tokens of each sentence, given `spans`. */
  sentences: number[]
}

describe('the tokeniser against its earlier output', () => {
  // test/fixtures/tokenise-corpus.json: 300 seeded random texts of hostile units (emoji, ZWJ and flag
  // sequences, combining marks, lone surrogates, RTL and bidi controls, Hangul jamo, Indic
  // letters, initials and abbreviations, sentence ends, CRLF, lone CR, U+2028, U+0085, …), with
  // what the tokeniser of 6b750e3 (before its single pass over the text) gave on each. Every
  // later tokeniser must give the same: the CoNLL and spaCy exports stay byte-identical.
  const corpus = JSON.parse(
    readFileSync(new URL('../../../fixtures/tokenise-corpus.json', import.meta.url), 'utf8'),
  ) as CorpusEntry[]

  it('gives the same tokens and whitespace flags', () => {
    for (const { text, tokens } of corpus) {
      const got = tokenise(text)
      expect(got.map((t) => [t.start, t.end, t.ws ? 1 : 0])).toEqual(tokens)
      for (const t of got) expect(t.text).toBe(text.slice(t.start, t.end))
    }
  })

  it('gives the same sentences around the same spans', () => {
    for (const { text, spans, sentences: lengths } of corpus) {
      const ranges = spans.map(([start, end]) => ({ start, end }))
      expect(sentences(text, ranges).map((s) => s.length)).toEqual(lengths)
    }
  })
})
