import { describe, expect, it } from 'vitest'
import {
  entityFromText,
  mergeEntity,
  repointEntity,
  normaliseWords,
  suggestEntities,
  withAlias,
} from '../../src/shared/registry'
import type { Entity, Span } from '../../src/shared/model'

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
  it('suggests nothing on one shared common word (a nationality, a group noun)', () => {
    const sample = [
      { ...putin, aliases: ['Putin', 'Russian President Vladimir Putin'] },
      { ...kim, aliases: ['Kim', 'North Korean leader Kim Jong Un'] },
      {
        id: 'e-tass',
        name: 'TASS',
        kind: 'media',
        aliases: ['Russian news agency TASS', 'Russian state news agency TASS'],
        note: '',
      },
    ]
    expect(suggestEntities('South Korean analysts', sample)).toEqual([])
    expect(suggestEntities('Russian state media', sample)).toEqual([])
    expect(suggestEntities('Russian officials', sample)).toEqual([])
    // A telling word still matches, ranked by how alike the names are.
    expect(suggestEntities('the agency TASS', sample).map((s) => s.entity.id)).toEqual(['e-tass'])
    expect(suggestEntities('Kim', sample)[0]).toMatchObject({ entity: { id: 'e-kim' } })
  })

  it('ranks by likeness of name and aliases, the closest first', () => {
    const yo: Entity = { id: 'e-yo', name: 'Kim Yo Jong', kind: 'person', aliases: [], note: '' }
    const ranked = suggestEntities('Kim Yo Jong, the sister', [kim, yo])
    expect(ranked.map((s) => s.entity.id)).toEqual(['e-yo', 'e-kim'])
    expect(ranked[0].score).toBeGreaterThan(ranked[1].score)
    // A leading article or a title does not hide an exact name.
    expect(suggestEntities('the Kremlin', entities)[0]).toMatchObject({
      reason: 'exact',
      entity: { id: 'e-kremlin' },
    })
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
    expect(entityFromText('the Kremlin', 'government').name).toBe('Kremlin')
    expect(entityFromText('The  Pentagon', 'government').name).toBe('Pentagon')
    expect(entityFromText('Theresa May', 'person').name).toBe('Theresa May')
    expect(entityFromText('The', 'person').name).toBe('The')
    const withOne = withAlias(e, 'Dmitry Peskov')
    expect(withOne.aliases).toEqual(['Dmitry Peskov'])
    expect(withAlias(withOne, 'dmitry  PESKOV')).toBe(withOne)
    expect(withAlias(withOne, 'Kremlin Spokesman')).toBe(withOne)
  })
})

describe('merging and removing entities', () => {
  it('folds a duplicate into an entity: its name and aliases become aliases, once each', () => {
    const dup: Entity = {
      id: 'e-dup',
      name: 'V. Putin',
      kind: 'person',
      aliases: ['Vladimir Putin', 'Putin'],
      note: 'dup',
    }
    const merged = mergeEntity(putin, dup)
    expect(merged).toEqual({
      ...putin,
      aliases: ['Russian President Vladimir Putin', 'V. Putin', 'Putin'],
      note: 'dup',
    })
    // The same note is not added twice.
    expect(mergeEntity(merged, dup).note).toBe('dup')
  })

  it('re-points or unlinks only the spans of the entity, stamping them', () => {
    const base = {
      layer: 'source',
      label: 'Source',
      start: 0,
      end: 1,
      quote: { exact: 'x', prefix: '', suffix: '' },
      attributes: {},
      annotator: 'a',
      createdAt: 'T0',
      updatedAt: 'T0',
    }
    const spans: Span[] = [
      { ...base, id: 's1', entityId: 'e-dup' },
      { ...base, id: 's2', entityId: 'e-kim' },
      { ...base, id: 's3' },
    ]
    const moved = repointEntity(spans, 'e-dup', 'e-putin', 'T1')
    expect(moved.changed).toBe(1)
    expect(moved.spans[0]).toEqual({ ...spans[0], entityId: 'e-putin', updatedAt: 'T1' })
    expect(moved.spans.slice(1)).toEqual(spans.slice(1))
    const dropped = repointEntity(spans, 'e-dup', null, 'T1')
    expect(dropped.spans[0]).not.toHaveProperty('entityId')
    expect(dropped.spans[0].updatedAt).toBe('T1')
    expect(repointEntity(spans, 'e-none', null, 'T1')).toEqual({ spans, changed: 0 })
  })
})
