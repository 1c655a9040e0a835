// The ranges of code points between which a grapheme boundary is certain: every code point of
// every range is checked against Intl.Segmenter, beside itself and beside one of each range.
import { describe, expect, it } from 'vitest'
import { ALONE_RANGES, isAlone, surelyBoundary } from '../../src/shared/grapheme-alone'

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

describe('grapheme-alone', () => {
  it('finds a boundary between any two code points of the ranges, as the segmenter does', () => {
    const probes = ALONE_RANGES.map(([first]) => (first === 0 ? 0x61 : first))
    for (const [first, last] of ALONE_RANGES) {
      // Each code point twice, then beside each probe on both sides: one cluster per code point
      // when no pair joins (segmenting one long text is far cheaper than a text per pair).
      const points: number[] = []
      for (let cp = first; cp <= last; cp++) {
        if (cp === 13 || cp === 10) continue // CR LF: surelyBoundary's own exception
        points.push(cp, cp)
        for (const p of probes) points.push(p, cp, p)
      }
      const text = points.map((cp) => String.fromCodePoint(cp)).join('')
      let count = 0
      for (const _ of segmenter.segment(text)) count++
      expect(count, `U+${first.toString(16)}..U+${last.toString(16)}`).toBe(points.length)
    }
  })

  it('leaves out what joins: marks, ZWJ, skin tones, jamo, regional indicators, prepends', () => {
    for (const cp of [0x0300, 0x0483, 0x064b, 0x0600, 0x200d, 0xfe0f, 0x1100, 0x1161, 0x3099]) {
      expect(isAlone(cp), cp.toString(16)).toBe(false)
    }
    for (const cp of [0x1f3fb, 0x1f3ff, 0x1f1e6, 0x0915, 0x093f]) {
      expect(isAlone(cp), cp.toString(16)).toBe(false)
    }
  })

  it('answers at the cut, never inside a surrogate pair, never between CR and LF', () => {
    const text = 'a\u{1f600}\u{1f600}b\r\n\u{1f44d}\u{1f3fd}'
    expect(surelyBoundary(text, 1)).toBe(true)
    expect(surelyBoundary(text, 2)).toBe(false) // inside the pair
    expect(surelyBoundary(text, 3)).toBe(true)
    expect(surelyBoundary(text, 5)).toBe(true)
    expect(surelyBoundary(text, 7)).toBe(false) // CR LF
    expect(surelyBoundary(text, 10)).toBe(false) // before a skin tone
    expect(surelyBoundary('\udc00a', 1)).toBe(false) // after a lone low surrogate
  })
})
