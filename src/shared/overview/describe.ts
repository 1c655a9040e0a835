// Charts in words: what each bar counts, for the SVG's <desc>, the app's screen-reader text and
// the report, so a reader who cannot see the picture gets the same numbers.
import type { ChartData, NetworkData } from './types'

/** Most items a description lists before it says how many more there are. */
const MAX_ITEMS = 60

function list(items: string[]): string {
  const shown = items.slice(0, MAX_ITEMS)
  const more = items.length - shown.length
  return `${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`
}

/** "Claims per source (claims): Vladimir Putin 2; Kim Jong Un 1." */
export function describeChart(chart: ChartData): string {
  const head = `${chart.title} (${chart.unit})`
  if (chart.kind === 'bars') {
    if (chart.bars.length === 0) return `${head}: none.`
    return `${head}: ${list(chart.bars.map((b) => `${b.label} ${b.count}`))}.`
  }
  if (chart.categories.length === 0) return `${head}: none.`
  const rows = chart.categories.map((c, i) => {
    const parts = chart.series
      .filter((s) => s.cells[i].count > 0)
      .map((s) => `${s.label} ${s.cells[i].count}`)
    return `${c.label}: ${parts.join(', ') || 'none'}`
  })
  return `${head}: ${list(rows)}.`
}

/** "3 sources, 4 claims, 5 attributions. Vladimir Putin asserts …" */
export function describeNetwork(network: NetworkData): string {
  const byId = new Map(network.nodes.map((n) => [n.id, n]))
  const sources = network.nodes.filter((n) => n.kind === 'source').length
  const targets = network.nodes.length - sources
  const what = network.mode === 'labels' ? 'claim labels' : 'claims'
  const edges = network.edges.map((e) => {
    const verb = e.stance ? e.stance.replace(/_/g, ' ') : 'is linked to'
    const times = e.weight > 1 ? ` (${e.weight} times)` : ''
    return `${byId.get(e.source)?.label} ${verb} “${byId.get(e.target)?.label}”${times}`
  })
  const omitted =
    network.omitted.sources + network.omitted.targets > 0
      ? ` Not drawn: ${network.omitted.sources} sources and ${network.omitted.targets} ${what}.`
      : ''
  return (
    `${sources} sources, ${targets} ${what}, ${network.edges.length} links.${omitted}` +
    (edges.length > 0 ? ` ${list(edges)}.` : '')
  )
}
