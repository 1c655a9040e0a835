import { describe, expect, it } from 'vitest'
import {
  entityFromText,
  normaliseWords,
  suggestEntities,
  withAlias,
} from '../../src/shared/registry'
import type { Entity } from '../../src/shared/model'

const putin: Entity = {
  id: 'e-putin',
  name: 'Vladimir Putin',
  kind: 'person',
  aliases: ['Russian President Vladimir Putin'],
  note: '',
}
const kim: Entity = { id: 'e-kim', name: 'Kim Jong Un', kind: 'person', aliases: [], note: '' }
const kremlin: Entity = {
  id: 'e-kremlin',
  name: 'Kremlin',
  kind: 'government',
  aliases: [],
  note: '',
}
const entities = [kim, putin, kremlin]

describe('normaliseWords', () => {
  it('folds case, accents and possessives', () => {
    expect(normaliseWords("Lavrov's  Ministère")).toEqual(['lavrov', 'ministere'])
  })
})

describe('suggestEntities', () => {
  it('puts an exact name first', () => {
    expect(suggestEntities('vladimir putin', entities)[0]).toMatchObject({
      reason: 'exact',
      entity: { id: 'e-putin' },
    })
  })
  it('matches an alias', () => {
    expect(suggestEntities('Russian President Vladimir Putin', entities)[0]).toMatchObject({
      reason: 'alias',
      entity: { id: 'e-putin' },
    })
  })
  it('matches a surname, a possessive and ignores honorifics alone', () => {
    expect(suggestEntities('Putin', entities).map((s) => s.entity.id)).toEqual(['e-putin'])
    expect(suggestEntities("Kim's", entities).map((s) => s.entity.id)).toEqual(['e-kim'])
    expect(suggestEntities('the President', entities)).toEqual([])
  })
  it('suggests nothing for a pronoun or empty text', () => {
    expect(suggestEntities('he', entities)).toEqual([])
    expect(suggestEntities('  ', entities)).toEqual([])
  })
})

describe('entity helpers', () => {
  it('creates an entity from span text and adds aliases once', () => {
    const e = entityFromText('  Kremlin   spokesman ', 'government')
    expect(e.name).toBe('Kremlin spokesman')
    const withOne = withAlias(e, 'Dmitry Peskov')
    expect(withOne.aliases).toEqual(['Dmitry Peskov'])
    expect(withAlias(withOne, 'dmitry  PESKOV')).toBe(withOne)
    expect(withAlias(withOne, 'Kremlin Spokesman')).toBe(withOne)
  })
})
