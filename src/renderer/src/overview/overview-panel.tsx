// The Overview tab's panel. The view itself (and ECharts with it) is loaded the first time the
// panel is rendered (ViewPanel: when the browser is idle after the first screen, or when the tab
// is shown if sooner; split-code.ts's `overviewCode`), so the app starts without it; it stays
// mounted afterwards, keeping its scope, mode and selection across trips to the article. A chunk
// that fails to load is named by the shell's notice (Try again).
import { Later } from '../common/later-code'
import { NotLoaded } from '../shell/code-failures'
import { overviewCode } from '../shell/split-code'
import { ViewPanel, type ViewStore } from '../shell/view-tabs'
import type { OverviewViewProps } from './overview-view'
import './overview.css'

/** The panel of the Overview tab. */
export function OverviewPanel(props: OverviewViewProps & { views: ViewStore }) {
  return (
    <ViewPanel view="overview" views={props.views} className="overview-view">
      <Later
        code={overviewCode}
        fallback={<p className="muted overview-loading">Loading the Overview…</p>}
        failed={<NotLoaded what="The Overview" />}
      >
        {({ default: OverviewView }) => <OverviewView {...props} />}
      </Later>
    </ViewPanel>
  )
}
