// Charts as SVG without a browser: ECharts' server-side rendering (`ssr: true`, SVG renderer)
// draws the same specification the app shows (shared/overview/chart-options.ts) to a string, for
// the report and for exported chart files. The SVG gets a title and a description (what every
// bar counts, in words), so a screen reader reads a chart in the report as it reads a table.
import { BarChart, GraphChart } from 'echarts/charts'
import { AriaComponent, GridComponent, LegendComponent, TitleComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import type { EChartsOption } from 'echarts'
import { escapeText, xmlSafe } from '../formats/xml'
import { FILE_CHART_FONT, measureText } from './text-metrics'
import {
  chartHeight,
  chartOption,
  FILE_CHART_WIDTH,
  networkOption,
} from '../../../shared/overview/chart-options'
import { describeChart, describeNetwork } from '../../../shared/overview/describe'
import type { ChartTheme } from '../../../shared/overview/palette'
import type { ChartData, NetworkData } from '../../../shared/overview/types'

// Text is measured as the report's chart font measures, not by zrender's narrower guess.
echarts.setPlatformAPI({ measureText })
echarts.use([
  BarChart,
  GraphChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  AriaComponent,
  SVGRenderer,
])

export interface SvgSettings {
  /** Prefix of the ids inside the SVG (title, description), unique within one HTML page. */
  idPrefix: string
  /** Draw the chart's title inside the picture (a standalone file). */
  withTitle?: boolean
  width?: number
}

/** Renders an ECharts option to an SVG string of the given size. */
export function renderSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption(option)
    return chart.renderToSVGString()
  } finally {
    // An SSR instance keeps an animation timer alive until disposed.
    chart.dispose()
  }
}

/** A bar or stacked chart as an accessible SVG. */
export function chartSvg(chart: ChartData, theme: ChartTheme, settings: SvgSettings): string {
  const width = settings.width ?? FILE_CHART_WIDTH
  const option = chartOption(
    chart,
    { ...theme, font: FILE_CHART_FONT },
    settings.withTitle ? { title: chart.title } : {},
  )
  const svg = renderSvg(option, width, chartHeight(chart, settings.withTitle))
  return labelSvg(svg, settings.idPrefix, chart.title, describeChart(chart))
}

/** The source network as an accessible SVG. */
export function networkSvg(
  network: NetworkData,
  stances: readonly string[],
  theme: ChartTheme,
  settings: SvgSettings & { title: string },
): string {
  const width = settings.width ?? FILE_CHART_WIDTH
  const option = networkOption(
    network,
    stances,
    { ...theme, font: FILE_CHART_FONT },
    settings.withTitle ? { title: settings.title } : {},
  )
  const svg = renderSvg(option, width, chartHeight(network, settings.withTitle))
  return labelSvg(svg, settings.idPrefix, settings.title, describeNetwork(network))
}

/** Gives the root <svg> a role, an accessible name and description (escaped XML text). */
export function labelSvg(
  svg: string,
  idPrefix: string,
  title: string,
  description: string,
): string {
  const open = svg.indexOf('>', svg.indexOf('<svg')) + 1
  if (open <= 0) throw new Error('chart SVG: no <svg> element')
  const t = `${idPrefix}-title`
  const d = `${idPrefix}-desc`
  const head = svg.slice(0, open - 1)
  return (
    `${head} role="img" aria-labelledby="${t}" aria-describedby="${d}">` +
    `<title id="${t}">${escapeText(title)}</title><desc id="${d}">${escapeText(description)}</desc>` +
    // ECharts escapes markup in labels but keeps characters XML cannot hold (C0 controls, lone
    // surrogates): as U+FFFD the file stays well-formed for any SVG reader.
    xmlSafe(svg.slice(open)).text
  )
}
