// Who-said-what through the command line and the native exports, on copies of the real sample:
// `stats` reports claims without a source, `validate` checks relation ends against the schema, and
// the JSONL and CSV exports carry relations (with attribution and stance), cues and entities.
import { parse } from 'csv-parse/sync'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SAMPLE_DIR } from '../../scripts/make-sample'
import type { JsonlLine } from '../../src/main/core/formats/jsonl'
import type { DocumentFile } from '../../src/shared/model'
import { cli } from './cli/run-cli'

const DOC = 'russia-north-korea-alliance'

let root: string
let dir: string
let docFile: string
let setPath: string

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'marginalia-claims-cli-'))
  dir = path.join(root, 'sample')
  await cp(SAMPLE_DIR, dir, { recursive: true })
  docFile = path.join(dir, 'documents', `${DOC}.json`)
  setPath = path.join(dir, 'annotations', 'sample', `${DOC}.json`)
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

/** Edits the sample analyst's annotations of the document. */
async function editDocument(edit: (file: Pick<DocumentFile, 'annotations'>) => void) {
  const file = JSON.parse(await readFile(setPath, 'utf8')) as DocumentFile
  edit(file)
  await writeFile(setPath, JSON.stringify(file, null, 2))
}

describe('stats', () => {
  it('reports the claims without a source, by document, in text and JSON', async () => {
    const title = (JSON.parse(await readFile(docFile, 'utf8')) as DocumentFile).document.title
    const text = await cli('stats', dir)
    expect(text.code).toBe(0)
    expect(text.out).toContain(
      'Claims without a source: 1 of 6\n' +
        `  ${title} (claim-tensions): "Tensions on the Korean Peninsula are at their highest point in years"\n`,
    )
    const json = JSON.parse((await cli('stats', dir, '--json')).out)
    expect(json.claims).toBe(6)
    expect(json.claimsWithoutSource).toEqual([
      expect.objectContaining({ documentId: DOC, claimId: 'claim-tensions' }),
    ])
  })

  it('prints no such section once every claim has a source', async () => {
    await editDocument((file) => {
      file.annotations.relations.push({
        ...file.annotations.relations[0],
        id: 'rel-tensions',
        from: 'claim-tensions',
        to: 'source-blinken',
      })
    })
    const text = await cli('stats', dir)
    expect(text.code).toBe(0)
    expect(text.out).not.toContain('without a source')
    expect(JSON.parse((await cli('stats', dir, '--json')).out).claimsWithoutSource).toEqual([])
  })
})

describe('validate', () => {
  it('accepts the sample and reports a cue_of relation drawn from the claim to the cue', async () => {
    expect((await cli('validate', dir)).code).toBe(0)
    await editDocument((file) => {
      const r = file.annotations.relations.find((x) => x.id === 'rel-cue-munitions')!
      ;[r.from, r.to] = [r.to, r.from]
    })
    const result = await cli('validate', dir)
    expect(result.code).toBe(1)
    expect(result.out).toContain(
      `${setPath}: annotations.relations[9].from: span "claim-munitions" is on layer "claim"; ` +
        '"cue_of" allows "cue" at its from end',
    )
    expect(result.out).toContain('"cue_of" allows "claim" at its to end')
  })
})

describe('native exports of the sample', () => {
  it('JSONL carries cues, cue_of and attributed_to with attribution and stance, and entities', async () => {
    const out = path.join(root, 'out.jsonl')
    expect((await cli('export', dir, '--format', 'jsonl', '--out', out)).code).toBe(0)
    const [line] = (await readFile(out, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as JsonlLine)
    const byId = new Map(line.spans.map((s) => [s.id, s]))
    expect(byId.get('cue-according-to-tass')).toMatchObject({ layer: 'cue', text: 'according to' })
    expect(byId.get('source-putin-2')?.entity_id).toBe('e-vladimir-putin')
    expect(line.relations.find((r) => r.id === 'rel-cooperation-tass')).toMatchObject({
      type: 'attributed_to',
      from: 'claim-cooperation',
      to: 'source-tass',
      attributes: { attribution: 'indirect', stance: 'reports' },
    })
    expect(line.relations.find((r) => r.id === 'rel-cue-cooperation-tass')).toMatchObject({
      type: 'cue_of',
      from: 'cue-according-to-tass',
      to: 'claim-cooperation',
    })
    // The registry entries the spans refer to travel with the document.
    expect(line.entities.map((e) => e.id).sort()).toEqual([
      'e-antony-blinken',
      'e-kim-jong-un',
      'e-tass',
      'e-vladimir-putin',
    ])
    expect(line.entities.find((e) => e.id === 'e-vladimir-putin')?.aliases).toContain('Putin')
  })

  it('CSV has a row per cue and the entity name on each linked source', async () => {
    const out = path.join(root, 'out.csv')
    expect((await cli('export', dir, '--format', 'csv', '--out', out)).code).toBe(0)
    const records = parse<Record<string, string>>(await readFile(out, 'utf8'), {
      bom: true,
      columns: true,
    })
    const row = (id: string) => records.find((r) => r.span_id === id)!
    expect(row('source-putin').entity).toBe('Vladimir Putin')
    expect(row('source-tass').entity).toBe('TASS')
    expect(row('source-us-sk-officials').entity).toBe('')
    expect(
      records
        .filter((r) => r.layer === 'cue')
        .map((r) => r.text)
        .sort(),
    ).toEqual(['according to', 'accuse', 'deny', 'said', 'said', 'said', 'told reporters'])
  })
})
