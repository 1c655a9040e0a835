// The bar above the article that chooses whose annotations it shows: the analyst's own (editable),
// another analyst's or the gold set (read-only, saying why), or two sets overlaid, with a legend of
// the two analysts' marks. Plain selects: reachable and operable by keyboard like any form field.
import { GOLD_SET } from '../../../shared/analysts'
import type { ProjectSnapshot } from '../../../shared/ipc-contract'
import { SIDE_UNDERLINE } from './compare-view'
import { otherSets, setName, type ShownSetState } from './use-shown-set'
import './team.css'

const COMPARE = '\u0000compare'
const MINE = '\u0000mine'

interface SetPickerProps {
  snapshot: ProjectSnapshot
  shownSet: ShownSetState
}

/** The picker, the read-only reason, the overlay's legend and what is loading or failed. */
export function SetPicker({ snapshot, shownSet }: SetPickerProps) {
  const { choice, choose, state, shown } = shownSet
  const others = otherSets(snapshot)
  const mine = snapshot.analyst
  const value = choice.kind === 'mine' ? MINE : choice.kind === 'set' ? choice.set : COMPARE
  const everySet = [mine.id, ...others.map((a) => a.id)]
  const onPick = (picked: string) => {
    if (picked === MINE) return void choose({ kind: 'mine' })
    if (picked !== COMPARE) return void choose({ kind: 'set', set: picked })
    // One's own set against the first other analyst's; without annotations of one's own, the
    // first two other analysts (or gold).
    const hasOwn = snapshot.analysts.some((x) => x.id === mine.id && x.documents > 0)
    const [first, second] = hasOwn ? [mine.id, ...others.map((x) => x.id)] : others.map((x) => x.id)
    void choose({ kind: 'compare', a: first, b: second ?? mine.id })
  }
  const pair = (which: 'a' | 'b', set: string) => {
    if (choice.kind !== 'compare') return
    const next = { ...choice, [which]: set }
    // The two sides must differ: picking the other side's set swaps them.
    if (next.a === next.b) next[which === 'a' ? 'b' : 'a'] = choice[which]
    void choose(next)
  }
  return (
    <div className="set-picker" role="group" aria-label="Whose annotations">
      <label>
        Show{' '}
        <select className="input" value={value} onChange={(e) => onPick(e.target.value)}>
          <option value={MINE}>My annotations ({mine.name})</option>
          {others.map((a) => (
            <option key={a.id} value={a.id}>
              {a.id === GOLD_SET ? 'Gold set' : a.name} (read-only)
            </option>
          ))}
          {others.length > 0 && <option value={COMPARE}>Compare two sets…</option>}
        </select>
      </label>
      {choice.kind === 'compare' && (
        <CompareChoice
          snapshot={snapshot}
          sets={everySet}
          a={choice.a}
          b={choice.b}
          onPick={pair}
        />
      )}
      {state.kind === 'loading' && !shown && (
        <span className="muted" role="status">
          Loading…
        </span>
      )}
      {state.kind === 'error' && (
        <span className="set-error" role="alert">
          Could not load these annotations: {state.message}
        </span>
      )}
      {shown && (
        <p className="set-readonly" role="note">
          <strong>Read-only:</strong> {shown.readOnly}.{shown.note ? ` ${shown.note}` : ''}
        </p>
      )}
    </div>
  )
}

interface CompareChoiceProps {
  snapshot: ProjectSnapshot
  sets: readonly string[]
  a: string
  b: string
  onPick: (which: 'a' | 'b', set: string) => void
}

/** The two sets overlaid, each with its mark in the legend. */
function CompareChoice({ snapshot, sets, a, b, onPick }: CompareChoiceProps) {
  const name = (set: string) =>
    set === snapshot.analyst.id ? `${setName(snapshot, set)} (mine)` : setName(snapshot, set)
  const side = (which: 'a' | 'b', value: string) => (
    <label className="compare-side">
      <span className={`legend-mark ul-${SIDE_UNDERLINE[which]}`} aria-hidden="true">
        abc
      </span>{' '}
      <span className="visually-hidden">
        {which === 'a' ? 'First set, solid underline' : 'Second set, wavy underline'}
      </span>
      <select className="input" value={value} onChange={(e) => onPick(which, e.target.value)}>
        {sets.map((set) => (
          <option key={set} value={set}>
            {name(set)}
          </option>
        ))}
      </select>
    </label>
  )
  return (
    <>
      {side('a', a)}
      {side('b', b)}
      <span className="compare-legend">
        <span className="legend-mark differs" aria-hidden="true">
          abc
        </span>{' '}
        differs (hover it, or see the list on the right)
      </span>
    </>
  )
}
