// Analyst ids and the reserved sets: no analyst's name may become `gold` (curation) or `auto` (the
// suggestion engine's set), in any case, spacing or accent.
import { describe, expect, it } from 'vitest'
import {
  AUTO_SET,
  GOLD_SET,
  analystId,
  goldSetOf,
  otherSetsThan,
  reservedNameProblem,
} from '../../src/shared/analysts'

describe('reserved annotation sets', () => {
  it('names whose id would be a reserved set are refused with a reason', () => {
    for (const name of ['auto', 'Auto', ' AUTO ', 'âuto', 'gold', 'Gold!']) {
      expect(reservedNameProblem(name)).toMatch(/cannot be an analyst's name: "(auto|gold)" is/)
    }
    for (const name of ['Autumn', 'auto pilot', 'Goldie', 'Ada Lovelace'])
      expect(reservedNameProblem(name)).toBeNull()
  })

  it('an id never equals a reserved set, however the name arrived', () => {
    expect(analystId('Auto')).toBe(`${AUTO_SET}-analyst`)
    expect(analystId('GOLD')).toBe(`${GOLD_SET}-analyst`)
    expect(analystId('Auto Pilot')).toBe('auto-pilot')
  })
})

describe('the other sets a picker offers', () => {
  const sets = [
    { id: 'ana', name: 'Ana', documents: 3 },
    { id: 'ben', name: 'Ben', documents: 0 },
    { id: GOLD_SET, name: 'Gold set', documents: 2 },
    { id: 'cleo', name: 'Cleo', documents: 1 },
  ]

  it('are the analysts with annotations other than mine, never the gold set', () => {
    expect(otherSetsThan(sets, 'ana').map((s) => s.id)).toEqual(['cleo'])
    expect(otherSetsThan(sets, 'ben').map((s) => s.id)).toEqual(['ana', 'cleo'])
  })

  it('has the gold set apart, only when it annotates something', () => {
    expect(goldSetOf(sets)?.id).toBe(GOLD_SET)
    expect(goldSetOf(sets.map((s) => ({ ...s, documents: 0 })))).toBeUndefined()
  })
})
