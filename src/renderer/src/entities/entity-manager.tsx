// The source registry manager: every entity of the project with how many spans of the open document
// refer to it; edit one's name, kind, aliases and note; add one; delete one, or merge it into
// another. Deleting and merging go through main (`entities:remove`), which re-points or unlinks the
// spans of every document; before either, main counts what would change and the user confirms.
import { useMemo, useState } from 'react'
import type { Entity } from '../../../shared/model'
import { newId } from '../../../shared/ids'
import type { RemovalImpact } from './use-entities'
import { searchEntities } from './entity-names'
import { Modal } from '../common/modal'
import { EntityForm } from './entity-form'
import { useEntityEditor, draftOf, type Draft } from './use-entity-editor'

interface EntityManagerProps {
  entities: readonly Entity[]
  /** Spans of the open document per entity id. */
  spanCounts: ReadonlyMap<string, number>
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

/** The registry dialog. */
export function EntityManager(props: EntityManagerProps) {
  const { entities, spanCounts } = props
  const editor = useEntityEditor(props)
  const { draft, message } = editor

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
        <EntityList
          entities={entities}
          spanCounts={spanCounts}
          currentId={draft?.id ?? null}
          onShow={editor.show}
        />
        {draft ? (
          <EntityForm
            draft={draft}
            editor={editor}
            entities={entities}
            spanCount={spanCounts.get(draft.id) ?? 0}
            kinds={props.kinds}
            busy={props.busy}
          />
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

interface EntityListProps {
  entities: readonly Entity[]
  spanCounts: ReadonlyMap<string, number>
  currentId: string | null
  onShow: (draft: Draft) => void
}

/** The filterable list of entities, and "New entity". */
function EntityList({ entities, spanCounts, currentId, onShow }: EntityListProps) {
  const [query, setQuery] = useState('')
  const shown = useMemo(
    () => (query ? searchEntities(entities, query, 500) : [...entities]),
    [entities, query],
  )
  return (
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
              className={`entity-row${currentId === e.id ? ' current' : ''}`}
              aria-current={currentId === e.id}
              onClick={() => onShow(draftOf(e))}
            >
              <span>{e.name}</span>
              <span className="muted small">
                {e.kind || 'no kind'}
                {spanCounts.get(e.id) ? ` · ${spanCounts.get(e.id)} here` : ''}
              </span>
            </button>
          </li>
        ))}
        {shown.length === 0 && <li className="muted small">No entities.</li>}
      </ul>
      <button
        type="button"
        className="button small"
        onClick={() =>
          onShow({ id: newId('e'), isNew: true, name: '', kind: '', aliases: '', note: '' })
        }
      >
        New entity
      </button>
    </div>
  )
}
