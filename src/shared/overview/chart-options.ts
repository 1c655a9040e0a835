// One ECharts specification per chart, drawn by the renderer (interactive, SVG renderer) and by
// main/the CLI (server-side SVG for the report and the exported files), so both show the same
// picture. Plain data: nothing here loads ECharts.
import type { BarSeriesOption, EChartsOption, GraphSeriesOption } from 'echarts'
import { readableOn, valueColor, type ChartTheme } from './palette'
import type { Bar, BarChartData, ChartData, NetworkData, StackedChartData } from './types'
import { describeChart, describeNetwork } from './describe'
import { valueLabel } from './overview-data'

export interface ChartOptionSettings {
  /** Draw the title inside the chart (an exported file); the app and report caption it instead. */
  title?: string
  /** Animate and show tooltips (the app); files are still pictures. */
  interactive?: boolean
}

/** Width of a chart in a report or an exported file, in CSS pixels. */
export const FILE_CHART_WIDTH = 680

/** The height a chart needs: room for each bar, or a fixed square-ish network. */
export function chartHeight(chart: ChartData | NetworkData, withTitle = false): number {
  const title = withTitle ? 36 : 0
  if ('nodes' in chart) return 520 + title
  const rows = chart.kind === 'bars' ? chart.bars.length : chart.categories.length
  const legend = chart.kind === 'stacked' ? 34 : 0
  return Math.max(140, rows * 30 + 56) + legend + title
}

/** The ECharts option of a bar or stacked chart. */
export function chartOption(
  chart: ChartData,
  theme: ChartTheme,
  settings: ChartOptionSettings = {},
): EChartsOption {
  const categories =
    chart.kind === 'bars' ? chart.bars.map((b) => b.label) : chart.categories.map((c) => c.label)
  const top = (settings.title ? 36 : 8) + (chart.kind === 'stacked' ? 34 : 0)
  return {
    ...base(theme, settings, describeChart(chart)),
    grid: { left: 8, right: 48, top, bottom: 8, outerBoundsMode: 'same' },
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: theme.muted },
      splitLine: { lineStyle: { color: theme.grid } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: categories,
      axisLabel: { color: theme.text, width: 200, overflow: 'truncate' },
      axisLine: { lineStyle: { color: theme.grid } },
      axisTick: { show: false },
    },
    ...(chart.kind === 'bars'
      ? barSeries(chart, theme)
      : stackedSeries(chart, theme, settings.title ? 36 : 4)),
  }
}

function base(
  theme: ChartTheme,
  settings: ChartOptionSettings,
  description: string,
): EChartsOption {
  return {
    animation: settings.interactive ?? false,
    backgroundColor: settings.interactive ? 'transparent' : theme.background,
    textStyle: { color: theme.text, fontFamily: theme.font, fontSize: 12 },
    // ECharts labels the chart's container with this (its own text reads indexes as data).
    aria: { enabled: true, label: { description } },
    ...(settings.title
      ? {
          title: {
            text: settings.title,
            left: 8,
            top: 6,
            textStyle: { color: theme.text, fontSize: 15, fontWeight: 'bold' },
          },
        }
      : {}),
    ...(settings.interactive
      ? {
          tooltip: {
            trigger: 'item',
            backgroundColor: theme.background,
            borderColor: theme.grid,
            textStyle: { color: theme.text },
          },
        }
      : {}),
  }
}

function barColor(chart: BarChartData, bar: Bar, theme: ChartTheme, others: string[]): string {
  if (chart.colorBy === 'value') return valueColor(theme, bar.key, others)
  if (chart.colorBy === 'layer' && bar.color) return readableOn(theme, bar.color)
  return theme.single
}

function barSeries(chart: BarChartData, theme: ChartTheme): EChartsOption {
  const others: string[] = []
  return {
    series: [
      {
        type: 'bar',
        name: chart.unit,
        barMaxWidth: 22,
        cursor: 'pointer',
        emphasis: { disabled: true },
        label: { show: true, position: 'right', color: theme.text },
        data: chart.bars.map((bar) => ({
          value: bar.count,
          name: bar.label,
          itemStyle: { color: barColor(chart, bar, theme, others), borderRadius: [0, 3, 3, 0] },
        })),
      } satisfies BarSeriesOption,
    ],
  }
}

function stackedSeries(chart: StackedChartData, theme: ChartTheme, top: number): EChartsOption {
  const others: string[] = []
  return {
    legend: {
      top,
      left: 8,
      itemWidth: 14,
      itemHeight: 10,
      textStyle: { color: theme.text },
      selectedMode: false,
    },
    series: chart.series.map((s) => ({
      type: 'bar',
      stack: 'total',
      name: s.label,
      barMaxWidth: 22,
      cursor: 'pointer',
      emphasis: { disabled: true },
      itemStyle: { color: valueColor(theme, s.key, others) },
      label: {
        show: true,
        color: theme.background,
        fontWeight: 'bold',
        formatter: (p: { value: unknown }) => (Number(p.value) > 0 ? String(p.value) : ''),
      },
      data: s.cells.map((c) => c.count),
    })),
  }
}

/** Stance colour of an edge ("" for an edge whose stance is not set). */
export function stanceColor(theme: ChartTheme, stance: string | null, order: string[]): string {
  return valueColor(theme, stance ?? '', [...order])
}

/** The ECharts option of the source network (positions from its seeded layout). */
export function networkOption(
  network: NetworkData,
  stances: readonly string[],
  theme: ChartTheme,
  settings: ChartOptionSettings = {},
): EChartsOption {
  const used = [...new Set(network.edges.map((e) => e.stance ?? ''))]
  const legendStances = [
    ...stances.filter((s) => used.includes(s)),
    ...used.filter((s) => !stances.includes(s)),
  ]
  const categories = [
    { name: 'Source', itemStyle: { color: theme.sourceNode } },
    {
      name: network.mode === 'labels' ? 'Claim label' : 'Claim',
      itemStyle: { color: network.mode === 'labels' ? theme.labelNode : theme.claimNode },
    },
  ]
  const top = settings.title ? 40 : 8
  return {
    ...base(theme, settings, describeNetwork(network)),
    legend: {
      top: top - 4,
      left: 8,
      selectedMode: false,
      textStyle: { color: theme.text },
      data: [...categories.map((c) => c.name), ...legendStances.map(stanceName)],
    },
    series: [
      {
        type: 'graph',
        layout: 'none',
        // Keep the layout's proportions (and round nodes round) in a card of any width.
        preserveAspect: 'contain',
        preserveAspectAlign: 'center',
        top: top + 40,
        bottom: 20,
        left: 20,
        right: 170,
        cursor: 'pointer',
        categories,
        emphasis: { focus: 'adjacency', scale: settings.interactive ?? false },
        label: { color: theme.text, fontSize: 11 },
        ...graphData(network, stances, theme),
      } satisfies GraphSeriesOption,
      // Empty series, one per stance, so the legend shows what each edge colour means.
      ...legendStances.map((s) => ({
        type: 'graph' as const,
        name: stanceName(s),
        data: [],
        itemStyle: { color: stanceColor(theme, s, [...stances]) },
      })),
    ],
  }
}

/** The network's nodes (sized by their claims) and links (in their stance's colour). */
function graphData(network: NetworkData, stances: readonly string[], theme: ChartTheme) {
  const maxRefs = Math.max(1, ...network.nodes.map((n) => n.refs.length))
  const size = (n: number) => 8 + 22 * Math.sqrt(n / maxRefs)
  const labelled = network.nodes.length <= 60
  return {
    data: network.nodes.map((n) => ({
      id: n.id,
      name: n.label,
      x: n.x,
      y: n.y,
      value: n.refs.length,
      category: n.kind === 'source' ? 0 : 1,
      symbol: n.kind === 'source' ? 'circle' : 'roundRect',
      symbolSize: size(n.refs.length),
      label: {
        show: n.kind === 'source' || labelled,
        position: 'right' as const,
        width: 160,
        overflow: 'truncate' as const,
        fontWeight: n.kind === 'source' ? ('bold' as const) : ('normal' as const),
      },
    })),
    links: network.edges.map((e) => ({
      source: e.source,
      target: e.target,
      value: e.weight,
      lineStyle: {
        color: stanceColor(theme, e.stance, [...stances]),
        width: Math.min(6, 1 + e.weight),
        opacity: 0.85,
        curveness: 0.08,
      },
    })),
  }
}

/** A stance for the legend ("" is an edge whose stance is not set). */
function stanceName(stance: string): string {
  return stance === '' ? 'stance not set' : valueLabel(stance)
}
