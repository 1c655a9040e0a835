// The report's outputs for `marginalia agreement --format table|csv|json` and for export: JSON
// (the report object itself), CSV (RFC 4180 through csv-stringify's browser build, which runs in
// Node and the renderer alike; UTF-8 with a BOM so Excel keeps non-ASCII text; a cell starting
// like a formula is prefixed with ') and a plain-text table for a terminal.
import { stringify } from 'csv-stringify/browser/esm/sync'
import { neutraliseFormula } from '../formula'
import { disagreementRows, statisticRows, type Cell, type RowTable } from './rows'
import type {
  AgreementReport,
  AgreementSection,
  CategoricalAgreement,
  F1Score,
  LayerAgreement,
  RelationAgreement,
  UnitizingResult,
} from './types'

/**
 * The report as JSON text with a trailing newline, indented by `indent` spaces (default 2; 0 for
 * one line, about half the size when the disagreement list is long).
 */
export function formatAgreementJson(
  report: AgreementReport,
  options: { indent?: number } = {},
): string {
  const indent = options.indent ?? 2
  return `${JSON.stringify(report, null, indent > 0 ? indent : undefined)}\n`
}

export interface CsvOptions {
  /** Which table: every statistic (default) or the disagreement list. */
  table?: 'statistics' | 'disagreements'
  /** Include each document's statistics after the project's (default true). */
  documents?: boolean
  /** Prefix formula-like cells with ' by the one rule of src/shared/formula.ts (default true). */
  escapeFormulas?: boolean
}

/** The rows of a table with formula-like text cells escaped for spreadsheets (src/shared/formula.ts). */
export function spreadsheetSafe(table: RowTable): RowTable {
  const cell = (v: Cell): Cell => (typeof v === 'string' ? neutraliseFormula(v) : v)
  return {
    header: table.header.map((h) => cell(h) as string),
    rows: table.rows.map((r) => r.map(cell)),
  }
}

/** The statistics or the disagreement list as CSV text. */
export function formatAgreementCsv(report: AgreementReport, options: CsvOptions = {}): string {
  let table =
    options.table === 'disagreements'
      ? disagreementRows(report)
      : statisticRows(report, { documents: options.documents })
  if (options.escapeFormulas !== false) table = spreadsheetSafe(table)
  return stringify([table.header, ...table.rows.map((r) => r.map((v) => (v === null ? '' : v)))], {
    bom: true,
    record_delimiter: 'windows',
    quote_record_delimiter: true,
  })
}

// ---------------------------------------------------------------------------------------------
// Text table

/** A number with three decimals, or — when undefined. */
export function fixed(v: number | null | undefined, digits = 3): string {
  return v === null || v === undefined ? '—' : v.toFixed(digits)
}

function width(s: string): number {
  return [...s].length
}

/** Pads each column to its widest cell. */
function aligned(rows: string[][], indent = '  '): string[] {
  const widths: number[] = []
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, width(c))))
  return rows.map(
    (r) =>
      indent +
      r
        .map((c, i) => c + ' '.repeat(widths[i] - width(c)))
        .join('  ')
        .trimEnd(),
  )
}

function prf(f: F1Score): string[] {
  return [fixed(f.precision), fixed(f.recall), fixed(f.f1)]
}

function alphaU(u: UnitizingResult): string {
  const pairs = u.pairs.map((p) => `${p.a}–${p.b} ${fixed(p.value)}`).join(', ')
  const left = u.excluded.length ? `; ${u.excluded.length} document(s) left out` : ''
  const why = u.value === null && u.reason ? ` (${u.reason})` : ''
  return `${fixed(u.value)}${why}${pairs ? `; pairs ${pairs}` : ''}${left}`
}

function coefficients(c: CategoricalAgreement): string {
  const cohen = c.cohen.map((k) => `${k.a}–${k.b} ${fixed(k.value)}`).join(', ')
  return (
    `α ${fixed(c.alpha.value)} (${c.alpha.units} units)  Fleiss κ ${fixed(c.fleiss.value)} ` +
    `(${c.fleiss.units})  Cohen κ ${cohen || '—'}`
  )
}

function layerLines(l: LayerAgreement): string[] {
  const counts = Object.entries(l.spanCounts)
    .map(([a, n]) => `${a} ${n}`)
    .join(', ')
  const lines = [`${l.name} (${l.layer}) — spans: ${counts || 'none'}`]
  const header = ['pair', 'exact P', 'R', 'F1', 'overlap P', 'R', 'F1', 'labelled overlap F1']
  lines.push(
    ...aligned([
      header,
      ...l.spans.map((p, i) => [
        `${p.a}–${p.b}`,
        ...prf(p.exact),
        ...prf(p.overlap),
        fixed(l.labelled[i].overlap.f1),
      ]),
    ]),
  )
  lines.push(`  α_u ${alphaU(l.alphaU)}`)
  if (l.labels.length > 1) {
    for (const label of l.labels) lines.push(`    ${label.label}: α_u ${alphaU(label.alphaU)}`)
  }
  lines.push(
    l.labelAgreement.categories.length === 1
      ? `  labels: one label only (${l.labelAgreement.categories[0]})`
      : `  labels: ${coefficients(l.labelAgreement)}`,
  )
  for (const a of l.attributes) {
    const f1 = a.pairs.map((p) => `${p.a}–${p.b} ${fixed(p.f1.f1)}`).join(', ')
    lines.push(`  ${a.attribute}: ${coefficients(a)}  F1 ${f1 || '—'}`)
  }
  return lines
}

function relationLines(r: RelationAgreement): string[] {
  const counts = Object.entries(r.relationCounts)
    .map(([a, n]) => `${a} ${n}`)
    .join(', ')
  const lines = [`${r.name} (${r.type}) — relations: ${counts || 'none'}`]
  lines.push(
    ...aligned([
      ['pair', 'all P', 'R', 'F1', 'matched ends P', 'R', 'F1'],
      ...r.pairs.map((p) => [`${p.a}–${p.b}`, ...prf(p.all), ...prf(p.matchedEnds)]),
    ]),
  )
  lines.push(`  links: ${coefficients(r.links)}`)
  for (const a of r.attributes) lines.push(`  ${a.attribute}: ${coefficients(a)}`)
  return lines
}

function sectionLines(s: AgreementSection): string[] {
  const lines: string[] = []
  for (const l of s.layers) lines.push('', ...layerLines(l))
  for (const r of s.relations) lines.push('', ...relationLines(r))
  for (const d of s.docLabels)
    lines.push('', `${d.name} (document label): ${coefficients(d.agreement)}`)
  return lines
}

/** A plain-text summary: the project's figures, then one line per document, then warnings. */
export function formatAgreementTable(
  report: AgreementReport,
  options: { documents?: boolean } = {},
): string {
  const p = report.project
  const lines = [
    `Agreement of ${report.analysts.join(', ')} — ${p.documents} document(s), pooled`,
    `Units: spans matched by overlap (${report.method.minOverlap > 0 ? `Jaccard ≥ ${report.method.minOverlap}` : 'any shared character'}), one-to-one greedy; see "method" in the JSON report.`,
    ...sectionLines(p),
  ]
  if (options.documents !== false && report.documents.length > 0) {
    lines.push('', 'Per document (overlap F1 averaged over pairs; α_u per layer):')
    const rows = [['document', ...report.layers.flatMap((id) => [`${id} F1`, `${id} α_u`])]]
    for (const d of report.documents) {
      rows.push([
        d.documentId,
        ...d.layers.flatMap((l) => {
          const f1 = l.spans.map((s) => s.overlap.f1).filter((v): v is number => v !== null)
          return [
            fixed(f1.length ? f1.reduce((x, y) => x + y, 0) / f1.length : null),
            fixed(l.alphaU.value),
          ]
        }),
      ])
    }
    lines.push(...aligned(rows))
  }
  const kinds = new Map<string, number>()
  for (const d of report.disagreements) kinds.set(d.kind, (kinds.get(d.kind) ?? 0) + 1)
  lines.push('', `Disagreements: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`)
  if (report.warnings.length) lines.push('', 'Warnings:', ...report.warnings.map((w) => `  ${w}`))
  return `${lines.join('\n')}\n`
}
