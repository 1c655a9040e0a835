// The Overview tab's panel. The view itself (and ECharts with it) is loaded the first time the
// tab is shown, so the app starts without it; it stays mounted afterwards, keeping its scope,
// mode and selection across trips to the article.
import { lazy, Suspense, useState } from 'react'
import { useViewShown, ViewPanel, type ViewStore } from '../shell/view-tabs'
import type { OverviewViewProps } from './overview-view'
import './overview.css'

const OverviewView = lazy(() => import('./overview-view'))

/** The panel of the Overview tab. */
export function OverviewPanel({
  views,
  ...props
}: Omit<OverviewViewProps, 'active'> & { views: ViewStore }) {
  const active = useViewShown(views, 'overview')
  const [visited, setVisited] = useState(active)
  if (active && !visited) setVisited(true)
  return (
    <ViewPanel view="overview" views={views} className="overview-view">
      {visited && (
        <Suspense fallback={<p className="muted overview-loading">Loading the Overview…</p>}>
          <OverviewView {...props} active={active} />
        </Suspense>
      )}
    </ViewPanel>
  )
}
