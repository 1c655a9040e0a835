// The Curation view: one document's disagreements among its analysts, each settled into the gold
// set by taking one analyst's version (keys 1–9), all of them (B), or stepping on (J/K or the
// arrows). What every analyst agrees on enters the gold set when curation of the document starts.
// Progress ("n of m resolved") and the gold set are main's answer after each decision.
import { useCallback, useState, type KeyboardEvent } from 'react'
import type { Api, ProjectSnapshot } from '../../../shared/ipc-contract'
import type { CurationChoiceArg, CurationState } from '../../../shared/team'
import { ViewPanel, type AppView } from '../shell/view-tabs'
import { kindText, versionText } from './disagreement-list'
import { useTeamData } from './use-team-data'
import './team.css'

interface CurationViewProps {
  api: Api
  view: AppView
  snapshot: ProjectSnapshot
  /** The document open in the article: curated unless another is chosen here. */
  currentDocId: string | null
  flush: () => Promise<boolean>
  onNotice: (message: string) => void
}

export function CurationView(props: CurationViewProps) {
  const { api, view, snapshot, flush, onNotice } = props
  const [chosen, setChosen] = useState<string | null>(null)
  const docId = chosen ?? props.currentDocId ?? snapshot.project.documents[0]?.id ?? null
  const load = useCallback(
    () => (docId ? api['curation:state']({ docId }) : Promise.resolve(null)),
    [api, docId],
  )
  const { state, value, replace } = useTeamData(load, flush, view === 'curation', snapshot)
  const [at, setAt] = useState(0)
  const act = async (call: () => Promise<CurationState>) => {
    try {
      replace(await call())
    } catch (error) {
      onNotice(`Curation: ${(error as Error).message}`)
    }
  }
  const start = () => docId && act(() => api['curation:start']({ docId }))
  const decide = (choice: CurationChoiceArg) => {
    const d = value?.disagreements[at]
    if (!docId || !d) return
    void act(() => api['curation:decide']({ docId, disagreementId: d.id, choice }))
  }
  return (
    <ViewPanel view="curation" current={view} className="team-view">
      <header className="team-header">
        <h2>Curation</h2>
        <label>
          Document{' '}
          <select
            className="input"
            value={docId ?? ''}
            onChange={(e) => {
              setChosen(e.target.value)
              setAt(0)
            }}
          >
            {snapshot.project.documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </label>
        {value && (
          <span className="curation-progress" role="status">
            {value.resolved} of {value.total} disagreements resolved
          </span>
        )}
      </header>
      {state.kind === 'error' && (
        <p className="team-note error" role="alert">
          {state.message}
        </p>
      )}
      {value && value.analysts.length < 2 && (
        <p className="team-note">This document has the annotations of fewer than two analysts.</p>
      )}
      {value && value.analysts.length >= 2 && !value.gold && (
        <p className="team-note">
          Starting puts everything all analysts agree on into the gold set.{' '}
          <button type="button" className="button primary" onClick={() => void start()}>
            Start curating
          </button>
        </p>
      )}
      {value?.gold && <DisagreementSteps state={value} at={at} setAt={setAt} onDecide={decide} />}
    </ViewPanel>
  )
}

interface StepsProps {
  state: CurationState
  at: number
  setAt: (i: number) => void
  onDecide: (choice: CurationChoiceArg) => void
}

/** The disagreements one by one, with the keys to settle them. */
function DisagreementSteps({ state, at, setAt, onDecide }: StepsProps) {
  const n = state.disagreements.length
  const i = Math.min(at, Math.max(0, n - 1))
  const d = state.disagreements[i]
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target instanceof HTMLSelectElement || e.altKey || e.ctrlKey || e.metaKey) return
    const digit = Number(e.key)
    if (e.key === 'j' || e.key === 'ArrowDown') setAt(Math.min(i + 1, n - 1))
    else if (e.key === 'k' || e.key === 'ArrowUp') setAt(Math.max(i - 1, 0))
    else if (e.key === 'b') onDecide({ take: 'both' })
    else if (digit >= 1 && digit <= state.analysts.length) {
      onDecide({ take: state.analysts[digit - 1] })
    } else return
    e.preventDefault()
  }
  if (!d)
    return <p className="team-note">No disagreements: the gold set holds what all agree on.</p>
  const decision = state.decisions[d.id]
  return (
    <div className="curation-body" tabIndex={0} onKeyDown={onKeyDown} aria-label="Disagreement">
      <p className="curation-where">
        {i + 1} of {n} · {kindText(d)}
        {d.layer ? ` · ${d.layer}` : ''}
        {decision && (
          <span className="curation-done">
            {' '}
            · resolved: {decision.choice} ({decision.curator})
          </span>
        )}
      </p>
      <ol className="curation-versions">
        {d.versions.map((v, k) => (
          <li key={v.analyst} data-analyst={v.analyst}>
            <span className="version-who">
              {k + 1}. {v.analyst}
            </span>
            <span className="version-text">{versionText(v)}</span>
            <button type="button" className="button" onClick={() => onDecide({ take: v.analyst })}>
              Take {v.analyst}&apos;s
            </button>
          </li>
        ))}
      </ol>
      <div className="team-actions">
        <button type="button" className="button" onClick={() => onDecide({ take: 'both' })}>
          Take both
        </button>
        <button type="button" className="button" onClick={() => setAt(Math.max(i - 1, 0))}>
          Previous
        </button>
        <button type="button" className="button" onClick={() => setAt(Math.min(i + 1, n - 1))}>
          Next
        </button>
      </div>
      <p className="muted">
        Keys: 1–{state.analysts.length} take a version, B both, J/K next and previous.
      </p>
    </div>
  )
}
