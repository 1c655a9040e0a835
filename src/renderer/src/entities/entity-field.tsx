// The "Entity" field of a source span: the registry entity the span refers to, or suggestions from
// the registry (name or alias matching the span's text) as one-click buttons, a search over all
// entities, and "New entity from this text". Assigning may also add the span's text as an alias,
// so the next "Putin" is suggested at once; that is on by default only for names ("Putin", "the
// Kremlin"), never for generic phrases ("Russian state media") or pronouns ("he").
import { useId, useMemo, useState } from 'react'
import type { Entity, Span } from '../../../shared/model'
import { suggestEntities } from '../../../shared/registry'
import { looksLikeName, nameFromText } from './entity-names'
import { EntitySearch } from './entity-search'
import './entities.css'

interface EntityFieldProps {
  span: Span
  entities: readonly Entity[]
  busy: boolean
  onAssign: (entity: Entity, alias?: string) => void
  onCreate: (name: string, kind: string) => void
  onUnassign: () => void
  onManage: () => void
}

/** The entity field. */
export function EntityField(props: EntityFieldProps) {
  const { span, entities } = props
  const headingId = useId()
  const aliasId = useId()
  const text = nameFromText(span.quote.exact)
  const [addAlias, setAddAlias] = useState(() => looksLikeName(text))
  const [changing, setChanging] = useState(false)
  const kind = typeof span.attributes.kind === 'string' ? span.attributes.kind : ''

  const assign = (entity: Entity) => {
    setChanging(false)
    props.onAssign(entity, addAlias ? text : undefined)
  }

  return (
    <section className="entity-field" aria-labelledby={headingId}>
      <div className="span-links-head">
        <h3 id={headingId}>Entity</h3>
        <button type="button" className="link-button small" onClick={props.onManage}>
          Registry…
        </button>
      </div>
      {span.entityId && !changing ? (
        <LinkedEntity
          entityId={span.entityId}
          entities={entities}
          onChange={() => setChanging(true)}
          onUnassign={props.onUnassign}
        />
      ) : (
        <>
          <Suggestions {...props} text={text} onChoose={assign} />
          <EntitySearch entities={entities} disabled={props.busy} onChoose={assign} />
          <div className="checkbox-field">
            <input
              id={aliasId}
              type="checkbox"
              checked={addAlias}
              onChange={(e) => setAddAlias(e.target.checked)}
            />
            <label htmlFor={aliasId}>Add “{text}” to the entity’s aliases</label>
          </div>
          <div className="link-actions">
            <button
              type="button"
              className="button small"
              disabled={props.busy || text === ''}
              onClick={() => props.onCreate(text, kind)}
            >
              New entity from this text
            </button>
            {changing && (
              <button
                type="button"
                className="link-button small"
                onClick={() => setChanging(false)}
              >
                Cancel
              </button>
            )}
          </div>
        </>
      )}
    </section>
  )
}

/** The entity the span refers to (or a warning if the registry lacks it), with Change and Unlink. */
function LinkedEntity(props: {
  entityId: string
  entities: readonly Entity[]
  onChange: () => void
  onUnassign: () => void
}) {
  const linked = props.entities.find((e) => e.id === props.entityId)
  return (
    <div className="entity-linked">
      {linked ? (
        <span className="entity-chip" data-entity-id={linked.id}>
          <strong>{linked.name}</strong>
          {linked.kind && <span className="muted"> · {linked.kind}</span>}
        </span>
      ) : (
        <p className="callout warning small">
          This span refers to an entity that is not in the registry ({props.entityId}); the document
          cannot be saved until it is unlinked.
        </p>
      )}
      <div className="link-actions">
        <button type="button" className="button small" onClick={props.onChange}>
          Change…
        </button>
        <button type="button" className="button small" onClick={props.onUnassign}>
          Unlink
        </button>
      </div>
    </div>
  )
}

/** Registry entities whose name or aliases match the span's text, as one-click buttons. */
function Suggestions(
  props: EntityFieldProps & { text: string; onChoose: (entity: Entity) => void },
) {
  const { span, entities, text } = props
  const suggestions = useMemo(() => suggestEntities(text, entities), [text, entities])
  if (suggestions.length === 0) return null
  return (
    <div className="entity-suggestions" role="group" aria-label="Suggested entities">
      <span className="muted small">Suggested:</span>
      {suggestions.map(({ entity, reason }) => (
        <button
          key={entity.id}
          type="button"
          className="button small suggestion"
          disabled={props.busy || entity.id === span.entityId}
          title={
            reason === 'words'
              ? 'Shares words with the span'
              : `Matches its ${reason === 'exact' ? 'name' : 'alias'}`
          }
          onClick={() => props.onChoose(entity)}
        >
          {entity.name}
          {entity.kind && <span className="muted"> · {entity.kind}</span>}
        </button>
      ))}
    </div>
  )
}
