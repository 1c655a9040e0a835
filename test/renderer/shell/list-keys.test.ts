import { describe, expect, it } from 'vitest'
import { PAGE_ITEMS, listKeyTarget, withKept } from '../../../src/renderer/src/shell/list-keys'

describe('listKeyTarget', () => {
  it('moves by one, by a page, or to either end, and stops at the ends', () => {
    expect(listKeyTarget('ArrowDown', 3, 100)).toBe(4)
    expect(listKeyTarget('ArrowUp', 3, 100)).toBe(2)
    expect(listKeyTarget('PageDown', 3, 100)).toBe(3 + PAGE_ITEMS)
    expect(listKeyTarget('PageUp', 50, 100)).toBe(50 - PAGE_ITEMS)
    expect(listKeyTarget('Home', 42, 100)).toBe(0)
    expect(listKeyTarget('End', 42, 100)).toBe(99)
    expect(listKeyTarget('ArrowUp', 0, 100)).toBe(0)
    expect(listKeyTarget('ArrowDown', 99, 100)).toBe(99)
    expect(listKeyTarget('PageDown', 95, 100)).toBe(99)
    expect(listKeyTarget('PageUp', 4, 100)).toBe(0)
  })

  it('leaves other keys (Enter, Tab, letters) and an empty list alone', () => {
    for (const key of ['Enter', ' ', 'Tab', 'a', 'ArrowLeft']) {
      expect(listKeyTarget(key, 3, 100)).toBeNull()
    }
    expect(listKeyTarget('ArrowDown', 0, 0)).toBeNull()
  })
})

describe('withKept', () => {
  it('adds the item holding the tab stop to the drawn range, in order', () => {
    expect(withKept([10, 11, 12], 2)).toEqual([2, 10, 11, 12])
    expect(withKept([10, 11, 12], 40)).toEqual([10, 11, 12, 40])
    expect(withKept([10, 11, 12], 11)).toEqual([10, 11, 12])
    expect(withKept([10, 11, 12], null)).toEqual([10, 11, 12])
  })
})
