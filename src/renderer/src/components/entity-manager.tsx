// The source registry manager: every entity of the project with how many spans of the open document
// refer to it; edit one's name, kind, aliases and note; add one; delete one nothing refers to.
// Deleting is refused while the open document (or its undo history) or another document's claim
// sources refer to the entity, because storage would then refuse to save those documents; a source
// span in another document that is linked to no claim is not seen (see lib/entity-refs.ts).
import { useId, useMemo, useState } from 'react'
import type { Entity } from '../../../shared/model'
import { newId } from '../../../shared/ids'
import { parseAliases, searchEntities } from '../lib/entity-search'
import { Modal } from './modal'

interface EntityManagerProps {
  entities: readonly Entity[]
  /** Spans of the open document per entity id. */
  useCounts: ReadonlyMap<string, number>
  /** Kinds to offer (the source layer's `kind` values). */
  kinds: readonly string[]
  busy: boolean
  onSave: (entity: Entity) => Promise<string | null>
  onDelete: (id: string) => Promise<string | null>
  onClose: () => void
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
  const [confirming, setConfirming] = useState(false)
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

  const remove = async () => {
    if (!draft) return
    setConfirming(false)
    if (draft.isNew) return setDraft(null)
    const error = await props.onDelete(draft.id)
    if (error) setMessage({ kind: 'error', text: `Not deleted: ${error}` })
    else {
      setMessage({ kind: 'ok', text: `Deleted “${draft.name}”.` })
      setDraft(null)
    }
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
        People and organisations that source spans in any document of the project refer to. An
        entity can be deleted only when no span refers to it.
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
                    setConfirming(false)
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
              {confirming ? (
                <>
                  <button
                    type="button"
                    className="button danger small"
                    disabled={props.busy}
                    onClick={() => void remove()}
                    autoFocus
                  >
                    Delete “{draft.name}”
                  </button>
                  <button
                    type="button"
                    className="button small"
                    onClick={() => setConfirming(false)}
                  >
                    Keep
                  </button>
                </>
              ) : (
                <button
                  type="button"
                  className="button danger small"
                  disabled={props.busy}
                  onClick={() => (draft.isNew ? void remove() : setConfirming(true))}
                >
                  {draft.isNew ? 'Discard' : 'Delete…'}
                </button>
              )}
            </div>
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
