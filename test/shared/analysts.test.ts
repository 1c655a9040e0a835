// Analyst ids and the reserved sets: no analyst's name may become `gold` (curation) or `auto` (the
// suggestion engine's set), in any case, spacing or accent.
import { describe, expect, it } from 'vitest'
import { AUTO_SET, GOLD_SET, analystId, reservedNameProblem } from '../../src/shared/analysts'

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
