// Whether an entity of the registry is still referred to, so deleting it cannot leave a document
// that storage refuses to save (a span's `entityId` must name an entity of the registry). The open
// document is checked in full, including what undo or redo could bring back; other documents only
// through the claims table main computes (sources linked to claims), which is the limit of this
// check: a source span that is linked to an entity but to no claim is not seen there.
import type { ClaimRow } from '../../../shared/claims'
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

/** Titles of the other documents whose claims' sources refer to the entity. */
export function documentsReferring(
  rows: readonly ClaimRow[],
  entityId: string,
  exceptDocId: string | null,
): string[] {
  const titles = new Set<string>()
  for (const row of rows)
    if (row.documentId !== exceptDocId && row.sources.some((s) => s.entityId === entityId))
      titles.add(row.documentTitle || row.documentId)
  return [...titles]
}
