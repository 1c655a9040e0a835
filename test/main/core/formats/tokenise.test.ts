// The tokeniser hands Intl.Segmenter only the stretches of text where grapheme clusters can span
// more than one character: it must cut exactly where segmenting every run whole would.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PY_SPACE_CLASS } from '../../../../src/shared/python-chars'
import { forEachCluster, tokenise } from '../../../../src/main/core/formats/tokenise'

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
