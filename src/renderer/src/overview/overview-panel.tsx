// The Overview tab's panel. The view itself (and ECharts with it) is loaded the first time the
// tab is shown (ViewPanel renders a view only once shown), so the app starts without it; it stays
// mounted afterwards, keeping its scope, mode and selection across trips to the article.
import { lazy, Suspense } from 'react'
import { ViewPanel, type ViewStore } from '../shell/view-tabs'
import type { OverviewViewProps } from './overview-view'
import './overview.css'

const OverviewView = lazy(() => import('./overview-view'))

/** The panel of the Overview tab. */
export function OverviewPanel(props: OverviewViewProps & { views: ViewStore }) {
  return (
    <ViewPanel view="overview" views={props.views} className="overview-view">
      <Suspense fallback={<p className="muted overview-loading">Loading the Overview…</p>}>
        <OverviewView {...props} />
      </Suspense>
    </ViewPanel>
  )
}
