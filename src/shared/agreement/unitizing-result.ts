// α_u as the report gives it: per category and jointly over a layer's categories (1 − ΣD_o ÷
// ΣD_e), for all compared analysts and, with more than two, for each pair; with the documents
// used, the documents left out and why, and the reason when α_u is undefined.
import type { PairUnitizing, UnitizingResult } from './types'
import { disagreements, gatherParts, type ContinuumPart } from './unitizing'

interface CategoryStats {
  observed: number
  expected: number | null
  documents: Map<string, number>
  excluded: Map<string, string>
}

/** D_o, D_e, the documents used and those left out, of one category for `coders`. */
function categoryStats(parts: readonly ContinuumPart[], coders: readonly string[]): CategoryStats {
  const g = gatherParts(parts, coders)
  const d = disagreements(g, coders.length)
  const documents = new Map<string, number>()
  for (const part of parts) {
    if (coders.every((c) => part.units.has(c) && !part.invalid.has(c)) && part.length > 0) {
      documents.set(part.documentId, part.length)
    }
  }
  const excluded = new Map(g.excluded.map((e) => [e.documentId, e.reason]))
  return { ...d, documents, excluded }
}

/** Sums categories into the joint form (categories without units add nothing). */
function jointStats(stats: readonly CategoryStats[]): CategoryStats {
  const out: CategoryStats = {
    observed: 0,
    expected: null,
    documents: new Map(),
    excluded: new Map(),
  }
  for (const s of stats) {
    for (const [id, reason] of s.excluded) if (!out.excluded.has(id)) out.excluded.set(id, reason)
    if (s.expected === null) continue
    out.observed += s.observed
    out.expected = (out.expected ?? 0) + s.expected
    for (const [id, length] of s.documents) out.documents.set(id, length)
  }
  return out
}

function alphaOf(observed: number, expected: number | null): number | null {
  return expected === null || expected === 0 ? null : 1 - observed / expected
}

const NO_UNITS = 'no units of this category in the documents the analysts all annotated'

function result(
  all: CategoryStats,
  pairs: PairUnitizing[],
  coders: readonly string[],
): UnitizingResult {
  const value = alphaOf(all.observed, all.expected)
  const excluded = [...all.excluded].map(([documentId, reason]) => ({ documentId, reason }))
  let length = 0
  for (const l of all.documents.values()) length += l
  const reason =
    coders.length < 2
      ? 'fewer than two analysts'
      : all.documents.size === 0 && excluded.length > 0
        ? "every document was left out (an analyst's own units overlap)"
        : NO_UNITS
  return {
    value,
    observedDisagreement: all.expected === null ? null : all.observed,
    expectedDisagreement: all.expected,
    documents: all.documents.size,
    length,
    excluded,
    pairs,
    ...(value === null ? { reason } : {}),
  }
}

function pairResult(a: string, b: string, s: CategoryStats): PairUnitizing {
  const value = alphaOf(s.observed, s.expected)
  return {
    a,
    b,
    value,
    observedDisagreement: s.expected === null ? null : s.observed,
    expectedDisagreement: s.expected,
    ...(value === null ? { reason: NO_UNITS } : {}),
  }
}

/**
 * α_u of `coders` for each category (one list of parts per category) and jointly over them. With
 * more than two coders each pair's two-observer values come too.
 */
export function unitizingAlphas(
  categories: readonly (readonly ContinuumPart[])[],
  coders: readonly string[],
): { joint: UnitizingResult; categories: UnitizingResult[] } {
  const all = categories.map((parts) => categoryStats(parts, coders))
  const pairs: [string, string, CategoryStats[]][] = []
  if (coders.length > 2) {
    for (let x = 0; x < coders.length; x++) {
      for (let y = x + 1; y < coders.length; y++) {
        const subset = [coders[x], coders[y]]
        pairs.push([coders[x], coders[y], categories.map((parts) => categoryStats(parts, subset))])
      }
    }
  }
  return {
    joint: result(
      jointStats(all),
      pairs.map(([a, b, stats]) => pairResult(a, b, jointStats(stats))),
      coders,
    ),
    categories: all.map((stats, c) =>
      result(
        stats,
        pairs.map(([a, b, byCategory]) => pairResult(a, b, byCategory[c])),
        coders,
      ),
    ),
  }
}

/** α_u of `coders`, joint over the categories given (one list of parts per category). */
export function unitizingAlpha(
  categories: readonly (readonly ContinuumPart[])[],
  coders: readonly string[],
): UnitizingResult {
  return unitizingAlphas(categories, coders).joint
}
