// The source network: sources and what they claim (each claim, or each claim label as a topic),
// links coloured by the stance the source takes, laid out by main (ForceAtlas2, seeded). A click
// on a source, a claim or a link lists the claims behind it; exports go to Gephi (GraphML, CSV
// node and edge lists) or to a document (SVG, PNG).
import { useMemo, useRef } from 'react'
import { chartHeight, networkOption } from '../../../shared/overview/chart-options'
import { describeNetwork } from '../../../shared/overview/describe'
import { CHART_THEMES, type ChartThemeName } from '../../../shared/overview/palette'
import type { NetworkData, NetworkMode } from '../../../shared/overview/types'
import { EChart, type ChartClick, type EChartHandle } from './echart'
import type { Selection } from './spans-behind'

interface NetworkCardProps {
  network: NetworkData
  stances: string[]
  theme: ChartThemeName
  mode: NetworkMode
  onMode: (mode: NetworkMode) => void
  onSelect: (selection: Selection) => void
  onExport: (format: 'svg' | 'graphml' | 'csv') => void
  onExportPng: (svg: string, height: number) => void
}

/** The network with its mode switch and exports. */
export function NetworkCard(props: NetworkCardProps) {
  const { network, stances, theme } = props
  const handle = useRef<EChartHandle>(null)
  const option = useMemo(
    () => networkOption(network, stances, CHART_THEMES[theme], { interactive: true }),
    [network, stances, theme],
  )
  const height = chartHeight(network)
  const onClick = (click: ChartClick) => {
    const selection = selectionOf(network, click)
    if (selection) props.onSelect(selection)
  }
  const { omitted } = network
  const empty = network.nodes.length === 0
  return (
    <section
      className="chart-card network-card"
      aria-labelledby="chart-network"
      data-chart="network"
    >
      <header className="chart-card-head">
        <h3 id="chart-network">Source network</h3>
        <ModeSwitch mode={props.mode} onMode={props.onMode} />
        <div className="chart-card-actions">
          {(['svg', 'graphml', 'csv'] as const).map((format) => (
            <button
              key={format}
              type="button"
              className="button small"
              disabled={empty}
              onClick={() => props.onExport(format)}
            >
              {format === 'graphml' ? 'GraphML' : format.toUpperCase()}
            </button>
          ))}
          <button
            type="button"
            className="button small"
            disabled={empty}
            onClick={() => props.onExportPng(handle.current?.svg() ?? '', height)}
          >
            PNG
          </button>
        </div>
      </header>
      <p className="muted chart-card-description">
        Who claims what: each source (round) is linked to the{' '}
        {props.mode === 'labels' ? 'labels of the claims' : 'claims'} attributed to it (square), in
        the colour of the stance it takes. GraphML and CSV open in Gephi.
        {omitted.sources + omitted.targets > 0 &&
          ` Not drawn, to stay readable: ${omitted.sources} sources and ${omitted.targets} claims (the exports hold them all).`}
      </p>
      {empty ? (
        <p className="muted chart-empty">No claim is linked to a source yet.</p>
      ) : (
        <EChart
          ref={handle}
          option={option}
          height={height}
          label={describeNetwork(network)}
          onClick={onClick}
        />
      )}
    </section>
  )
}

/** What a click on a link or a node of the network stands for: the claims behind it. */
function selectionOf(network: NetworkData, click: ChartClick): Selection | null {
  if (click.seriesIndex !== 0) return null
  if (click.dataType === 'edge') {
    const edge = network.edges[click.dataIndex]
    if (!edge) return null
    const label = (id: string) => network.nodes.find((n) => n.id === id)?.label
    const title = `${label(edge.source)} → ${label(edge.target)}`
    return { chart: 'network', title, unit: 'claims', refs: edge.refs }
  }
  const node = network.nodes[click.dataIndex]
  if (!node) return null
  return {
    chart: 'network',
    title: node.label,
    unit: 'claims',
    refs: node.refs,
    ...(node.kind === 'source'
      ? { filter: { source: { entityId: node.entityId ?? null, text: node.label } } }
      : {}),
  }
}

/** Each claim as its own node, or one node per claim label. */
function ModeSwitch({ mode, onMode }: { mode: NetworkMode; onMode: (mode: NetworkMode) => void }) {
  return (
    <fieldset className="segmented">
      <legend className="visually-hidden">Claims as</legend>
      {(['claims', 'labels'] as const).map((m) => (
        <label key={m}>
          <input type="radio" name="network-mode" checked={mode === m} onChange={() => onMode(m)} />
          <span>{m === 'claims' ? 'Claims' : 'Claim labels'}</span>
        </label>
      ))}
    </fieldset>
  )
}
