// The header of the Claims and Sources views (title and count, the scope switch, Refresh) and the
// notes under it that say when the table may be incomplete.
import { useId } from 'react'
import type { ClaimsSets } from '../../../shared/ipc-contract'
// Its styles (.view-header, .view-count, .segmented) are in claims.css, and the Overview uses this
// header too: imported here, they come with whichever of the two views' chunks loads first.
import './claims.css'

/** Whole project, or the document open in the article. */
export type Scope = 'project' | 'document'

interface ViewHeaderProps {
  title: string
  count: string | null
  scope: Scope
  onScope: (scope: Scope) => void
  currentDocument: { id: string; title: string } | null
  loading: boolean
  onRefresh: () => void
  /** Whose claims, and the sets to choose from (none: no chooser, a project of one analyst). */
  whose?: ClaimsSets
  onWhose?: (whose: ClaimsSets) => void
  sets?: readonly { id: string; name: string }[]
  /** Whether the project has a gold set. */
  hasGold?: boolean
}

/** The chooser's value of a choice: `mine`, `gold`, `all`, or `a:<set id>`. */
function whoseValue(whose: ClaimsSets): string {
  return typeof whose === 'object' ? `a:${whose.analyst}` : whose
}

function whoseOf(value: string): ClaimsSets {
  if (value === 'mine' || value === 'gold' || value === 'all') return value
  return { analyst: value.slice(2) }
}

/** Title, count, scope switch and Refresh. */
export function ViewHeader(props: ViewHeaderProps) {
  const id = useId()
  const { scope, currentDocument } = props
  return (
    <div className="view-header">
      <h2 className="view-title">
        {props.title}
        {props.count && <span className="view-count">{props.count}</span>}
      </h2>
      <fieldset className="segmented">
        <legend className="visually-hidden">Scope</legend>
        <label>
          <input
            type="radio"
            name={`${id}-scope`}
            checked={scope === 'project'}
            onChange={() => props.onScope('project')}
          />
          <span>Whole project</span>
        </label>
        <label title={currentDocument ? currentDocument.title : 'No document is open'}>
          <input
            type="radio"
            name={`${id}-scope`}
            checked={scope === 'document'}
            disabled={!currentDocument}
            onChange={() => props.onScope('document')}
          />
          <span>Current document</span>
        </label>
      </fieldset>
      {props.whose && props.onWhose && ((props.sets?.length ?? 0) > 0 || props.hasGold) && (
        <label className="whose">
          Annotations{' '}
          <select
            className="input"
            value={whoseValue(props.whose)}
            onChange={(e) => props.onWhose?.(whoseOf(e.target.value))}
          >
            <option value="mine">Mine</option>
            {(props.sets ?? []).map((a) => (
              <option key={a.id} value={`a:${a.id}`}>
                {a.name}
              </option>
            ))}
            {props.hasGold && <option value="gold">Gold set</option>}
            <option value="all">All analysts</option>
          </select>
        </label>
      )}
      <button
        type="button"
        className="button small"
        onClick={props.onRefresh}
        disabled={props.loading}
      >
        {props.loading ? 'Loading…' : 'Refresh'}
      </button>
    </div>
  )
}

/** Why the table may be incomplete: a load error, an unsaved document, unreadable files. */
export function TableNotes(props: {
  error: string | null
  unsaved: boolean
  problems: { file: string; message: string }[]
}) {
  return (
    <>
      {props.error && (
        <p className="callout error view-note" role="alert">
          Could not build the claims table: {props.error}
        </p>
      )}
      {props.unsaved && (
        <p className="callout warning view-note">
          The open document could not be saved, so its latest edits are not in this table.
        </p>
      )}
      {props.problems.length > 0 && (
        <div className="callout warning view-note">
          Left out (could not be read):
          <ul>
            {props.problems.map((p) => (
              <li key={p.file}>
                <code className="path">{p.file}</code>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  )
}
