// The fold of change files: what two analysts changed at the same time, merged by the documented
// rules (docs/FORMAT.md, "How changes are folded"), whatever order the files arrived in.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fold, type LoadedChange } from '../../../../src/main/core/storage/fold'
import { diffSchema } from '../../../../src/main/core/storage/schema-changes'
import { defaultSchema } from '../../../../src/shared/default-schema'
import { FORMAT_VERSION, type AnnotationSchema, type Entity } from '../../../../src/shared/model'
import type { ChangeOp, ProjectJson } from '../../../../src/shared/model-files'

const base: ProjectJson = {
  format: 'marginalia-project',
  version: FORMAT_VERSION,
  id: 'p',
  name: 'Team',
  createdAt: '2024-01-01T00:00:00.000Z',
  schema: defaultSchema(),
}

let counter = 0
/** A change file of `analyst` at minute `minute` holding `ops`. */
function change(analyst: string, minute: number, ops: ChangeOp[]): LoadedChange {
  const at = new Date(Date.UTC(2024, 0, 2, 0, minute)).toISOString()
  const id = `${at.replace(/[-:.]/g, '')}-${(++counter).toString(16).padStart(4, '0')}`
  return {
    file: `/p/changes/${analyst}/${id}.json`,
    relative: `changes/${analyst}/${id}.json`,
    change: {
      format: 'marginalia-change',
      version: FORMAT_VERSION,
      id,
      analyst,
      analystName: analyst.toUpperCase(),
      at,
      ops,
    },
  }
}

/** The schema operations one analyst's edit of the base schema makes. */
function edit(mutate: (s: AnnotationSchema) => void): ChangeOp[] {
  const next = defaultSchema()
  mutate(next)
  return diffSchema(defaultSchema(), next)
}

const putin: Entity = { id: 'e1', name: 'Putin', kind: 'person', aliases: [], note: '' }

describe('the fold of concurrent changes', () => {
  it('merges schema additions made at the same time by union', () => {
    const ana = change(
      'ana',
      1,
      edit((s) => s.layers[0].labels.push({ name: 'Rumour' })),
    )
    const bo = change(
      'bo',
      1,
      edit((s) => {
        s.layers[0].labels.push({ name: 'Prediction' })
        s.labelSets[0].values.push('unclear')
      }),
    )
    const folded = fold(base, [ana, bo])
    expect(folded.schema.layers[0].labels.map((l) => l.name)).toEqual([
      'Claim',
      'Rumour',
      'Prediction',
    ])
    expect(folded.schema.labelSets[0].values).toContain('unclear')
    expect(folded.conflicts).toEqual([])
    expect(folded.problems).toEqual([])
  })

  it('keeps the later of two concurrent cosmetic edits and reports the other', () => {
    const ana = change(
      'ana',
      1,
      edit((s) => (s.layers[0].color = '#ff0000')),
    )
    const bo = change(
      'bo',
      2,
      edit((s) => (s.layers[0].color = '#0000ff')),
    )
    const folded = fold(base, [bo, ana])
    expect(folded.schema.layers[0].color).toBe('#0000ff')
    expect(folded.conflicts).toEqual([
      {
        kind: 'schema',
        target: 'layer "claim" color',
        kept: { analyst: 'BO', at: bo.change.at, change: bo.relative, value: '#0000ff' },
        lost: [{ analyst: 'ANA', at: ana.change.at, change: ana.relative, value: '#ff0000' }],
        rule: 'the change made last wins',
      },
    ])
    // Setting it again, having seen the kept value, settles the conflict.
    const settle: ChangeOp = {
      op: 'schema.set',
      path: ['layers', 'claim'],
      field: 'color',
      value: '#00ff00',
      from: '#0000ff',
    }
    const after = fold(base, [ana, bo, change('ana', 3, [settle])])
    expect(after.schema.layers[0].color).toBe('#00ff00')
    expect(after.conflicts).toEqual([])
  })

  it('a layer added twice under one id is one layer; differing cosmetics are a conflict', () => {
    const layer = (color: string) =>
      edit((s) =>
        s.layers.push({
          id: 'quote',
          name: 'Quote',
          color,
          underline: 'solid',
          labels: [{ name: color === '#111111' ? 'Direct' : 'Indirect' }],
          attributes: [],
        }),
      )
    const folded = fold(base, [
      change('ana', 1, layer('#111111')),
      change('bo', 2, layer('#222222')),
    ])
    const quote = folded.schema.layers.filter((l) => l.id === 'quote')
    expect(quote).toHaveLength(1)
    expect(quote[0].labels.map((l) => l.name)).toEqual(['Direct', 'Indirect'])
    expect(quote[0].color).toBe('#222222')
    expect(folded.conflicts.map((c) => c.target)).toEqual(['layer "quote" color'])
  })

  it('two new layers given the same key: the key stays with the first, the other is reported', () => {
    const add = (id: string) =>
      edit((s) =>
        s.layers.push({
          id,
          name: id,
          color: '#123456',
          underline: 'solid',
          shortcut: '7',
          labels: [{ name: id }],
          attributes: [],
        }),
      )
    const folded = fold(base, [change('bo', 2, add('beta')), change('ana', 1, add('alpha'))])
    const byId = new Map(folded.schema.layers.map((l) => [l.id, l]))
    expect(byId.get('alpha')?.shortcut).toBe('7')
    expect(byId.get('beta')?.shortcut).toBeUndefined()
    expect(folded.conflicts).toEqual([
      expect.objectContaining({
        target: 'layer "beta" shortcut',
        kept: { analyst: '', at: null, change: null, value: null },
        lost: [expect.objectContaining({ analyst: 'BO', value: '7' })],
        rule: 'a key keeps the layer that had it first ("alpha")',
      }),
    ])
  })

  it('entities: concurrent edits of one field, an edit of a removed entity, merges that chain', () => {
    const e2 = { ...putin, id: 'e2', name: 'Vladimir Putin' }
    const e3 = { ...putin, id: 'e3', name: 'V. V. Putin' }
    const folded = fold(base, [
      change('ana', 1, [
        { op: 'entity.add', entity: putin },
        { op: 'entity.add', entity: e2 },
        { op: 'entity.add', entity: e3 },
      ]),
      change('ana', 2, [{ op: 'entity.set', id: 'e2', field: 'note', value: 'A', from: '' }]),
      change('bo', 3, [{ op: 'entity.set', id: 'e2', field: 'note', value: 'B', from: '' }]),
      change('ana', 4, [{ op: 'entity.remove', id: 'e1', into: 'e2' }]),
      change('bo', 5, [{ op: 'entity.remove', id: 'e2', into: 'e3' }]),
      change('ana', 6, [
        { op: 'entity.set', id: 'e2', field: 'kind', value: 'leader', from: 'person' },
      ]),
    ])
    expect(folded.entities.map((e) => e.id)).toEqual(['e3'])
    expect(folded.entities[0].aliases).toEqual(['Vladimir Putin', 'Putin'])
    expect(folded.redirects).toEqual(
      new Map([
        ['e1', 'e3'],
        ['e2', 'e3'],
      ]),
    )
    expect(folded.conflicts.map((c) => [c.target, c.rule])).toEqual([
      ['entity "e2" (Vladimir Putin) note', 'the change made last wins'],
      ['entity "e2" kind', 'an edit of a removed entity is not applied'],
    ])
  })

  it('a change that would make the schema invalid is skipped and named', () => {
    const bad = change('ana', 1, [
      { op: 'schema.add', path: ['relationTypes', 'attributed_to', 'to'], item: 'nowhere' },
    ])
    const folded = fold(base, [bad])
    expect(folded.schema).toEqual(defaultSchema())
    expect(folded.problems).toEqual([
      {
        file: bad.file,
        message: expect.stringMatching(/^its schema changes would make the schema invalid/),
      },
    ])
    const missing = change('bo', 2, [
      { op: 'schema.add', path: ['layers', 'nolayer', 'labels'], item: { name: 'X' } },
    ])
    expect(fold(base, [missing]).problems).toEqual([
      { file: missing.file, message: 'ops[0]: layer "nolayer" does not exist; skipped' },
    ])
  })

  it('gives the same project whatever order the files arrived in', () => {
    const changes = [
      change(
        'ana',
        1,
        edit((s) => s.layers[0].labels.push({ name: 'Rumour' })),
      ),
      change(
        'bo',
        1,
        edit((s) => (s.layers[1].color = '#abcdef')),
      ),
      change(
        'cy',
        2,
        edit((s) => (s.layers[1].color = '#fedcba')),
      ),
      change('ana', 3, [{ op: 'entity.add', entity: putin }]),
      change('bo', 3, [{ op: 'entity.set', id: 'e1', field: 'note', value: 'x', from: '' }]),
      change('cy', 4, [{ op: 'document.remove', id: 'd1' }]),
      change('ana', 5, [{ op: 'document.set', id: 'd2', field: 'title', value: 'T' }]),
    ]
    const reference = fold(base, changes)
    fc.assert(
      fc.property(fc.shuffledSubarray(changes, { minLength: changes.length }), (order) => {
        expect(fold(base, order)).toEqual(reference)
      }),
      { numRuns: 50 },
    )
  })
})
