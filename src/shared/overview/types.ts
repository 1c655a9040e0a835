// The Overview's data: what each chart counts, with the spans behind every bar, so a click in the
// app and a number in the report point at the same spans. Computed in main (or the CLI) from the
// stored documents by pure functions (overview-data.ts, network.ts) and drawn by one chart
// specification (chart-options.ts) in the renderer and, as SVG, in the report.

/** One span a chart counts: where it is and its text, for the list of spans behind a bar. */
export interface OverviewSpan {
  docId: string
  spanId: string
  layer: string
  /** The span's quote, shortened to 300 characters. */
  text: string
}

/** A document of the scope, with the date the charts file it under. */
export interface OverviewDocument {
  id: string
  title: string
  /** Day (YYYY-MM-DD, UTC) of the document: its published date when known, else when added. */
  date: string
  dateSource: 'published' | 'added'
  claims: number
  spans: number
}

/**
 * What a bar means in the Claims view's filters, when it is a set of claims the table can show:
 * a value, or null for "not set". The renderer turns it into its table filter.
 */
export interface ClaimsFilterHint {
  checkability?: string | null
  attribution?: string | null
  stance?: string | null
  /** A source: its entity, or (no entity) its text. */
  source?: { entityId: string | null; text: string }
  documentId?: string
  noSourceOnly?: boolean
}

/** One bar (or one segment of a stacked bar). */
export interface Bar {
  key: string
  label: string
  count: number
  /** Indexes into `OverviewData.spans`: the spans this bar counts (claims, or the spans named). */
  refs: number[]
  filter?: ClaimsFilterHint
  /** A colour of the project's schema (a layer's or label's), for bars coloured by layer. */
  color?: string
}

/** The charts of the Overview, in the order they are shown. */
export const CHART_IDS = [
  'claims-by-source',
  'stance-by-source',
  'attribution-mix',
  'checkability',
  'sentiment-balance',
  'labels-by-layer',
  'claims-over-time',
] as const
export type ChartId = (typeof CHART_IDS)[number]

interface ChartBase {
  id: ChartId
  title: string
  /** What the bars count, plural ("claims", "attributions", "sentiment spans"). */
  unit: string
  /** One sentence on what the chart shows, for its caption and the SVG's description. */
  description: string
}

/** Bars, one per category (drawn horizontally). */
export interface BarChartData extends ChartBase {
  kind: 'bars'
  bars: Bar[]
  /** Colour of each bar by its key (values with fixed colours), or one colour for all. */
  colorBy: 'value' | 'single' | 'layer'
}

/** Bars per category, each split into segments by a second value (stance, label…). */
export interface StackedChartData extends ChartBase {
  kind: 'stacked'
  categories: { key: string; label: string }[]
  /** One series per value; `cells[i]` is the segment of `categories[i]`. */
  series: { key: string; label: string; cells: Bar[] }[]
}

export type ChartData = BarChartData | StackedChartData

/** The source network: sources and what they claim, edges coloured by stance. */
export type NetworkMode = 'claims' | 'labels'

export interface NetworkNode {
  id: string
  kind: 'source' | 'claim' | 'label'
  label: string
  /** Claims (for a source or label) or the claim itself; indexes into `OverviewData.spans`. */
  refs: number[]
  /** Entity of a source node, when it has one. */
  entityId?: string
  /** Document of a claim node. */
  docId?: string
  x: number
  y: number
}

export interface NetworkEdge {
  id: string
  /** A source node. */
  source: string
  /** A claim or label node. */
  target: string
  /** Number of attributions the edge stands for. */
  weight: number
  /** The stance most of them take (ties: the first in the schema's order); null when unset. */
  stance: string | null
  /** Attributions by stance ("" for not set). */
  stances: Record<string, number>
  refs: number[]
}

export interface NetworkData {
  mode: NetworkMode
  nodes: NetworkNode[]
  edges: NetworkEdge[]
  /** The seed of the layout's starting positions (same seed, same picture). */
  seed: number
  /** Sources and claims left out of the drawing to keep it readable (all are in the exports). */
  omitted: { sources: number; targets: number }
}

/** Everything the Overview shows for a scope (the project, or one document). */
export interface OverviewData {
  docId: string | null
  documents: OverviewDocument[]
  spans: OverviewSpan[]
  charts: ChartData[]
  totals: { documents: number; claims: number; spans: number; sources: number }
  /** The schema's stance values in order (edge colours and the network legend). */
  stances: string[]
  network: NetworkData
}
