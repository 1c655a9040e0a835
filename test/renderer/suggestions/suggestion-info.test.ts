import { describe, expect, it } from 'vitest'
import { SUGGESTION_KINDS } from '../../../src/shared/suggest'
import { sameInfo } from '../../../src/renderer/src/suggestions/suggestion-info'
import type { SuggestionInfo } from '../../../src/renderer/src/suggestions/use-suggestions'

const info = (open: number): SuggestionInfo => ({
  shown: true,
  kinds: [...SUGGESTION_KINDS],
  counts: Object.fromEntries(SUGGESTION_KINDS.map((k, i) => [k, i === 0 ? open : 1])) as never,
  open: open + SUGGESTION_KINDS.length - 1,
  current: null,
  computing: false,
  error: null,
})

describe('sameInfo', () => {
  it('is true for the same numbers in new objects (the plugin builds them on each report)', () => {
    expect(sameInfo(info(3), info(3))).toBe(true)
  })

  it('is false when a count, the kinds shown, computing or the error differ', () => {
    expect(sameInfo(info(3), info(2))).toBe(false)
    expect(sameInfo(info(3), { ...info(3), kinds: SUGGESTION_KINDS.slice(1) })).toBe(false)
    expect(sameInfo(info(3), { ...info(3), computing: true })).toBe(false)
    expect(sameInfo(info(3), { ...info(3), error: 'failed' })).toBe(false)
    const [kind] = SUGGESTION_KINDS
    expect(sameInfo(info(3), { ...info(3), counts: { ...info(3).counts, [kind]: 9 } })).toBe(false)
  })
})
