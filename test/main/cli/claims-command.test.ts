// `marginalia claims`: the claims table from the command line, through the same core as the app's
// Claims view, read back the way a fact-checker's tools read it (Python's csv module, openpyxl).
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EXIT } from '../../../src/main/cli/exit-codes'
import { CLAIMS_COLUMNS } from '../../../src/main/core/claims-export'
import { ProjectStore } from '../../../src/main/core/storage'
import { cli, expectOneLineError } from './run-cli'

let root: string
let dir: string
let claims: { id: string; text: string }[]

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'marginalia-claims-command-'))
  dir = path.join(root, 'proj')
  const init = await cli('init', dir, '--sample')
  if (init.code !== 0) throw new Error(init.err)
  // The claims, known from the stored spans (not from the code that builds the table).
  const store = await ProjectStore.open(dir, { lock: false })
  try {
    const { document, annotations } = await store.loadDocument(store.project.documents[0].id)
    claims = annotations.spans
      .filter((s) => s.layer === 'claim')
      .map((s) => ({ id: s.id, text: document.text.slice(s.start, s.end) }))
  } finally {
    await store.close()
  }
})
afterEach(() => rm(root, { recursive: true, force: true }))

const python = (code: string, ...args: string[]) =>
  promisify(execFile)('/usr/bin/python3', ['-c', code, ...args]).then((r) => r.stdout)

describe('marginalia claims', () => {
  it('writes CSV (format from the extension) that Python reads as one row per claim', async () => {
    const out = path.join(root, 'claims.csv')
    const result = await cli('claims', dir, '--out', out)
    expect(result).toMatchObject({ code: EXIT.ok, err: '' })
    expect(result.out).toBe(`Wrote ${claims.length} claims to ${out} (offsets in code points)\n`)
    const rows = JSON.parse(
      await python(
        'import csv, json, sys\n' +
          "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n" +
          '    print(json.dumps(list(csv.DictReader(f))))',
        out,
      ),
    ) as Record<string, string>[]
    expect(Object.keys(rows[0])).toEqual([...CLAIMS_COLUMNS])
    expect(rows.map((r) => [r.claim_id, r.claim]).sort()).toEqual(
      claims.map((c) => [c.id, c.text]).sort(),
    )
  })

  it('writes XLSX with a Claims and a Sources sheet that openpyxl reads', async () => {
    const out = path.join(root, 'table.xlsx')
    expect((await cli('claims', dir, '--out', out)).code).toBe(EXIT.ok)
    const read = JSON.parse(
      await python(
        'import json, sys, openpyxl\n' +
          'wb = openpyxl.load_workbook(sys.argv[1])\n' +
          'ws = wb["Claims"]\n' +
          'rows = [list(r) for r in ws.iter_rows(values_only=True)]\n' +
          'print(json.dumps({"sheets": wb.sheetnames, "header": rows[0], "ids": [r[2] for r in rows[1:]]}))',
        out,
      ),
    ) as { sheets: string[]; header: string[]; ids: string[] }
    expect(read.sheets).toEqual(['Claims', 'Sources'])
    expect(read.header).toEqual([...CLAIMS_COLUMNS])
    expect(read.ids.sort()).toEqual(claims.map((c) => c.id).sort())
  })

  it('--format wins over a name without an extension; --document limits the rows', async () => {
    const out = path.join(root, 'claims-export')
    const store = await ProjectStore.open(dir, { lock: false })
    const docId = store.project.documents[0].id
    await store.close()
    const result = await cli('claims', dir, '--out', out, '--format', 'csv', '--document', docId)
    expect(result.code).toBe(EXIT.ok)
    expect((await readFile(out, 'utf8')).startsWith('\uFEFFdocument_id,')).toBe(true)
  })

  it('refuses a format it cannot tell or that the name contradicts, and an unknown document', async () => {
    const bare = path.join(root, 'claims')
    expectOneLineError(
      await cli('claims', dir, '--out', bare),
      /ending in \.csv or \.xlsx/,
      EXIT.usage,
    )
    expectOneLineError(
      await cli('claims', dir, '--out', `${bare}.xlsx`, '--format', 'csv'),
      /ends in \.xlsx, but --format is csv/,
      EXIT.usage,
    )
    expectOneLineError(
      await cli('claims', dir, '--out', `${bare}.csv`, '--document', 'nope'),
      /no document with id "nope"/,
    )
    expect(existsSync(`${bare}.csv`) || existsSync(`${bare}.xlsx`) || existsSync(bare)).toBe(false)
  })

  it('still writes the table when a document cannot be read, names it, and exits 3', async () => {
    const store = await ProjectStore.open(dir, { lock: false })
    const file = path.join(dir, store.project.documents[0].file)
    await store.close()
    await writeFile(file, '{ not json')
    const out = path.join(root, 'partial.csv')
    const result = await cli('claims', dir, '--out', out)
    expect(result.code).toBe(EXIT.incomplete)
    expect(result.err).toMatch(/^warning: documents\/.*\.json: /m)
    expect(result.err).toMatch(/^incomplete: 1 documents not read$/m)
    expect(existsSync(out)).toBe(true)
    expect((await cli('claims', dir, '--out', out, '--allow-incomplete')).code).toBe(EXIT.ok)
  })
})
