// Our coefficients side by side with NLTK's on the same triples: the rows the NLTK test asserts on
// and `scripts/agreement-vs-nltk.ts` prints. Each row says whether the two should be equal, where
// NLTK cannot compute (missing values), or where they differ and why.
import {
  computeAgreement,
  daviesFleissKappa,
  type AgreementReport,
  type CategoricalAgreement,
  type ReliabilityTriple,
} from '../../../src/shared/agreement'
import { categoricalAgreement } from '../../../src/shared/agreement/scores'
import type { Dataset } from './datasets'
import { generateProject, multiLabelSchema } from './generate'
import { runNltk, type NltkTask, type NltkValue } from './nltk'

export interface Comparison {
  dataset: string
  statistic: string
  ours: number | null
  nltk: number | null
  nltkError?: string
  published?: number
  /** equal: must agree; nltk-fails: NLTK refuses the data; differs: a different definition. */
  relation: 'equal' | 'nltk-fails' | 'differs'
  note?: string
}

/** A data set with the agreement block our code computed for it. */
export interface Checked extends Dataset {
  ours: CategoricalAgreement
  daviesFleiss?: number | null
}

export function checked(d: Dataset): Checked {
  return {
    ...d,
    ours: categoricalAgreement(d.data, d.coders, d.metric),
    daviesFleiss: d.metric === 'nominal' ? daviesFleissKappa(d.data, d.coders).value : undefined,
  }
}

function isComplete(d: Dataset): boolean {
  const units = new Map<string, number>()
  for (const t of d.data) units.set(t.unit, (units.get(t.unit) ?? 0) + 1)
  return [...units.values()].every((n) => n === d.coders.length)
}

function completeSubset(d: Dataset): ReliabilityTriple[] {
  const units = new Map<string, number>()
  for (const t of d.data) units.set(t.unit, (units.get(t.unit) ?? 0) + 1)
  return d.data.filter((t) => units.get(t.unit) === d.coders.length)
}

function pairSubset(d: Dataset, a: string, b: string): ReliabilityTriple[] {
  const of = (c: string) => new Set(d.data.filter((t) => t.coder === c).map((t) => t.unit))
  const ua = of(a)
  const ub = of(b)
  return d.data.filter((t) => (t.coder === a || t.coder === b) && ua.has(t.unit) && ub.has(t.unit))
}

function pairs(coders: readonly string[]): [string, string][] {
  return coders.flatMap((a, i) => coders.slice(i + 1).map((b) => [a, b] as [string, string]))
}

function tasksOf(d: Checked, i: number): NltkTask[] {
  if (d.metric === 'interval') {
    return [{ id: `${i}:all`, triples: d.data, distance: 'interval', measures: ['alpha'] }]
  }
  if (isComplete(d)) {
    const measures = ['kappa', 'kappa_pairwise', 'pi', 'multi_kappa', 'alpha'] as const
    return [{ id: `${i}:all`, triples: d.data, measures }]
  }
  return [
    { id: `${i}:all`, triples: d.data, measures: ['alpha', 'kappa', 'pi'] },
    { id: `${i}:complete`, triples: completeSubset(d), measures: ['pi', 'multi_kappa'] },
    ...pairs(d.coders).map(([a, b]) => ({
      id: `${i}:pair:${a}|${b}`,
      triples: pairSubset(d, a, b),
      measures: ['kappa'] as const,
    })),
  ]
}

function split(v: NltkValue | undefined): { nltk: number | null; nltkError?: string } {
  if (typeof v === 'number') return { nltk: v }
  if (v && 'error' in v && typeof v.error === 'string') return { nltk: null, nltkError: v.error }
  return { nltk: null, nltkError: 'no value' }
}

function pairValue(v: NltkValue | undefined, a: string, b: string): NltkValue | undefined {
  if (!v || typeof v === 'number' || 'error' in v) return v
  const map = v
  return map[`${a}|${b}`] ?? map[`${b}|${a}`]
}

function rowsOf(
  d: Checked,
  i: number,
  out: Record<string, Record<string, NltkValue>>,
): Comparison[] {
  const all = out[`${i}:all`]
  const rows: Comparison[] = []
  const row = (
    statistic: string,
    ours: number | null,
    v: NltkValue | undefined,
    extra: Partial<Comparison> = {},
  ) => rows.push({ dataset: d.name, statistic, ours, ...split(v), relation: 'equal', ...extra })
  const cohen = (a: string, b: string) => d.ours.cohen.find((k) => k.a === a && k.b === b)!.value
  if (d.metric === 'interval') {
    row('Krippendorff α (interval) | alpha()', d.ours.alpha.value, all.alpha, {
      published: d.published?.alpha,
    })
    return rows
  }
  row('Krippendorff α (nominal) | alpha()', d.ours.alpha.value, all.alpha, {
    published: d.published?.alpha,
  })
  if (isComplete(d)) {
    if (d.coders.length <= 5) {
      for (const [a, b] of pairs(d.coders)) {
        row(
          `Cohen κ ${a}–${b} | kappa_pairwise()`,
          cohen(a, b),
          pairValue(all.kappa_pairwise, a, b),
          {
            published: d.coders.length === 2 ? d.published?.cohen : undefined,
          },
        )
      }
    }
    row('mean pairwise Cohen κ | kappa()', d.ours.meanCohen, all.kappa)
    row("Fleiss' κ | pi()", d.ours.fleiss.value, all.pi, { published: d.published?.fleiss })
    row('Davies–Fleiss κ | multi_kappa()', d.daviesFleiss ?? null, all.multi_kappa, {
      published: d.published?.daviesFleiss,
    })
    const multi = split(all.multi_kappa).nltk
    const differs =
      multi !== null && d.ours.fleiss.value !== null && Math.abs(multi - d.ours.fleiss.value) > 1e-9
    row("Fleiss' κ | multi_kappa()", d.ours.fleiss.value, all.multi_kappa, {
      relation: differs ? 'differs' : 'equal',
      published: d.published?.fleiss,
      note: differs ? 'multi_kappa is Davies & Fleiss (1982), not Fleiss (1971)' : undefined,
    })
    return rows
  }
  for (const [a, b] of pairs(d.coders)) {
    row(
      `Cohen κ ${a}–${b}, units both coded | kappa() on them`,
      cohen(a, b),
      out[`${i}:pair:${a}|${b}`].kappa,
    )
  }
  const complete = out[`${i}:complete`]
  row("Fleiss' κ, complete units | pi() on them", d.ours.fleiss.value, complete.pi)
  row(
    'Davies–Fleiss κ, complete units | multi_kappa() on them',
    d.daviesFleiss ?? null,
    complete.multi_kappa,
  )
  row('mean pairwise Cohen κ | kappa() on all data', d.ours.meanCohen, all.kappa, {
    relation: 'nltk-fails',
    note: 'NLTK needs every coder to code every item',
  })
  row("Fleiss' κ | pi() on all data", d.ours.fleiss.value, all.pi, {
    relation: 'nltk-fails',
    note: 'NLTK needs every coder to code every item',
  })
  return rows
}

/** Compares our figures with NLTK's on each data set, in one NLTK process. */
export function compareWithNltk(datasets: readonly Checked[]): Comparison[] {
  const out = runNltk(datasets.flatMap((d, i) => tasksOf(d, i)))
  return datasets.flatMap((d, i) => rowsOf(d, i, out))
}

/** Degenerate data where NLTK's α departs from Krippendorff's definition. */
export const DEGENERATE: Dataset[] = [
  {
    name: 'D1: one category only',
    coders: ['a', 'b'],
    metric: 'nominal',
    data: ['x', 'x', 'x'].flatMap((v, u) =>
      ['a', 'b'].map((coder) => ({ coder, unit: `u${u}`, value: v })),
    ),
  },
  {
    name: 'D2: a second category only in an unpairable unit',
    coders: ['a', 'b'],
    metric: 'nominal',
    data: [
      { coder: 'a', unit: 'u1', value: 'x' },
      { coder: 'b', unit: 'u1', value: 'x' },
      { coder: 'a', unit: 'u2', value: 'x' },
      { coder: 'b', unit: 'u2', value: 'x' },
      { coder: 'a', unit: 'u3', value: 'z' },
    ],
  },
]

/** α on the degenerate sets: ours (null, undefined) against NLTK's. */
export function degenerateAlpha(): Comparison[] {
  const out = runNltk(
    DEGENERATE.map((d, i) => ({ id: `${i}`, triples: d.data, measures: ['alpha'] })),
  )
  return DEGENERATE.map((d, i) => {
    const ours = checked(d).ours.alpha.value
    const theirs = split(out[`${i}`].alpha)
    return {
      dataset: d.name,
      statistic: 'Krippendorff α (nominal) | alpha()',
      ours,
      ...theirs,
      relation: theirs.nltkError ? 'nltk-fails' : 'differs',
      note: 'no variation among pairable values: D_e = 0, α undefined (0/0)',
    }
  })
}

/** A generated three-analyst project (ben skips one article, so units miss values) and its report. */
export function reportProject(schema = multiLabelSchema()) {
  const documents = generateProject({ documents: 6, analysts: 3, spans: 24, seed: 11, schema })
  const sets = { ...documents[2].sets }
  delete (sets as Record<string, unknown>).ben
  documents[2] = { ...documents[2], sets }
  const report = computeAgreement({ schema, documents }, { includeUnits: true })
  return { schema, documents, report }
}

/** Every coefficient block of a report (run with includeUnits) as a data set to check. */
export function reportBlocks(report: AgreementReport): Checked[] {
  const p = report.project
  const blocks: [string, CategoricalAgreement, 'nominal' | 'interval'][] = [
    ...p.layers.flatMap((l) => [
      [`R: ${l.layer} labels`, l.labelAgreement, 'nominal'] as [
        string,
        CategoricalAgreement,
        'nominal',
      ],
      ...l.attributes.map(
        (a) =>
          [`R: ${l.layer}.${a.attribute}`, a, a.metric] as [
            string,
            CategoricalAgreement,
            'nominal' | 'interval',
          ],
      ),
    ]),
    ...p.relations.flatMap((r) => [
      [`R: ${r.type} links`, r.links, 'nominal'] as [string, CategoricalAgreement, 'nominal'],
      ...r.attributes.map(
        (a) =>
          [`R: ${r.type}.${a.attribute}`, a, a.metric] as [
            string,
            CategoricalAgreement,
            'nominal' | 'interval',
          ],
      ),
    ]),
    ...p.docLabels.map(
      (d) =>
        [`R: doc label ${d.labelSet}`, d.agreement, 'nominal'] as [
          string,
          CategoricalAgreement,
          'nominal',
        ],
    ),
  ]
  return blocks.map(([name, ours, metric]) => ({
    name,
    coders: report.analysts,
    data: ours.data!,
    metric,
    ours,
  }))
}

/** Whether a data set's values vary (α and κ are undefined where they do not). */
export function varies(d: Dataset): boolean {
  return new Set(d.data.map((t) => t.value)).size > 1
}
