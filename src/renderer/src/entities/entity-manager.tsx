// The source registry manager: every entity of the project with how many spans of the open document
// refer to it; edit one's name, kind, aliases and note; add one; delete one, or merge it into
// another. Deleting and merging go through main (`entities:remove`), which re-points or unlinks the
// spans of every document; before either, main counts what would change and the user confirms.
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { Entity } from '../../../shared/model'
import { newId } from '../../../shared/ids'
import type { RemovalImpact } from './use-entities'
import { messageOf } from '../common/error-message'
import { parseAliases, searchEntities } from './entity-names'
import { Modal } from '../common/modal'
import { plural } from '../common/plural'

interface EntityManagerProps {
  entities: readonly Entity[]
  /** Spans of the open document per entity id. */
  useCounts: ReadonlyMap<string, number>
  /** Kinds to offer (the source layer's `kind` values). */
  kinds: readonly string[]
  busy: boolean
  onSave: (entity: Entity) => Promise<string | null>
  /** Counts what deleting (or merging into `replaceWith`) would change, in every document. */
  onImpact: (id: string, replaceWith?: string) => Promise<RemovalImpact>
  /** Deletes the entity, or merges it into `replaceWith`; resolves with an error, or null. */
  onRemove: (id: string, replaceWith?: string) => Promise<string | null>
  onClose: () => void
}

/** A delete or merge waiting for the user's word, with main's count of what it would change. */
interface Pending {
  action: 'delete' | 'merge'
  /** The entity to merge into ('' until one is chosen). */
  target: string
  impact: RemovalImpact | 'counting' | { error: string }
}

interface Draft {
  id: string
  isNew: boolean
  name: string
  kind: string
  aliases: string
  note: string
}

function draftOf(e: Entity): Draft {
  return {
    id: e.id,
    isNew: false,
    name: e.name,
    kind: e.kind,
    aliases: e.aliases.join(', '),
    note: e.note,
  }
}

/** The registry dialog. */
export function EntityManager(props: EntityManagerProps) {
  const { entities, useCounts } = props
  const id = useId()
  const [query, setQuery] = useState('')
  const [draft, setDraft] = useState<Draft | null>(() =>
    entities[0] ? draftOf(entities[0]) : null,
  )
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null)
  const [pending, setPending] = useState<Pending | null>(null)
  // After a merge, the entity merged into is shown once the new registry arrives.
  const showNext = useRef<string | null>(null)
  useEffect(() => {
    const next = showNext.current && entities.find((e) => e.id === showNext.current)
    if (next) {
      showNext.current = null
      setDraft(draftOf(next))
    }
  }, [entities])
  const shown = useMemo(
    () => (query ? searchEntities(entities, query, 500) : [...entities]),
    [entities, query],
  )
  const edit = (patch: Partial<Draft>) => draft && setDraft({ ...draft, ...patch })

  const save = async () => {
    if (!draft) return
    const name = draft.name.replace(/\s+/g, ' ').trim()
    if (!name) return setMessage({ kind: 'error', text: 'An entity needs a name.' })
    const entity: Entity = {
      id: draft.id,
      name,
      kind: draft.kind.trim(),
      aliases: parseAliases(draft.aliases),
      note: draft.note,
    }
    const error = await props.onSave(entity)
    if (error) setMessage({ kind: 'error', text: `Not saved: ${error}` })
    else {
      setDraft(draftOf(entity))
      setMessage({ kind: 'ok', text: `Saved “${name}”.` })
    }
  }

  /** Asks main what deleting, or merging into `target`, would change, and shows it. */
  const prepare = async (action: Pending['action'], target = '') => {
    if (!draft) return
    const entityId = draft.id
    setMessage(null)
    if (action === 'merge' && !target) return setPending({ action, target, impact: 'counting' })
    setPending({ action, target, impact: 'counting' })
    let impact: Pending['impact']
    try {
      impact = await props.onImpact(entityId, target || undefined)
    } catch (error) {
      impact = { error: messageOf(error) }
    }
    // Only if the user has not moved on meanwhile.
    setPending((p) => (p && p.action === action && p.target === target ? { ...p, impact } : p))
  }

  const confirm = async () => {
    if (!draft || !pending) return
    const { action, target, impact } = pending
    const name = draft.name
    const into = entities.find((e) => e.id === target)
    setPending(null)
    const error = await props.onRemove(draft.id, action === 'merge' ? target : undefined)
    if (error) {
      return setMessage({
        kind: 'error',
        text: `${action === 'merge' ? 'Not merged' : 'Not deleted'}: ${error}`,
      })
    }
    const where = typeof impact === 'object' && 'spans' in impact ? spansIn(impact) : null
    if (action === 'merge') {
      showNext.current = target
      setMessage({
        kind: 'ok',
        text: `Merged “${name}” into “${into?.name ?? target}”${where ? `: ${where} now point to it` : ''}.`,
      })
    } else {
      setMessage({ kind: 'ok', text: `Deleted “${name}”${where ? `: ${where} unlinked` : ''}.` })
    }
    setDraft(null)
  }

  return (
    <Modal
      title="Source registry"
      onClose={props.onClose}
      actions={
        <button type="button" className="button primary" onClick={props.onClose}>
          Close
        </button>
      }
    >
      <p className="hint">
        People and organisations that source spans in any document of the project refer to. Deleting
        one unlinks its spans; merging it into another moves its spans and names there.
      </p>
      <div className="entity-manager">
        <div className="entity-manager-list">
          <input
            className="input"
            type="search"
            aria-label="Filter entities"
            placeholder="Filter"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <ul aria-label="Entities">
            {shown.map((e) => (
              <li key={e.id}>
                <button
                  type="button"
                  className={`entity-row${draft?.id === e.id ? ' current' : ''}`}
                  aria-current={draft?.id === e.id}
                  onClick={() => {
                    setDraft(draftOf(e))
                    setMessage(null)
                    setPending(null)
                  }}
                >
                  <span>{e.name}</span>
                  <span className="muted small">
                    {e.kind || 'no kind'}
                    {useCounts.get(e.id) ? ` · ${useCounts.get(e.id)} here` : ''}
                  </span>
                </button>
              </li>
            ))}
            {shown.length === 0 && <li className="muted small">No entities.</li>}
          </ul>
          <button
            type="button"
            className="button small"
            onClick={() => {
              setDraft({ id: newId('e'), isNew: true, name: '', kind: '', aliases: '', note: '' })
              setMessage(null)
              setPending(null)
            }}
          >
            New entity
          </button>
        </div>
        {draft ? (
          <form
            className="entity-manager-form"
            aria-label={draft.isNew ? 'New entity' : `Edit ${draft.name}`}
            onSubmit={(e) => {
              e.preventDefault()
              void save()
            }}
          >
            <div className="field">
              <label htmlFor={`${id}-name`}>Name</label>
              <input
                id={`${id}-name`}
                className="input"
                value={draft.name}
                maxLength={200}
                onChange={(e) => edit({ name: e.target.value })}
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
                onChange={(e) => edit({ kind: e.target.value })}
              />
              <datalist id={`${id}-kinds`}>
                {props.kinds.map((k) => (
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
                onChange={(e) => edit({ aliases: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-note`}>Note</label>
              <textarea
                id={`${id}-note`}
                className="input"
                rows={3}
                value={draft.note}
                onChange={(e) => edit({ note: e.target.value })}
              />
            </div>
            {!draft.isNew && (useCounts.get(draft.id) ?? 0) > 0 && (
              <p className="muted small">
                {useCounts.get(draft.id)} span(s) of this document refer to it.
              </p>
            )}
            <div className="link-actions">
              <button type="submit" className="button primary small" disabled={props.busy}>
                {draft.isNew ? 'Add entity' : 'Save changes'}
              </button>
              {draft.isNew ? (
                <button type="button" className="button small" onClick={() => setDraft(null)}>
                  Discard
                </button>
              ) : (
                <>
                  <button
                    type="button"
                    className="button small"
                    disabled={props.busy || entities.length < 2}
                    aria-expanded={pending?.action === 'merge'}
                    onClick={() => void prepare('merge')}
                  >
                    Merge into…
                  </button>
                  <button
                    type="button"
                    className="button danger small"
                    disabled={props.busy}
                    aria-expanded={pending?.action === 'delete'}
                    onClick={() => void prepare('delete')}
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
                busy={props.busy}
                onTarget={(target) => void prepare('merge', target)}
                onConfirm={() => void confirm()}
                onCancel={() => setPending(null)}
              />
            )}
          </form>
        ) : (
          <p className="muted">Choose an entity, or add one.</p>
        )}
      </div>
      {message && (
        <p className={message.kind === 'error' ? 'callout error' : 'callout'} role="status">
          {message.text}
        </p>
      )}
    </Modal>
  )
}

/** "3 spans in 2 documents". */
function spansIn(impact: RemovalImpact): string {
  const spans = plural(impact.spans, 'span')
  return `${spans} in ${plural(impact.documents, 'document')}`
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
