// The article view's right-hand pane, the one part of the workbench that follows every edit: it
// reads the open document's annotations and selected span from their stores (useCurrentDocument),
// so a tag, a change or a selection re-renders this pane and not the shell, the documents list or
// the article pane around it.
import type { AnnotationSchema, Annotations } from '../../../shared/model'
import { useStoreSelect, useStoreValue } from '../common/value-store'
import { AnnotationPanel } from '../panel/annotation-panel'
import type { Registry } from '../entities/use-entities'
import { ComparePanel } from '../team/compare-panel'
import { LaterDialog } from './later-dialog'
import type { ShellState } from './use-shell-state'

interface ArticleSidePanelProps {
  s: ShellState
  /** The schema of the set shown (another analyst's may differ). */
  schema: AnnotationSchema
  /** The annotation set shown instead of the analyst's own (read-only), if any. */
  other: ShellState['shownSet']['shown']
  readOnly: string | null
}

/** The annotation panel of the set shown, or the differences of an overlay. */
export function ArticleSidePanel({ s, schema, other, readOnly }: ArticleSidePanelProps) {
  const { doc, article, registry } = s
  const { actions, linking } = article
  const own = useStoreValue(doc.annotations)
  const selectedId = useStoreValue(doc.selectedId)
  const annotations = other ? other.file.annotations : own
  if (other?.compare)
    return (
      <ComparePanel
        view={other.compare}
        schema={s.schema ?? schema}
        selectedId={selectedId}
        onShowSpan={actions.showSpan}
      />
    )
  if (!annotations) return <section className="annotation-panel" aria-label="Annotations" />
  return (
    <AnnotationPanel
      key={other ? `${doc.docId}:${other.key}` : doc.docId}
      schema={schema}
      annotations={annotations}
      selectedId={selectedId}
      onShowSpan={actions.showSpan}
      onClearSelection={actions.clearSelection}
      onUpdateSpan={actions.patchSpan}
      onDeleteSpan={actions.deleteSpan}
      onDocLabels={actions.changeDocLabels}
      linking={linking}
      registry={registry}
      readOnly={readOnly}
    />
  )
}

/**
 * The source registry's dialog, with the open document's annotations (for its counts) read only
 * while it is open: closed, an edit does not re-render it. Its code is in the dialogs' chunk
 * (split-code.ts).
 */
export function CurrentRegistryDialog(props: {
  registry: Registry
  schema: AnnotationSchema
  annotations: ShellState['doc']['annotations']
}) {
  const { registry, annotations } = props
  const open = registry.managerOpen
  const shown = useStoreSelect(annotations, (a): Annotations | null => (open ? a : null))
  if (!open) return null
  return (
    <LaterDialog name="Source registry" onClose={registry.closeManager}>
      {({ RegistryDialog }) => (
        <RegistryDialog registry={registry} schema={props.schema} annotations={shown} />
      )}
    </LaterDialog>
  )
}
