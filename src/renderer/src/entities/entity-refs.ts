// Where the open document refers to entities of the registry: how many of its spans name each
// entity (the registry dialog shows the counts), and whether its undo or redo history holds a span
// naming one, since undo could bring back a reference to an entity main has since deleted or merged.
import type { Annotations, Span } from '../../../shared/model'

/** Anything that holds spans in its before/after state: the editor's undo records. */
interface SpanRecord {
  kind: string
  span?: Span
  before?: unknown
  after?: unknown
}

/** How many spans of the annotations refer to each entity. */
export function entityUseCounts(annotations: Annotations | null): Map<string, number> {
  const counts = new Map<string, number>()
  for (const s of annotations?.spans ?? [])
    if (s.entityId) counts.set(s.entityId, (counts.get(s.entityId) ?? 0) + 1)
  return counts
}

/** True when an undo or redo record holds a span that refers to the entity. */
export function historyRefersTo(records: readonly SpanRecord[], entityId: string): boolean {
  const refers = (v: unknown) =>
    typeof v === 'object' && v !== null && (v as Partial<Span>).entityId === entityId
  return records.some((r) => refers(r.span) || refers(r.before) || refers(r.after))
}
