// Counting matches into precision, recall and F1, and turning reliability data into the
// categorical-agreement block the report shows for labels, attributes, links and document labels.
import {
  coincidenceMatrixOf,
  fleissKappaOf,
  krippendorffAlphaOf,
  pairKappasOf,
} from './coefficients'
import { codeTable, tableOf, type UnitTable } from './unit-table'
import type { AlphaMetric, CategoricalAgreement, F1Score, ReliabilityTriple } from './types'

/** Matches between analysts a and b, and how many items each had. */
export interface Counts {
  tp: number
  a: number
  b: number
}

export function zeroCounts(): Counts {
  return { tp: 0, a: 0, b: 0 }
}

export function addCounts(into: Counts, c: Counts): void {
  into.tp += c.tp
  into.a += c.a
  into.b += c.b
}

/** Precision (tp/b), recall (tp/a) and F1 (2tp/(a+b)); null where the denominator is 0. */
export function f1Score(c: Counts): F1Score {
  return {
    tp: c.tp,
    a: c.a,
    b: c.b,
    precision: c.b > 0 ? c.tp / c.b : null,
    recall: c.a > 0 ? c.tp / c.a : null,
    f1: c.a + c.b > 0 ? (2 * c.tp) / (c.a + c.b) : null,
  }
}

/** Every pair of analysts, in list order. */
export function pairsOf(analysts: readonly string[]): [string, string][] {
  const out: [string, string][] = []
  for (let i = 0; i < analysts.length; i++) {
    for (let j = i + 1; j < analysts.length; j++) out.push([analysts[i], analysts[j]])
  }
  return out
}

export function pairKey(a: string, b: string): string {
  return `${a}\u0000${b}`
}

/**
 * κ and α of reliability data among `analysts`: Krippendorff's α (with missing values), Fleiss'
 * κ on complete units, Cohen's κ of each pair, their mean, and the matrices unless `matrices` is
 * false (link units, whose categories are unit ids).
 */
export function categoricalAgreement(
  data: readonly ReliabilityTriple[] | UnitTable,
  analysts: readonly string[],
  metric: AlphaMetric,
  options: { matrices?: boolean; includeUnits?: boolean } = {},
): CategoricalAgreement {
  const matrices = options.matrices !== false
  const table = tableOf(data)
  const coded = codeTable(table)
  const cohen = pairKappasOf(coded, analysts, matrices)
  const defined = cohen.filter((k) => k.value !== null).map((k) => k.value!)
  return {
    units: table.rows.length,
    categories: matrices ? coded.categories : [],
    alpha: krippendorffAlphaOf(coded, metric),
    fleiss: fleissKappaOf(coded, analysts),
    cohen,
    meanCohen: defined.length ? defined.reduce((s, v) => s + v, 0) / defined.length : null,
    ...(matrices ? { coincidence: coincidenceMatrixOf(coded) } : {}),
    ...(options.includeUnits ? { data: table.triples() } : {}),
  }
}
