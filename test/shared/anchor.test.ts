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
