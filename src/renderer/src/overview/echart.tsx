// One ECharts chart in the page, drawn with the SVG renderer (crisp at any zoom, and the same
// renderer the report uses without a browser). ECharts is imported piecemeal (bars, graph, the
// components the Overview uses), so the renderer carries only that; this module is loaded with
// the Overview, not at start-up. A click on a bar, a segment, a node or an edge is reported with
// its series and data index; the chart follows its container's width.
import { BarChart, GraphChart } from 'echarts/charts'
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components'
import * as echarts from 'echarts/core'
import type { EChartsOption } from 'echarts'
import { SVGRenderer } from 'echarts/renderers'
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react'

echarts.use([
  BarChart,
  GraphChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  AriaComponent,
  SVGRenderer,
])

/** What was clicked: the series, the index in its data, and for the network node or edge. */
export interface ChartClick {
  seriesIndex: number
  dataIndex: number
  dataType?: 'node' | 'edge'
}

export interface EChartHandle {
  /** The chart as drawn now, as an SVG document. */
  svg(): string
}

interface EChartProps {
  option: EChartsOption
  height: number
  /** Read by screen readers in place of the picture. */
  label: string
  onClick: (click: ChartClick) => void
}

/** A chart that redraws when `option` changes and reports clicks. */
export const EChart = forwardRef<EChartHandle, EChartProps>(function EChart(props, ref) {
  const { option, height, label, onClick } = props
  const box = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)
  const clickRef = useRef(onClick)
  clickRef.current = onClick

  useEffect(() => {
    const el = box.current
    if (!el) return
    const instance = echarts.init(el, null, { renderer: 'svg' })
    chart.current = instance
    instance.on('click', (params) => {
      const p = params as { seriesIndex?: number; dataIndex: number; dataType?: string }
      clickRef.current({
        seriesIndex: p.seriesIndex ?? 0,
        dataIndex: p.dataIndex,
        dataType: p.dataType === 'node' || p.dataType === 'edge' ? p.dataType : undefined,
      })
    })
    const observer = new ResizeObserver(() => instance.resize())
    observer.observe(el)
    return () => {
      observer.disconnect()
      instance.dispose()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true })
  }, [option])

  useEffect(() => {
    chart.current?.resize()
  }, [height])

  useImperativeHandle(ref, () => ({
    svg: () => chart.current?.renderToSVGString() ?? '',
  }))

  return <div ref={box} className="echart" style={{ height }} role="img" aria-label={label} />
})
