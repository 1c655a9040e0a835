// The right-hand pane: the selected span's editor, or else the grouped span list; document labels
// below either. The filter lives here so it survives selecting and deselecting spans.
import { useMemo, useState } from 'react'
import type { AnnotationSchema, Annotations, DocLabels } from '../../../shared/model'
import type { SpanPatch } from '../editor-api'
import type { SpanFilter } from '../lib/span-groups'
import { DocLabelsEditor } from './doc-labels-editor'
import { SpanDetails } from './span-details'
import { SpanList } from './span-list'

interface AnnotationPanelProps {
  schema: AnnotationSchema
  annotations: Annotations
  selectedId: string | null
  onShowSpan: (spanId: string) => void
  onClearSelection: () => void
  onUpdateSpan: (id: string, patch: SpanPatch) => void
  onDeleteSpan: (id: string) => void
  onDocLabels: (labels: DocLabels) => void
}

/** The annotation panel. */
export function AnnotationPanel(props: AnnotationPanelProps) {
  const { schema, annotations, selectedId } = props
  const [filter, setFilter] = useState<SpanFilter>({ label: null, text: '' })
  const selected = useMemo(
    () => (selectedId ? (annotations.spans.find((s) => s.id === selectedId) ?? null) : null),
    [annotations.spans, selectedId],
  )
  return (
    <aside className="annotation-panel" aria-label="Annotations">
      {selected ? (
        <SpanDetails
          span={selected}
          schema={schema}
          onUpdate={props.onUpdateSpan}
          onDelete={props.onDeleteSpan}
          onBack={props.onClearSelection}
        />
      ) : (
        <SpanList
          spans={annotations.spans}
          schema={schema}
          filter={filter}
          onFilter={setFilter}
          onShow={props.onShowSpan}
        />
      )}
      <DocLabelsEditor
        sets={schema.labelSets}
        labels={annotations.docLabels}
        onChange={props.onDocLabels}
      />
    </aside>
  )
}
