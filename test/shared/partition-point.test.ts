// The shared binary search: for any sorted list and point, the count of items before the point,
// as a linear scan counts it (the offset tables, span indexes and quotation lists rely on it).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { partitionPoint } from '../../src/shared/partition-point'

describe('partitionPoint', () => {
  it('finds where the items before a point end, as a linear scan does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer(), (items, x) => {
        const sorted = [...items].sort((a, b) => a - b)
        const scan = sorted.filter((v) => v < x).length
        expect(partitionPoint(sorted.length, (i) => sorted[i] < x)).toBe(scan)
      }),
      { numRuns: 500 },
    )
  })

  it('is 0 for an empty list, and the length when every item comes before', () => {
    expect(partitionPoint(0, () => true)).toBe(0)
    expect(partitionPoint(5, () => true)).toBe(5)
    expect(partitionPoint(5, () => false)).toBe(0)
  })
})
