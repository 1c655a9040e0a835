// The source registry manager, mounted by the shell rather than the annotation panel: deleting or
// merging an entity reloads the open document, and the panel goes while it loads; the dialog (and
// the result it reports) must stay.
import { useMemo } from 'react'
import { frameOf } from '../../../shared/claims'
import type { AnnotationSchema, Annotations } from '../../../shared/model'
import type { Registry } from './use-entities'
import { entityUseCounts } from './entity-refs'
import { EntityManager } from './entity-manager'
import './entities.css'

/** The registry dialog while it is open; `annotations` are the open document's (for counts). */
export function RegistryDialog(props: {
  registry: Registry
  schema: AnnotationSchema
  annotations: Annotations | null
}) {
  const { registry, schema, annotations } = props
  const sourceLayer = frameOf(schema).sourceLayer
  const kinds = useMemo(() => {
    const layer = schema.layers.find((l) => l.id === sourceLayer)
    const kind = layer?.attributes.find((a) => a.name === 'kind')
    return kind?.type === 'enum' ? kind.values : []
  }, [schema, sourceLayer])
  // Counted only while the dialog is open: every tag would otherwise pay a pass over all spans.
  const open = registry.managerOpen
  const counts = useMemo(() => (open ? entityUseCounts(annotations) : null), [open, annotations])
  if (!open || !counts) return null
  return (
    <EntityManager
      entities={registry.entities}
      spanCounts={counts}
      kinds={kinds}
      busy={registry.busy}
      onSave={registry.saveEntity}
      onImpact={registry.removalImpact}
      onRemove={registry.removeEntity}
      onClose={registry.closeManager}
    />
  )
}
