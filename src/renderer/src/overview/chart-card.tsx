// One chart of the Overview: its title and description, the chart (a click lists the spans behind
// a bar or segment), a table of its numbers for keyboard and screen-reader users (each row selects
// the same spans), and export as SVG (drawn by main from the same data) or PNG (this drawing).
import { useMemo, useRef, useState } from 'react'
import { chartHeight, chartOption } from '../../../shared/overview/chart-options'
import { describeChart } from '../../../shared/overview/describe'
import { CHART_THEMES, type ChartThemeName } from '../../../shared/overview/palette'
import type { Bar, ChartData } from '../../../shared/overview/types'
import { EChart, type ChartClick, type EChartHandle } from './echart'
import type { Selection } from './spans-behind'

interface ChartCardProps {
  chart: ChartData
  theme: ChartThemeName
  onSelect: (selection: Selection) => void
  onExportSvg: () => void
  onExportPng: (svg: string, height: number) => void
}

/** The bars of a chart as (label, bar) rows: one per bar, or per non-empty stacked segment. */
function rowsOf(chart: ChartData): { label: string; bar: Bar }[] {
  if (chart.kind === 'bars') return chart.bars.map((bar) => ({ label: bar.label, bar }))
  return chart.categories.flatMap((c, i) =>
    chart.series
      .filter((s) => s.cells[i].count > 0)
      .map((s) => ({ label: `${c.label}: ${s.label}`, bar: s.cells[i] })),
  )
}

/** A chart with its caption, data table and export buttons. */
export function ChartCard({ chart, theme, onSelect, onExportSvg, onExportPng }: ChartCardProps) {
  const handle = useRef<EChartHandle>(null)
  const [showData, setShowData] = useState(false)
  const option = useMemo(
    () => chartOption(chart, CHART_THEMES[theme], { interactive: true }),
    [chart, theme],
  )
  const height = chartHeight(chart)
  const select = (label: string, bar: Bar) =>
    onSelect({
      chart: chart.id,
      title: label,
      unit: chart.unit,
      refs: bar.refs,
      filter: bar.filter,
    })
  const onClick = (click: ChartClick) => {
    if (chart.kind === 'bars') {
      const bar = chart.bars[click.dataIndex]
      if (bar) select(bar.label, bar)
      return
    }
    const series = chart.series[click.seriesIndex]
    const cell = series?.cells[click.dataIndex]
    if (cell) select(`${chart.categories[click.dataIndex].label}: ${series.label}`, cell)
  }
  const empty = rowsOf(chart).length === 0
  return (
    <section className="chart-card" aria-labelledby={`chart-${chart.id}`} data-chart={chart.id}>
      <header className="chart-card-head">
        <h3 id={`chart-${chart.id}`}>{chart.title}</h3>
        <div className="chart-card-actions">
          <button
            type="button"
            className="button small"
            onClick={() => setShowData((v) => !v)}
            aria-expanded={showData}
          >
            Data
          </button>
          <button type="button" className="button small" onClick={onExportSvg} disabled={empty}>
            SVG
          </button>
          <button
            type="button"
            className="button small"
            disabled={empty}
            onClick={() => onExportPng(handle.current?.svg() ?? '', height)}
          >
            PNG
          </button>
        </div>
      </header>
      <p className="muted chart-card-description">{chart.description}</p>
      {empty ? (
        <p className="muted chart-empty">Nothing to count yet.</p>
      ) : (
        <EChart
          ref={handle}
          option={option}
          height={height}
          label={describeChart(chart)}
          onClick={onClick}
        />
      )}
      {showData && <DataTable chart={chart} onSelect={select} />}
    </section>
  )
}

/** The chart's numbers as a table, each row selectable like its bar (keyboard, screen readers). */
function DataTable({
  chart,
  onSelect,
}: {
  chart: ChartData
  onSelect: (label: string, bar: Bar) => void
}) {
  return (
    <table className="chart-data">
      <thead>
        <tr>
          <th>{chart.kind === 'bars' ? 'Bar' : 'Segment'}</th>
          <th className="num">{chart.unit}</th>
        </tr>
      </thead>
      <tbody>
        {rowsOf(chart).map(({ label, bar }) => (
          <tr key={label}>
            <td>
              <button type="button" className="link-button" onClick={() => onSelect(label, bar)}>
                {label}
              </button>
            </td>
            <td className="num">{bar.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
