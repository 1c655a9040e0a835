// The Curation view: one document's disagreements among its analysts, each settled into the gold
// set by taking one analyst's version (keys 1–9), all of them (B), an edit of a version (E, or
// Edit…: boundaries, label, attributes, links), or none (X, reject), stepping on with J/K or the
// arrows. What every analyst agrees on — or, by the rule chosen when starting, what a majority gave
// — enters the gold set when curation of the document starts. Progress ("n of m resolved") and
// the gold set are main's answer after each decision; the log keeps who decided what.
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { Api, DocumentSummary, ProjectSnapshot } from '../../../shared/ipc-contract'
import type { Disagreement } from '../../../shared/agreement'
import type { AnnotationSchema } from '../../../shared/model'
import type { AutoAcceptRule, CurationChoiceArg, CurationState } from '../../../shared/team'
import { RadioGroup } from '../common/radio-group'
import { useViewShown, ViewPanel, type ViewStore } from '../shell/view-tabs'
import { CurationEditForm, editDraft } from './curation-edit'
import { kindText, versionText } from './disagreement-list'
import { setName } from './use-shown-set'
import { useTeamData } from './use-team-data'
import type { ProjectRevision } from '../shell/project-revision'
import './team.css'

interface CurationViewProps {
  api: Api
  views: ViewStore
  snapshot: ProjectSnapshot
  /** The project's data revision: the view loads again when it changed since its last answer. */
  revision: ProjectRevision
  /** The document open in the article: curated unless another is chosen here. */
  currentDocId: string | null
  flush: () => Promise<boolean>
  onNotice: (message: string) => void
}

export function CurationView(props: CurationViewProps) {
  const { api, views, snapshot, flush, onNotice } = props
  const [chosen, setChosen] = useState<string | null>(null)
  const shown = useViewShown(views, 'curation')
  const documents = useCurableDocuments(snapshot, shown)
  const docId = chosen ?? props.currentDocId ?? documents[0]?.id ?? null
  const load = useCallback(
    () => (docId ? api['curation:state']({ docId }) : Promise.resolve(null)),
    [api, docId],
  )
  const { state, value, replace, write } = useTeamData(load, flush, shown, props.revision)
  const [at, setAt] = useState(0)
  const act = async (call: () => Promise<CurationState>) => {
    try {
      replace(await write(call))
    } catch (error) {
      onNotice(`Curation: ${(error as Error).message}`)
    }
  }
  const start = (rule: AutoAcceptRule) => docId && act(() => api['curation:start']({ docId, rule }))
  const decide = (choice: CurationChoiceArg) => {
    const d = value?.disagreements[at]
    if (!docId || !d) return
    void act(() => api['curation:decide']({ docId, disagreementId: d.id, choice }))
  }
  return (
    <ViewPanel view="curation" views={views} className="team-view">
      <header className="team-header">
        <h2>Curation</h2>
        <DocumentPicker
          documents={documents}
          value={docId}
          onChange={(id) => {
            setChosen(id)
            setAt(0)
          }}
        />
        {value && (
          <span className="curation-progress" role="status">
            {value.resolved} of {value.total} disagreements resolved
          </span>
        )}
        {value?.rule && (
          <span className="muted">
            Accepted on start: {value.rule === 'all' ? 'what all agree on' : 'what a majority gave'}
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
        <StartCuration analysts={value.analysts.length} onStart={(r) => void start(r)} />
      )}
      {value?.gold && (
        <DisagreementSteps
          schema={snapshot.project.schema}
          nameOf={(id) => setName(snapshot, id)}
          state={value}
          at={at}
          setAt={setAt}
          onDecide={decide}
        />
      )}
    </ViewPanel>
  )
}

/** Which document to curate. */
function DocumentPicker(props: {
  documents: readonly DocumentSummary[]
  value: string | null
  onChange: (id: string) => void
}) {
  return (
    <label>
      Document{' '}
      <select
        className="input"
        value={props.value ?? ''}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.documents.map((d) => (
          <option key={d.id} value={d.id}>
            {d.title}
          </option>
        ))}
      </select>
    </label>
  )
}

/**
 * The documents the picker offers: every readable one, in the project's order. While the view is
 * hidden only the first is listed (it is never seen, and a project may have 10,000 documents).
 */
function useCurableDocuments(snapshot: ProjectSnapshot, shown: boolean): DocumentSummary[] {
  const [wasShown, setWasShown] = useState(shown)
  if (shown && !wasShown) setWasShown(true)
  return useMemo(() => {
    const readable = snapshot.documents.filter((d) => !d.error)
    return wasShown ? readable : readable.slice(0, 1)
  }, [snapshot.documents, wasShown])
}

/** The auto-accept rule and the button that starts curating a document. */
function StartCuration(props: { analysts: number; onStart: (rule: AutoAcceptRule) => void }) {
  const [rule, setRule] = useState<AutoAcceptRule>('all')
  return (
    <div className="team-note curation-start">
      <RadioGroup<AutoAcceptRule>
        legend="Accept automatically when starting"
        name="curation-rule"
        value={rule}
        onChange={setRule}
        options={[
          { value: 'all', label: 'What all analysts agree on' },
          {
            value: 'majority',
            label: `Also each version a majority gave (more than half of ${props.analysts})`,
          },
        ]}
      />
      <button type="button" className="button primary" onClick={() => props.onStart(rule)}>
        Start curating
      </button>
    </div>
  )
}

/** What a key does in the disagreement, or null (typing in a field, a modified key, others). */
function keyAction(
  e: KeyboardEvent,
  analysts: readonly string[],
): CurationChoiceArg | 'next' | 'previous' | 'edit' | 'close' | null {
  const t = e.target
  const typing =
    t instanceof HTMLSelectElement ||
    t instanceof HTMLInputElement ||
    t instanceof HTMLTextAreaElement
  if (typing || e.altKey || e.ctrlKey || e.metaKey) return null
  const digit = Number(e.key)
  if (digit >= 1 && digit <= analysts.length) return { take: analysts[digit - 1] }
  const keys: Record<string, CurationChoiceArg | 'next' | 'previous' | 'edit' | 'close'> = {
    j: 'next',
    ArrowDown: 'next',
    k: 'previous',
    ArrowUp: 'previous',
    b: { take: 'both' },
    x: { reject: true },
    e: 'edit',
    Escape: 'close',
  }
  return keys[e.key] ?? null
}

interface StepsProps {
  schema: AnnotationSchema
  /** An analyst's (or the gold set's) name, from its id. */
  nameOf: (id: string) => string
  state: CurationState
  at: number
  setAt: (i: number) => void
  onDecide: (choice: CurationChoiceArg) => void
}

/** The disagreements one by one, with the keys to settle them. */
function DisagreementSteps({ schema, nameOf, state, at, setAt, onDecide }: StepsProps) {
  const [editing, setEditing] = useState<{ id: string; analyst: string } | null>(null)
  const n = state.disagreements.length
  const i = Math.min(at, Math.max(0, n - 1))
  const d = state.disagreements[i]
  const draftOf = (analyst: string) => (d ? editDraft(schema, state, d, analyst) : null)
  const editable = d?.versions.filter((v) => draftOf(v.analyst) !== null) ?? []
  const body = useRef<HTMLDivElement>(null)
  // Closing the edit form keeps focus in the step (on its region) rather than losing it with
  // the form's button, so J/K and the number keys go on working.
  const closeEdit = () => {
    if (document.activeElement?.closest('.curation-edit')) body.current?.focus()
    setEditing(null)
  }
  const decideNow = (choice: CurationChoiceArg) => {
    closeEdit()
    onDecide(choice)
  }
  const step = (to: number) => {
    closeEdit()
    setAt(to)
  }
  const onKeyDown = (e: KeyboardEvent) => {
    const action = keyAction(e, state.analysts)
    if (!action) return
    e.preventDefault()
    if (action === 'next') step(Math.min(i + 1, n - 1))
    else if (action === 'previous') step(Math.max(i - 1, 0))
    else if (action === 'edit') {
      if (editable[0] && d) setEditing({ id: d.id, analyst: editable[0].analyst })
    } else if (action === 'close') closeEdit()
    else decideNow(action)
  }
  if (!d)
    return <p className="team-note">No disagreements: the gold set holds what all agree on.</p>
  const draft = editing?.id === d.id ? draftOf(editing.analyst) : null
  return (
    <div
      ref={body}
      className="curation-body"
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-label="Disagreement"
    >
      <StepHeading state={state} at={i} schema={schema} nameOf={nameOf} />
      <VersionList
        d={d}
        nameOf={nameOf}
        canEdit={(analyst) => draftOf(analyst) !== null}
        onTake={(analyst) => decideNow({ take: analyst })}
        onEdit={(analyst) => setEditing({ id: d.id, analyst })}
      />
      {draft && editing && (
        <CurationEditForm
          key={`${d.id}|${editing.analyst}`}
          schema={schema}
          state={state}
          analyst={editing.analyst}
          analystName={nameOf(editing.analyst)}
          initial={draft}
          onAccept={(span) => decideNow({ edit: [span] })}
          onCancel={closeEdit}
        />
      )}
      <StepActions
        onDecide={decideNow}
        onStep={(by) => step(Math.min(Math.max(i + by, 0), n - 1))}
        analysts={state.analysts.length}
      />
    </div>
  )
}

/** Take both, Reject all, Previous and Next, and the keys that do the same. */
function StepActions(props: {
  onDecide: (choice: CurationChoiceArg) => void
  onStep: (by: -1 | 1) => void
  analysts: number
}) {
  const { onDecide, onStep } = props
  return (
    <>
      <div className="team-actions">
        <button type="button" className="button" onClick={() => onDecide({ take: 'both' })}>
          Take both
        </button>
        <button type="button" className="button" onClick={() => onDecide({ reject: true })}>
          Reject all
        </button>
        <button type="button" className="button" onClick={() => onStep(-1)}>
          Previous
        </button>
        <button type="button" className="button" onClick={() => onStep(1)}>
          Next
        </button>
      </div>
      <p className="muted">
        Keys: 1–{props.analysts} take a version, B both, E edit, X reject, J/K next and previous.
      </p>
    </>
  )
}

interface StepHeadingProps {
  state: CurationState
  /** The index of the disagreement shown. */
  at: number
  schema: AnnotationSchema
  nameOf: (id: string) => string
}

/** Where the curator is, what the disagreement is about (the layer by name), and its decision. */
function StepHeading({ state, at, schema, nameOf }: StepHeadingProps) {
  const d = state.disagreements[at]
  const decision = state.decisions[d.id]
  const layerName = d.layer && (schema.layers.find((l) => l.id === d.layer)?.name ?? d.layer)
  return (
    <p className="curation-where">
      {at + 1} of {state.disagreements.length} · {kindText(d)}
      {layerName ? ` · ${layerName}` : ''}
      {decision && (
        <span className="curation-done">
          {' '}
          · resolved: {choiceText(decision.choice, state.analysts, nameOf)} ({decision.curator})
        </span>
      )}
    </p>
  )
}

interface VersionListProps {
  d: Disagreement
  nameOf: (id: string) => string
  canEdit: (analyst: string) => boolean
  onTake: (analyst: string) => void
  onEdit: (analyst: string) => void
}

/** Every analyst's version, numbered as the keys take them, with Take and Edit. */
function VersionList({ d, nameOf, canEdit, onTake, onEdit }: VersionListProps) {
  return (
    <ol className="curation-versions">
      {d.versions.map((v, k) => (
        <li key={v.analyst} data-analyst={v.analyst}>
          <span className="version-who">
            {k + 1}. {nameOf(v.analyst)}
          </span>
          <span className="version-text">{versionText(v)}</span>
          <span className="version-actions">
            <button type="button" className="button" onClick={() => onTake(v.analyst)}>
              Take {nameOf(v.analyst)}&apos;s
            </button>
            {canEdit(v.analyst) && (
              <button type="button" className="button" onClick={() => onEdit(v.analyst)}>
                Edit {nameOf(v.analyst)}&apos;s…
              </button>
            )}
          </span>
        </li>
      ))}
    </ol>
  )
}

/** A decision's choice in words: analysts by name (their version, or a majority's), else as kept. */
function choiceText(choice: string, analysts: readonly string[], nameOf: (id: string) => string) {
  if (analysts.includes(choice)) return nameOf(choice)
  const majority = /^majority: (.*)$/.exec(choice)
  if (majority) return `majority: ${majority[1].split(', ').map(nameOf).join(', ')}`
  return choice
}
