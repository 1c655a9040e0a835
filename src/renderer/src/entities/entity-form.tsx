// The registry dialog's form: one entity's name, kind, aliases and note, its actions (save, merge,
// delete), and the confirmation that shows what a delete or merge would change before it happens.
import { useEffect, useId, useRef } from 'react'
import type { Entity } from '../../../shared/model'
import { spansIn, type Draft, type Pending, type useEntityEditor } from './use-entity-editor'

interface EntityFormProps {
  draft: Draft
  editor: ReturnType<typeof useEntityEditor>
  entities: readonly Entity[]
  /** Spans of the open document that refer to the entity. */
  spanCount: number
  kinds: readonly string[]
  busy: boolean
}

/** The form editing (or adding) one entity. */
export function EntityForm({ draft, editor, entities, spanCount, kinds, busy }: EntityFormProps) {
  const { pending } = editor
  // The editor's actions never reject: each failure is the form's message.
  return (
    <form
      className="entity-manager-form"
      aria-label={draft.isNew ? 'New entity' : `Edit ${draft.name}`}
      onSubmit={(e) => {
        e.preventDefault()
        void editor.save()
      }}
    >
      <EntityFields draft={draft} kinds={kinds} onEdit={editor.edit} />
      {!draft.isNew && spanCount > 0 && (
        <p className="muted small">{spanCount} span(s) of this document refer to it.</p>
      )}
      <div className="link-actions">
        <button type="submit" className="button primary small" disabled={busy}>
          {draft.isNew ? 'Add entity' : 'Save changes'}
        </button>
        {draft.isNew ? (
          <button type="button" className="button small" onClick={editor.discard}>
            Discard
          </button>
        ) : (
          <>
            <button
              type="button"
              className="button small"
              disabled={busy || entities.length < 2}
              aria-expanded={pending?.action === 'merge'}
              onClick={() => void editor.prepare('merge')}
            >
              Merge into…
            </button>
            <button
              type="button"
              className="button danger small"
              disabled={busy}
              aria-expanded={pending?.action === 'delete'}
              onClick={() => void editor.prepare('delete')}
            >
              Delete…
            </button>
          </>
        )}
      </div>
      {pending && !draft.isNew && (
        <RemovalConfirm
          key={pending.action}
          pending={pending}
          name={draft.name}
          others={entities.filter((e) => e.id !== draft.id)}
          busy={busy}
          onTarget={(target) => void editor.prepare('merge', target)}
          onConfirm={() => void editor.confirm()}
          onCancel={editor.cancelRemoval}
        />
      )}
    </form>
  )
}

interface EntityFieldsProps {
  draft: Draft
  kinds: readonly string[]
  onEdit: (patch: Partial<Draft>) => void
}

/** The entity's name, kind (with the schema's kinds offered), aliases and note. */
function EntityFields({ draft, kinds, onEdit }: EntityFieldsProps) {
  const id = useId()
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          className="input"
          value={draft.name}
          maxLength={200}
          onChange={(e) => onEdit({ name: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>Kind</label>
        <input
          id={`${id}-kind`}
          className="input"
          list={`${id}-kinds`}
          value={draft.kind}
          maxLength={100}
          onChange={(e) => onEdit({ kind: e.target.value })}
        />
        <datalist id={`${id}-kinds`}>
          {kinds.map((k) => (
            <option key={k} value={k} />
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor={`${id}-aliases`}>Aliases (comma-separated)</label>
        <input
          id={`${id}-aliases`}
          className="input"
          value={draft.aliases}
          onChange={(e) => onEdit({ aliases: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>Note</label>
        <textarea
          id={`${id}-note`}
          className="input"
          rows={3}
          value={draft.note}
          onChange={(e) => onEdit({ note: e.target.value })}
        />
      </div>
    </>
  )
}

/** The confirmation under the form: what a delete or merge would change, and the buttons. */
function RemovalConfirm(props: {
  pending: Pending
  name: string
  others: readonly Entity[]
  busy: boolean
  onTarget: (id: string) => void
  onConfirm: () => void
  onCancel: () => void
}) {
  const { pending, name } = props
  const id = useId()
  const merge = pending.action === 'merge'
  const into = props.others.find((e) => e.id === pending.target)
  const { impact } = pending
  const ready = typeof impact === 'object' && 'spans' in impact && (!merge || !!into)
  const confirmButton = useRef<HTMLButtonElement>(null)
  // Once the count is in, the button that carries it out takes focus (Enter confirms).
  useEffect(() => {
    if (ready) confirmButton.current?.focus()
  }, [ready])
  let text: string
  if (merge && !into) text = `Choose the entity that “${name}” is the same as.`
  else if (impact === 'counting') text = 'Counting the spans that refer to it…'
  else if ('error' in impact) text = `Could not count the spans: ${impact.error}`
  else {
    const refs =
      impact.spans === 0
        ? `No span refers to “${name}”.`
        : `${spansIn(impact)} refer${impact.spans === 1 ? 's' : ''} to “${name}”.`
    text = merge
      ? `${refs} ${impact.spans === 0 ? '' : `They will point to “${into!.name}”, and `}“${name}” and its aliases become aliases of “${into!.name}”.`
      : `${refs} ${impact.spans === 0 ? '' : 'Deleting it unlinks them: the spans stay, with no entity.'}`
    if (impact.unreadable > 0)
      text += ` ${impact.unreadable} document(s) could not be read; the entity is kept until they are fixed.`
  }
  return (
    <div
      className="callout warning removal-confirm"
      role="group"
      aria-label={merge ? `Merge ${name}` : `Delete ${name}`}
    >
      {merge && (
        <div className="field">
          <label htmlFor={`${id}-into`}>Merge “{name}” into</label>
          <select
            id={`${id}-into`}
            className="input"
            value={pending.target}
            autoFocus
            onChange={(e) => props.onTarget(e.target.value)}
          >
            <option value="">Choose an entity…</option>
            {props.others.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
                {e.kind ? ` (${e.kind})` : ''}
              </option>
            ))}
          </select>
        </div>
      )}
      <p aria-live="polite">{text.trim()}</p>
      <div className="link-actions">
        <button
          ref={confirmButton}
          type="button"
          className={merge ? 'button primary small' : 'button danger small'}
          disabled={props.busy || !ready}
          onClick={props.onConfirm}
        >
          {merge ? `Merge into “${into?.name ?? '…'}”` : `Delete “${name}”`}
        </button>
        <button type="button" className="button small" onClick={props.onCancel}>
          {merge ? 'Cancel' : 'Keep'}
        </button>
      </div>
    </div>
  )
}
