// The source network, the discourse-network view DNA made common for policy debates: sources on
// one side, what they claim on the other (each claim, or each claim label as a topic), an edge
// for each source–claim attribution coloured by the stance the source takes. Built from the claims
// table's rows (claims.ts), laid out with ForceAtlas2 (Gephi's layout, through graphology) from
// seeded starting positions, so the same project always gives the same picture.
import Graph from 'graphology'
import forceAtlas2 from 'graphology-layout-forceatlas2'
import { sourceKey, sourceSummaries, type ClaimRow, type SourceSummary } from '../claims'
import type { SpanIndex } from './span-index'
import type { NetworkData, NetworkEdge, NetworkMode, NetworkNode } from './types'
import { seededRandom } from '../seeded-random'

/** What the drawing keeps readable; the exports take everything (`limits: null`). */
export interface NetworkLimits {
  sources: number
  targets: number
}
export const DRAWN_NETWORK: NetworkLimits = { sources: 40, targets: 400 }

/** The default seed of the layout's starting positions. */
export const NETWORK_SEED = 1

/** Longest node label; the whole claim is a click away. */
const MAX_LABEL = 60

export interface NetworkInput {
  rows: readonly ClaimRow[]
  spans: SpanIndex
  /** The stance values in schema order (ties between stances go to the earlier). */
  stances: readonly string[]
  /** The label of a claim span (for the "labels" mode). */
  claimLabel: (row: ClaimRow) => string
  /** `sourceSummaries(rows)`, when the caller has it already (else it is computed). */
  summaries?: readonly SourceSummary[]
}

/**
 * The network of `input` in `mode`, the sources with most claims first; `limits` caps how many
 * sources and claims (or labels) it keeps, counting the rest in `omitted`.
 */
export function buildNetwork(
  input: NetworkInput,
  mode: NetworkMode,
  limits: NetworkLimits | null = DRAWN_NETWORK,
  seed = NETWORK_SEED,
): NetworkData {
  const { rows, spans } = input
  const summaries = input.summaries ?? sourceSummaries(rows)
  const kept = limits ? summaries.slice(0, limits.sources) : summaries
  const sourceIds = new Map(
    kept.map((s) => [sourceKey({ entityId: s.entityId, text: s.name }), s] as const),
  )
  const nodes = new Map<string, NetworkNode>()
  const edges = new Map<string, EdgeTally>()
  const targetsSeen = new Set<string>()
  let omittedTargets = 0
  for (const row of rows) {
    const claim = spans.ref(row.documentId, row.claimId)
    const keys = row.sources.map(sourceKey).filter((k) => sourceIds.has(k))
    if (keys.length === 0) continue
    const target = targetNode(mode, row, claim, input.claimLabel)
    if (!nodes.has(target.id)) {
      if (!targetsSeen.has(target.id) && limits && targetsSeen.size >= limits.targets) {
        omittedTargets++
        continue
      }
      targetsSeen.add(target.id)
      nodes.set(target.id, target)
    } else if (mode === 'labels') nodes.get(target.id)!.refs.push(claim)
    const linked = new Set<string>()
    for (const src of row.sources) {
      const key = sourceKey(src)
      const summary = sourceIds.get(key)
      if (!summary) continue
      const id = `s:${key}`
      const source = sourceNode(nodes, id, summary)
      if (!linked.has(id)) source.refs.push(claim)
      linked.add(id)
      addToEdge(edges, id, target.id, src.stance ?? '', claim)
    }
  }
  for (const { edge } of edges.values()) edge.stance = dominantStance(edge.stances, input.stances)
  const network: NetworkData = {
    mode,
    nodes: [...nodes.values()],
    edges: Array.from(edges.values(), (e) => e.edge),
    seed,
    omitted: {
      sources: summaries.length - kept.length,
      targets: omittedTargets,
    },
  }
  layoutNetwork(network)
  return network
}

/** The node of a source, made on first use. */
function sourceNode(
  nodes: Map<string, NetworkNode>,
  id: string,
  summary: { name: string; entityId?: string | null },
): NetworkNode {
  let node = nodes.get(id)
  if (!node) {
    node = {
      id,
      kind: 'source',
      label: summary.name,
      refs: [],
      ...(summary.entityId ? { entityId: summary.entityId } : {}),
      x: 0,
      y: 0,
    }
    nodes.set(id, node)
  }
  return node
}

/** An edge being counted, with the claims already on it (a set: a source may back thousands). */
interface EdgeTally {
  edge: NetworkEdge
  claims: Set<number>
}

/** Counts one claim–source link (with its stance, "" when not set) on the edge it belongs to. */
function addToEdge(
  edges: Map<string, EdgeTally>,
  source: string,
  target: string,
  stance: string,
  claim: number,
): void {
  const id = `${source}->${target}`
  let tally = edges.get(id)
  if (!tally) {
    const edge = { id, source, target, weight: 0, stance: null, stances: {}, refs: [] }
    tally = { edge, claims: new Set() }
    edges.set(id, tally)
  }
  const { edge, claims } = tally
  edge.weight++
  edge.stances[stance] = (edge.stances[stance] ?? 0) + 1
  if (!claims.has(claim)) {
    claims.add(claim)
    edge.refs.push(claim)
  }
}

function targetNode(
  mode: NetworkMode,
  row: ClaimRow,
  claim: number,
  claimLabel: (row: ClaimRow) => string,
): NetworkNode {
  if (mode === 'labels') {
    const label = claimLabel(row)
    return { id: `l:${label}`, kind: 'label', label, refs: [claim], x: 0, y: 0 }
  }
  const text = row.claimText.replace(/\s+/g, ' ').trim()
  return {
    id: `c:${row.documentId}:${row.claimId}`,
    kind: 'claim',
    label: text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text,
    refs: [claim],
    docId: row.documentId,
    x: 0,
    y: 0,
  }
}

/** The stance with most attributions; ties go to the earlier in `order`; null when all unset. */
export function dominantStance(
  stances: Record<string, number>,
  order: readonly string[],
): string | null {
  const rank = (s: string) => (order.includes(s) ? order.indexOf(s) : order.length)
  const ranked = Object.entries(stances)
    .filter(([s]) => s !== '')
    .sort(([a, na], [b, nb]) => nb - na || rank(a) - rank(b) || a.localeCompare(b))
  return ranked[0]?.[0] ?? null
}

/**
 * Lays the network out in place: nodes start at seeded random positions (in node order) and
 * ForceAtlas2 runs a fixed number of iterations, weighted by edge weight, with Barnes–Hut above
 * 300 nodes; the result is scaled into 0–1000 on both axes.
 */
export function layoutNetwork(network: NetworkData): void {
  const graph = new Graph({ type: 'directed', multi: false })
  const random = seededRandom(network.seed)
  for (const node of network.nodes) {
    graph.addNode(node.id, { x: random() * 100, y: random() * 100 })
  }
  for (const edge of network.edges) {
    graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, { weight: edge.weight })
  }
  const order = graph.order
  if (order === 0) return
  const settings = forceAtlas2.inferSettings(graph)
  const positions = forceAtlas2(graph, {
    iterations: order > 2000 ? 60 : order > 300 ? 120 : 300,
    getEdgeWeight: 'weight',
    settings: {
      ...settings,
      strongGravityMode: true,
      gravity: 0.5,
      barnesHutOptimize: order > 300,
    },
  })
  const xs = network.nodes.map((n) => positions[n.id].x)
  const ys = network.nodes.map((n) => positions[n.id].y)
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)]
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)]
  const scale = (v: number, lo: number, hi: number) =>
    hi - lo < 1e-9 ? 500 : Math.round(((v - lo) / (hi - lo)) * 10000) / 10
  for (const node of network.nodes) {
    node.x = scale(positions[node.id].x, x0, x1)
    node.y = scale(positions[node.id].y, y0, y1)
  }
}
