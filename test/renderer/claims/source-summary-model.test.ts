import { describe, expect, it } from 'vitest'
import type { SourceSummary } from '../../../src/shared/claims'
import {
  describeMix,
  mixSegments,
  nextSummarySort,
  sortSummaries,
} from '../../../src/renderer/src/claims/source-summary-model'

function summary(name: string, extra: Partial<SourceSummary> = {}): SourceSummary {
  return {
    entityId: `e-${name}`,
    name,
    claims: 1,
    checkability: {},
    sentiment: {},
    documents: [{ id: 'd1', title: 'One' }],
    ...extra,
  }
}

const summaries = [
  summary('Putin', { claims: 3, checkability: { factual: 1, opinion: 2 } }),
  summary('blinken', {
    claims: 3,
    checkability: { factual: 3 },
    sentiment: { negative: 1, positive: 1 },
  }),
  summary('TASS', {
    claims: 1,
    sentiment: { negative: 2 },
    documents: [
      { id: 'd1', title: 'One' },
      { id: 'd2', title: 'Two' },
    ],
  }),
]
const names = (list: SourceSummary[]) => list.map((s) => s.name)

describe('sortSummaries', () => {
  it('sorts by name ignoring case, both ways', () => {
    expect(names(sortSummaries(summaries, { column: 'name', dir: 'asc' }))).toEqual([
      'blinken',
      'Putin',
      'TASS',
    ])
    expect(names(sortSummaries(summaries, { column: 'name', dir: 'desc' }))).toEqual([
      'TASS',
      'Putin',
      'blinken',
    ])
  })

  it('sorts by claims with ties broken by name', () => {
    expect(names(sortSummaries(summaries, { column: 'claims', dir: 'desc' }))).toEqual([
      'blinken',
      'Putin',
      'TASS',
    ])
    expect(names(sortSummaries(summaries, { column: 'claims', dir: 'asc' }))).toEqual([
      'TASS',
      'blinken',
      'Putin',
    ])
  })

  it('sorts checkability by share of factual claims and sentiment by share negative', () => {
    expect(names(sortSummaries(summaries, { column: 'checkability', dir: 'desc' }))).toEqual([
      'blinken',
      'Putin',
      'TASS',
    ])
    expect(names(sortSummaries(summaries, { column: 'sentiment', dir: 'desc' }))).toEqual([
      'TASS',
      'blinken',
      'Putin',
    ])
  })

  it('sorts by number of documents and leaves its input alone', () => {
    const copy = [...summaries]
    expect(names(sortSummaries(summaries, { column: 'documents', dir: 'desc' }))[0]).toBe('TASS')
    expect(summaries).toEqual(copy)
  })
})

describe('nextSummarySort', () => {
  it('flips the sorted column; a new column starts ascending for names, descending for counts', () => {
    expect(nextSummarySort({ column: 'claims', dir: 'desc' }, 'claims')).toEqual({
      column: 'claims',
      dir: 'asc',
    })
    expect(nextSummarySort({ column: 'claims', dir: 'desc' }, 'name')).toEqual({
      column: 'name',
      dir: 'asc',
    })
    expect(nextSummarySort({ column: 'name', dir: 'asc' }, 'documents')).toEqual({
      column: 'documents',
      dir: 'desc',
    })
  })
})

describe('mixSegments', () => {
  it('orders known values the same way in every row, others next, unset last', () => {
    const segments = mixSegments({ unset: 1, negative: 2, zeal: 1, positive: 4, neutral: 0 })
    expect(segments.map((s) => s.value)).toEqual(['positive', 'negative', 'zeal', 'unset'])
    expect(segments.map((s) => s.count)).toEqual([4, 2, 1, 1])
    expect(segments.reduce((a, s) => a + s.fraction, 0)).toBeCloseTo(1)
    expect(segments[0].fraction).toBeCloseTo(0.5)
  })

  it('gives a known value one colour everywhere and distinct colours to unknown ones', () => {
    const a = mixSegments({ negative: 1 })[0].color
    const b = mixSegments({ positive: 3, negative: 1 })[1].color
    expect(a).toBe(b)
    expect(a).toBe('var(--mix-negative)')
    const others = mixSegments({ alpha: 1, beta: 1 }).map((s) => s.color)
    expect(new Set(others).size).toBe(2)
  })

  it('is empty for an empty mix', () => {
    expect(mixSegments({})).toEqual([])
    expect(describeMix({})).toBe('none')
  })

  it('describes the mix in words', () => {
    expect(describeMix({ opinion: 2, factual: 1, not_sure: 1 })).toBe(
      'factual 1, opinion 2, not sure 1',
    )
  })
})
