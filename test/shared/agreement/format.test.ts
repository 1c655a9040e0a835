// The report's outputs read the way their consumers read them: JSON and CSV by Python's json and
// csv modules (not by our own code), on hostile text; the text table by eye-level checks.
import { describe, expect, it } from 'vitest'
import {
  computeAgreement,
  disagreementRows,
  formatAgreementCsv,
  formatAgreementJson,
  formatAgreementTable,
  statisticRows,
  STATISTIC_COLUMNS,
} from '../../../src/shared/agreement'
import { defaultSchema } from '../../../src/shared/default-schema'
import { annotations } from './build'
import { generateProject, multiLabelSchema } from './generate'
import { runPython } from './nltk'

const READ_CSV = `
import csv, io, json, sys
data = sys.stdin.buffer.read()
assert data.startswith(b'\\xef\\xbb\\xbf'), 'no BOM'
rows = list(csv.reader(io.StringIO(data.decode('utf-8-sig'), newline='')))
json.dump(rows, sys.stdout)
`

const READ_JSON = `
import json, sys
report = json.load(sys.stdin)
claim = [l for l in report['project']['layers'] if l['layer'] == 'claim'][0]
json.dump({'format': report['format'], 'version': report['version'], 'analysts': report['analysts'],
           'f1': claim['spans'][0]['overlap']['f1'], 'alpha': claim['labelAgreement']['alpha']['value'],
           'disagreements': len(report['disagreements'])}, sys.stdout)
`

const schema = multiLabelSchema()
const documents = generateProject({ documents: 3, analysts: 3, spans: 16, seed: 9, schema })
const report = computeAgreement({ schema, documents })

describe('JSON', () => {
  it('is indented by two spaces, or one line when asked', () => {
    expect(formatAgreementJson(report)).toMatch(/^\{\n {2}"format": "marginalia-agreement",/)
    const compact = formatAgreementJson(report, { indent: 0 })
    expect(compact.split('\n')).toHaveLength(2)
    expect(JSON.parse(compact)).toEqual(JSON.parse(formatAgreementJson(report)))
  })

  it("is the report, as Python's json reads it", () => {
    const read = JSON.parse(runPython(READ_JSON, formatAgreementJson(report))) as Record<
      string,
      unknown
    >
    const claim = report.project.layers[0]
    expect(read).toEqual({
      format: 'marginalia-agreement',
      version: 1,
      analysts: ['ana', 'ben', 'cy'],
      f1: claim.spans[0].overlap.f1,
      alpha: claim.labelAgreement.alpha.value,
      disagreements: report.disagreements.length,
    })
  })
})

describe('CSV of the statistics', () => {
  const rows = JSON.parse(runPython(READ_CSV, formatAgreementCsv(report))) as string[][]
  const table = statisticRows(report)

  it("has one row per statistic, as Python's csv reads it", () => {
    expect(rows[0]).toEqual([...STATISTIC_COLUMNS])
    expect(rows.length - 1).toBe(table.rows.length)
    expect(rows.slice(1).map((r) => r.length)).toEqual(
      table.rows.map(() => STATISTIC_COLUMNS.length),
    )
  })

  it('carries full-precision numbers and leaves undefined values empty', () => {
    const col = (name: string) =>
      STATISTIC_COLUMNS.indexOf(name as (typeof STATISTIC_COLUMNS)[number])
    const f1 = rows.find(
      (r) =>
        r[col('scope')] === 'project' &&
        r[col('layer')] === 'claim' &&
        r[col('statistic')] === 'overlap F1',
    )!
    expect(Number(f1[col('value')])).toBe(report.project.layers[0].spans[0].overlap.f1)
    expect(f1[col('analysts')]).toBe('ana|ben')
    const source = rows.find(
      (r) =>
        r[col('section')] === 'labels' &&
        r[col('layer')] === 'source' &&
        r[col('statistic')].startsWith('Krippendorff'),
    )!
    expect(source[col('value')]).toBe('')
    expect(source[col('note')]).toMatch(/do not vary/)
  })

  it('can leave out the documents', () => {
    const projectOnly = statisticRows(report, { documents: false })
    expect(projectOnly.rows.every((r) => r[0] === 'project')).toBe(true)
    expect(table.rows.some((r) => r[0] === 'doc1')).toBe(true)
  })
})

describe('CSV of the disagreements', () => {
  const hostile = [
    '=SUM(A1:A9) said',
    '👩‍👩‍👧 family',
    '🇺🇦 flag',
    'e\u0301te\u0301',
    'مرحبا עולם',
    'form\ffeed',
    'next\u0085line',
    'line\u2028sep',
    'lone\rCR',
    'crlf\r\nend',
    '"quoted", comma',
    '-5 per cent',
  ]
  const text = hostile.join(' | ')
  const ana = annotations(
    text,
    'ana',
    hostile.map((quote, i) => ({ id: `a${i}`, layer: 'claim', quote })),
  )
  const ben = annotations(text, 'ben', [])
  const r = computeAgreement({
    schema: defaultSchema(),
    documents: [{ id: 'h', text, sets: { ana, ben } }],
  })

  it("keeps every character of the spans' text, and escapes formulas", () => {
    const rows = JSON.parse(
      runPython(READ_CSV, formatAgreementCsv(r, { table: 'disagreements' })),
    ) as string[][]
    const header = rows[0]
    expect(header.slice(0, 9)).toEqual([
      'id',
      'document',
      'kind',
      'layer',
      'attribute',
      'relation_type',
      'label_set',
      'start_codepoint',
      'end_codepoint',
    ])
    const textCol = header.indexOf('ana: text')
    const unescape = (v: string) => (v.startsWith("'") ? v.slice(1) : v)
    expect(rows.slice(1).map((row) => unescape(row[textCol]))).toEqual(hostile)
    expect(rows[1][textCol]).toBe("'=SUM(A1:A9) said")
    expect(rows.at(-1)![textCol]).toBe("'-5 per cent")
    // Code points: the family emoji is 5 code points (3 people, 2 joiners) and 8 UTF-16 units.
    const start = header.indexOf('start_codepoint')
    expect(Number(rows[2][start])).toBe([...text.slice(0, text.indexOf('👩'))].length)
  })

  it('gives one value, text and span id column per analyst', () => {
    const table = disagreementRows(r)
    expect(table.header.slice(9)).toEqual([
      'ana: value',
      'ana: text',
      'ana: span ids',
      'ben: value',
      'ben: text',
      'ben: span ids',
    ])
    expect(table.rows[0].slice(9)).toEqual(['Claim', '=SUM(A1:A9) said', 'a0', null, null, null])
  })

  it('leaves formulas alone when asked', () => {
    const raw = formatAgreementCsv(r, { table: 'disagreements', escapeFormulas: false })
    expect(raw).toContain(',=SUM(A1:A9) said,')
  })
})

describe('text table', () => {
  it('summarises the project, each document and the disagreements', () => {
    const table = formatAgreementTable(report)
    const claim = report.project.layers[0]
    expect(table).toMatch(/^Agreement of ana, ben, cy — 3 document\(s\), pooled\n/)
    expect(table).toContain('Claim (claim) — spans: ')
    expect(table).toContain(`  α_u ${claim.alphaU.value!.toFixed(3)}`)
    expect(table).toContain(`ana–ben  ${claim.spans[0].exact.precision!.toFixed(3)}`)
    expect(table).toContain('attributed to (attributed_to) — relations: ')
    expect(table).toContain('Overall sentiment (document label): ')
    expect(table).toMatch(/\n {2}doc3 /)
    const kinds = new Set(report.disagreements.map((d) => d.kind))
    for (const kind of kinds) expect(table).toMatch(new RegExp(`Disagreements: .*${kind} \\d+`))
  })

  it('says "one label" instead of a blank α for a one-label layer', () => {
    const table = formatAgreementTable(computeAgreement({ schema: defaultSchema(), documents }))
    expect(table).toContain('  labels: one label only')
  })

  it('lists the warnings', () => {
    const one = computeAgreement({ schema, documents: [{ id: 'solo', text: 'x', sets: {} }] })
    expect(formatAgreementTable(one)).toContain('Warnings:\n  solo: fewer than two')
  })
})
