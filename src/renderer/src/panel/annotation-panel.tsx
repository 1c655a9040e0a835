// The right-hand pane: the selected span's editor (with its links and, for a source, its entity),
// or else the grouped span list with claims lacking a source flagged; document labels below either.
// The filter lives here so it survives selecting and deselecting spans.
import { useMemo, useState } from 'react'
import { frameOf } from '../../../shared/claims'
import type { AnnotationSchema, Annotations, DocLabels, Span } from '../../../shared/model'
import { linkOptionsFor, spanLinks, type SpanPatch } from '../editor-api'
import type { Registry } from '../entities/use-entities'
import type { Linking } from '../article/use-linking'
import { usePaintedValue } from '../common/use-painted-value'
import type { SpanFilter } from './span-groups'
import { isUnsourcedClaim, unsourcedClaimIds } from './unsourced'
import { DocLabelsEditor } from './doc-labels-editor'
import { EntityField } from '../entities/entity-field'
import { SpanDetails } from './span-details'
import { SpanLinks } from './span-links'
import { SpanList } from './span-list'
import './panel.css'

interface AnnotationPanelProps {
  schema: AnnotationSchema
  annotations: Annotations
  selectedId: string | null
  onShowSpan: (spanId: string) => void
  onClearSelection: () => void
  onUpdateSpan: (id: string, patch: SpanPatch) => void
  onDeleteSpan: (id: string) => void
  onDocLabels: (labels: DocLabels) => void
  /** Links of the selected span (left out: no links section). */
  linking?: Linking
  /** The source registry (left out: no entity field). */
  registry?: Registry
  /** Why nothing may be changed (a read-only project): the editing controls are disabled. */
  readOnly?: string | null
}

/** The annotation panel. */
export function AnnotationPanel(props: AnnotationPanelProps) {
  const { schema, annotations, selectedId, linking, registry } = props
  const [filter, setFilter] = useState<SpanFilter>({ label: null, text: '' })
  const selected = useMemo(
    () => (selectedId ? (annotations.spans.find((s) => s.id === selectedId) ?? null) : null),
    [annotations.spans, selectedId],
  )
  const { listed, unsourced } = useListedSpans(schema, annotations, !!selected)
  const links = useSelectedLinks(schema, annotations, selected)
  const frame = frameOf(schema)

  // assign() and createFor() never reject: a failed registry write is shown as a notice.
  return (
    <section className="annotation-panel" aria-label="Annotations">
      <div className="span-list-holder" data-shown={!selected} aria-hidden={!!selected}>
        <SpanList
          spans={listed.spans}
          schema={schema}
          filter={filter}
          onFilter={setFilter}
          onShow={props.onShowSpan}
          unsourced={unsourced}
        />
      </div>
      {selected && (
        <SpanDetails
          span={selected}
          schema={schema}
          onUpdate={props.onUpdateSpan}
          onDelete={props.onDeleteSpan}
          onBack={props.onClearSelection}
          noSource={isUnsourcedClaim(schema, annotations, selected)}
          readOnly={props.readOnly}
        >
          {registry && selected.layer === frame.sourceLayer && (
            <EntityField
              key={selected.id}
              span={selected}
              entities={registry.entities}
              busy={registry.busy}
              onAssign={(entity, alias) => void registry.assign(selected.id, entity, alias)}
              onCreate={(name, kind) => void registry.createFor(selected.id, name, kind)}
              onUnassign={() => registry.unassign(selected.id)}
              onManage={registry.openManager}
            />
          )}
          {linking && (
            <SpanLinks
              links={links}
              schema={schema}
              canLink={linkOptionsFor(schema, selected.layer).length > 0}
              onLinkTo={() => linking.openPicker(selected.id)}
              onShow={props.onShowSpan}
              onRetarget={(relationId, end) => linking.openPicker(selected.id, { relationId, end })}
              onRemove={linking.removeLink}
              onPatch={linking.patchLink}
            />
          )}
        </SpanDetails>
      )}
      <fieldset className="plain-fieldset" disabled={!!props.readOnly}>
        <DocLabelsEditor
          sets={schema.labelSets}
          labels={annotations.docLabels}
          onChange={props.onDocLabels}
        />
      </fieldset>
    </section>
  )
}

/**
 * The annotations the span list shows, and its unsourced claims. Every unsourced claim is worked
 * out only for the list; for a selected span only whether it is one, so tagging and editing a span
 * do not pay a pass over every span on each change.
 *
 * The list stays mounted (hidden) while a span is selected, as it was when last shown: going back
 * to it (Esc, deleting the span) then updates a few items instead of building hundreds. It is
 * hidden by `content-visibility: hidden` (panel.css), which keeps its layout, rather than `hidden`
 * (display: none), which throws the layout away: laying out and shaping the text of its ~600 items
 * again cost 50–700 ms on every delete at 20,000 spans.
 *
 * It follows a change a frame late (usePaintedValue): when the selected span is deleted or
 * deselected, the key's frame shows the article's change and the list as it was, and the list's
 * regrouping (~15 ms over 20,000 spans, in one component) starts only after that frame is painted,
 * in a render that React interrupts between components when input or a frame is due. (With
 * useDeferredValue it started in the task right after the key's, before that frame.)
 */
function useListedSpans(schema: AnnotationSchema, annotations: Annotations, selected: boolean) {
  const listed = usePaintedValue(useLastWhile(selected, annotations))
  const unsourced = useMemo(() => unsourcedClaimIds(schema, listed), [schema, listed])
  return { listed, unsourced }
}

/** `value`, or while `frozen` the value it had when last not frozen. */
function useLastWhile<T>(frozen: boolean, value: T): T {
  const [last, setLast] = useState(value)
  // Stored during render (React's pattern for information from earlier renders), not in an effect:
  // an effect would show the stale value for a frame.
  if (!frozen && last !== value) setLast(value)
  return frozen ? last : value
}

/** The links of the selected span, looking up only the spans at their other ends. */
function useSelectedLinks(
  schema: AnnotationSchema,
  annotations: Annotations,
  selected: Span | null,
) {
  return useMemo(() => {
    if (!selected) return []
    // Only the spans at the other ends are looked up (a map of every span costs ~10 ms at 20k).
    const ends = new Set<string>()
    for (const r of annotations.relations)
      if (r.from === selected.id) ends.add(r.to)
      else if (r.to === selected.id) ends.add(r.from)
    // A span just tagged has none: then no span is looked at (this runs on every change).
    if (ends.size === 0) return []
    const spans = new Map<string, Span>()
    for (const s of annotations.spans) {
      if (!ends.has(s.id)) continue
      spans.set(s.id, s)
      if (spans.size === ends.size) break
    }
    return spanLinks({ schema, spans, relations: annotations.relations }, selected.id)
  }, [schema, annotations, selected])
}
