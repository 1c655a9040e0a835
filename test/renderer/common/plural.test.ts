import { describe, expect, it } from 'vitest'
import { plural } from '../../../src/renderer/src/common/plural'

describe('plural', () => {
  it('adds an s unless the count is one', () => {
    expect(plural(0, 'span')).toBe('0 spans')
    expect(plural(1, 'span')).toBe('1 span')
    expect(plural(12, 'document')).toBe('12 documents')
  })
})
