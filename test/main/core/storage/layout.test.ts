// File names to ids: what the folder listings of every open go through.
import { describe, expect, it } from 'vitest'
import { idOfJournalName, idOfJsonName } from '../../../../src/main/core/storage/layout'

describe('file names to ids', () => {
  it('takes the id from `<id>.json` and `<id>.journal.jsonl` only, with ids of 1 to 64 safe characters', () => {
    const names = {
      'd-1.json': ['d-1', null],
      'a-_Z9.journal.jsonl': [null, 'a-_Z9'],
      'x.journal.jsonl.json': [null, null],
      [`${'x'.repeat(64)}.json`]: ['x'.repeat(64), null],
      [`${'x'.repeat(65)}.json`]: [null, null],
      '.json': [null, null],
      '.journal.jsonl': [null, null],
      'a b.json': [null, null],
      'a.b.json': [null, null],
      'a.JSON': [null, null],
      'a.json\n': [null, null],
      '\na.json': [null, null],
      'é.json': [null, null],
      'd-1.json.tmp': [null, null],
      'a.journal.json': [null, null],
      '': [null, null],
    }
    for (const [name, [json, journal]] of Object.entries(names)) {
      expect([name, idOfJsonName(name), idOfJournalName(name)]).toEqual([name, json, journal])
    }
  })
})
