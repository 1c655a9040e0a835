import { describe, expect, it } from 'vitest'
import { humanize, parseNumber, withAttribute } from '../../../src/renderer/src/panel/attributes'

describe('parseNumber', () => {
  const def = { name: 'intensity', type: 'number' as const, min: 1, max: 3, integer: true }
  it('accepts numbers inside the bounds', () => {
    expect(parseNumber(' 2 ', def)).toEqual({ ok: true, value: 2 })
  })
  it('clears the attribute on empty input', () => {
    expect(parseNumber('', def)).toEqual({ ok: true, value: undefined })
  })
  it('rejects values outside min/max, fractions for integers, and non-numbers', () => {
    expect(parseNumber('0', def)).toMatchObject({ ok: false, error: 'At least 1' })
    expect(parseNumber('4', def)).toMatchObject({ ok: false, error: 'At most 3' })
    expect(parseNumber('1.5', def)).toMatchObject({ ok: false })
    expect(parseNumber('abc', def)).toMatchObject({ ok: false })
    expect(parseNumber('1.5', { ...def, integer: false })).toEqual({ ok: true, value: 1.5 })
  })
})

describe('withAttribute', () => {
  it('sets a value without changing the original map', () => {
    const before = { kind: 'person' }
    expect(withAttribute(before, 'note', 'x')).toEqual({ kind: 'person', note: 'x' })
    expect(before).toEqual({ kind: 'person' })
  })
  it('removes the attribute when cleared, keeping false and 0', () => {
    expect(withAttribute({ kind: 'person', note: 'x' }, 'note', '')).toEqual({ kind: 'person' })
    expect(withAttribute({ a: 1 }, 'a', undefined)).toEqual({})
    expect(withAttribute({}, 'flag', false)).toEqual({ flag: false })
    expect(withAttribute({}, 'n', 0)).toEqual({ n: 0 })
  })
})

describe('humanize', () => {
  it('turns ids into labels', () => {
    expect(humanize('checkability')).toBe('Checkability')
    expect(humanize('source_kind')).toBe('Source kind')
  })
})
