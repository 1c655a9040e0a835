// The selected span's links in the panel: each with its direction, type and the span at the other
// end (activating it shows that span), editors for the relation type's attributes (attribution and
// stance on `attributed_to`), and actions to move the other end or remove the link.
import type { AnnotationSchema, Attributes } from '../../../shared/model'
import type { SpanLink } from '../editor-api'
import { withAttribute } from './attributes'
import { clip } from '../article/link-text'
import { AttributeField } from './attribute-field'

interface SpanLinksProps {
  links: SpanLink[]
  schema: AnnotationSchema
  /** False when the schema links nothing to this span's layer. */
  canLink: boolean
  onLinkTo: () => void
  onShow: (spanId: string) => void
  onRetarget: (relationId: string, end: 'from' | 'to') => void
  onRemove: (relationId: string) => void
  onPatch: (relationId: string, attributes: Attributes) => void
}

/** The "Links" section of the span details. */
export function SpanLinks(props: SpanLinksProps) {
  const { links } = props
  return (
    <section className="span-links" aria-label="Links">
      <div className="span-links-head">
        <h3>Links</h3>
        {props.canLink && (
          <button
            type="button"
            className="button small"
            onClick={props.onLinkTo}
            aria-keyshortcuts="L"
          >
            Link to… <kbd>L</kbd>
          </button>
        )}
      </div>
      {links.length === 0 ? (
        <p className="muted small">
          {props.canLink
            ? 'No links yet. Press L, use “Link to…”, or drag the handle at the end of the highlight.'
            : 'The schema has no relation for this layer.'}
        </p>
      ) : (
        <ul className="link-items">
          {links.map((link) => (
            <LinkItem key={link.relation.id} link={link} {...props} />
          ))}
        </ul>
      )}
    </section>
  )
}

/** One link: its direction and type, the span at the other end, its attributes and actions. */
function LinkItem(props: SpanLinksProps & { link: SpanLink }) {
  const { schema } = props
  const { relation, direction, type, other } = props.link
  const layerName = (id: string | undefined) =>
    schema.layers.find((l) => l.id === id)?.name ?? id ?? 'span'
  const otherEnd = direction === 'out' ? 'to' : 'from'
  const name = type?.name ?? relation.type
  return (
    <li className="link-item" data-relation-id={relation.id}>
      <div className="link-item-head">
        <span className="link-type">{direction === 'out' ? `${name} →` : `← ${name}`}</span>
        {other ? (
          <button
            type="button"
            className="link-other"
            title={`Show this ${layerName(other.layer)} span`}
            onClick={() => props.onShow(other.id)}
            style={{
              borderInlineStartColor:
                schema.layers.find((l) => l.id === other.layer)?.color ?? '#808080',
            }}
          >
            <span className="visually-hidden">{layerName(other.layer)}: </span>
            {clip(other.quote.exact, 90)}
          </button>
        ) : (
          <span className="muted small">(missing span)</span>
        )}
      </div>
      {!type && (
        <p className="callout warning small">
          The relation type “{relation.type}” is not in the schema.
        </p>
      )}
      {type?.attributes.map((def) => (
        <AttributeField
          key={`${relation.id}:${def.name}`}
          def={def}
          value={relation.attributes[def.name]}
          onChange={(value) =>
            props.onPatch(relation.id, withAttribute(relation.attributes, def.name, value))
          }
        />
      ))}
      <div className="link-actions">
        {type && (
          <button
            type="button"
            className="button small"
            onClick={() => props.onRetarget(relation.id, otherEnd)}
          >
            Change {layerName(other?.layer).toLowerCase()}…
          </button>
        )}
        <button
          type="button"
          className="button small danger"
          onClick={() => props.onRemove(relation.id)}
        >
          Remove link
        </button>
      </div>
    </li>
  )
}
