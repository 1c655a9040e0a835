// The ranges of code points between which a grapheme boundary is certain: every code point of
// every range is checked against Intl.Segmenter, beside itself and beside one of each range.
import { describe, expect, it } from 'vitest'
import { ALONE_RANGES, isAlone, surelyBoundary } from '../../src/shared/grapheme-alone'

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

describe('grapheme-alone', () => {
  it('finds a boundary between any two code points of the ranges, as the segmenter does', () => {
    const probes = ALONE_RANGES.map(([first]) => (first === 0 ? 0x61 : first))
    // Segmenting takes time quadratic in the text's length, so the pairs go in texts of a few
    // hundred code points: one cluster per code point when no pair joins.
    const check = (points: number[]) => {
      const text = points.map((cp) => String.fromCodePoint(cp)).join('')
      let count = 0
      for (const _ of segmenter.segment(text)) count++
      if (count !== points.length) joined.push(points.map((cp) => cp.toString(16)).join(' '))
    }
    const joined: string[] = []
    for (const [first, last] of ALONE_RANGES) {
      let points: number[] = []
      for (let cp = first; cp <= last; cp++) {
        if (cp === 13 || cp === 10) continue // CR LF: surelyBoundary's own exception
        points.push(cp, cp) // each code point twice, then beside each probe on both sides
        for (const p of probes) points.push(p, cp, p)
        if (points.length > 400) {
          check(points)
          points = []
        }
      }
      if (points.length > 0) check(points)
    }
    expect(joined).toEqual([])
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
