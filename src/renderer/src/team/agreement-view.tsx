// The Agreement view: how far the project's analysts agree (docs/AGREEMENT.md), computed by main
// when the view is shown, for the analysts ticked (all by default): span agreement per layer and
// label, κ and α on labels, attributes, links and document labels, then every disagreement with a
// way to the spans. The report exports as CSV or XLSX.
import { useCallback, useMemo, useState, type Dispatch, type SetStateAction } from 'react'
import type { AgreementReport, Disagreement } from '../../../shared/agreement'
import type { AnalystInfo, Api, ArgsOf, ProjectSnapshot } from '../../../shared/ipc-contract'
import { GOLD_SET } from '../../../shared/analysts'
import { useViewShown, ViewPanel, type ViewStore } from '../shell/view-tabs'
import { CategoricalTable, SpanTable } from './agreement-tables'
import { ConfusionMatrices } from './confusion-matrices'
import { DisagreementList } from './disagreement-list'
import { useTeamData } from './use-team-data'
import type { ProjectRevision } from '../shell/project-revision'
import './team.css'

interface AgreementViewProps {
  api: Api
  views: ViewStore
  snapshot: ProjectSnapshot
  /** The project's data revision: the view loads again when it changed since its last answer. */
  revision: ProjectRevision
  flush: () => Promise<boolean>
  onOpen: (d: Disagreement) => void
  onNotice: (message: string) => void
}

export function AgreementView({
  api,
  views,
  snapshot,
  revision,
  flush,
  onOpen,
  onNotice,
}: AgreementViewProps) {
  const everyone = useMemo(
    () => snapshot.analysts.filter((a) => a.id !== GOLD_SET && a.documents > 0),
    [snapshot.analysts],
  )
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set())
  const ticked = everyone.filter((a) => !unticked.has(a.id)).map((a) => a.id)
  const query = ticked.length >= 2 && unticked.size > 0 ? { analysts: ticked } : undefined
  const queryKey = JSON.stringify(query ?? null)
  const load = useCallback(
    () =>
      api['agreement:compute'](
        queryKey === 'null' ? undefined : (JSON.parse(queryKey) as ArgsOf<'agreement:compute'>),
      ),
    [api, queryKey],
  )
  const enough = ticked.length >= 2
  const active = useViewShown(views, 'agreement') && enough
  // `load` changes with the analysts ticked, `revision` with the project's data: either loads again.
  const { state, value, reload } = useTeamData(load, flush, active, revision)
  const titles = useMemo(
    () => new Map(snapshot.documents.map((d) => [d.id, d.title])),
    [snapshot.documents],
  )
  const exportAs = async (format: 'csv' | 'xlsx') => {
    try {
      const done = await api['agreement:export']({ format, query })
      if (done) onNotice(`Agreement report written: ${done.paths.join(', ')}`)
    } catch (error) {
      onNotice(`Could not export the agreement report: ${(error as Error).message}`)
    }
  }
  const report = value?.report ?? null
  return (
    <ViewPanel view="agreement" views={views} className="team-view">
      <AgreementHeader
        everyone={everyone}
        unticked={unticked}
        setUnticked={setUnticked}
        canRefresh={enough}
        canExport={report !== null}
        onRefresh={() => void reload()}
        onExport={(format) => void exportAs(format)}
      />
      {!enough && (
        <p className="team-note">Agreement needs the annotations of two or more analysts.</p>
      )}
      {state.kind === 'loading' && (
        <p className="team-note" role="status">
          Computing…
        </p>
      )}
      {state.kind === 'error' && (
        <p className="team-note error" role="alert">
          {state.message}
        </p>
      )}
      {report && enough && <ReportBody report={report} titles={titles} onOpen={onOpen} />}
    </ViewPanel>
  )
}

interface HeaderProps {
  everyone: readonly AnalystInfo[]
  unticked: ReadonlySet<string>
  setUnticked: Dispatch<SetStateAction<ReadonlySet<string>>>
  canRefresh: boolean
  canExport: boolean
  onRefresh: () => void
  onExport: (format: 'csv' | 'xlsx') => void
}

/** The title, the analysts to compare (ticked), and Refresh and the report exports. */
function AgreementHeader(props: HeaderProps) {
  const { everyone, unticked, setUnticked } = props
  const toggle = (id: string) =>
    setUnticked((old) => {
      const next = new Set(old)
      if (!next.delete(id)) next.add(id)
      return next
    })
  return (
    <header className="team-header">
      <h2>Agreement</h2>
      <fieldset className="analyst-ticks">
        <legend>Analysts</legend>
        {everyone.map((a) => (
          <label key={a.id}>
            <input type="checkbox" checked={!unticked.has(a.id)} onChange={() => toggle(a.id)} />
            {a.name} <span className="muted">({a.id})</span>
          </label>
        ))}
      </fieldset>
      <div className="team-actions">
        <button
          type="button"
          className="button"
          onClick={props.onRefresh}
          disabled={!props.canRefresh}
        >
          Refresh
        </button>
        <button
          type="button"
          className="button"
          onClick={() => props.onExport('csv')}
          disabled={!props.canExport}
        >
          Export CSV…
        </button>
        <button
          type="button"
          className="button"
          onClick={() => props.onExport('xlsx')}
          disabled={!props.canExport}
        >
          Export XLSX…
        </button>
      </div>
    </header>
  )
}

interface BodyProps {
  report: AgreementReport
  titles: ReadonlyMap<string, string>
  onOpen: (d: Disagreement) => void
}

/** The report: how units were formed, the span and categorical tables, the disagreements. */
function ReportBody({ report, titles, onOpen }: BodyProps) {
  return (
    <div className="team-body">
      <p className="team-note">
        {report.analysts.join(', ')} · {report.project.documents} document(s) compared. Spans match
        by overlap (any shared character), one to one; κ and α count the units both marked. Offsets
        in code points.
      </p>
      <h3>Spans</h3>
      <SpanTable section={report.project} />
      <h3>Labels, attributes, links</h3>
      <CategoricalTable section={report.project} />
      <h3>Confusion matrices</h3>
      <ConfusionMatrices section={report.project} />
      <h3>Disagreements ({report.disagreements.length})</h3>
      <DisagreementList
        disagreements={report.disagreements}
        analysts={report.analysts}
        titles={titles}
        layerNames={new Map(report.project.layers.map((l) => [l.layer, l.name]))}
        onOpen={onOpen}
      />
    </div>
  )
}
