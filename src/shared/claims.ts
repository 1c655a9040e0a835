// The claims table: who claimed what, how, and with what stance. A claim's frame is read from the
// stored annotations through the schema's frame roles (which layer holds claims, which relation
// attributes a claim to its source, …), so a project whose schema renames layers still gets a table.
import type { AnnotationSchema, DocumentFile, Entity, Frame, Relation, Span } from './model'

/** One source a claim is attributed to, with the relation's attribution kind and stance. */
export interface ClaimSource {
  spanId: string
  text: string
  entityId: string | null
  entityName: string | null
  relationId: string
  attribution: string | null
  stance: string | null
}

/** One row of the claims table. */
export interface ClaimRow {
  /** Whose annotations the row comes from (a set id), when a table holds several analysts'. */
  analyst?: string
  documentId: string
  documentTitle: string
  claimId: string
  claimText: string
  start: number
  end: number
  checkability: string | null
  sources: ClaimSource[]
  cues: { spanId: string; text: string }[]
  /** Sentiment spans overlapping the claim, with their polarity. */
  sentiments: { spanId: string; text: string; polarity: string | null }[]
}

/** The frame roles of the default schema, used when a schema names none. */
export const DEFAULT_FRAME: Frame = {
  claimLayer: 'claim',
  sourceLayer: 'source',
  cueLayer: 'cue',
  sentimentLayer: 'sentiment',
  attribution: 'attributed_to',
  cueRelation: 'cue_of',
}

/** The schema's frame roles, falling back to the default schema's ids. */
export function frameOf(schema: AnnotationSchema): Frame {
  return schema.frame ?? DEFAULT_FRAME
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null
}

/** Builds the claims-table rows of one document, in reading order. */
export function claimRows(
  schema: AnnotationSchema,
  file: DocumentFile,
  entities: readonly Entity[],
): ClaimRow[] {
  const frame = frameOf(schema)
  const { spans, relations } = file.annotations
  const byId = new Map(spans.map((s) => [s.id, s]))
  const entityName = new Map(entities.map((e) => [e.id, e.name]))
  const outgoing = groupBy(relations, (r) => r.from)
  const incoming = groupBy(relations, (r) => r.to)
  const sentiments = spans.filter((s) => s.layer === frame.sentimentLayer)
  const claims = spans
    .filter((s) => s.layer === frame.claimLayer)
    .sort((a, b) => a.start - b.start || a.end - b.end)
  return claims.map((claim) => {
    const sources: ClaimSource[] = []
    for (const r of outgoing.get(claim.id) ?? []) {
      const target = byId.get(r.to)
      if (r.type !== frame.attribution || !target) continue
      sources.push({
        spanId: target.id,
        text: target.quote.exact,
        entityId: target.entityId ?? null,
        entityName: target.entityId ? (entityName.get(target.entityId) ?? null) : null,
        relationId: r.id,
        attribution: str(r.attributes.attribution),
        stance: str(r.attributes.stance),
      })
    }
    const cues = (incoming.get(claim.id) ?? [])
      .filter((r) => r.type === frame.cueRelation)
      .map((r) => byId.get(r.from))
      .filter((s): s is Span => !!s)
      .map((s) => ({ spanId: s.id, text: s.quote.exact }))
    return {
      documentId: file.document.id,
      documentTitle: file.document.title,
      claimId: claim.id,
      claimText: claim.quote.exact,
      start: claim.start,
      end: claim.end,
      checkability: str(claim.attributes.checkability),
      sources,
      cues,
      sentiments: sentiments
        .filter((s) => s.start < claim.end && claim.start < s.end)
        .map((s) => ({ spanId: s.id, text: s.quote.exact, polarity: str(s.attributes.polarity) })),
    }
  })
}

/** Claims of a document that are attributed to no source. */
export function claimsWithoutSource(schema: AnnotationSchema, file: DocumentFile): Span[] {
  const frame = frameOf(schema)
  const attributed = new Set(
    file.annotations.relations.filter((r) => r.type === frame.attribution).map((r) => r.from),
  )
  return file.annotations.spans.filter((s) => s.layer === frame.claimLayer && !attributed.has(s.id))
}

/** A claim attributed to no source, located for a report (CLI `stats`, the claims panel). */
export interface UnsourcedClaim {
  documentId: string
  documentTitle: string
  claimId: string
  text: string
  start: number
  end: number
}

/** Claims of a document attributed to no source, in reading order, with their document. */
export function unsourcedClaims(schema: AnnotationSchema, file: DocumentFile): UnsourcedClaim[] {
  return claimsWithoutSource(schema, file)
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((s) => ({
      documentId: file.document.id,
      documentTitle: file.document.title,
      claimId: s.id,
      text: s.quote.exact,
      start: s.start,
      end: s.end,
    }))
}

/** Per-entity summary: claims, their checkability and sentiment mix, and documents. */
export interface SourceSummary {
  /** Whose claims these are (a set id), when the table holds several analysts'. */
  analyst?: string
  entityId: string | null
  name: string
  claims: number
  checkability: Record<string, number>
  sentiment: Record<string, number>
  documents: { id: string; title: string }[]
}

/**
 * The key a source is summarised under: its entity, or (not linked to one) its text, case-folded,
 * so "Putin" and "putin" without an entity are one source.
 */
export function sourceKey(src: { entityId: string | null; text: string }): string {
  return src.entityId ? `e:${src.entityId}` : `t:${src.text.toLowerCase()}`
}

/**
 * Summarises claims by the entity of their source. Sources not linked to an entity are grouped by
 * their text, so an unlinked "Putin" still shows up (with a null entity id).
 */
export function sourceSummaries(rows: readonly ClaimRow[]): SourceSummary[] {
  // Each summary with the ids of the documents it lists: a source named in thousands of documents
  // is looked up once per claim, not searched through its list (10,000 documents took 14-20 s).
  const out = new Map<string, { sum: SourceSummary; listed: Set<string> }>()
  for (const row of rows) {
    // Most claims have one source: no set to see a source twice in them.
    const seen = row.sources.length > 1 ? new Set<string>() : null
    for (const src of row.sources) {
      const key = sourceKey(src)
      if (seen) {
        if (seen.has(key)) continue
        seen.add(key)
      }
      let entry = out.get(key)
      if (!entry) {
        const sum: SourceSummary = {
          entityId: src.entityId,
          name: src.entityName ?? src.text,
          claims: 0,
          checkability: {},
          sentiment: {},
          documents: [],
        }
        entry = { sum, listed: new Set() }
        out.set(key, entry)
      }
      const { sum, listed } = entry
      sum.claims++
      const c = row.checkability ?? 'unset'
      sum.checkability[c] = (sum.checkability[c] ?? 0) + 1
      for (const s of row.sentiments) {
        const p = s.polarity ?? 'unset'
        sum.sentiment[p] = (sum.sentiment[p] ?? 0) + 1
      }
      if (!listed.has(row.documentId)) {
        listed.add(row.documentId)
        sum.documents.push({ id: row.documentId, title: row.documentTitle })
      }
    }
  }
  return [...out.values()]
    .map((e) => e.sum)
    .sort((a, b) => b.claims - a.claims || a.name.localeCompare(b.name))
}

function groupBy(relations: readonly Relation[], key: (r: Relation) => string) {
  const map = new Map<string, Relation[]>()
  for (const r of relations) {
    const k = key(r)
    const list = map.get(k)
    if (list) list.push(r)
    else map.set(k, [r])
  }
  return map
}
