// The claims channels in plain Node, over a copy of the real sample project (which main installs on
// first start) and scripted dialogs: the table as main computes it, a document that cannot be read,
// the CSV and XLSX exports as a spreadsheet would read them, cancelling, and the path guard.
import { parse } from 'csv-parse/sync'
import { unzipSync, strFromU8 } from 'fflate'
import { mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SAMPLE_DIR } from '../../scripts/make-sample'
import { CLAIMS_COLUMNS } from '../../src/main/core/claims-export'
import { handlerSession } from './fixtures/handler-session'
import { noDialogs } from './fixtures/no-dialogs'
import { SAMPLE_FOLDER_NAME } from '../../src/main/sample-project'
import type { AppSession } from '../../src/main/session'
import type {
  ClaimsExportResult,
  ClaimsTableResult,
  EntityRemovalResult,
  ImportReport,
  ProjectSnapshot,
} from '../../src/shared/ipc-contract'
import type { DocumentFile } from '../../src/shared/model'
import { readProject } from './fixtures/read-project'
import { readSetFile } from './fixtures/set-files'

const DOC = 'russia-north-korea-alliance'

let tmp: string
let sessions: AppSession[]

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'marginalia-claims-'))
  sessions = []
})

afterEach(async () => {
  for (const session of sessions) await session.dispose()
  await rm(tmp, { recursive: true, force: true })
})

/** A session over the sample project, with the export dialog answering `exportTo`. */
async function setup(exportTo: string | null = null) {
  const asked: string[] = []
  const answer = { exportTo }
  const dialogs = noDialogs({
    chooseExportPath: async (format, name) => {
      asked.push(`${format}:${name}`)
      return answer.exportTo
    },
  })
  const { session, call } = handlerSession({ tmp, dialogs })
  sessions.push(session)
  await call('app:init')
  const projectDir = path.join(tmp, 'userData', 'projects', SAMPLE_FOLDER_NAME)
  return { call, asked, projectDir, answer }
}

describe('claims:table', () => {
  it('lists every claim of the sample with sources, entities, cues, stance and a summary', async () => {
    const { call } = await setup()
    const table = (await call('claims:table')) as ClaimsTableResult
    expect(table.problems).toEqual([])
    expect(table.rows.map((r) => r.claimId)).toEqual([
      'claim-fiery-friendship',
      'claim-mutual-assistance',
      'claim-arms-transfers',
      'claim-cooperation',
      'claim-munitions',
      'claim-tensions',
    ])
    const cooperation = table.rows.find((r) => r.claimId === 'claim-cooperation')!
    expect(cooperation.sources.map((s) => [s.text, s.entityName, s.attribution, s.stance])).toEqual(
      [
        ['Putin', 'Vladimir Putin', 'indirect', 'asserts'],
        ['Russian news agency TASS', 'TASS', 'indirect', 'reports'],
      ],
    )
    expect(cooperation.cues.map((c) => c.text)).toEqual(['said', 'according to'])
    const putin = table.summaries.find((s) => s.name === 'Vladimir Putin')!
    expect(putin).toMatchObject({ entityId: 'e-vladimir-putin', claims: 2 })
    expect(putin.documents.map((d) => d.id)).toEqual([DOC])
    // The same table for the one document, asked by id.
    expect(await call('claims:table', { docId: DOC })).toEqual(table)
  })

  it('skips a document that cannot be read and names it; refuses unknown or unsafe ids', async () => {
    const first = await setup()
    const article = new TextEncoder().encode('Officials said the alliance is growing.')
    const report = (await first.call('import:data', {
      files: [{ name: 'other.txt', data: article }],
    })) as ImportReport
    const otherId = report.added[0].id
    await sessions[0].dispose()
    await writeFile(path.join(first.projectDir, 'documents', `${otherId}.json`), '{ "format": ')
    // The next start reopens the project with that document broken.
    const { call } = await setup()
    const table = (await call('claims:table')) as ClaimsTableResult
    expect(table.rows.length).toBe(6)
    expect(table.problems).toEqual([
      { file: `documents/${otherId}.json`, message: expect.stringMatching(/invalid JSON/) },
    ])
    await expect(call('claims:table', { docId: 'd-missing' })).rejects.toThrow(
      /no document with id "d-missing"/,
    )
    await expect(call('claims:table', { docId: '../project' })).rejects.toThrow(
      /^claims:table: invalid argument: docId/,
    )
    await expect(call('claims:table', { docId: DOC, extra: 1 })).rejects.toThrow(/claims:table/)
  })

  it('needs an open project', async () => {
    const { call } = await setup()
    await call('project:close')
    await expect(call('claims:table')).rejects.toThrow(/No project is open/)
  })
})

describe('claims:export', () => {
  it('writes the CSV a spreadsheet reads: one row per claim, sources joined in order', async () => {
    const out = path.join(tmp, 'out', 'claims.csv')
    const { call, asked } = await setup(out)
    const result = (await call('claims:export', { format: 'csv' })) as ClaimsExportResult
    expect(asked).toEqual(['csv:Sample_ Russia–North Korea alliance claims.csv'])
    expect(result).toEqual({ path: out, rows: 6, problems: [] })
    const bytes = await readFile(out)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // BOM, for Excel
    const text = bytes.toString('utf8')
    expect(text).toContain('\r\n')
    const records = parse(text, { bom: true })
    expect(records[0]).toEqual([...CLAIMS_COLUMNS])
    const rows = records
      .slice(1)
      .map((r) => Object.fromEntries(r.map((v, i) => [records[0][i], v])))
    expect(rows).toHaveLength(6)
    const cooperation = rows.find((r) => r.claim_id === 'claim-cooperation')!
    expect(cooperation).toMatchObject({
      document_id: DOC,
      checkability: 'prediction',
      sources: 'Putin; Russian news agency TASS',
      entities: 'Vladimir Putin; TASS',
      cues: 'said; according to',
      attribution: 'indirect; indirect',
      stance: 'asserts; reports',
    })
    const arms = rows.find((r) => r.claim_id === 'claim-arms-transfers')!
    expect(arms).toMatchObject({ entities: '', stance: 'asserts; denies', cues: 'accuse; deny' })
    const friendship = rows.find((r) => r.claim_id === 'claim-fiery-friendship')!
    expect(friendship.sentiment).toBe('positive: fiery friendship')
    const unsourced = rows.find((r) => r.claim_id === 'claim-tensions')!
    expect([unsourced.sources, unsourced.entities, unsourced.stance]).toEqual(['', '', ''])
    // start/end are code points of the document text and select the claim.
    const sample = JSON.parse(
      await readFile(path.join(SAMPLE_DIR, 'documents', `${DOC}.json`), 'utf8'),
    )
    const points = [...sample.document.text]
    for (const row of rows) {
      expect(points.slice(Number(row.start), Number(row.end)).join('')).toBe(row.claim)
    }
  })

  it('writes an XLSX with the claims sheet and the per-source summary sheet', async () => {
    const out = path.join(tmp, 'claims.xlsx')
    const { call, asked } = await setup(out)
    const result = (await call('claims:export', {
      format: 'xlsx',
      docId: DOC,
    })) as ClaimsExportResult
    expect(asked).toEqual(['xlsx:Sample_ Russia–North Korea alliance claims.xlsx'])
    expect(result.rows).toBe(6)
    const zip = unzipSync(new Uint8Array(await readFile(out)))
    const workbook = strFromU8(zip['xl/workbook.xml'])
    expect(workbook).toMatch(/<sheet name="Claims" sheetId="1"[^>]*\/><sheet name="Sources"/)
    const claims = strFromU8(zip['xl/worksheets/sheet1.xml'])
    const sources = strFromU8(zip['xl/worksheets/sheet2.xml'])
    expect(cellTexts(claims).slice(0, CLAIMS_COLUMNS.length)).toEqual([...CLAIMS_COLUMNS])
    expect(cellTexts(claims)).toContain('Vladimir Putin; TASS')
    expect(claims.match(/<row /g)).toHaveLength(7)
    expect(cellTexts(sources)).toEqual(
      expect.arrayContaining(['Vladimir Putin', 'e-vladimir-putin']),
    )
  })

  it('writes nothing when the dialog is cancelled', async () => {
    const { call } = await setup(null)
    expect(await call('claims:export', { format: 'csv' })).toBeNull()
    expect(await readdir(tmp)).toEqual(['userData'])
  })

  it('will not write over the project file, and refuses other formats', async () => {
    const { call, projectDir, answer } = await setup()
    const projectFile = path.join(projectDir, 'project.json')
    const before = await readFile(projectFile, 'utf8')
    answer.exportTo = projectFile
    await expect(call('claims:export', { format: 'csv' })).rejects.toThrow(
      /will not write the claims table inside the project folder/,
    )
    expect(await readFile(projectFile, 'utf8')).toBe(before)
    await expect(call('claims:export', { format: 'jsonl' })).rejects.toThrow(
      /^claims:export: invalid argument: format/,
    )
  })
})

describe('entities:remove', () => {
  it('merges a duplicate entity: spans in every document re-pointed, names kept as aliases', async () => {
    const { call, projectDir } = await setup()
    const snapshot = (await call('project:snapshot')) as ProjectSnapshot
    const duplicate = {
      id: 'e-vvp',
      name: 'Vladimir V. Putin',
      kind: 'person',
      aliases: ['V. Putin'],
      note: 'Added twice by mistake.',
    }
    await call('project:set-entities', { entities: [...snapshot.project.entities, duplicate] })
    const doc = (await call('document:load', { docId: DOC })) as DocumentFile
    doc.annotations.spans.find((s) => s.id === 'source-putin-2')!.entityId = 'e-vvp'
    await call('document:save', { docId: DOC, annotations: doc.annotations })

    const result = (await call('entities:remove', {
      entityId: 'e-vvp',
      replaceWith: 'e-vladimir-putin',
    })) as EntityRemovalResult
    expect(result.changed).toEqual([{ docId: DOC, spans: 1 }])
    expect(result.problems).toEqual([])
    const entities = result.snapshot.project.entities
    expect(entities.map((e) => e.id)).not.toContain('e-vvp')
    const putin = entities.find((e) => e.id === 'e-vladimir-putin')!
    expect(putin.aliases).toEqual([
      'Putin',
      'Russian President Vladimir Putin',
      'Vladimir V. Putin',
      'V. Putin',
    ])
    expect(putin.note).toBe('President of Russia.\nAdded twice by mistake.')
    // No annotation file is rewritten: the span reads as the merged entity wherever it is read.
    const analyst = result.snapshot.analyst.id
    const onDisk = await readSetFile(projectDir, analyst, DOC)
    expect(onDisk.annotations.spans.find((s) => s.id === 'source-putin-2')?.entityId).toBe('e-vvp')
    const loaded = (await call('document:load', { docId: DOC })) as DocumentFile
    expect(loaded.annotations.spans.find((s) => s.id === 'source-putin-2')?.entityId).toBe(
      'e-vladimir-putin',
    )
    const project = await readProject(projectDir)
    expect(project.entities.map((e: { id: string }) => e.id)).not.toContain('e-vvp')
  })

  it('with dryRun counts the spans it would change and writes nothing', async () => {
    const { call, projectDir } = await setup()
    const read = async () => (await readdir(projectDir, { recursive: true })).sort()
    const before = await read()
    const result = (await call('entities:remove', {
      entityId: 'e-vladimir-putin',
      replaceWith: 'e-kim-jong-un',
      dryRun: true,
    })) as EntityRemovalResult
    // Two spans of the user's set (a copy of the sample's), and the sample analyst's and the
    // sample's second analyst's two each.
    expect(result.changed).toEqual([{ docId: DOC, spans: 2 }])
    expect(result.others).toBe(4)
    expect(result.snapshot.project.entities.map((e) => e.id)).toContain('e-vladimir-putin')
    expect(await read()).toEqual(before)
  })

  it('unlinks the spans of a removed entity, so every document still saves', async () => {
    const { call } = await setup()
    const result = (await call('entities:remove', {
      entityId: 'e-kim-jong-un',
    })) as EntityRemovalResult
    expect(result.changed).toEqual([{ docId: DOC, spans: 1 }])
    expect(result.others).toBe(2) // the sample analyst's and the second analyst's
    const doc = (await call('document:load', { docId: DOC })) as DocumentFile
    const kim = doc.annotations.spans.find((s) => s.id === 'source-kim')!
    expect(kim).not.toHaveProperty('entityId')
    await call('document:save', { docId: DOC, annotations: doc.annotations })
    // Every analyst's set reads the same, though only the saved one was written.
    const sample = (await call('document:load-set', { docId: DOC, set: 'sample' })) as {
      annotations: DocumentFile['annotations']
    }
    expect(sample.annotations.spans.find((s) => s.id === 'source-kim')).not.toHaveProperty(
      'entityId',
    )
    const table = (await call('claims:table')) as ClaimsTableResult
    const friendship = table.rows.find((r) => r.claimId === 'claim-fiery-friendship')!
    expect(friendship.sources[0]).toMatchObject({ text: 'Kim', entityId: null })
  })

  it('counts around an annotation file that cannot be read, and refuses unknown ids', async () => {
    const first = await setup()
    await sessions[0].dispose()
    const broken = path.join(first.projectDir, 'annotations', 'sample', `${DOC}.json`)
    await writeFile(`${broken}.new`, 'not json')
    await rename(`${broken}.new`, broken)
    const { call } = await setup()
    const result = (await call('entities:remove', { entityId: 'e-tass' })) as EntityRemovalResult
    expect(result.problems).toEqual([
      { file: `annotations/sample/${DOC}.json`, message: expect.stringMatching(/JSON/) },
    ])
    // The readable set's span is counted; the entity goes: the broken file, once fixed, reads
    // through the same redirect.
    expect(result.changed).toEqual([{ docId: DOC, spans: 1 }])
    expect(result.others).toBe(0)
    expect(result.snapshot.project.entities.map((e) => e.id)).not.toContain('e-tass')
    await expect(call('entities:remove', { entityId: 'e-nobody' })).rejects.toThrow(
      /no entity with id "e-nobody"/,
    )
    await expect(
      call('entities:remove', { entityId: 'e-kim-jong-un', replaceWith: 'e-kim-jong-un' }),
    ).rejects.toThrow(/cannot be merged into itself/)
    await expect(call('entities:remove', { entityId: '../x' })).rejects.toThrow(
      /^entities:remove: invalid argument: entityId/,
    )
  })
})

/** The inline-string texts of a worksheet, in order. */
function cellTexts(xml: string): string[] {
  return [...xml.matchAll(/<t xml:space="preserve">([^<]*)<\/t>/g)].map((m) =>
    m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
  )
}
