// The report as flat rows, ready for CSV or a spreadsheet (one statistic per row, numbers as
// numbers, undefined values as null), and the disagreement list as rows with one pair of columns
// per analyst. Offsets in rows count Unicode code points, as the header says.
import type {
  AgreementReport,
  AgreementSection,
  AlphaResult,
  CategoricalAgreement,
  F1Score,
  KappaResult,
  PairSpanScores,
  UnitizingResult,
} from './types'

export type Cell = string | number | null

export interface RowTable {
  header: string[]
  rows: Cell[][]
}

export const STATISTIC_COLUMNS = [
  'scope',
  'document',
  'section',
  'layer',
  'label',
  'attribute',
  'statistic',
  'analysts',
  'value',
  'matches',
  'count_a',
  'count_b',
  'units',
  'observed',
  'expected',
  'note',
] as const

type Column = (typeof STATISTIC_COLUMNS)[number]
type Row = Partial<Record<Column, Cell>>

function f1Rows(base: Row, kind: string, f: F1Score, a: string, b: string): Row[] {
  const counts = { matches: f.tp, count_a: f.a, count_b: f.b, analysts: `${a}|${b}` }
  return [
    { ...base, ...counts, statistic: `${kind} precision`, value: f.precision },
    { ...base, ...counts, statistic: `${kind} recall`, value: f.recall },
    { ...base, ...counts, statistic: `${kind} F1`, value: f.f1 },
  ]
}

function spanRows(base: Row, pairs: readonly PairSpanScores[], prefix = ''): Row[] {
  return pairs.flatMap((p) => [
    ...f1Rows(base, `${prefix}exact`, p.exact, p.a, p.b),
    ...f1Rows(base, `${prefix}overlap`, p.overlap, p.a, p.b),
  ])
}

function alphaURows(base: Row, u: UnitizingResult): Row[] {
  const excluded = u.excluded.length ? `${u.excluded.length} document(s) left out` : null
  return [
    {
      ...base,
      statistic: 'alpha_u',
      analysts: 'all',
      value: u.value,
      units: u.length,
      observed: u.observedDisagreement,
      expected: u.expectedDisagreement,
      note: u.reason ?? excluded,
    },
    ...u.pairs.map((p) => ({
      ...base,
      statistic: 'alpha_u',
      analysts: `${p.a}|${p.b}`,
      value: p.value,
      observed: p.observedDisagreement,
      expected: p.expectedDisagreement,
      note: p.reason ?? null,
    })),
  ]
}

function kappaRow(base: Row, statistic: string, analysts: string, k: KappaResult): Row {
  return {
    ...base,
    statistic,
    analysts,
    value: k.value,
    units: k.units,
    observed: k.observedAgreement,
    expected: k.expectedAgreement,
    note: k.reason ?? null,
  }
}

function alphaRow(base: Row, a: AlphaResult): Row {
  return {
    ...base,
    statistic: `Krippendorff alpha (${a.metric})`,
    analysts: 'all',
    value: a.value,
    units: a.units,
    observed: a.observedDisagreement,
    expected: a.expectedDisagreement,
    note: a.reason ?? null,
  }
}

function categoricalRows(base: Row, c: CategoricalAgreement): Row[] {
  return [
    alphaRow(base, c.alpha),
    kappaRow(base, 'Fleiss kappa', 'all', c.fleiss),
    ...c.cohen.map((k) => kappaRow(base, 'Cohen kappa', `${k.a}|${k.b}`, k)),
    { ...base, statistic: 'mean Cohen kappa', analysts: 'all', value: c.meanCohen },
  ]
}

function sectionRows(scope: Row, s: AgreementSection): Row[] {
  const rows: Row[] = []
  for (const l of s.layers) {
    const base = { ...scope, section: 'spans', layer: l.layer }
    rows.push(...spanRows(base, l.spans), ...spanRows(base, l.labelled, 'labelled '))
    rows.push(...alphaURows(base, l.alphaU))
    for (const label of l.labels) {
      const b = { ...base, label: label.label }
      rows.push(...spanRows(b, label.pairs), ...alphaURows(b, label.alphaU))
    }
    rows.push(...categoricalRows({ ...scope, section: 'labels', layer: l.layer }, l.labelAgreement))
    for (const a of l.attributes) {
      const b = { ...scope, section: 'attributes', layer: l.layer, attribute: a.attribute }
      rows.push(
        ...categoricalRows(b, a),
        ...a.pairs.flatMap((p) => f1Rows(b, 'value', p.f1, p.a, p.b)),
      )
    }
  }
  for (const r of s.relations) {
    const base = { ...scope, section: 'relations', layer: r.type }
    for (const p of r.pairs) {
      rows.push(
        ...f1Rows(base, 'all', p.all, p.a, p.b),
        ...f1Rows(base, 'matched ends', p.matchedEnds, p.a, p.b),
      )
    }
    rows.push(...categoricalRows({ ...scope, section: 'links', layer: r.type }, r.links))
    for (const a of r.attributes) {
      const b = { ...scope, section: 'relation attributes', layer: r.type, attribute: a.attribute }
      rows.push(
        ...categoricalRows(b, a),
        ...a.pairs.flatMap((p) => f1Rows(b, 'value', p.f1, p.a, p.b)),
      )
    }
  }
  for (const d of s.docLabels) {
    rows.push(
      ...categoricalRows({ ...scope, section: 'document labels', layer: d.labelSet }, d.agreement),
    )
  }
  return rows
}

function toCells(rows: Row[]): Cell[][] {
  return rows.map((r) => STATISTIC_COLUMNS.map((c) => r[c] ?? null))
}

/** Every statistic of the report, project first, then each document, one per row. */
export function statisticRows(
  report: AgreementReport,
  options: { documents?: boolean } = {},
): RowTable {
  const rows = sectionRows({ scope: 'project' }, report.project)
  if (options.documents !== false) {
    for (const d of report.documents) {
      rows.push(...sectionRows({ scope: d.documentId, document: d.title }, d))
    }
  }
  return { header: [...STATISTIC_COLUMNS], rows: toCells(rows) }
}

/** The disagreement list: one row per disagreement, a value and a text column per analyst. */
export function disagreementRows(report: AgreementReport): RowTable {
  const header = [
    'id',
    'document',
    'kind',
    'layer',
    'attribute',
    'relation_type',
    'label_set',
    'start_codepoint',
    'end_codepoint',
    ...report.analysts.flatMap((a) => [`${a}: value`, `${a}: text`, `${a}: span ids`]),
  ]
  const rows = report.disagreements.map((d) => {
    const spans = d.versions.flatMap((v) => v.spans)
    const start = spans.length ? Math.min(...spans.map((s) => s.codePointStart)) : null
    const end = spans.length ? Math.max(...spans.map((s) => s.codePointEnd)) : null
    const perAnalyst = report.analysts.flatMap((a) => {
      const v = d.versions.find((x) => x.analyst === a)
      if (!v) return [null, null, null]
      return [
        v.value,
        v.spans.map((s) => s.text).join(' | ') || null,
        v.spans.map((s) => s.id).join(' ') || null,
      ]
    })
    return [
      d.id,
      d.documentId,
      d.kind,
      d.layer ?? null,
      d.attribute ?? null,
      d.relationType ?? null,
      d.labelSet ?? null,
      start,
      end,
      ...perAnalyst,
    ]
  })
  return { header, rows }
}
