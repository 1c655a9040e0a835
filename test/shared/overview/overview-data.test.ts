// The Overview's charts over the hand-made project in fixture.ts. Every expected number and span
// list below is read off that file's literals (see its comment), not computed by the functions
// under test.
import { describe, expect, it } from 'vitest'
import { buildOverview, TOP_SOURCES } from '../../../src/shared/overview/overview-data'
import { dayOf, documentDate, timeBuckets } from '../../../src/shared/overview/dates'
import type {
  Bar,
  BarChartData,
  ChartId,
  OverviewData,
  StackedChartData,
} from '../../../src/shared/overview/types'
import { ENTITIES, overviewDocuments, SCHEMA } from './fixture'

function overview(): OverviewData {
  return buildOverview({ schema: SCHEMA, entities: ENTITIES, documents: overviewDocuments() })
}

function bars(data: OverviewData, id: ChartId): BarChartData {
  const chart = data.charts.find((c) => c.id === id)
  if (chart?.kind !== 'bars') throw new Error(`no bar chart ${id}`)
  return chart
}

/** A bar as "label count [doc/span …]" for readable comparisons. */
function show(data: OverviewData, bar: Bar): string {
  const spans = bar.refs.map((r) => `${data.spans[r].docId}/${data.spans[r].spanId}`).sort()
  return `${bar.label} ${bar.count} [${spans.join(' ')}]`
}

describe('buildOverview', () => {
  it('counts claims per source (entity, else source text), sources with most first, then no source', () => {
    const data = overview()
    const chart = bars(data, 'claims-by-source')
    expect(chart.bars.map((b) => show(data, b))).toEqual([
      'Officials 2 [b/c3 b/c4]',
      'Vladimir Putin 2 [a/c1 b/c3]',
      'Kim Jong Un 1 [a/c2]',
      'No source 1 [c/c5]',
    ])
    expect(chart.bars[0].filter).toEqual({ source: { entityId: null, text: 'Officials' } })
    expect(chart.bars[1].filter).toEqual({
      source: { entityId: 'e-putin', text: 'Vladimir Putin' },
    })
    expect(chart.bars[3].filter).toEqual({ noSourceOnly: true })
  })

  it('splits each source’s claims by stance, unset last', () => {
    const data = overview()
    const chart = data.charts.find((c) => c.id === 'stance-by-source') as StackedChartData
    expect(chart.categories.map((c) => c.label)).toEqual([
      'Officials',
      'Vladimir Putin',
      'Kim Jong Un',
    ])
    const table = Object.fromEntries(
      chart.series.map((s) => [
        s.label,
        s.cells.map((c) => show(data, c).replace(/^.*? (\d)/, '$1')),
      ]),
    )
    expect(Object.keys(table)).toEqual(['asserts', 'denies', 'questions', 'not set'])
    expect(table['asserts']).toEqual(['0 []', '2 [a/c1 b/c3]', '0 []'])
    expect(table['denies']).toEqual(['0 []', '0 []', '1 [a/c2]'])
    expect(table['questions']).toEqual(['1 [b/c4]', '0 []', '0 []'])
    expect(table['not set']).toEqual(['1 [b/c3]', '0 []', '0 []'])
    const unset = chart.series[3].cells[0].filter
    expect(unset).toEqual({ source: { entityId: null, text: 'Officials' }, stance: null })
  })

  it('counts attribution kinds per claim–source link, in schema order', () => {
    const data = overview()
    expect(bars(data, 'attribution-mix').bars.map((b) => show(data, b))).toEqual([
      'direct quote 2 [a/c1 b/c4]',
      'indirect 2 [a/c2 b/c3]',
      'paraphrase 1 [b/c3]',
    ])
  })

  it('counts claims by checkability with "not set" last and a filter for it', () => {
    const data = overview()
    const chart = bars(data, 'checkability')
    expect(chart.bars.map((b) => show(data, b))).toEqual([
      'factual 2 [a/c1 c/c5]',
      'opinion 1 [a/c2]',
      'prediction 1 [b/c3]',
      'not set 1 [b/c4]',
    ])
    expect(chart.bars.map((b) => b.filter?.checkability)).toEqual([
      'factual',
      'opinion',
      'prediction',
      null,
    ])
  })

  it('counts sentiment spans by polarity, and every span by layer and label', () => {
    const data = overview()
    expect(bars(data, 'sentiment-balance').bars.map((b) => show(data, b))).toEqual([
      'positive 1 [a/m1]',
      'negative 1 [b/m2]',
      'not set 1 [b/m3]',
    ])
    const labels = bars(data, 'labels-by-layer')
    expect(labels.bars.map((b) => `${b.label} ${b.count}`)).toEqual([
      'Claim 5',
      'Source 5',
      'Sentiment 3',
      'Cue 1',
    ])
    expect(labels.bars.map((b) => b.color)).toEqual(SCHEMA.layers.map((l) => l.color))
  })

  it('files documents under their published day, else the day they were added', () => {
    const data = overview()
    expect(data.documents.map((d) => `${d.id} ${d.date} ${d.dateSource}`)).toEqual([
      'a 2024-03-01 published',
      'b 2024-03-03 added',
      'c 2024-03-02 published',
    ])
    const chart = bars(data, 'claims-over-time')
    expect(chart.bars.map((b) => show(data, b))).toEqual([
      '2024-03-01 2 [a/c1 a/c2]',
      '2024-03-02 1 [c/c5]',
      '2024-03-03 2 [b/c3 b/c4]',
    ])
    expect(chart.bars.map((b) => b.filter?.documentId)).toEqual(['a', 'c', 'b'])
    expect(data.totals).toEqual({ documents: 3, claims: 5, spans: 14, sources: 3 })
  })

  it('leaves claims over time out for one document, and scopes everything to it', () => {
    const [a] = overviewDocuments()
    const data = buildOverview(
      { schema: SCHEMA, entities: ENTITIES, documents: [a] },
      { docId: 'a' },
    )
    expect(data.docId).toBe('a')
    expect(data.charts.map((c) => c.id)).not.toContain('claims-over-time')
    expect(bars(data, 'claims-by-source').bars.map((b) => `${b.label} ${b.count}`)).toEqual([
      'Kim Jong Un 1',
      'Vladimir Putin 1',
    ])
  })

  it(`shows the ${TOP_SOURCES} sources with most claims and gathers the rest`, () => {
    // One document, 25 claims ("x"), each by its own unlinked source "S01"…"S25", 7 characters apart.
    const [a] = overviewDocuments()
    const text = Array.from({ length: 25 }, (_, i) => `S${String(i + 1).padStart(2, '0')} x.`).join(
      ' ',
    )
    const file = structuredClone(a.file)
    file.document.text = text
    file.annotations.spans = []
    file.annotations.relations = []
    for (let i = 0; i < 25; i++) {
      const at = i * 7
      for (const [id, layer, start, end] of [
        [`s${i}`, 'source', at, at + 3],
        [`c${i}`, 'claim', at + 4, at + 5],
      ] as const) {
        file.annotations.spans.push({
          ...a.file.annotations.spans[0],
          id,
          layer,
          label: layer === 'claim' ? 'Claim' : 'Source',
          start,
          end,
          quote: { exact: text.slice(start, end), prefix: '', suffix: '' },
          attributes: {},
          entityId: undefined,
        })
      }
      file.annotations.relations.push({
        ...a.file.annotations.relations[0],
        id: `r${i}`,
        from: `c${i}`,
        to: `s${i}`,
        attributes: {},
      })
    }
    const data = buildOverview({ schema: SCHEMA, entities: [], documents: [{ ...a, file }] })
    const chart = bars(data, 'claims-by-source')
    expect(chart.bars).toHaveLength(TOP_SOURCES + 1)
    expect(chart.bars.slice(0, 2).map((b) => b.label)).toEqual(['S01', 'S02'])
    expect(show(data, chart.bars[TOP_SOURCES])).toBe(
      '5 other sources 5 [a/c20 a/c21 a/c22 a/c23 a/c24]',
    )
    expect(data.network.omitted.sources).toBe(0)
  })
})

describe('dates', () => {
  it('reads published dates Date can parse, as UTC days, and refuses others', () => {
    expect(dayOf('2024-06-19T23:30:00-02:00')).toBe('2024-06-20')
    expect(dayOf('June 19, 2024')).toMatch(/^2024-06-1[89]$/)
    expect(dayOf('yesterday')).toBeNull()
    expect(documentDate('not a date', '2024-01-02T03:04:05.000Z')).toEqual({
      date: '2024-01-02',
      dateSource: 'added',
    })
  })

  it('buckets by day while they fit, then by month, then by year, filling gaps', () => {
    expect(timeBuckets(['2024-01-03', '2024-01-01']).keys).toEqual([
      '2024-01-01',
      '2024-01-02',
      '2024-01-03',
    ])
    const months = timeBuckets(['2023-11-20', '2024-02-01'])
    expect(months.unit).toBe('month')
    expect(months.keys).toEqual(['2023-11', '2023-12', '2024-01', '2024-02'])
    expect(months.bucketOf('2024-01-31')).toBe('2024-01')
    const years = timeBuckets(['1990-05-01', '2024-02-01'])
    expect(years.unit).toBe('year')
    expect(years.keys).toHaveLength(35)
  })
})
