// Sorting, filtering and searching the claims table, apart from React so the rules are tested in
// Node and cheap enough to rerun on every keystroke over thousands of rows. A claim may have several
// sources (and so several entities, attributions and stances): a filter matches a row when any of
// them matches, and a column sorts by the row's values joined in source order.
import type { ClaimRow } from '../../../shared/claims'
import type { SortDirection } from '../common/sort-header'

/** The table's columns, in display order. */
export const CLAIM_COLUMNS = [
  'claim',
  'source',
  'entity',
  'cue',
  'attribution',
  'stance',
  'sentiment',
  'checkability',
  'document',
] as const
/** The column a table of every analyst's claims shows first: whose annotations the row is. */
export const ANALYST_COLUMN = 'analyst'
export type ClaimColumn = (typeof CLAIM_COLUMNS)[number] | typeof ANALYST_COLUMN

/** The columns shown: the analyst's first when the rows come from several analysts. */
export function claimColumns(byAnalyst: boolean): readonly ClaimColumn[] {
  return byAnalyst ? [ANALYST_COLUMN, ...CLAIM_COLUMNS] : CLAIM_COLUMNS
}

/** Column headings. */
export const CLAIM_COLUMN_NAMES: Record<ClaimColumn, string> = {
  analyst: 'Analyst',
  claim: 'Claim',
  source: 'Source',
  entity: 'Entity',
  cue: 'Cue',
  attribution: 'Attribution',
  stance: 'Stance',
  sentiment: 'Sentiment',
  checkability: 'Checkability',
  document: 'Document',
}

/** The sorted column and direction, or null for reading order (document, then position). */
export type ClaimSort = { column: ClaimColumn; dir: SortDirection } | null

/**
 * A filter select's value meaning "rows with no value here" (no entity, unset checkability…): a
 * character no schema value is expected to be on its own, and safe in an <option value>.
 */
export const NONE = '\u2205'

/** What the user narrows the table by. A null select means "any". */
export interface ClaimFilter {
  checkability: string | null
  attribution: string | null
  stance: string | null
  /** An entity id, a source text of an unlinked source (`unlinked:` prefix), or NONE. */
  entity: string | null
  document: string | null
  /** Only claims attributed to no source. */
  noSourceOnly: boolean
  /** Words that must all occur in the claim, a source, an entity name or a cue. */
  text: string
}

/** The filter that shows every row. */
export const EMPTY_FILTER: ClaimFilter = {
  checkability: null,
  attribution: null,
  stance: null,
  entity: null,
  document: null,
  noSourceOnly: false,
  text: '',
}

/** True when the filter hides nothing. */
export function isEmptyFilter(filter: ClaimFilter): boolean {
  return (
    filter.checkability === null &&
    filter.attribution === null &&
    filter.stance === null &&
    filter.entity === null &&
    filter.document === null &&
    !filter.noSourceOnly &&
    filter.text.trim() === ''
  )
}

/** The entity filter's key of one source: its entity id, else its text (case-folded). */
export function entityKey(source: { entityId: string | null; text: string }): string {
  return source.entityId ?? `unlinked:${source.text.toLowerCase()}`
}

/** A row's values in one column, in source order (empty strings for missing values dropped). */
export function columnValues(row: ClaimRow, column: ClaimColumn): string[] {
  const present = (values: (string | null)[]) => values.filter((v): v is string => !!v)
  switch (column) {
    case 'analyst':
      return present([row.analyst ?? null])
    case 'claim':
      return [row.claimText]
    case 'source':
      return row.sources.map((s) => s.text)
    case 'entity':
      return present(row.sources.map((s) => s.entityName))
    case 'cue':
      return row.cues.map((c) => c.text)
    case 'attribution':
      return present(row.sources.map((s) => s.attribution))
    case 'stance':
      return present(row.sources.map((s) => s.stance))
    case 'sentiment':
      return present(row.sentiments.map((s) => s.polarity))
    case 'checkability':
      return present([row.checkability])
    case 'document':
      return [row.documentTitle || row.documentId]
  }
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/**
 * The rows sorted by `sort` (a new array; stable, so equal keys keep reading order). Rows with no
 * value in the column come last in both directions: an empty cell is never what one sorts to see.
 * The collator (slow next to `<`) ranks only the distinct keys; rows are then ordered by rank, so a
 * column with few values (stance, entity) sorts thousands of rows in a few milliseconds.
 */
export function sortClaims(rows: readonly ClaimRow[], sort: ClaimSort): ClaimRow[] {
  if (!sort) return [...rows]
  const keys = rows.map((r) => columnValues(r, sort.column).join('; '))
  const distinct = [...new Set(keys)].filter(Boolean).sort(collator.compare)
  const rank = new Map<string, number>()
  distinct.forEach((key, i) => {
    // Keys the collator calls equal ("Putin", "putin") share a rank, so they keep reading order.
    const prev = distinct[i - 1]
    rank.set(key, i > 0 && collator.compare(prev, key) === 0 ? rank.get(prev)! : i)
  })
  const sign = sort.dir === 'asc' ? 1 : -1
  const order = rows.map((_, i) => i)
  order.sort((a, b) => {
    const ra = rank.get(keys[a])
    const rb = rank.get(keys[b])
    if (ra === undefined || rb === undefined) {
      if (ra !== rb) return ra === undefined ? 1 : -1
    } else if (ra !== rb) return sign * (ra - rb)
    return a - b
  })
  return order.map((i) => rows[i])
}

/** Lower-cased, without accents, so "Zelenskyy" finds "Zelenskýy" and "PUTIN" finds "Putin". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

// Folding is the costly part of a search (Unicode normalisation), so each row's text is folded once
// and kept for as long as the row object lives; a reload brings new rows and so new entries.
const folded = new WeakMap<ClaimRow, string>()

/** The text a search looks in: claim, sources, entity names and cues (folded, cached). */
function searchText(row: ClaimRow): string {
  let text = folded.get(row)
  if (text === undefined) {
    text = fold(
      [
        row.claimText,
        ...row.sources.map((s) => `${s.text}\n${s.entityName ?? ''}`),
        ...row.cues.map((c) => c.text),
      ].join('\n'),
    )
    folded.set(row, text)
  }
  return text
}

/** Whether `values` satisfies a select: any value, an equal one, or none at all for NONE. */
function matches(selected: string | null, values: readonly (string | null)[]): boolean {
  if (selected === null) return true
  if (selected === NONE) return values.length === 0 || values.some((v) => !v)
  return values.includes(selected)
}

/** The rows that pass the filter, in the order given. */
export function filterClaims(rows: readonly ClaimRow[], filter: ClaimFilter): ClaimRow[] {
  const words = fold(filter.text).split(/\s+/).filter(Boolean)
  return rows.filter((row) => {
    if (filter.noSourceOnly && row.sources.length > 0) return false
    if (!matches(filter.checkability, [row.checkability])) return false
    if (!matches(filter.document, [row.documentId])) return false
    const sources = row.sources
    if (
      !matches(
        filter.attribution,
        sources.map((s) => s.attribution),
      )
    )
      return false
    if (
      !matches(
        filter.stance,
        sources.map((s) => s.stance),
      )
    )
      return false
    // NONE: a source linked to no entity, or no source at all.
    if (filter.entity === NONE) {
      if (
        !matches(
          NONE,
          sources.map((s) => s.entityId),
        )
      )
        return false
    } else if (filter.entity !== null && !sources.some((s) => entityKey(s) === filter.entity)) {
      return false
    }
    if (words.length > 0) {
      const haystack = searchText(row)
      if (!words.every((w) => haystack.includes(w))) return false
    }
    return true
  })
}

/** One option of a filter select. */
export interface FilterOption {
  value: string
  label: string
  count: number
}

/** The options of each filter select, from the values the rows actually have (with counts). */
export interface FilterOptions {
  checkability: FilterOption[]
  attribution: FilterOption[]
  stance: FilterOption[]
  entity: FilterOption[]
  document: FilterOption[]
}

/**
 * Each select's options: the distinct values of the rows, sorted by label, each with the number of
 * rows having it, then a "none" option when some rows lack a value. Values are shown as written in
 * the schema with underscores as spaces ("direct_quote" → "direct quote").
 */
export function filterOptions(rows: readonly ClaimRow[]): FilterOptions {
  const tally = () => new Map<string, { label: string; count: number }>()
  const t = {
    checkability: tally(),
    attribution: tally(),
    stance: tally(),
    entity: tally(),
    document: tally(),
  }
  const none = { checkability: 0, attribution: 0, stance: 0, entity: 0 }
  const add = (
    map: Map<string, { label: string; count: number }>,
    value: string,
    label: string,
  ) => {
    const entry = map.get(value)
    if (entry) entry.count++
    else map.set(value, { label, count: 1 })
  }
  for (const row of rows) {
    if (row.checkability) add(t.checkability, row.checkability, valueLabel(row.checkability))
    else none.checkability++
    add(t.document, row.documentId, row.documentTitle || row.documentId)
    const attributions = new Set<string>()
    const stances = new Set<string>()
    const entities = new Map<string, string>()
    const noSource = row.sources.length === 0
    let lacksAttribution = noSource
    let lacksStance = noSource
    let lacksEntity = noSource
    for (const s of row.sources) {
      if (s.attribution) attributions.add(s.attribution)
      else lacksAttribution = true
      if (s.stance) stances.add(s.stance)
      else lacksStance = true
      if (s.entityId) entities.set(s.entityId, s.entityName ?? s.entityId)
      else {
        entities.set(entityKey(s), `${s.text} (unlinked)`)
        lacksEntity = true
      }
    }
    for (const a of attributions) add(t.attribution, a, valueLabel(a))
    for (const s of stances) add(t.stance, s, valueLabel(s))
    for (const [key, label] of entities) add(t.entity, key, label)
    if (lacksAttribution) none.attribution++
    if (lacksStance) none.stance++
    if (lacksEntity) none.entity++
  }
  const options = (
    map: Map<string, { label: string; count: number }>,
    noneCount: number,
    noneLabel: string,
  ): FilterOption[] => {
    const list = [...map]
      .map(([value, { label, count }]) => ({ value, label, count }))
      .sort((a, b) => collator.compare(a.label, b.label))
    if (noneCount > 0) list.push({ value: NONE, label: noneLabel, count: noneCount })
    return list
  }
  return {
    checkability: options(t.checkability, none.checkability, '(not set)'),
    attribution: options(t.attribution, none.attribution, '(not set)'),
    stance: options(t.stance, none.stance, '(not set)'),
    entity: options(t.entity, none.entity, '(no entity)'),
    document: options(t.document, 0, ''),
  }
}

/** A schema value for display: "direct_quote" → "direct quote". */
export function valueLabel(value: string): string {
  return value.replace(/_/g, ' ')
}

/** The next sort after clicking a column's header: ascending, descending, then reading order. */
export function nextSort(current: ClaimSort, column: ClaimColumn): ClaimSort {
  if (!current || current.column !== column) return { column, dir: 'asc' }
  if (current.dir === 'asc') return { column, dir: 'desc' }
  return null
}
