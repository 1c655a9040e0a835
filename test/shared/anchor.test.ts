import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkSpanAnchor, quoteOf, QUOTE_CONTEXT } from '../../src/shared/anchor'

const isWellFormed = (s: string) =>
  !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s)

describe('quoteOf', () => {
  it('never cuts the context inside a surrogate pair (the doccano 🚀 case)', () => {
    const text = '🚀Launch notes from the pad at d TARGET was here.'
    const start = text.indexOf('TARGET')
    // The naive cut at start - 32 falls between the rocket's two halves.
    expect(start - QUOTE_CONTEXT).toBe(1)
    const quote = quoteOf(text, start, start + 6)
    expect(quote.exact).toBe('TARGET')
    expect(isWellFormed(quote.prefix)).toBe(true)
    expect(quote.prefix).toBe('Launch notes from the pad at d ')
    expect(() => new TextEncoder().encode(quote.prefix)).not.toThrow()
  })

  it('keeps flags, ZWJ sequences and combining marks whole at both ends', () => {
    const pad = 'x'.repeat(QUOTE_CONTEXT - 1)
    for (const cluster of ['🇺🇦', '👩‍👩‍👧', 'e\u0301', '🚀']) {
      const text = `${cluster}${pad}CLAIM${pad}${cluster}`
      const start = text.indexOf('CLAIM')
      const quote = quoteOf(text, start, start + 5)
      expect(isWellFormed(quote.prefix) && isWellFormed(quote.suffix)).toBe(true)
      // Either the whole cluster or none of it.
      expect([pad, cluster + pad]).toContain(quote.prefix)
      expect([pad, pad + cluster]).toContain(quote.suffix)
    }
  })

  it('cuts the context where segmenting the whole text would (plain runs take a fast path)', () => {
    const pieces = [
      'ab',
      ' ',
      '\r\n',
      '\r',
      '\n',
      'e\u0301',
      '\u00e9',
      '🚀',
      '🇺🇦',
      '👩‍👩‍👧',
      '中',
      '\u00ad',
      // Around grapheme-alone.ts's ranges: a letter and its mark, a syllable and a jamo, skin tones.
      '\u0628\u064e',
      '\u0600',
      '\uac00',
      '\u1161',
      '\u30ab\u3099',
      '\u{1f44d}\u{1f3fd}',
      '\u{1f3fa}',
      '\u0434',
      '\u05e9',
    ]
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    const arbText = fc.array(fc.constantFrom(...pieces), { minLength: 20, maxLength: 80 })
    fc.assert(
      fc.property(arbText, fc.noBias(fc.nat(9999)), fc.noBias(fc.nat(9999)), (parts, a, b) => {
        const text = parts.join('')
        const bounds = [...segmenter.segment(text)].map((g) => g.index).concat(text.length)
        const start = bounds[a % bounds.length]
        const end = bounds[Math.max(a, b) % bounds.length]
        if (start >= end) return
        const from = bounds.find((x) => x >= start - QUOTE_CONTEXT) ?? start
        const to = bounds.filter((x) => x <= end + QUOTE_CONTEXT).pop() ?? end
        const quote = quoteOf(text, start, end)
        expect(quote.prefix).toBe(text.slice(Math.min(from, start), start))
        expect(quote.suffix).toBe(text.slice(end, Math.max(to, end)))
      }),
      { numRuns: 500 },
    )
  })

  it('takes the whole context when the text is short', () => {
    expect(quoteOf('ab CD ef', 3, 5)).toEqual({ exact: 'CD', prefix: 'ab ', suffix: ' ef' })
  })
})

describe('checkSpanAnchor', () => {
  it('refuses a range that splits a surrogate pair, even when the quote matches', () => {
    const text = 'a🚀b'
    const span = {
      id: 's1',
      start: 2,
      end: 4,
      quote: { exact: text.slice(2, 4), prefix: '', suffix: '' },
    }
    expect(checkSpanAnchor(text, span)?.message).toMatch(/splits a character/)
    const whole = { id: 's2', start: 1, end: 3, quote: { exact: '🚀', prefix: '', suffix: '' } }
    expect(checkSpanAnchor(text, whole)).toBeNull()
  })
})
