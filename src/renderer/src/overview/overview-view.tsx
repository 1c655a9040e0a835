// The Overview: the charts of the project or of the open document, and the source network, each
// clickable through to the spans behind it and exportable. Loaded on first visit (it carries
// ECharts), from overview-panel.tsx.
import { useState } from 'react'
import type { Api, OverviewResult } from '../../../shared/ipc-contract'
import { CHART_THEMES, type ChartThemeName } from '../../../shared/overview/palette'
import type { ChartId, ClaimsFilterHint, NetworkMode } from '../../../shared/overview/types'
import { TableNotes, ViewHeader, type Scope } from '../claims/claims-view-header'
import { messageOf } from '../common/error-message'
import { plural } from '../common/plural'
import { ChartCard } from './chart-card'
import { NetworkCard } from './network-card'
import { svgToPng } from './png'
import { SpansBehind, type Selection } from './spans-behind'
import { useColorScheme } from './use-color-scheme'
import { useOverview } from './use-overview'
import { useViewShown, type ViewStore } from '../shell/view-tabs'
import type { ProjectRevision } from '../shell/project-revision'

export interface OverviewViewProps {
  api: Api
  /** The view on show (the Overview loads only while it is; read from the store, see ViewPanel). */
  views: ViewStore
  currentDocument: { id: string; title: string } | null
  flush: () => Promise<boolean>
  /** The project's data revision: the view loads again when it changed since its last answer. */
  revision: ProjectRevision
  onOpenSpan: (docId: string, spanId: string) => void
  onShowClaims: (filter: ClaimsFilterHint, docId: string | null) => void
  onExportReport: (docId: string | null) => void
}

/** The Overview tab's content. */
export default function OverviewView(props: OverviewViewProps) {
  const { api, currentDocument } = props
  const [scope, setScope] = useState<Scope>('project')
  const [mode, setMode] = useState<NetworkMode>('claims')
  const [selection, setSelection] = useState<Selection | null>(null)
  const theme = useColorScheme()
  const docId = scope === 'document' && currentDocument ? currentDocument.id : null
  const active = useViewShown(props.views, 'overview')
  const { state, reload } = useOverview(api, props.flush, docId, mode, active, props.revision)
  const data =
    state.kind === 'ready' ? state.data : state.kind === 'loading' ? state.previous : null

  const exports = useOverviewExports(api, theme, docId, mode)

  return (
    <>
      <ViewHeader
        title="Overview"
        count={data ? countOf(data) : null}
        scope={scope}
        onScope={(next) => {
          setScope(next)
          setSelection(null)
        }}
        currentDocument={currentDocument}
        loading={state.kind === 'loading'}
        onRefresh={() => void reload()}
      />
      <OverviewToolbar status={exports.status} onExportReport={() => props.onExportReport(docId)} />
      <TableNotes
        error={state.kind === 'error' ? state.message : null}
        unsaved={state.kind === 'ready' && state.unsaved}
        problems={data?.problems ?? []}
      />
      <div className="overview-body">
        <div className="overview-scroll">
          {data && (
            <div className="overview-grid">
              {data.charts.map((chart) => (
                <ChartCard
                  key={chart.id}
                  chart={chart}
                  theme={theme}
                  onSelect={setSelection}
                  onExportSvg={() => void exports.svg(chart.id)}
                  onExportPng={(svg, height) => void exports.png(chart.id, svg, height)}
                />
              ))}
              <NetworkCard
                network={data.network}
                stances={data.stances}
                theme={theme}
                mode={mode}
                onMode={setMode}
                onSelect={setSelection}
                onExport={(format) => void exports.network(format)}
                onExportPng={(svg, height) => void exports.png('network', svg, height)}
              />
            </div>
          )}
        </div>
        {data && selection && (
          <SpansBehind
            data={data}
            selection={selection}
            onOpenSpan={props.onOpenSpan}
            onShowClaims={(filter) => props.onShowClaims(filter, docId)}
            onClose={() => setSelection(null)}
          />
        )}
      </div>
    </>
  )
}

type Status = { error: boolean; text: string } | null

/** The Overview's exports through main's save dialog, and the status line they leave. */
function useOverviewExports(
  api: Api,
  theme: ChartThemeName,
  docId: string | null,
  mode: NetworkMode,
) {
  const [status, setStatus] = useState<Status>(null)
  const saved = async (run: () => Promise<{ path: string } | null>) => {
    try {
      const result = await run()
      if (result) setStatus({ error: false, text: `Saved ${result.path}` })
    } catch (error) {
      setStatus({ error: true, text: `Could not save: ${messageOf(error)}` })
    }
  }
  const scopeArg = docId ? { docId } : {}
  return {
    status,
    svg: (chart: ChartId) =>
      saved(() =>
        api['overview:export']({ kind: 'chart', chart, format: 'svg', theme, ...scopeArg }),
      ),
    png: (chart: ChartId | 'network', svg: string, height: number) =>
      saved(async () => {
        const width = Number(/width="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? 680)
        const png = await svgToPng(svg, width, height, CHART_THEMES[theme].background)
        return api['overview:export']({ kind: 'chart', chart, format: 'png', png, ...scopeArg })
      }),
    network: (format: 'svg' | 'graphml' | 'csv') =>
      saved(() => api['overview:export']({ kind: 'network', mode, format, theme, ...scopeArg })),
  }
}

/** Export Report…, and what the last export said. */
function OverviewToolbar({
  status,
  onExportReport,
}: {
  status: Status
  onExportReport: () => void
}) {
  return (
    <div className="overview-toolbar">
      <button type="button" className="button small" onClick={onExportReport}>
        Export Report…
      </button>
      {status && (
        <p
          className={status.error ? 'callout error overview-status' : 'muted overview-status'}
          role="status"
        >
          {status.text}
        </p>
      )}
    </div>
  )
}

/** "6 claims in 1 document". */
function countOf(data: OverviewResult): string {
  return `${plural(data.totals.claims, 'claim')} in ${plural(data.totals.documents, 'document')}`
}
