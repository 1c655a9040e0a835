import { describe, expect, it } from 'vitest'
import type { Entity } from '../../../src/shared/model'
import {
  looksLikeName,
  nameFromText,
  parseAliases,
  searchEntities,
} from '../../../src/renderer/src/entities/entity-names'

const entity = (id: string, name: string, aliases: string[] = []): Entity => ({
  id,
  name,
  kind: 'person',
  aliases,
  note: '',
})
const all = [
  entity('p', 'Vladimir Putin', ['Putin']),
  entity('k', 'Kim Jong Un', ['Kim']),
  entity('t', 'TASS', ['Russian news agency TASS']),
]

describe('searchEntities', () => {
  it('ranks names starting with the query, then names containing it, then aliases', () => {
    expect(searchEntities(all, 'kim').map((e) => e.id)).toEqual(['k'])
    expect(searchEntities(all, 'PUTIN').map((e) => e.id)).toEqual(['p'])
    expect(searchEntities(all, 'news agency').map((e) => e.id)).toEqual(['t'])
    expect(searchEntities(all, 'zzz')).toEqual([])
    expect(searchEntities(all, '', 2)).toHaveLength(2)
  })
})

describe('names from span text', () => {
  it('drops a possessive and extra spaces; pronouns are not names', () => {
    expect(nameFromText('  Putin’s ')).toBe('Putin')
    expect(nameFromText("Kim Jong\nUn's")).toBe('Kim Jong Un')
    expect(looksLikeName('Putin')).toBe(true)
    expect(looksLikeName('he')).toBe(false)
    expect(looksLikeName('He')).toBe(false)
  })

  it('takes names, not generic phrases, as aliases by default', () => {
    for (const name of [
      'the Kremlin',
      'Russian news agency TASS',
      'U.S. Secretary of State Antony Blinken',
      'Kim Jong Un',
      'NATO',
    ])
      expect(looksLikeName(name), name).toBe(true)
    for (const generic of [
      'Russian state media',
      'South Korean analysts',
      'U.S. officials',
      'Western Officials',
      'a Kremlin spokesman',
      'Analysts',
      'they',
    ])
      expect(looksLikeName(generic), generic).toBe(false)
  })

  it('reads aliases separated by commas or new lines, without duplicates', () => {
    expect(parseAliases('Putin, V. Putin\nPutin ,  ')).toEqual(['Putin', 'V. Putin'])
  })
})
