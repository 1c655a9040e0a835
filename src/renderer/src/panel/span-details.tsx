// The selected span in the panel: its layer and label (changeable among the layer's labels), its
// attribute editors generated from the schema, its quote, and Delete.
import { useId, type ReactNode } from 'react'
import type { AnnotationSchema, Span } from '../../../shared/model'
import { withAttribute } from './attributes'
import type { SpanPatch } from '../editor-api'
import { AttributeField } from './attribute-field'

interface SpanDetailsProps {
  span: Span
  schema: AnnotationSchema
  onUpdate: (id: string, patch: SpanPatch) => void
  onDelete: (id: string) => void
  onBack: () => void
  /** A claim that no relation attributes to a source (flagged with a badge). */
  noSource?: boolean
  /** Further sections after the attributes (links, the entity field). */
  children?: ReactNode
  /** Why the span cannot be changed (a read-only project): its fields are disabled. */
  readOnly?: string | null
}

/** The editor of the selected span. */
export function SpanDetails(props: SpanDetailsProps) {
  const { span, schema, onUpdate, onDelete, onBack } = props
  const layer = schema.layers.find((l) => l.id === span.layer)
  const labelId = useId()
  const headingId = useId()
  const labels = layer?.labels.map((l) => l.name) ?? [span.label]
  if (!labels.includes(span.label)) labels.push(span.label)

  return (
    <section className="span-details" aria-labelledby={headingId}>
      <button type="button" className="link-button back" onClick={onBack}>
        <span aria-hidden="true">←</span> All spans <kbd>Esc</kbd>
      </button>
      <h2 id={headingId} className="details-heading">
        <span
          className="swatch"
          aria-hidden="true"
          style={{ background: layer?.color ?? '#808080' }}
        />
        {layer?.name ?? span.layer}
        <span className="visually-hidden"> span</span>
        {props.noSource && (
          <span className="flag-badge" title="No relation attributes this claim to a source">
            No source
          </span>
        )}
      </h2>
      {!layer && (
        <p className="callout warning">This span's layer “{span.layer}” is not in the schema.</p>
      )}
      <blockquote className="quote" aria-label="Quote">
        {span.quote.exact}
      </blockquote>
      {props.readOnly && (
        <p className="hint">Read-only: this span cannot be changed ({props.readOnly}).</p>
      )}
      <fieldset className="plain-fieldset" disabled={!!props.readOnly}>
        <div className="field">
          <label htmlFor={labelId}>Label</label>
          <select
            id={labelId}
            className="input"
            value={span.label}
            onChange={(e) => onUpdate(span.id, { label: e.target.value })}
            disabled={labels.length < 2}
          >
            {labels.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        {layer?.attributes.map((def) => (
          <AttributeField
            key={`${span.id}:${def.name}`}
            def={def}
            value={span.attributes[def.name]}
            onChange={(value) =>
              onUpdate(span.id, { attributes: withAttribute(span.attributes, def.name, value) })
            }
          />
        ))}
        {props.children}
        <p className="meta">
          {span.annotator && <>By {span.annotator} · </>}
          characters {span.start}–{span.end}
        </p>
        <button type="button" className="button danger" onClick={() => onDelete(span.id)}>
          Delete span <kbd>Del</kbd>
        </button>
      </fieldset>
    </section>
  )
}
