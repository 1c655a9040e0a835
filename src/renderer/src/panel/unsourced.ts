// Claims with no source, for the "No source" badges: read through the schema's frame roles with the
// shared rule (`claimsWithoutSource`), so the panel flags exactly what `stats` and the claims table
// report.
import { claimsWithoutSource, frameOf } from '../../../shared/claims'
import type { AnnotationSchema, Annotations, DocumentFile, Span } from '../../../shared/model'

/** Ids of the claims of these annotations that no `attribution` relation links to a source. */
export function unsourcedClaimIds(
  schema: AnnotationSchema,
  annotations: Annotations,
): ReadonlySet<string> {
  // The rule reads only the file's annotations; the rest of a DocumentFile plays no part.
  const file = { annotations } as Pick<DocumentFile, 'annotations'> as DocumentFile
  return new Set(claimsWithoutSource(schema, file).map((s) => s.id))
}

/**
 * Whether one span is a claim that no `attribution` relation links to a source: the rule of
 * `claimsWithoutSource` for a single span, a pass over the relations rather than every span.
 */
export function isUnsourcedClaim(
  schema: AnnotationSchema,
  annotations: Pick<Annotations, 'relations'>,
  span: Span,
): boolean {
  const frame = frameOf(schema)
  if (span.layer !== frame.claimLayer) return false
  return !annotations.relations.some((r) => r.type === frame.attribution && r.from === span.id)
}
