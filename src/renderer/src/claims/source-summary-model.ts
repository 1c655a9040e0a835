// The per-source summary as the Sources view shows it: sorting the summaries, and turning a
// "value → count" mix (checkability, sentiment polarity) into the segments of a small bar chart
// with a fixed colour per well-known value, so "negative" is the same red in every row.
import type { SourceSummary } from '../../../shared/claims'
import type { SortDirection } from '../common/sort-header'

export const SUMMARY_COLUMNS = ['name', 'claims', 'checkability', 'sentiment', 'documents'] as const
export type SummaryColumn = (typeof SUMMARY_COLUMNS)[number]

export const SUMMARY_COLUMN_NAMES: Record<SummaryColumn, string> = {
  name: 'Source',
  claims: 'Claims',
  checkability: 'Checkability',
  sentiment: 'Sentiment',
  documents: 'Documents',
}

export type SummarySort = { column: SummaryColumn; dir: SortDirection }

/** Claims first (most first), as main sends them. */
export const DEFAULT_SUMMARY_SORT: SummarySort = { column: 'claims', dir: 'desc' }

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/** Share of the mix that is `value` (0 when the mix is empty). */
function share(mix: Record<string, number>, value: string): number {
  const total = Object.values(mix).reduce((a, b) => a + b, 0)
  return total === 0 ? 0 : (mix[value] ?? 0) / total
}

/**
 * The summaries sorted by a column (a new array; ties by name). Checkability sorts by the share of
 * factual claims and sentiment by the share of negative spans: the questions an analyst sorts them
 * to answer ("who makes checkable claims?", "who is spoken of negatively?").
 */
export function sortSummaries(
  summaries: readonly SourceSummary[],
  sort: SummarySort,
): SourceSummary[] {
  const key = (s: SourceSummary): number | string => {
    switch (sort.column) {
      case 'name':
        return s.name
      case 'claims':
        return s.claims
      case 'checkability':
        return share(s.checkability, 'factual')
      case 'sentiment':
        return share(s.sentiment, 'negative')
      case 'documents':
        return s.documents.length
    }
  }
  const sign = sort.dir === 'asc' ? 1 : -1
  return [...summaries].sort((a, b) => {
    const ka = key(a)
    const kb = key(b)
    const byKey =
      typeof ka === 'number' && typeof kb === 'number'
        ? ka - kb
        : collator.compare(String(ka), String(kb))
    return sign * byKey || collator.compare(a.name, b.name)
  })
}

/** The next sort after clicking a header: names start ascending, counts descending. */
export function nextSummarySort(current: SummarySort, column: SummaryColumn): SummarySort {
  if (current.column === column) return { column, dir: current.dir === 'asc' ? 'desc' : 'asc' }
  return { column, dir: column === 'name' ? 'asc' : 'desc' }
}

/** One segment of a mix bar. */
export interface MixSegment {
  value: string
  count: number
  /** Fraction of the whole mix, 0–1. */
  fraction: number
  /** A CSS colour (a custom property, so the dark theme can adjust it). */
  color: string
}

/** Known values in the order they are drawn, with their colour variables. */
const KNOWN: Record<string, string> = {
  factual: '--mix-factual',
  opinion: '--mix-opinion',
  prediction: '--mix-prediction',
  positive: '--mix-positive',
  neutral: '--mix-neutral',
  mixed: '--mix-mixed',
  negative: '--mix-negative',
  unset: '--mix-unset',
}
const KNOWN_ORDER = Object.keys(KNOWN)
const OTHER_COLORS = ['--mix-other-1', '--mix-other-2', '--mix-other-3', '--mix-other-4']

/**
 * The segments of a mix bar: known values in a fixed order (so bars line up row to row), other
 * values after them by name, "unset" last; zero counts dropped.
 */
export function mixSegments(mix: Record<string, number>): MixSegment[] {
  const entries = Object.entries(mix).filter(([, n]) => n > 0)
  const total = entries.reduce((a, [, n]) => a + n, 0)
  const rank = (v: string) => {
    if (v === 'unset') return Number.MAX_SAFE_INTEGER
    const i = KNOWN_ORDER.indexOf(v)
    return i === -1 ? KNOWN_ORDER.length : i
  }
  const others = entries
    .map(([v]) => v)
    .filter((v) => !(v in KNOWN))
    .sort()
  return entries
    .sort(([a], [b]) => rank(a) - rank(b) || collator.compare(a, b))
    .map(([value, count]) => ({
      value,
      count,
      fraction: count / total,
      color: `var(${KNOWN[value] ?? OTHER_COLORS[others.indexOf(value) % OTHER_COLORS.length]})`,
    }))
}

/** The mix in words for screen readers and tooltips: "factual 2, opinion 1". */
export function describeMix(mix: Record<string, number>): string {
  const segments = mixSegments(mix)
  if (segments.length === 0) return 'none'
  return segments.map((s) => `${s.value.replace(/_/g, ' ')} ${s.count}`).join(', ')
}
