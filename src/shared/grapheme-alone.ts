// Where a grapheme-cluster boundary is certain without segmenting. Intl.Segmenter costs ~100x a
// table lookup per call, and exports cut text at every span edge (quotes) and every token, so they
// ask it only where a cluster may span more than one character.
//
// UAX #29 keeps two characters together only when one of them has a grapheme-break property other
// than Other (CR LF, Extend, ZWJ, SpacingMark, Prepend, Hangul jamo L/V/T, regional indicators) or
// the pair is a Hangul syllable followed by a jamo. Between two characters of the ranges below
// (each of property Other, or a precomposed Hangul syllable, which joins only a following jamo) no
// rule joins, whatever comes around them: a boundary. test/shared/grapheme-alone.test.ts checks
// every code point of every range against Intl.Segmenter.

/** Ranges [first, last] of code points that never join a neighbour from the same ranges. */
export const ALONE_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x02ff], // Latin, Latin-1, IPA (CR LF aside: the callers handle it or never see it)
  [0x0400, 0x0482], // Cyrillic letters (U+0483–U+0489 are combining)
  [0x048a, 0x052f],
  [0x0531, 0x0556], // Armenian
  [0x05d0, 0x05ea], // Hebrew letters
  [0x0621, 0x064a], // Arabic letters (U+064B on are marks; U+0600–U+0605 are prepends)
  [0x3041, 0x3096], // Hiragana (U+3099–U+309A are combining)
  [0x30a1, 0x30fa], // Katakana
  [0x3400, 0x4dbf], // CJK Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xac00, 0xd7a3], // Hangul syllables
  [0x1f300, 0x1f3fa], // pictographs (U+1F3FB–U+1F3FF, the skin tones, extend)
  [0x1f400, 0x1f64f], // pictographs, emoticons
  [0x1f680, 0x1f6ff], // transport and map symbols
  [0x1f900, 0x1f9ff], // supplemental symbols and pictographs
]

const FIRST_OTHER = ALONE_RANGES[0][1] + 1

/** Whether the code point `cp` lies in ALONE_RANGES. */
export function isAlone(cp: number): boolean {
  if (cp < FIRST_OTHER) return true
  for (let i = 1; i < ALONE_RANGES.length; i++) {
    const [first, last] = ALONE_RANGES[i]
    if (cp < first) return false
    if (cp <= last) return true
  }
  return false
}

/**
 * Whether the UTF-16 index `at` of `text` (0 < at < length) is surely a grapheme boundary: the
 * code points before and after it are both in ALONE_RANGES and are not CR LF.
 */
export function surelyBoundary(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return true
  // `after` inside a pair or a lone surrogate is not in the ranges, so it answers false.
  const after = text.codePointAt(at)!
  let before = text.charCodeAt(at - 1)
  if (before >= 0xdc00 && before <= 0xdfff) {
    const high = at >= 2 ? text.charCodeAt(at - 2) : 0
    if (high < 0xd800 || high > 0xdbff) return false
    before = (high - 0xd800) * 0x400 + (before - 0xdc00) + 0x10000
  }
  if (before === 13 && after === 10) return false
  return isAlone(before) && isAlone(after)
}
