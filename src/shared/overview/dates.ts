// Dates of documents for "claims over time": a document is filed under the day it was published
// when its metadata says so in a form Date can read (HTML import keeps `article:published_time`
// and the like), else under the day it was added to the project. Days are UTC.

/** The day a document is filed under, and where that day came from. */
export function documentDate(
  publishedAt: string | undefined,
  addedAt: string,
): { date: string; dateSource: 'published' | 'added' } {
  const published = publishedAt ? dayOf(publishedAt) : null
  if (published) return { date: published, dateSource: 'published' }
  return { date: dayOf(addedAt) ?? addedAt.slice(0, 10), dateSource: 'added' }
}

/** YYYY-MM-DD (UTC) of a date string Date can parse, or null. */
export function dayOf(value: string): string | null {
  const ms = Date.parse(value)
  if (!Number.isFinite(ms)) return null
  const iso = new Date(ms).toISOString()
  // Years outside 0000–9999 print with a sign; they are no publication date.
  return /^\d{4}-/.test(iso) ? iso.slice(0, 10) : null
}

/** Most bars a time chart gets: days while they fit, else months, else years. */
export const MAX_TIME_BUCKETS = 62

export interface TimeBuckets {
  unit: 'day' | 'month' | 'year'
  /** Every bucket from the first date's to the last's, empty ones included, in order. */
  keys: string[]
  /** The bucket of a YYYY-MM-DD day. */
  bucketOf(day: string): string
}

/** Buckets covering `days` (YYYY-MM-DD), as fine as MAX_TIME_BUCKETS allows. */
export function timeBuckets(days: readonly string[]): TimeBuckets {
  const sorted = [...days].sort()
  const first = sorted[0] ?? '1970-01-01'
  const last = sorted[sorted.length - 1] ?? first
  const dayCount = (Date.parse(last) - Date.parse(first)) / 86_400_000 + 1
  const y0 = Number(first.slice(0, 4))
  const y1 = Number(last.slice(0, 4))
  const monthCount = (y1 - y0) * 12 + Number(last.slice(5, 7)) - Number(first.slice(5, 7)) + 1
  if (dayCount <= MAX_TIME_BUCKETS) {
    const keys: string[] = []
    for (let t = Date.parse(first); t <= Date.parse(last); t += 86_400_000) {
      keys.push(new Date(t).toISOString().slice(0, 10))
    }
    return { unit: 'day', keys, bucketOf: (day) => day }
  }
  if (monthCount <= MAX_TIME_BUCKETS) {
    const keys: string[] = []
    for (let m = 0; m < monthCount; m++) {
      const month = Number(first.slice(5, 7)) - 1 + m
      const year = y0 + Math.floor(month / 12)
      keys.push(`${String(year).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}`)
    }
    return { unit: 'month', keys, bucketOf: (day) => day.slice(0, 7) }
  }
  const keys: string[] = []
  for (let y = y0; y <= y1; y++) keys.push(String(y).padStart(4, '0'))
  return { unit: 'year', keys, bucketOf: (day) => day.slice(0, 4) }
}
