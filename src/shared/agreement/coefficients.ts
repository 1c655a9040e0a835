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
// Each takes triples or a UnitTable, or (the `…Of` forms) an already coded table.
import type { AlphaMetric, AlphaResult, KappaResult, PairKappa, ReliabilityTriple } from './types'
import { codeTable, tableOf, type CodedTable, type UnitTable } from './unit-table'

type Data = readonly ReliabilityTriple[] | UnitTable

/** Categories of the data, numbers in numeric order, then strings in code-unit order. */
export function categoriesOf(data: Data): string[] {
  return codeTable(tableOf(data)).categories
}

function kappa(observed: number, expected: number, units: number, single: string): KappaResult {
  const result = { observedAgreement: observed, expectedAgreement: expected, units }
  if (expected >= 1 - 1e-12) return { value: null, ...result, reason: single }
  return { value: (observed - expected) / (1 - expected), ...result }
}

function none(reason: string): KappaResult {
  return { value: null, observedAgreement: null, expectedAgreement: null, units: 0, reason }
}

/** Ordered pairs of equal codes in a small list. */
function agreeingPairs(codes: readonly number[]): number {
  let agreeing = 0
  for (let i = 0; i < codes.length; i++) {
    for (let j = i + 1; j < codes.length; j++) if (codes[i] === codes[j]) agreeing += 2
  }
  return agreeing
}

/**
 * Cohen's κ of every pair of `coders` (in list order) on the units both coded, in one pass over a
 * coded table; with `matrices`, each pair's confusion matrix (rows: the pair's first coder).
 */
export function pairKappasOf(
  coded: CodedTable,
  coders: readonly string[],
  matrices: boolean,
): PairKappa[] {
  const m = coders.length
  const K = coded.categories.length
  const rank = new Map(coders.map((c, i) => [c, i]))
  const n = new Array<number>(m * m).fill(0)
  const agree = new Array<number>(m * m).fill(0)
  // Tallies of pair (i, j), i < j, live at i·m + j; the other slots stay empty.
  const margins = Array.from({ length: m * m }, (_, t) =>
    t % m > Math.floor(t / m) ? new Float64Array(2 * K) : new Float64Array(0),
  )
  const confusion = matrices
    ? Array.from({ length: m * m }, (_, t) =>
        t % m > Math.floor(t / m) ? new Float64Array(K * K) : new Float64Array(0),
      )
    : []
  coded.table.rows.forEach((row, r) => {
    const codes = coded.codes[r]
    for (let p = 0; p < codes.length; p++) {
      const rp = rank.get(row.coders[p])
      if (rp === undefined) continue
      for (let q = 0; q < codes.length; q++) {
        const rq = rank.get(row.coders[q])
        if (rq === undefined || rq <= rp) continue
        const t = rp * m + rq
        n[t]++
        if (codes[p] === codes[q]) agree[t]++
        margins[t][codes[p]]++
        margins[t][K + codes[q]]++
        if (matrices) confusion[t][codes[p] * K + codes[q]]++
      }
    }
  })
  const out: PairKappa[] = []
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const t = i * m + j
      const [a, b] = [coders[i], coders[j]]
      const matrix = matrices
        ? {
            confusion: coded.categories.map((_, x) =>
              Array.from(confusion[t].subarray(x * K, x * K + K)),
            ),
          }
        : {}
      if (n[t] === 0) {
        out.push({ a, b, ...none(`no unit that both ${a} and ${b} coded`), ...matrix })
        continue
      }
      let expected = 0
      for (let k = 0; k < K; k++) expected += (margins[t][k] / n[t]) * (margins[t][K + k] / n[t])
      const single = `${a} and ${b} used one and the same category only`
      out.push({ a, b, ...kappa(agree[t] / n[t], expected, n[t], single), ...matrix })
    }
  }
  return out
}

/** Cohen's κ of every pair of `coders` (see pairKappasOf). */
export function pairKappas(data: Data, coders: readonly string[], categories?: readonly string[]) {
  return pairKappasOf(codeTable(tableOf(data), categories), coders, categories !== undefined)
}

/**
 * Cohen's κ of coders a and b on the units both coded. Units only one of them coded are left out.
 * With `categories`, the confusion matrix over them comes too (rows a, columns b).
 */
export function cohenKappa(
  data: Data,
  a: string,
  b: string,
  categories?: readonly string[],
): PairKappa {
  return pairKappas(data, [a, b], categories)[0]
}

/** Codes of the units every one of `coders` coded, in coder order. */
function completeUnits(coded: CodedTable, coders: readonly string[]): number[][] {
  const out: number[][] = []
  coded.table.rows.forEach((row, r) => {
    if (row.coders.length < coders.length) return
    const codes: number[] = []
    for (const c of coders) {
      const i = row.coders.indexOf(c)
      if (i < 0) return
      codes.push(coded.codes[r][i])
    }
    out.push(codes)
  })
  return out
}

/** Fleiss' P̄: the proportion of agreeing coder pairs, averaged over units. */
function meanPairAgreement(units: readonly number[][], m: number): number {
  let total = 0
  for (const codes of units) total += agreeingPairs(codes) / (m * (m - 1))
  return total / units.length
}

/** Fleiss' κ (1971) of `coders` on the units all of them coded, from a coded table. */
export function fleissKappaOf(coded: CodedTable, coders: readonly string[]): KappaResult {
  const m = coders.length
  if (m < 2) return none('fewer than two analysts')
  const units = completeUnits(coded, coders)
  if (units.length === 0) return none('no unit that every analyst coded')
  const pooled = new Float64Array(coded.categories.length)
  for (const codes of units) for (const c of codes) pooled[c]++
  const total = units.length * m
  let expected = 0
  for (const c of pooled) expected += (c / total) ** 2
  const observed = meanPairAgreement(units, m)
  return kappa(observed, expected, units.length, 'every value is the same category')
}

/** Fleiss' κ (1971) of `coders` on the units all of them coded. */
export function fleissKappa(data: Data, coders: readonly string[]): KappaResult {
  return fleissKappaOf(codeTable(tableOf(data)), coders)
}

/**
 * Davies & Fleiss' (1982) κ, NLTK's `multi_kappa()`: Fleiss' P̄ against the mean over coder pairs
 * of Σ_k p_a(k)·p_b(k) from each coder's own marginals. Units all coders coded.
 */
export function daviesFleissKappa(data: Data, coders: readonly string[]): KappaResult {
  const coded = codeTable(tableOf(data))
  const m = coders.length
  if (m < 2) return none('fewer than two analysts')
  const units = completeUnits(coded, coders)
  if (units.length === 0) return none('no unit that every analyst coded')
  const K = coded.categories.length
  const marginals = coders.map((_, i) => {
    const counts = new Float64Array(K)
    for (const codes of units) counts[codes[i]] += 1 / units.length
    return counts
  })
  let expected = 0
  let pairs = 0
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      for (let k = 0; k < K; k++) expected += marginals[i][k] * marginals[j][k]
      pairs++
    }
  }
  const observed = meanPairAgreement(units, m)
  return kappa(observed, expected / pairs, units.length, 'every value is the same category')
}

/** Σ_c Σ_k n_c n_k (c − k)² of a bag of numbers, as 2 (n Σ n_c c² − (Σ n_c c)²). */
function intervalPairs(values: Iterable<number>): number {
  let n = 0
  let sum = 0
  let squares = 0
  for (const x of values) {
    n++
    sum += x
    squares += x * x
  }
  return 2 * (n * squares - sum * sum)
}

function numbers(values: readonly (string | number)[]): number[] {
  return values.map((v) => {
    const x = Number(v)
    if (!Number.isFinite(x)) throw new Error(`interval α needs numbers, got "${String(v)}"`)
    return x
  })
}

/** Krippendorff's α from a coded table (see krippendorffAlpha). */
export function krippendorffAlphaOf(coded: CodedTable, metric: AlphaMetric): AlphaResult {
  const pooled = new Float64Array(coded.categories.length)
  const pooledNumbers: number[] = []
  let observedSum = 0
  let units = 0
  let n = 0
  coded.table.rows.forEach((row, r) => {
    const m = row.values.length
    if (m < 2) return
    if (metric === 'nominal') {
      const codes = coded.codes[r]
      // Ordered pairs of unequal values in the unit: Σ_{c≠k} n_uc n_uk.
      observedSum += (m * (m - 1) - agreeingPairs(codes)) / (m - 1)
      for (const c of codes) pooled[c]++
    } else {
      const xs = numbers(row.values)
      observedSum += intervalPairs(xs) / (m - 1)
      pooledNumbers.push(...xs)
    }
    units++
    n += m
  })
  const base = { metric, units, values: n }
  if (n < 2) {
    const reason = 'no unit with two or more values'
    return { ...base, value: null, observedDisagreement: null, expectedDisagreement: null, reason }
  }
  let expectedSum = metric === 'nominal' ? n * n : intervalPairs(pooledNumbers)
  if (metric === 'nominal') for (const c of pooled) expectedSum -= c * c
  const observed = observedSum / n
  const expected = expectedSum / (n * (n - 1))
  if (expected === 0) {
    const reason = 'the pairable values do not vary (one category only)'
    return { ...base, value: null, observedDisagreement: observed, expectedDisagreement: 0, reason }
  }
  const value = 1 - observed / expected
  return { ...base, value, observedDisagreement: observed, expectedDisagreement: expected }
}

/**
 * Krippendorff's α with the nominal or interval metric. Units with fewer than two values are not
 * pairable and are left out; α is undefined (null) when fewer than two values are pairable or the
 * pairable values do not vary (D_e = 0).
 */
export function krippendorffAlpha(data: Data, metric: AlphaMetric = 'nominal'): AlphaResult {
  return krippendorffAlphaOf(codeTable(tableOf(data)), metric)
}

/**
 * Krippendorff's coincidence matrix over the coded categories: o_ck = Σ_u (c–k pairs in u) ÷
 * (m_u − 1), over pairable units. Its margins are the n_c that α's expected disagreement uses.
 */
export function coincidenceMatrixOf(coded: CodedTable): number[][] {
  const K = coded.categories.length
  const matrix = coded.categories.map(() => new Array<number>(K).fill(0))
  for (const codes of coded.codes) {
    const m = codes.length
    if (m < 2) continue
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) if (i !== j) matrix[codes[i]][codes[j]] += 1 / (m - 1)
    }
  }
  return matrix
}

/** Krippendorff's coincidence matrix over `categories` (see coincidenceMatrixOf). */
export function coincidenceMatrix(data: Data, categories: readonly string[]): number[][] {
  return coincidenceMatrixOf(codeTable(tableOf(data), categories))
}
