// `marginalia agreement`: the numbers of a project whose spans are known (worked out by hand here,
// not by the engine), its formats, the report files a spreadsheet reads, and its usage errors.
import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AgreementReport } from '../../../src/shared/agreement'
import { EXIT } from '../../../src/main/cli/exit-codes'
import { cli, expectOneLineError } from '../cli/run-cli'
import { createTwoAnalystProject, TWO_DOC } from '../fixtures/two-analysts'

let root: string
let dir: string

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'marginalia-agreement-'))
  dir = path.join(root, 'proj')
  await createTwoAnalystProject(dir)
})
afterEach(() => rm(root, { recursive: true, force: true }))

const layerOf = (r: AgreementReport, id: string) => r.project.layers.find((l) => l.layer === id)!

describe('marginalia agreement', () => {
  it('gives the F1 scores worked out by hand from the known spans', async () => {
    const result = await cli('agreement', dir, '--json')
    expect(result).toMatchObject({ code: EXIT.ok, err: '' })
    const report = JSON.parse(result.out) as AgreementReport
    expect(report.analysts).toEqual(['ana', 'ben'])
    // Claims: Ana 2, Ben 3; one identical range, one more overlapping ("cost doubled").
    const claim = layerOf(report, 'claim')
    expect(claim.spanCounts).toEqual({ ana: 2, ben: 3 })
    expect(claim.spans[0].exact).toMatchObject({ tp: 1, a: 2, b: 3 })
    expect(claim.spans[0].exact.recall).toBeCloseTo(1 / 2, 12)
    expect(claim.spans[0].exact.precision).toBeCloseTo(1 / 3, 12)
    expect(claim.spans[0].exact.f1).toBeCloseTo((2 * 1) / (2 + 3), 12)
    expect(claim.spans[0].overlap.f1).toBeCloseTo((2 * 2) / (2 + 3), 12)
    // Sources: Ana "The mayor" and "Critics", Ben the mayor only.
    const source = layerOf(report, 'source')
    expect(source.spans[0].exact).toMatchObject({ tp: 1, a: 2, b: 1 })
    expect(source.spans[0].exact.f1).toBeCloseTo(2 / 3, 12)
    // Every kind of difference the fixture holds is listed, each with both analysts' versions.
    const kinds = new Set(report.disagreements.map((d) => `${d.layer ?? ''}:${d.kind}`))
    for (const k of ['claim:attribute', 'claim:boundary', 'claim:missing', 'source:missing']) {
      expect(kinds).toContain(k)
    }
    for (const d of report.disagreements) {
      expect(d.versions.map((v) => v.analyst)).toEqual(['ana', 'ben'])
    }
  })

  it('narrows to a layer and a document, and prints a table by default', async () => {
    const json = await cli('agreement', dir, '--layer', 'source', '--doc', TWO_DOC, '--json')
    const report = JSON.parse(json.out) as AgreementReport
    expect(report.project.layers.map((l) => l.layer)).toEqual(['source'])
    const table = await cli('agreement', dir, '--layer', 'claim')
    expect(table.code).toBe(EXIT.ok)
    expect(table.out).toMatch(/Claim \(claim\) — spans: ana 2, ben 3/)
    expect(table.out).toMatch(/ana–ben\s+0\.333\s+0\.500\s+0\.400\s+0\.667\s+1\.000\s+0\.800/)
  })

  it('prints CSV that Python reads, formula-like cells escaped', async () => {
    const result = await cli('agreement', dir, '--csv', '--disagreements')
    expect(result.code).toBe(EXIT.ok)
    const rows = JSON.parse(
      execFileSync(
        '/usr/bin/python3',
        [
          '-c',
          'import csv,io,json,sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read().lstrip("\\ufeff"))))))',
        ],
        { input: result.out },
      ).toString(),
    ) as string[][]
    expect(rows.length).toBeGreaterThan(4)
    // Ben's span "=Harbour news" starts like a formula: written with a leading '.
    const text = rows[0].indexOf('ben: text')
    expect(rows.slice(1).map((r) => r[text])).toContain("'=Harbour news")
    expect(rows.slice(1).map((r) => r[text])).not.toContain('=Harbour news')
  })
})

describe('marginalia agreement --out', () => {
  it('writes XLSX (and two CSV files) with --out, read back by openpyxl', async () => {
    const xlsx = path.join(root, 'agreement.xlsx')
    const result = await cli('agreement', dir, '--format', 'xlsx', '--out', xlsx)
    expect(result).toMatchObject({ code: EXIT.ok, out: `wrote ${xlsx}\n` })
    const sheets = JSON.parse(
      execFileSync('/usr/bin/python3', [
        '-c',
        'import json,sys,openpyxl; wb=openpyxl.load_workbook(sys.argv[1]); ' +
          'print(json.dumps({ws.title: [[c.value for c in r] for r in ws.iter_rows()] for ws in wb}))',
        xlsx,
      ]).toString(),
    ) as Record<string, (string | number | null)[][]>
    expect(Object.keys(sheets)).toEqual(['Statistics', 'Disagreements'])
    const [header, ...stats] = sheets.Statistics
    const col = (name: string) => header.indexOf(name)
    const f1 = stats.find(
      (r) =>
        r[col('scope')] === 'project' &&
        r[col('layer')] === 'claim' &&
        r[col('statistic')] === 'exact F1' &&
        r[col('label')] === null,
    )
    expect(f1?.[col('value')]).toBeCloseTo(0.4, 12)
    const csv = path.join(root, 'agreement.csv')
    const two = await cli('agreement', dir, '--csv', '--out', csv)
    expect(two.out).toBe(`wrote ${csv}\nwrote ${path.join(root, 'agreement-disagreements.csv')}\n`)
    expect((await readFile(csv, 'utf8')).startsWith('\ufeffscope,')).toBe(true)
  })

  it('refuses conflicting formats, unknown names and a report inside the project', async () => {
    expectOneLineError(
      await cli('agreement', dir, '--json', '--csv'),
      /choose one format/,
      EXIT.usage,
    )
    expectOneLineError(await cli('agreement', dir, '--format', 'xlsx'), /needs --out/, EXIT.usage)
    expectOneLineError(await cli('agreement', dir, '--layer', 'nope'), /no layer "nope"/)
    expectOneLineError(
      await cli('agreement', dir, '--analysts', 'ana,zoe'),
      /no annotations of "zoe"/,
    )
    const inside = path.join(dir, 'report.xlsx')
    expectOneLineError(
      await cli('agreement', dir, '--format', 'xlsx', '--out', inside),
      /inside the project folder/,
    )
  })
})
