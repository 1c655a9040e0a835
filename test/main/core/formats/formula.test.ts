// The one formula-escaping rule (formula.ts), through both of its users: the span CSV and the
// claims table. Each dangerous start is tested on its own, so removing any one from the rule fails.
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { claimsCsv } from '../../../../src/main/core/claims-export'
import { exportDocuments } from '../../../../src/main/core/formats/checked'
import { csvFormat } from '../../../../src/main/core/formats/csv'
import { isFormulaLike, neutraliseFormula } from '../../../../src/shared/formula'
import { makeDoc, makeProject, rangeOf } from './fixtures'

const DANGEROUS: [string, string][] = [
  ['=', '=SUM(A1)'],
  ['+', '+1 vote'],
  ['-', '-5% drop'],
  ['@', '@SUM(A1)'],
  ['tab', '\tindented'],
  ['CR', '\rreturn'],
  ['full-width =', '＝SUM(A1)'],
  ['full-width +', '＋1'],
  ['full-width -', '－1'],
  ['full-width @', '＠x'],
  ['space before =', ' =1+1'],
  ['tabs and spaces before +', ' \t +1'],
  ['NBSP before =', '\u00a0=1'],
  ['ZWSP before -', '\u200b-1'],
  ['BOM before @', '\ufeff@x'],
  ['word joiner before =', '\u2060=1'],
  ['ideographic space before =', '\u3000=1'],
  ['U+0085 before =', '\u0085=1'],
  ['LF before =', '\n=1'],
]

const SAFE = ['plain text', 'a = b', 'x-1', 'email@example.org', '', '1 + 1', '\u00a0plain']

/** The span CSV's text cells for one document with a span over each of `texts`. */
function csvTexts(texts: string[], options?: Record<string, unknown>) {
  const text = texts.join(' | ')
  const doc = makeDoc(
    'd1',
    text,
    texts.map((find, i) => ({
      ...rangeOf(text, find),
      layer: 'claim',
      label: 'Claim',
      id: `s${i}`,
    })),
  )
  const out = exportDocuments(csvFormat, makeProject([doc]), [doc], options)
  const rows = parse<Record<string, string>>(out.files[0].data, {
    bom: true,
    columns: true,
  })
  return { rows, manifest: out.manifest, text }
}

describe('formula escaping', () => {
  it.each(DANGEROUS)('neutralises a cell starting with %s', (_what, cell) => {
    expect(isFormulaLike(cell)).toBe(true)
    expect(neutraliseFormula(cell)).toBe(`'${cell}`)
    const { rows } = csvTexts([cell])
    expect(rows[0].text).toBe(`'${cell}`)
    const claims = parse(claimsCsv([['claim'], [cell]]), { bom: true })
    expect(claims[1][0]).toBe(`'${cell}`)
  })

  it.each(SAFE.map((s) => [s]))('leaves %j alone', (cell) => {
    expect(isFormulaLike(cell)).toBe(false)
    expect(neutraliseFormula(cell)).toBe(cell)
  })

  it("is reversible: removing one leading ' gives every cell back exactly", () => {
    const texts = [...DANGEROUS.map(([, c]) => c.trimEnd()), "'tis the season", "''double", 'ok']
    const { rows, manifest, text } = csvTexts(texts.filter((t) => t.trim()))
    const unescape = (cell: string) => (cell.startsWith("'") ? cell.slice(1) : cell)
    const cp = [...text]
    for (const row of rows) {
      expect(unescape(row.text)).toBe(cp.slice(Number(row.start), Number(row.end)).join(''))
    }
    expect(rows.find((r) => r.text.endsWith('tis the season'))!.text).toBe("''tis the season")
    expect(manifest.losses.find((l) => l.what === "cells prefixed with '")?.reason).toMatch(
      /remove the first ' of every cell that starts with one/,
    )
  })

  it('writes the raw text with escapeFormulas=false', () => {
    const { rows } = csvTexts(['=SUM(A1)', "'tis"], { escapeFormulas: false })
    expect(rows.map((r) => r.text)).toEqual(['=SUM(A1)', "'tis"])
  })
})
