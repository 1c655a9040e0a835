// The Overview's charts computed from stored documents. Claims, their sources, attribution and
// stance come from the claims table (claims.ts: claimRows, sourceSummaries), so a chart counts
// exactly the rows the Claims and Sources views list; sentiment and label counts read the spans.
// Pure: main, the CLI's report and the tests call it with documents they loaded.
import {
  claimRows,
  frameOf,
  sourceKey,
  sourceSummaries,
  type ClaimRow,
  type SourceSummary,
} from '../claims'
import type { AnnotationSchema, DocumentFile, Entity, Span } from '../model'
import { documentDate, timeBuckets } from './dates'
import { buildNetwork, DRAWN_NETWORK, type NetworkLimits } from './network'
import { SpanIndex } from './span-index'
import type {
  Bar,
  BarChartData,
  ChartData,
  NetworkMode,
  OverviewData,
  StackedChartData,
} from './types'

/** A document of the project as the Overview reads it. */
export interface OverviewInputDocument {
  /** From the project's document index: the title and when it was added. */
  entry: { id: string; title: string; addedAt: string }
  file: DocumentFile
}

export interface OverviewInput {
  schema: AnnotationSchema
  entities: readonly Entity[]
  documents: readonly OverviewInputDocument[]
}

/** Sources shown by name in the per-source charts; the rest are one "Other sources" bar. */
export const TOP_SOURCES = 20

/** "Not set" as a key (a value no schema can have: values are non-empty). */
export const UNSET = ''
export const UNSET_LABEL = 'not set'

/** A schema value for display: "direct_quote" → "direct quote". */
export function valueLabel(value: string): string {
  return value === UNSET ? UNSET_LABEL : value.replace(/_/g, ' ')
}

export interface OverviewOptions {
  /** The one document of the "current document" scope (the caller passes only it), or null. */
  docId?: string | null
  networkMode?: NetworkMode
  /** How much of the network to keep (default: what a drawing can show; null: everything). */
  networkLimits?: NetworkLimits | null
  seed?: number
}

/**
 * The Overview of `input`'s documents: the charts (claims over time only for more than one
 * document) and the source network.
 */
export function buildOverview(input: OverviewInput, options: OverviewOptions = {}): OverviewData {
  const docId = options.docId ?? null
  const { schema, entities } = input
  const frame = frameOf(schema)
  const spans = new SpanIndex()
  const rows: ClaimRow[] = []
  const sentiments: { docId: string; span: Span }[] = []
  const allSpans: { docId: string; span: Span }[] = []
  for (const d of input.documents) spans.addDocument(d.entry.id, d.file.annotations.spans)
  const documents = input.documents.map(({ entry, file }) => {
    const docRows = claimRows(schema, file, entities)
    rows.push(...docRows)
    for (const span of file.annotations.spans) {
      allSpans.push({ docId: entry.id, span })
      if (span.layer === frame.sentimentLayer) sentiments.push({ docId: entry.id, span })
    }
    return {
      id: entry.id,
      title: entry.title,
      ...documentDate(file.document.metadata.publishedAt, entry.addedAt),
      claims: docRows.length,
      spans: file.annotations.spans.length,
    }
  })
  // Every claim's index in the span list, given in row order (the order the first chart met them).
  const refOfRow = new Map<ClaimRow, number>()
  for (const row of rows) refOfRow.set(row, spans.ref(row.documentId, row.claimId))
  const claimRef = (row: ClaimRow) => refOfRow.get(row)!
  const summaries = sourceSummaries(rows)
  const charts: ChartData[] = [
    claimsBySource(rows, summaries, claimRef),
    stanceBySource(rows, summaries, stanceValues(schema), claimRef),
    attributionMix(
      rows,
      enumValues(schema, 'relation', frame.attribution, 'attribution'),
      claimRef,
    ),
    checkability(rows, enumValues(schema, 'layer', frame.claimLayer, 'checkability'), claimRef),
    sentimentBalance(
      sentiments,
      enumValues(schema, 'layer', frame.sentimentLayer ?? '', 'polarity'),
      spans,
    ),
    labelsByLayer(schema, allSpans, spans),
  ]
  if (input.documents.length > 1) charts.push(claimsOverTime(documents, rows, claimRef))
  return {
    docId,
    documents,
    spans: spans.list,
    charts,
    totals: {
      documents: documents.length,
      claims: rows.length,
      spans: allSpans.length,
      sources: summaries.length,
    },
    stances: stanceValues(schema),
    network: buildNetwork(
      {
        rows,
        spans,
        stances: stanceValues(schema),
        claimLabel: (row) => spans.span(row.documentId, row.claimId)?.label ?? '',
        summaries,
      },
      options.networkMode ?? 'claims',
      options.networkLimits === undefined ? DRAWN_NETWORK : options.networkLimits,
      options.seed,
    ),
  }
}

/** The values of an enum attribute of a layer or relation type, in schema order ([] if none). */
export function enumValues(
  schema: AnnotationSchema,
  owner: 'layer' | 'relation',
  id: string,
  attribute: string,
): string[] {
  const defs =
    owner === 'layer'
      ? schema.layers.find((l) => l.id === id)?.attributes
      : schema.relationTypes.find((r) => r.id === id)?.attributes
  const def = defs?.find((a) => a.name === attribute)
  return def?.type === 'enum' ? [...def.values] : []
}

/** The stance values of the attribution relation, in schema order. */
export function stanceValues(schema: AnnotationSchema): string[] {
  return enumValues(schema, 'relation', frameOf(schema).attribution, 'stance')
}

type ClaimRef = (row: ClaimRow) => number

/** Counts into bars keyed by value: schema values first (in order), others by name, unset last. */
class Tally {
  readonly #bars = new Map<string, { count: number; refs: Set<number> }>()

  add(key: string, ref: number, count = 1): void {
    let bar = this.#bars.get(key)
    if (!bar) this.#bars.set(key, (bar = { count: 0, refs: new Set() }))
    bar.count += count
    bar.refs.add(ref)
  }

  /** The bars with a count, ordered as described; `filter` makes each bar's Claims filter. */
  bars(order: readonly string[], filter?: (key: string) => Bar['filter']): Bar[] {
    const keys = [...this.#bars.keys()]
    const rank = (k: string) =>
      k === UNSET ? Infinity : order.includes(k) ? order.indexOf(k) : order.length
    keys.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    return keys.map((key) => {
      const { count, refs } = this.#bars.get(key)!
      return {
        key,
        label: valueLabel(key),
        count,
        refs: [...refs].sort((a, b) => a - b),
        ...(filter ? { filter: filter(key) } : {}),
      }
    })
  }
}

const orNull = (key: string) => (key === UNSET ? null : key)

function topSources(summaries: readonly SourceSummary[]): SourceSummary[] {
  return summaries.slice(0, TOP_SOURCES)
}

function summaryKey(s: SourceSummary): string {
  return sourceKey({ entityId: s.entityId, text: s.name })
}

function claimsBySource(
  rows: readonly ClaimRow[],
  summaries: readonly SourceSummary[],
  claimRef: ClaimRef,
): BarChartData {
  const refs = new Map<string, number[]>()
  const unsourced: number[] = []
  for (const row of rows) {
    if (row.sources.length === 0) unsourced.push(claimRef(row))
    for (const key of new Set(row.sources.map(sourceKey))) {
      const list = refs.get(key) ?? []
      list.push(claimRef(row))
      refs.set(key, list)
    }
  }
  const top = topSources(summaries)
  const bars: Bar[] = top.map((s) => ({
    key: summaryKey(s),
    label: s.name,
    count: s.claims,
    refs: refs.get(summaryKey(s)) ?? [],
    filter: { source: { entityId: s.entityId, text: s.name } },
  }))
  const rest = summaries.slice(top.length)
  if (rest.length > 0) {
    const others = new Set(rest.flatMap((s) => refs.get(summaryKey(s)) ?? []))
    bars.push({
      key: 'other-sources',
      label: `${rest.length} other sources`,
      count: others.size,
      refs: [...others].sort((a, b) => a - b),
    })
  }
  if (unsourced.length > 0) {
    bars.push({
      key: 'no-source',
      label: 'No source',
      count: unsourced.length,
      refs: unsourced,
      filter: { noSourceOnly: true },
    })
  }
  return {
    kind: 'bars',
    id: 'claims-by-source',
    title: 'Claims per source',
    unit: 'claims',
    description:
      'Claims attributed to each source (entity, or the source text when it has none); a claim ' +
      'with two sources counts for each.',
    bars,
    colorBy: 'single',
  }
}

function stanceBySource(
  rows: readonly ClaimRow[],
  summaries: readonly SourceSummary[],
  stances: readonly string[],
  claimRef: ClaimRef,
): StackedChartData {
  const top = topSources(summaries)
  const index = new Map(top.map((s, i) => [summaryKey(s), i]))
  const cells = new Map<string, Tally>() // stance → tally over source keys
  for (const row of rows) {
    const seen = new Set<string>()
    for (const src of row.sources) {
      const key = sourceKey(src)
      const stance = src.stance ?? UNSET
      if (!index.has(key) || seen.has(`${key}\n${stance}`)) continue
      seen.add(`${key}\n${stance}`)
      let tally = cells.get(stance)
      if (!tally) cells.set(stance, (tally = new Tally()))
      tally.add(key, claimRef(row))
    }
  }
  const order = [...cells.keys()].sort((a, b) => rankOf(stances, a) - rankOf(stances, b))
  return {
    kind: 'stacked',
    id: 'stance-by-source',
    title: 'Stance by source',
    unit: 'claims',
    description:
      'For each source, its claims by the stance it takes (asserts, denies, questions, reports).',
    categories: top.map((s) => ({ key: summaryKey(s), label: s.name })),
    series: order.map((stance) => {
      const bars = new Map(
        cells
          .get(stance)!
          .bars([])
          .map((b) => [b.key, b]),
      )
      return {
        key: stance,
        label: valueLabel(stance),
        cells: top.map((s) => {
          const key = summaryKey(s)
          const bar = bars.get(key)
          return {
            key,
            label: s.name,
            count: bar?.count ?? 0,
            refs: bar?.refs ?? [],
            filter: { source: { entityId: s.entityId, text: s.name }, stance: orNull(stance) },
          }
        }),
      }
    }),
  }
}

function rankOf(order: readonly string[], key: string): number {
  if (key === UNSET) return Number.MAX_SAFE_INTEGER
  const i = order.indexOf(key)
  return i === -1 ? order.length : i
}

function attributionMix(
  rows: readonly ClaimRow[],
  kinds: readonly string[],
  claimRef: ClaimRef,
): BarChartData {
  const tally = new Tally()
  for (const row of rows) {
    for (const src of row.sources) tally.add(src.attribution ?? UNSET, claimRef(row))
  }
  return {
    kind: 'bars',
    id: 'attribution-mix',
    title: 'Attribution kinds',
    unit: 'attributions',
    description:
      'How claims are attributed to their sources: direct quotes, indirect speech, paraphrase, ' +
      'unattributed assertion (one count per claim–source link).',
    bars: tally.bars(kinds, (key) => ({ attribution: orNull(key) })),
    colorBy: 'value',
  }
}

function checkability(
  rows: readonly ClaimRow[],
  values: readonly string[],
  claimRef: ClaimRef,
): BarChartData {
  const tally = new Tally()
  for (const row of rows) tally.add(row.checkability ?? UNSET, claimRef(row))
  return {
    kind: 'bars',
    id: 'checkability',
    title: 'Checkability',
    unit: 'claims',
    description:
      'Claims by checkability: factual claims can be checked, opinions and predictions not.',
    bars: tally.bars(values, (key) => ({ checkability: orNull(key) })),
    colorBy: 'value',
  }
}

function sentimentBalance(
  sentiments: readonly { docId: string; span: Span }[],
  polarities: readonly string[],
  spans: SpanIndex,
): BarChartData {
  const tally = new Tally()
  for (const { docId, span } of sentiments) {
    const polarity = span.attributes.polarity
    const key = typeof polarity === 'string' && polarity !== '' ? polarity : UNSET
    tally.add(key, spans.ref(docId, span.id))
  }
  return {
    kind: 'bars',
    id: 'sentiment-balance',
    title: 'Sentiment balance',
    unit: 'sentiment spans',
    description: 'Sentiment spans by polarity: how positive or negative the wording is.',
    bars: tally.bars(polarities),
    colorBy: 'value',
  }
}

function labelsByLayer(
  schema: AnnotationSchema,
  all: readonly { docId: string; span: Span }[],
  spans: SpanIndex,
): BarChartData {
  const tally = new Tally()
  const key = (layer: string, label: string) => `${layer}\n${label}`
  for (const { docId, span } of all)
    tally.add(key(span.layer, span.label), spans.ref(docId, span.id))
  const order = schema.layers.flatMap((l) => l.labels.map((label) => key(l.id, label.name)))
  const layers = new Map(schema.layers.map((l) => [l.id, l]))
  return {
    kind: 'bars',
    id: 'labels-by-layer',
    title: 'Labels by layer',
    unit: 'spans',
    description: 'Spans of each label, grouped by layer, in the colour of the layer.',
    bars: tally.bars(order).map((bar) => {
      const [layerId, label] = bar.key.split('\n')
      const layer = layers.get(layerId)
      const name = layer?.name ?? layerId
      return {
        ...bar,
        label: label === name ? name : `${name}: ${label}`,
        color: layer?.labels.find((l) => l.name === label)?.color ?? layer?.color,
      }
    }),
    colorBy: 'layer',
  }
}

function claimsOverTime(
  documents: readonly { id: string; date: string }[],
  rows: readonly ClaimRow[],
  claimRef: ClaimRef,
): BarChartData {
  const buckets = timeBuckets(documents.map((d) => d.date))
  const bucketOfDoc = new Map(documents.map((d) => [d.id, buckets.bucketOf(d.date)]))
  const refs = new Map<string, number[]>()
  for (const row of rows) {
    const bucket = bucketOfDoc.get(row.documentId)!
    const list = refs.get(bucket) ?? []
    list.push(claimRef(row))
    refs.set(bucket, list)
  }
  const docsIn = new Map<string, string[]>()
  for (const d of documents) {
    const bucket = bucketOfDoc.get(d.id)!
    const ids = docsIn.get(bucket)
    if (ids) ids.push(d.id)
    else docsIn.set(bucket, [d.id])
  }
  return {
    kind: 'bars',
    id: 'claims-over-time',
    title: 'Claims over time',
    unit: 'claims',
    description:
      `Claims of the documents of each ${buckets.unit}, by the document's published date ` +
      '(where its metadata has one) or the day it was added.',
    bars: buckets.keys.map((bucket) => {
      const ids = docsIn.get(bucket) ?? []
      const list = refs.get(bucket) ?? []
      return {
        key: bucket,
        label: bucket,
        count: list.length,
        refs: list,
        ...(ids.length === 1 ? { filter: { documentId: ids[0] } } : {}),
      }
    }),
    colorBy: 'single',
  }
}
