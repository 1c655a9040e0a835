// Which spans of different analysts are "the same" unit. Everything here works in code points, so
// an emoji counts as one character, as the report states.
//
// Overlap candidates: two spans of different analysts in one layer that share at least one code
// point (two empty spans at the same place count too), with Jaccard overlap (shared ÷ covered by
// either) of at least `minOverlap`. They are ranked best first: higher Jaccard, then more shared
// code points, then earlier start of the first analyst's span, then of the second's, then analyst
// order and span id, so the order never depends on input order.
//
// Pairwise matching (for F1): walk the ranked candidates of analysts a and b and accept a pair when
// neither span is matched yet — a one-to-one greedy matching by overlap.
//
// Alignment of all analysts (for κ/α units): every span starts as its own unit; walk all ranked
// candidates and merge the two units when they hold no analyst in common and every span of one
// overlaps every span of the other (as candidates). With two analysts this is exactly the pairwise
// matching.
import type { Span } from '../model'

/** A span of one analyst with its range in code points. */
export interface AlignedSpan {
  /** Index of the span in its layer's list (unique per document and layer). */
  index: number
  analyst: string
  /** Rank of the analyst in the compared list. */
  rank: number
  span: Span
  start: number
  end: number
  /** "start:end" in code points, for exact matching. */
  key: string
  /** The aligned unit the span belongs to (set by alignSpans). */
  unit?: AlignedUnit
}

/** A unit: at most one span per analyst, every two of them overlapping. */
export interface AlignedUnit {
  /** `<document>/<layer>/<n>`, n in reading order: stable for the same annotations. */
  id: string
  layer: string
  members: Map<string, AlignedSpan>
  /** The members in analyst order, and their analysts. */
  spans: AlignedSpan[]
  analysts: string[]
  /** Covering range of the members, UTF-16 and code points. */
  start: number
  end: number
  codePointStart: number
  codePointEnd: number
}

export interface Candidate {
  x: AlignedSpan
  y: AlignedSpan
  jaccard: number
  shared: number
}

function rankCandidates(p: Candidate, q: Candidate): number {
  return (
    q.jaccard - p.jaccard ||
    q.shared - p.shared ||
    p.x.start - q.x.start ||
    p.y.start - q.y.start ||
    p.x.rank - q.x.rank ||
    p.y.rank - q.y.rank ||
    cmp(p.x.span.id, q.x.span.id) ||
    cmp(p.y.span.id, q.y.span.id)
  )
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Overlap candidates among one layer's spans of all analysts, best first. */
export function overlapCandidates(spans: readonly AlignedSpan[], minOverlap: number): Candidate[] {
  const order = [...spans].sort((p, q) => p.start - q.start || p.end - q.end || p.index - q.index)
  const out: Candidate[] = []
  const active: AlignedSpan[] = []
  for (const s of order) {
    let kept = 0
    for (const t of active) {
      if (t.end > s.start || (t.end === s.start && t.start === s.start)) active[kept++] = t
    }
    active.length = kept
    for (const t of active) {
      if (t.analyst === s.analyst) continue
      const shared = Math.min(s.end, t.end) - Math.max(s.start, t.start)
      const covered = Math.max(s.end, t.end) - Math.min(s.start, t.start)
      const empty = covered === 0
      if (shared <= 0 && !empty) continue
      const jaccard = empty ? 1 : shared / covered
      if (jaccard < minOverlap) continue
      const [x, y] = t.rank < s.rank ? [t, s] : [s, t]
      out.push({ x, y, jaccard, shared })
    }
    active.push(s)
  }
  return out.sort(rankCandidates)
}

/** A one-to-one matching between two analysts: span index → partner. */
export type Matching = Map<number, AlignedSpan>

/**
 * Greedy one-to-one matching of analysts a and b over ranked candidates, optionally only among
 * pairs `accept` allows (e.g. the same label). Both directions are in the map.
 */
export function greedyMatching(
  candidates: readonly Candidate[],
  a: string,
  b: string,
  accept?: (x: AlignedSpan, y: AlignedSpan) => boolean,
): Matching {
  const matched: Matching = new Map()
  for (const c of candidates) {
    const pair =
      (c.x.analyst === a && c.y.analyst === b) || (c.x.analyst === b && c.y.analyst === a)
    if (!pair || matched.has(c.x.index) || matched.has(c.y.index)) continue
    if (accept && !accept(c.x, c.y)) continue
    matched.set(c.x.index, c.y)
    matched.set(c.y.index, c.x)
  }
  return matched
}

/** Number of one-to-one exact matches (same start and end). */
export function exactMatches(a: readonly AlignedSpan[], b: readonly AlignedSpan[]): number {
  const counts = new Map<string, number>()
  for (const s of a) counts.set(s.key, (counts.get(s.key) ?? 0) + 1)
  let tp = 0
  for (const s of b) {
    const k = s.key
    const n = counts.get(k) ?? 0
    if (n > 0) {
      tp++
      counts.set(k, n - 1)
    }
  }
  return tp
}

/** Aligns one layer's spans of all analysts into units (see the header) and sets `span.unit`. */
export function alignSpans(
  documentId: string,
  layer: string,
  spans: readonly AlignedSpan[],
  candidates: readonly Candidate[],
): AlignedUnit[] {
  const n = spans.length
  const linked = new Set<number>()
  for (const c of candidates) linked.add(c.x.index * n + c.y.index).add(c.y.index * n + c.x.index)
  // Union–find over span indices; groups[r] holds the members of the unit rooted at r.
  const root = spans.map((s) => s.index)
  const groups: (AlignedSpan[] | undefined)[] = spans.map((s) => [s])
  const compatible = (gx: AlignedSpan[], gy: AlignedSpan[]) => {
    for (const s of gx) {
      for (const t of gy) {
        if (t.analyst === s.analyst || !linked.has(s.index * n + t.index)) return false
      }
    }
    return true
  }
  for (const c of candidates) {
    const rx = root[c.x.index]
    const ry = root[c.y.index]
    if (rx === ry) continue
    const gx = groups[rx]!
    const gy = groups[ry]!
    if (!compatible(gx, gy)) continue
    for (const t of gy) {
      root[t.index] = rx
      gx.push(t)
    }
    groups[ry] = undefined
  }
  const units: UnitDraft[] = []
  for (const members of groups) if (members) units.push(draft(members))
  // Ties (same extent) go by the first member's analyst and span id, never by input order.
  units.sort(
    (p, q) =>
      p.cpStart - q.cpStart ||
      p.cpEnd - q.cpEnd ||
      p.first.rank - q.first.rank ||
      cmp(p.first.span.id, q.first.span.id),
  )
  return units.map((u, k) => {
    const sorted = u.members.sort((p, q) => p.rank - q.rank)
    const unit: AlignedUnit = {
      id: `${documentId}/${layer}/${k + 1}`,
      layer,
      members: new Map(sorted.map((s) => [s.analyst, s] as const)),
      spans: sorted,
      analysts: sorted.map((s) => s.analyst),
      start: u.start,
      end: u.end,
      codePointStart: u.cpStart,
      codePointEnd: u.cpEnd,
    }
    for (const s of u.members) s.unit = unit
    return unit
  })
}

interface UnitDraft {
  members: AlignedSpan[]
  cpStart: number
  cpEnd: number
  start: number
  end: number
  /** The member of the lowest analyst rank (then span id). */
  first: AlignedSpan
}

function draft(members: AlignedSpan[]): UnitDraft {
  const u = {
    members,
    cpStart: Infinity,
    cpEnd: -Infinity,
    start: Infinity,
    end: -Infinity,
    first: members[0],
  }
  for (const s of members) {
    u.cpStart = Math.min(u.cpStart, s.start)
    u.cpEnd = Math.max(u.cpEnd, s.end)
    u.start = Math.min(u.start, s.span.start)
    u.end = Math.max(u.end, s.span.end)
    if (s.rank < u.first.rank || (s.rank === u.first.rank && s.span.id < u.first.span.id)) {
      u.first = s
    }
  }
  return u
}
