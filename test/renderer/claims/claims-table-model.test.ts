import { describe, expect, it } from 'vitest'
import type { ClaimRow, ClaimSource } from '../../../src/shared/claims'
import {
  EMPTY_FILTER,
  NONE,
  columnValues,
  entityKey,
  filterClaims,
  filterOptions,
  isEmptyFilter,
  nextSort,
  sortClaims,
  valueLabel,
  type ClaimFilter,
} from '../../../src/renderer/src/claims/claims-table-model'

function source(text: string, extra: Partial<ClaimSource> = {}): ClaimSource {
  return {
    spanId: `s-${text}`,
    text,
    entityId: null,
    entityName: null,
    relationId: `r-${text}`,
    attribution: null,
    stance: null,
    ...extra,
  }
}

function row(claimId: string, claimText: string, extra: Partial<ClaimRow> = {}): ClaimRow {
  return {
    documentId: 'doc-a',
    documentTitle: 'Alpha',
    claimId,
    claimText,
    start: 0,
    end: claimText.length,
    checkability: null,
    sources: [],
    cues: [],
    sentiments: [],
    ...extra,
  }
}

const putin = source('Putin', {
  entityId: 'e-putin',
  entityName: 'Vladimir Putin',
  attribution: 'direct_quote',
  stance: 'asserts',
})
const officials = source('U.S. officials', { attribution: 'paraphrase', stance: 'asserts' })
const moscow = source('Moscow', { attribution: 'paraphrase', stance: 'denies' })

const rows: ClaimRow[] = [
  row('c1', 'The treaty includes mutual assistance', {
    checkability: 'factual',
    sources: [putin],
    cues: [{ spanId: 'cue1', text: 'said' }],
  }),
  row('c2', 'Arms were transferred', {
    checkability: 'factual',
    sources: [officials, moscow],
    cues: [{ spanId: 'cue2', text: 'accuse' }],
    documentId: 'doc-b',
    documentTitle: 'Beta',
  }),
  row('c3', 'Friendship is closer than ever', {
    checkability: 'opinion',
    sentiments: [{ spanId: 'se1', text: 'closer', polarity: 'positive' }],
  }),
  row('c4', 'Élan of the café summit', { sources: [source('Kim', { stance: 'questions' })] }),
]

const filter = (patch: Partial<ClaimFilter>) =>
  filterClaims(rows, { ...EMPTY_FILTER, ...patch }).map((r) => r.claimId)

describe('sortClaims', () => {
  it('keeps reading order without a sort, in a new array', () => {
    const out = sortClaims(rows, null)
    expect(out).not.toBe(rows)
    expect(out.map((r) => r.claimId)).toEqual(['c1', 'c2', 'c3', 'c4'])
  })

  it('sorts a column both ways, ignoring case and accents', () => {
    const asc = sortClaims(rows, { column: 'claim', dir: 'asc' }).map((r) => r.claimId)
    expect(asc).toEqual(['c2', 'c4', 'c3', 'c1'])
    const desc = sortClaims(rows, { column: 'claim', dir: 'desc' }).map((r) => r.claimId)
    expect(desc).toEqual(['c1', 'c3', 'c4', 'c2'])
  })

  it('puts rows without a value last in both directions', () => {
    const asc = sortClaims(rows, { column: 'checkability', dir: 'asc' }).map((r) => r.claimId)
    expect(asc).toEqual(['c1', 'c2', 'c3', 'c4'])
    const desc = sortClaims(rows, { column: 'checkability', dir: 'desc' }).map((r) => r.claimId)
    expect(desc).toEqual(['c3', 'c1', 'c2', 'c4'])
    const byEntity = sortClaims(rows, { column: 'entity', dir: 'desc' }).map((r) => r.claimId)
    expect(byEntity[0]).toBe('c1')
  })

  it('is stable: equal keys keep their order', () => {
    const out = sortClaims(rows, { column: 'document', dir: 'asc' }).map((r) => r.claimId)
    expect(out).toEqual(['c1', 'c3', 'c4', 'c2'])
  })

  it('keeps reading order among keys that differ only in case, both ways', () => {
    const same = [row('x', 'putin says'), row('y', 'Putin says'), row('z', 'A claim')]
    const asc = sortClaims(same, { column: 'claim', dir: 'asc' }).map((r) => r.claimId)
    expect(asc).toEqual(['z', 'x', 'y'])
    const desc = sortClaims(same, { column: 'claim', dir: 'desc' }).map((r) => r.claimId)
    expect(desc).toEqual(['x', 'y', 'z'])
  })

  it('compares numbers inside text as numbers', () => {
    const numbered = [row('a', 'claim 10'), row('b', 'claim 9'), row('c', 'claim 100')]
    const out = sortClaims(numbered, { column: 'claim', dir: 'asc' }).map((r) => r.claimId)
    expect(out).toEqual(['b', 'a', 'c'])
  })

  it('sorts a multi-source row by its sources in order', () => {
    expect(columnValues(rows[1], 'source')).toEqual(['U.S. officials', 'Moscow'])
    expect(columnValues(rows[1], 'stance')).toEqual(['asserts', 'denies'])
    const out = sortClaims(rows, { column: 'stance', dir: 'asc' }).map((r) => r.claimId)
    expect(out).toEqual(['c1', 'c2', 'c4', 'c3'])
  })
})

describe('filterClaims', () => {
  it('shows every row with the empty filter', () => {
    expect(filter({})).toEqual(['c1', 'c2', 'c3', 'c4'])
    expect(isEmptyFilter(EMPTY_FILTER)).toBe(true)
    expect(isEmptyFilter({ ...EMPTY_FILTER, text: '  ' })).toBe(true)
    expect(isEmptyFilter({ ...EMPTY_FILTER, noSourceOnly: true })).toBe(false)
  })

  it('filters by checkability, and by its absence', () => {
    expect(filter({ checkability: 'factual' })).toEqual(['c1', 'c2'])
    expect(filter({ checkability: NONE })).toEqual(['c4'])
  })

  it('matches a multi-source claim when any source has the attribution or stance', () => {
    expect(filter({ attribution: 'paraphrase' })).toEqual(['c2'])
    expect(filter({ stance: 'denies' })).toEqual(['c2'])
    expect(filter({ stance: 'asserts' })).toEqual(['c1', 'c2'])
    expect(filter({ attribution: NONE })).toEqual(['c3', 'c4'])
  })

  it('filters by entity, unlinked source text, or no entity at all', () => {
    expect(filter({ entity: 'e-putin' })).toEqual(['c1'])
    expect(filter({ entity: entityKey(moscow) })).toEqual(['c2'])
    expect(filter({ entity: NONE })).toEqual(['c2', 'c3', 'c4'])
  })

  it('filters by document and to claims without a source', () => {
    expect(filter({ document: 'doc-b' })).toEqual(['c2'])
    expect(filter({ noSourceOnly: true })).toEqual(['c3'])
  })

  it('searches claim, source, entity name and cue; all words, any case or accent', () => {
    expect(filter({ text: 'mutual' })).toEqual(['c1'])
    expect(filter({ text: 'MOSCOW' })).toEqual(['c2'])
    expect(filter({ text: 'vladimir' })).toEqual(['c1'])
    expect(filter({ text: 'accuse' })).toEqual(['c2'])
    expect(filter({ text: 'cafe elan' })).toEqual(['c4'])
    expect(filter({ text: 'arms putin' })).toEqual([])
  })

  it('combines filters', () => {
    expect(filter({ checkability: 'factual', text: 'arms' })).toEqual(['c2'])
    expect(filter({ checkability: 'opinion', noSourceOnly: false, stance: 'asserts' })).toEqual([])
  })
})

describe('filterOptions', () => {
  const options = filterOptions(rows)

  it('lists the values rows have, sorted, with counts and a "none" option last', () => {
    expect(options.checkability).toEqual([
      { value: 'factual', label: 'factual', count: 2 },
      { value: 'opinion', label: 'opinion', count: 1 },
      { value: NONE, label: '(not set)', count: 1 },
    ])
    expect(options.attribution).toEqual([
      { value: 'direct_quote', label: 'direct quote', count: 1 },
      { value: 'paraphrase', label: 'paraphrase', count: 1 },
      { value: NONE, label: '(not set)', count: 2 },
    ])
  })

  it('names entities, marks unlinked sources, and counts rows with no entity', () => {
    expect(options.entity.map((o) => o.label)).toEqual([
      'Kim (unlinked)',
      'Moscow (unlinked)',
      'U.S. officials (unlinked)',
      'Vladimir Putin',
      '(no entity)',
    ])
    expect(options.entity.find((o) => o.value === NONE)?.count).toBe(3)
    // Every option finds exactly the rows it counts.
    for (const o of options.entity) expect(filter({ entity: o.value })).toHaveLength(o.count)
    for (const o of options.stance) expect(filter({ stance: o.value })).toHaveLength(o.count)
  })

  it('lists documents by title with no "none" option', () => {
    expect(options.document).toEqual([
      { value: 'doc-a', label: 'Alpha', count: 3 },
      { value: 'doc-b', label: 'Beta', count: 1 },
    ])
  })

  it('omits the "none" option when every row has a value', () => {
    const all = filterOptions([rows[0], rows[1]])
    expect(all.checkability.map((o) => o.value)).toEqual(['factual'])
  })
})

describe('nextSort and valueLabel', () => {
  it('cycles ascending, descending, reading order; another column starts ascending', () => {
    const a = nextSort(null, 'claim')
    expect(a).toEqual({ column: 'claim', dir: 'asc' })
    const b = nextSort(a, 'claim')
    expect(b).toEqual({ column: 'claim', dir: 'desc' })
    expect(nextSort(b, 'claim')).toBeNull()
    expect(nextSort(b, 'stance')).toEqual({ column: 'stance', dir: 'asc' })
  })

  it('shows underscores as spaces', () => {
    expect(valueLabel('unattributed_assertion')).toBe('unattributed assertion')
  })
})
