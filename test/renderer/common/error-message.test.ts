import { describe, expect, it } from 'vitest'
import { messageOf } from '../../../src/renderer/src/common/error-message'

describe('messageOf', () => {
  it('strips the prefix Electron adds to errors from main', () => {
    const e = new Error("Error invoking remote method 'document:save': Error: disk full")
    expect(messageOf(e)).toBe('disk full')
  })
})
