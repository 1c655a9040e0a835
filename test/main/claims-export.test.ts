// The claims table export on a project of its own: code-point offsets past an emoji, cells lined
// up with their sources when only some have a value, formula-like text defused in the CSV (and
// kept as is in the XLSX, where cells are inline strings), and the one-document table.
import { parse } from 'csv-parse/sync'
import { strFromU8, unzipSync } from 'fflate'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportClaims, loadClaimsTable } from '../../src/main/core/claims-export'
import { ProjectStore } from '../../src/main/core/storage'
import type { Annotations, Relation, Span } from '../../src/shared/model'
import { spanAt } from './fixtures/span-at'

const T = '2024-06-19T12:00:00.000Z'
const TEXT = '🚀 Kim said =1+1 is "true". Putin and aides said it was not.'

let tmp: string
let store: ProjectStore
let docId: string

function span(id: string, layer: string, label: string, exact: string, extra: Partial<Span> = {}) {
  return spanAt(TEXT, id, layer, label, exact, { annotator: 't', ...extra })
}
function rel(id: string, type: string, from: string, to: string, attributes = {}): Relation {
  return { id, type, from, to, attributes, annotator: 't', createdAt: T, updatedAt: T }
}

const annotations: Annotations = {
  spans: [
    span('c1', 'claim', 'Claim', '=1+1 is "true"', { attributes: { checkability: 'factual' } }),
    span('s1', 'source', 'Source', 'Kim'),
    span('s2', 'source', 'Source', 'Putin', { entityId: 'e-putin' }),
    span('q1', 'cue', 'Cue', 'said'),
  ],
  relations: [
    rel('r1', 'attributed_to', 'c1', 's1', { stance: 'asserts' }),
    rel('r2', 'attributed_to', 'c1', 's2', { attribution: 'indirect', stance: 'denies' }),
    rel('r3', 'cue_of', 'q1', 'c1'),
  ],
  docLabels: {},
}

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'marginalia-claims-export-'))
  store = await ProjectStore.create(path.join(tmp, 'project'), { name: 'P' })
  await store.setEntities([
    { id: 'e-putin', name: 'Vladimir Putin', kind: 'person', aliases: [], note: '' },
  ])
  const added = await store.addDocument({
    title: 'Rockets',
    metadata: {},
    text: TEXT,
    blocks: [{ type: 'paragraph', start: 0, end: TEXT.length }],
    annotations,
  })
  if (added.status !== 'added') throw new Error('not added')
  docId = added.entry.id
  // A second document with no claims.
  await store.addDocument({ title: 'Empty', metadata: {}, text: 'Nothing here.', blocks: [] })
})

afterEach(async () => {
  await store.close()
  await rm(tmp, { recursive: true, force: true })
})

describe('claims export', () => {
  it('writes code-point offsets, aligned source cells and defused formulas in the CSV', async () => {
    const out = path.join(tmp, 'claims.csv')
    const result = await exportClaims(store, 'csv', out)
    expect(result).toEqual({ path: out, rows: 1, problems: [] })
    const [header, row] = parse(await readFile(out, 'utf8'), { bom: true })
    const cell = (name: string) => row[header.indexOf(name)]
    // The claim starts after the rocket (1 code point, 2 UTF-16 units) and " Kim said ".
    expect([cell('start'), cell('end')]).toEqual(['11', '25'])
    expect([...TEXT].slice(11, 25).join('')).toBe('=1+1 is "true"')
    expect(cell('claim')).toBe(`'=1+1 is "true"`)
    expect(cell('sources')).toBe('Kim; Putin')
    // Kim has no entity and no attribution kind: empty entries keep the others in place.
    expect(cell('entities')).toBe('; Vladimir Putin')
    expect(cell('attribution')).toBe('; indirect')
    expect(cell('stance')).toBe('asserts; denies')
    expect(cell('cues')).toBe('said')
    expect(cell('checkability')).toBe('factual')
  })

  it('keeps the text as is in the XLSX, where a cell is never a formula', async () => {
    const out = path.join(tmp, 'claims.xlsx')
    await exportClaims(store, 'xlsx', out, docId)
    const sheet = strFromU8(
      unzipSync(new Uint8Array(await readFile(out)))['xl/worksheets/sheet1.xml'],
    )
    expect(sheet).toContain('<t xml:space="preserve">=1+1 is "true"</t>')
    expect(sheet).not.toContain('<f>')
    expect(sheet).toMatch(/<c r="L2"><v>11<\/v><\/c><c r="M2"><v>25<\/v><\/c>/)
  })

  it('builds the table of one document or all, with UTF-16 offsets in the rows', async () => {
    const all = await loadClaimsTable(store)
    const one = await loadClaimsTable(store, docId)
    expect(one).toEqual(all)
    expect(all.rows[0]).toMatchObject({ start: 12, end: 26, claimText: '=1+1 is "true"' })
    expect(all.summaries.map((s) => [s.name, s.entityId, s.claims])).toEqual([
      ['Kim', null, 1],
      ['Vladimir Putin', 'e-putin', 1],
    ])
  })
})
