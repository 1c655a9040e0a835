// Krippendorff's unitizing α (α_u) for one category on a continuum, as defined in Krippendorff
// (2004), "Measuring the reliability of qualitative text analysis data", Quality & Quantity 38,
// and Content Analysis (2nd ed., 2004), building on Krippendorff (1995).
//
// Each coder cuts the continuum [0, L) into segments: their units of the category (w = 1) and the
// gaps between them (w = 0). For two segments g (coder i) and h (coder j) that intersect,
//   δ²(g, h) = (b_g − b_h)² + (e_g − e_h)²   if both are units (they overlap),
//            = l_g²                          if g is a unit lying wholly inside the gap h,
//            = l_h²                          if h is a unit lying wholly inside the gap g,
//            = 0                             otherwise (two gaps; a unit only partly in a gap),
//   D_o = Σ_{i≠j} Σ_g Σ_h δ²(g, h) ÷ (m (m − 1) L²),
//   D_e = (2/L) Σ_units [ (N − 1)/3 · (2l³ − 3l² + l) + l² Σ_{gaps k, l_k ≥ l} (l_k − l + 1) ]
//         ÷ [ mL (mL − 1) − Σ_units l (l − 1) ],
//   α_u = 1 − D_o ÷ D_e,
// with m coders, N units of the category over all coders, every sum over all coders. The joint α_u
// of several categories is 1 − Σ D_o ÷ Σ D_e. The definition needs each coder's units of one
// category not to overlap, so a document where they do is left out (and named).
//
// Pooling documents lays their continua end to end (L = Σ L_d); a gap never runs across a
// document boundary, and every unit may fall into any gap of any document in the chance model.

import { partitionPoint } from '../partition-point'

/** A half-open range [start, end) in code points. */
export interface Interval {
  start: number
  end: number
}

/** One category on one document's continuum: each coder's units there. */
export interface ContinuumPart {
  documentId: string
  /** Length of the continuum in code points. */
  length: number
  /** Coder → their units, sorted by start (coders who did not annotate the document are absent). */
  units: Map<string, Interval[]>
  /** Coder → why their units cannot be used (their own units overlap). */
  invalid: Map<string, string>
  /** Memo of Σ δ² for each coder pair ("i\u0000j"). */
  pairSums: Map<string, number>
  /** Memo of each coder's segments. */
  segments: Map<string, Segment[]>
}

/** Builds a part from each coder's spans (any order; empty ranges dropped). */
export function continuumPart(
  documentId: string,
  length: number,
  units: Map<string, Interval[]>,
): ContinuumPart {
  const sorted = new Map<string, Interval[]>()
  const invalid = new Map<string, string>()
  for (const [coder, list] of units) {
    const kept = list
      .filter((u) => u.end > u.start)
      .sort((x, y) => x.start - y.start || x.end - y.end)
    for (let k = 1; k < kept.length; k++) {
      if (kept[k].start < kept[k - 1].end) {
        const p = kept[k - 1]
        const q = kept[k]
        invalid.set(
          coder,
          `${coder}'s units overlap (code points ${p.start}–${p.end} and ${q.start}–${q.end})`,
        )
        break
      }
    }
    sorted.set(coder, kept)
  }
  return { documentId, length, units: sorted, invalid, pairSums: new Map(), segments: new Map() }
}

interface Segment {
  start: number
  end: number
  unit: boolean
}

/** A coder's units and the gaps between them, covering [0, length). */
function segments(part: ContinuumPart, coder: string): Segment[] {
  const memo = part.segments.get(coder)
  if (memo) return memo
  const units = part.units.get(coder) ?? []
  const length = part.length
  const out: Segment[] = []
  let pos = 0
  for (const u of units) {
    if (u.start > pos) out.push({ start: pos, end: u.start, unit: false })
    out.push({ start: u.start, end: u.end, unit: true })
    pos = u.end
  }
  if (pos < length) out.push({ start: pos, end: length, unit: false })
  part.segments.set(coder, out)
  return out
}

/** δ² of two segments of different coders (0 unless they intersect as the definition says). */
export function segmentDistance(g: Segment, h: Segment): number {
  if (g.unit && h.unit) {
    if (g.start >= h.end || h.start >= g.end) return 0
    return (g.start - h.start) ** 2 + (g.end - h.end) ** 2
  }
  if (g.unit && !h.unit) {
    return h.start <= g.start && g.end <= h.end ? (g.end - g.start) ** 2 : 0
  }
  if (!g.unit && h.unit) {
    return g.start <= h.start && h.end <= g.end ? (h.end - h.start) ** 2 : 0
  }
  return 0
}

/** Σ δ² over every intersecting pair of segments of coders i and j (one order). */
function pairSum(part: ContinuumPart, i: string, j: string): number {
  const key = i < j ? `${i}\u0000${j}` : `${j}\u0000${i}`
  const memo = part.pairSums.get(key)
  if (memo !== undefined) return memo
  const a = segments(part, i)
  const b = segments(part, j)
  let sum = 0
  let p = 0
  let q = 0
  // Both lists partition [0, L), so walking them together visits exactly the intersecting pairs.
  while (p < a.length && q < b.length) {
    sum += segmentDistance(a[p], b[q])
    if (a[p].end < b[q].end) p++
    else if (b[q].end < a[p].end) q++
    else {
      p++
      q++
    }
  }
  part.pairSums.set(key, sum)
  return sum
}

export interface UnitizingParts {
  observedSum: number
  length: number
  unitLengths: number[]
  gapLengths: number[]
  documents: number
  excluded: { documentId: string; reason: string }[]
}

/** Gathers the sums α_u needs for `coders` over the parts where all of them can be used. */
export function gatherParts(
  parts: readonly ContinuumPart[],
  coders: readonly string[],
): UnitizingParts {
  const out: UnitizingParts = {
    observedSum: 0,
    length: 0,
    unitLengths: [],
    gapLengths: [],
    documents: 0,
    excluded: [],
  }
  for (const part of parts) {
    if (!coders.every((c) => part.units.has(c))) continue
    const bad = coders.find((c) => part.invalid.has(c))
    if (bad !== undefined) {
      out.excluded.push({ documentId: part.documentId, reason: part.invalid.get(bad)! })
      continue
    }
    if (part.length === 0) continue
    out.documents++
    out.length += part.length
    for (let x = 0; x < coders.length; x++) {
      for (let y = x + 1; y < coders.length; y++) {
        out.observedSum += 2 * pairSum(part, coders[x], coders[y])
      }
      for (const s of segments(part, coders[x])) {
        ;(s.unit ? out.unitLengths : out.gapLengths).push(s.end - s.start)
      }
    }
  }
  return out
}

/** D_o and D_e of gathered parts for m coders; D_e is null when there are no units. */
export function disagreements(
  g: UnitizingParts,
  m: number,
): { observed: number; expected: number | null } {
  const L = g.length
  const observed = L > 0 ? g.observedSum / (m * (m - 1) * L * L) : 0
  if (g.unitLengths.length === 0 || L === 0) return { observed, expected: null }
  const gaps = [...g.gapLengths].sort((x, y) => x - y)
  // suffix[k] = Σ gaps[k..]
  const suffix = new Array<number>(gaps.length + 1).fill(0)
  for (let k = gaps.length - 1; k >= 0; k--) suffix[k] = suffix[k + 1] + gaps[k]
  const N = g.unitLengths.length
  let numerator = 0
  let selfPairs = 0
  for (const l of g.unitLengths) {
    const first = lowerBound(gaps, l)
    const count = gaps.length - first
    const placements = suffix[first] - (l - 1) * count
    numerator += ((N - 1) / 3) * (2 * l ** 3 - 3 * l ** 2 + l) + l * l * placements
    selfPairs += l * (l - 1)
  }
  const denominator = m * L * (m * L - 1) - selfPairs
  return { observed, expected: ((2 / L) * numerator) / denominator }
}

function lowerBound(sorted: readonly number[], value: number): number {
  return partitionPoint(sorted.length, (i) => sorted[i] < value)
}
