// Chance-corrected agreement coefficients over reliability data: (coder, unit, value) triples, the
// form NLTK's AnnotationTask takes, so tests can hand the very same units to it.
//
// - Cohen's κ (1960) of two coders, on the units both coded.
// - Fleiss' κ (1971) on the units every coder coded: P̄ from agreeing rater pairs per unit, P_e
//   from the pooled category proportions. (With complete data it equals Artstein & Poesio's
//   multi-π, NLTK's `pi()`.)
// - Davies & Fleiss' (1982) κ, NLTK's `multi_kappa()`: the same P̄, but P_e is the mean over coder
//   pairs of each pair's product of their own marginals. It is NOT Fleiss' κ; it is here so the
//   tests can show the difference (docs/AGREEMENT.md).
// - Krippendorff's α with missing values: units with fewer than two values are not pairable and
//   are left out; D_o and D_e come from the coincidence of values within units.
import type { AlphaMetric, AlphaResult, KappaResult, PairKappa, ReliabilityTriple } from './types'

/** A unit's values by coder. */
type UnitTable = Map<string, Map<string, string | number>>

/** Groups triples by unit, refusing a coder who gives one unit two values. */
export function unitTable(data: readonly ReliabilityTriple[]): UnitTable {
  const units: UnitTable = new Map()
  for (const { coder, unit, value } of data) {
    let row = units.get(unit)
    if (!row) units.set(unit, (row = new Map()))
    if (row.has(coder)) throw new Error(`coder "${coder}" has two values for unit "${unit}"`)
    row.set(coder, value)
  }
  return units
}

/** The category key of a value (numbers and strings compare as their text). */
export function categoryOf(value: string | number): string {
  return typeof value === 'number' ? String(value) : value
}

/** Categories of the data, numbers in numeric order, then strings in code-unit order. */
export function categoriesOf(data: readonly ReliabilityTriple[]): string[] {
  const numbers = new Set<number>()
  const strings = new Set<string>()
  for (const t of data) {
    if (typeof t.value === 'number') numbers.add(t.value)
    else strings.add(t.value)
  }
  return [
    ...[...numbers].sort((x, y) => x - y).map(String),
    ...[...strings].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)),
  ]
}

function kappa(observed: number, expected: number, units: number, single: string): KappaResult {
  if (expected >= 1 - 1e-12) {
    return {
      value: null,
      observedAgreement: observed,
      expectedAgreement: expected,
      units,
      reason: single,
    }
  }
  return {
    value: (observed - expected) / (1 - expected),
    observedAgreement: observed,
    expectedAgreement: expected,
    units,
  }
}

function none(reason: string): KappaResult {
  return { value: null, observedAgreement: null, expectedAgreement: null, units: 0, reason }
}

/**
 * Cohen's κ of coders a and b on the units both coded, with the confusion matrix over
 * `categories` (rows a, columns b). Units only one of them coded are left out.
 */
export function cohenKappa(
  data: readonly ReliabilityTriple[] | UnitTable,
  a: string,
  b: string,
  categories?: readonly string[],
): PairKappa {
  const table = data instanceof Map ? data : unitTable(data)
  const pairs: [string, string][] = []
  for (const row of table.values()) {
    const va = row.get(a)
    const vb = row.get(b)
    if (va !== undefined && vb !== undefined) pairs.push([categoryOf(va), categoryOf(vb)])
  }
  const cats = categories ? [...categories] : sortedKeys(pairs.flat())
  const index = new Map(cats.map((c, i) => [c, i]))
  const confusion = cats.map(() => cats.map(() => 0))
  for (const [x, y] of pairs) {
    const i = index.get(x)
    const j = index.get(y)
    if (i === undefined || j === undefined) throw new Error(`category "${x}" or "${y}" not listed`)
    confusion[i][j]++
  }
  const n = pairs.length
  if (n === 0) return { a, b, ...none(`no unit that both ${a} and ${b} coded`), confusion }
  let agree = 0
  let expected = 0
  for (let i = 0; i < cats.length; i++) {
    agree += confusion[i][i]
    const row = confusion[i].reduce((s, v) => s + v, 0)
    const col = confusion.reduce((s, r) => s + r[i], 0)
    expected += (row / n) * (col / n)
  }
  const result = kappa(agree / n, expected, n, `${a} and ${b} used one and the same category only`)
  return { a, b, ...result, confusion }
}

function sortedKeys(values: string[]): string[] {
  return [...new Set(values)].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))
}

/** Units every one of `coders` coded, as category keys in coder order. */
function completeUnits(table: UnitTable, coders: readonly string[]): string[][] {
  const out: string[][] = []
  for (const row of table.values()) {
    const values = coders.map((c) => row.get(c))
    if (values.every((v) => v !== undefined)) out.push(values.map((v) => categoryOf(v!)))
  }
  return out
}

/** Proportion of agreeing coder pairs, averaged over units (Fleiss' P̄). */
function meanPairAgreement(units: string[][], m: number): number {
  let total = 0
  for (const values of units) {
    const counts = new Map<string, number>()
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
    let agreeing = 0
    for (const c of counts.values()) agreeing += c * (c - 1)
    total += agreeing / (m * (m - 1))
  }
  return total / units.length
}

/** Fleiss' κ (1971) of `coders` on the units all of them coded. */
export function fleissKappa(
  data: readonly ReliabilityTriple[] | UnitTable,
  coders: readonly string[],
): KappaResult {
  const table = data instanceof Map ? data : unitTable(data)
  const m = coders.length
  if (m < 2) return none('fewer than two analysts')
  const units = completeUnits(table, coders)
  if (units.length === 0) return none('no unit that every analyst coded')
  const pooled = new Map<string, number>()
  for (const values of units) for (const v of values) pooled.set(v, (pooled.get(v) ?? 0) + 1)
  const total = units.length * m
  let expected = 0
  for (const c of pooled.values()) expected += (c / total) ** 2
  const observed = meanPairAgreement(units, m)
  return kappa(observed, expected, units.length, 'every value is the same category')
}

/**
 * Davies & Fleiss' (1982) κ, NLTK's `multi_kappa()`: Fleiss' P̄ against the mean over coder pairs
 * of Σ_k p_a(k)·p_b(k) from each coder's own marginals. Units all coders coded.
 */
export function daviesFleissKappa(
  data: readonly ReliabilityTriple[] | UnitTable,
  coders: readonly string[],
): KappaResult {
  const table = data instanceof Map ? data : unitTable(data)
  const m = coders.length
  if (m < 2) return none('fewer than two analysts')
  const units = completeUnits(table, coders)
  if (units.length === 0) return none('no unit that every analyst coded')
  const marginals = coders.map((_, i) => {
    const counts = new Map<string, number>()
    for (const values of units) counts.set(values[i], (counts.get(values[i]) ?? 0) + 1)
    return counts
  })
  let expected = 0
  let pairs = 0
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      for (const [k, ci] of marginals[i]) {
        expected += (ci / units.length) * ((marginals[j].get(k) ?? 0) / units.length)
      }
      pairs++
    }
  }
  expected /= pairs
  const observed = meanPairAgreement(units, m)
  return kappa(observed, expected, units.length, 'every value is the same category')
}

/** Σ over ordered value pairs of one bag of n_c values of count·count·δ (closed forms). */
function pairedDistance(counts: Map<string | number, number>, metric: AlphaMetric): number {
  let n = 0
  let sumSquares = 0
  if (metric === 'nominal') {
    for (const c of counts.values()) {
      n += c
      sumSquares += c * c
    }
    return n * n - sumSquares
  }
  let sum = 0
  for (const [v, c] of counts) {
    const x = Number(v)
    n += c
    sum += c * x
    sumSquares += c * x * x
  }
  // Σ_c Σ_k n_c n_k (c − k)² = 2 (n Σ n_c c² − (Σ n_c c)²)
  return 2 * (n * sumSquares - sum * sum)
}

/**
 * Krippendorff's α with the nominal or interval metric. Units with fewer than two values are not
 * pairable and are left out; α is undefined (null) when fewer than two values are pairable or the
 * pairable values do not vary (D_e = 0).
 */
export function krippendorffAlpha(
  data: readonly ReliabilityTriple[] | UnitTable,
  metric: AlphaMetric = 'nominal',
): AlphaResult {
  const table = data instanceof Map ? data : unitTable(data)
  const pooled = new Map<string | number, number>()
  let observedSum = 0
  let units = 0
  let n = 0
  for (const row of table.values()) {
    if (row.size < 2) continue
    const counts = new Map<string | number, number>()
    for (const v of row.values()) {
      const key = metric === 'nominal' ? categoryOf(v) : Number(v)
      if (metric === 'interval' && !Number.isFinite(key)) {
        throw new Error(`interval α needs numbers, got "${String(v)}"`)
      }
      counts.set(key, (counts.get(key) ?? 0) + 1)
      pooled.set(key, (pooled.get(key) ?? 0) + 1)
    }
    observedSum += pairedDistance(counts, metric) / (row.size - 1)
    units++
    n += row.size
  }
  const base = { metric, units, values: n }
  if (n < 2) {
    return {
      ...base,
      value: null,
      observedDisagreement: null,
      expectedDisagreement: null,
      reason: 'no unit with two or more values',
    }
  }
  const observed = observedSum / n
  const expected = pairedDistance(pooled, metric) / (n * (n - 1))
  if (expected === 0) {
    return {
      ...base,
      value: null,
      observedDisagreement: observed,
      expectedDisagreement: 0,
      reason: 'the pairable values do not vary (one category only)',
    }
  }
  return {
    ...base,
    value: 1 - observed / expected,
    observedDisagreement: observed,
    expectedDisagreement: expected,
  }
}

/**
 * Krippendorff's coincidence matrix over `categories`: o_ck = Σ_u (c–k pairs in u) ÷ (m_u − 1),
 * over pairable units. Its margins are the n_c that α's expected disagreement uses.
 */
export function coincidenceMatrix(
  data: readonly ReliabilityTriple[] | UnitTable,
  categories: readonly string[],
): number[][] {
  const table = data instanceof Map ? data : unitTable(data)
  const index = new Map(categories.map((c, i) => [c, i]))
  const matrix = categories.map(() => categories.map(() => 0))
  for (const row of table.values()) {
    if (row.size < 2) continue
    const values = [...row.values()].map((v) => index.get(categoryOf(v)))
    for (let i = 0; i < values.length; i++) {
      for (let j = 0; j < values.length; j++) {
        if (i === j) continue
        const x = values[i]
        const y = values[j]
        if (x === undefined || y === undefined) throw new Error('category not listed')
        matrix[x][y] += 1 / (row.size - 1)
      }
    }
  }
  return matrix
}
