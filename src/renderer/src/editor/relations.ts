// What the schema allows to be linked, and to what a span could link: the rules behind the link
// picker, drag-to-link and retargeting. Relation types name the layers allowed at each end; a span
// can take part as the `from` end ("out": a claim attributed to a source) or as the `to` end ("in":
// a source a claim is attributed to), so a link can be started from either end. Plain functions over
// spans and relations (no view), tested in Node.
import type {
  AnnotationSchema,
  AttributeDef,
  Attributes,
  Relation,
  RelationType,
  Span,
} from '../../../shared/model'

/** "out": the span is the relation's `from` end; "in": its `to` end. */
export type LinkDirection = 'out' | 'in'

/** The spans and relations the rules look at (the plugin state, or a document's annotations). */
export interface LinkData {
  schema: AnnotationSchema
  spans: { get(id: string): Span | undefined; values(): Iterable<Span> }
  relations: readonly Relation[]
}

/** A span the picker offers, and how far it is from the span being linked (in characters). */
export interface LinkCandidate {
  span: Span
  distance: number
}

/** The candidates of one relation type in one direction, nearest first. */
export interface CandidateGroup {
  type: RelationType
  direction: LinkDirection
  candidates: LinkCandidate[]
}

/** The ends of a relation to make: its type id and its `from` and `to` span ids. */
export interface LinkEnds {
  type: string
  from: string
  to: string
}

/** Candidates shown per group by default: nearby ones are what an analyst links. */
export const CANDIDATE_LIMIT = 12

/** Relation types a span of `layerId` can take part in, with the end it would be. */
export function linkOptionsFor(
  schema: AnnotationSchema,
  layerId: string,
): { type: RelationType; direction: LinkDirection }[] {
  const out: { type: RelationType; direction: LinkDirection }[] = []
  for (const type of schema.relationTypes) {
    if (type.from.includes(layerId)) out.push({ type, direction: 'out' })
    if (type.to.includes(layerId)) out.push({ type, direction: 'in' })
  }
  return out
}

/** The relation types that may go from a span of layer `from` to one of layer `to`. */
export function allowedTypes(schema: AnnotationSchema, from: string, to: string): RelationType[] {
  return schema.relationTypes.filter((t) => t.from.includes(from) && t.to.includes(to))
}

/** Characters between two ranges (0 when they touch or overlap). */
export function spanDistance(a: Pick<Span, 'start' | 'end'>, b: Pick<Span, 'start' | 'end'>) {
  return Math.max(0, Math.max(a.start, b.start) - Math.min(a.end, b.end))
}

function layerName(schema: AnnotationSchema, layerId: string): string {
  return schema.layers.find((l) => l.id === layerId)?.name ?? layerId
}

/** Why the schema does not allow `relation` between these spans, or null if it does. */
export function schemaProblem(data: LinkData, relation: Pick<Relation, 'type' | 'from' | 'to'>) {
  const type = data.schema.relationTypes.find((t) => t.id === relation.type)
  if (!type) return `the schema has no relation type “${relation.type}”`
  const from = data.spans.get(relation.from)
  const to = data.spans.get(relation.to)
  if (!from || !to) return 'one end of the link no longer exists'
  if (from.id === to.id) return 'a span cannot be linked to itself'
  if (!type.from.includes(from.layer))
    return `“${type.name}” cannot start at a ${layerName(data.schema, from.layer)} span`
  if (!type.to.includes(to.layer))
    return `“${type.name}” cannot end at a ${layerName(data.schema, to.layer)} span`
  return null
}

/** True when a relation of this type already links exactly these two spans in this direction. */
export function linkExists(data: LinkData, ends: LinkEnds): boolean {
  return data.relations.some(
    (r) => r.type === ends.type && r.from === ends.from && r.to === ends.to,
  )
}

/**
 * The relation a drag from span `a` to span `b` makes: the first relation type that allows a → b,
 * else the first that allows b → a (dragging from a source to a claim still attributes the claim to
 * the source). A problem message when no type links the two layers or the link already exists.
 */
export function resolveLink(data: LinkData, a: string, b: string): LinkEnds | { problem: string } {
  const from = data.spans.get(a)
  const to = data.spans.get(b)
  if (!from || !to) return { problem: 'That span no longer exists.' }
  if (from.id === to.id) return { problem: 'A span cannot be linked to itself.' }
  const forward = allowedTypes(data.schema, from.layer, to.layer)
  const backward = allowedTypes(data.schema, to.layer, from.layer)
  const options: LinkEnds[] = [
    ...forward.map((t) => ({ type: t.id, from: from.id, to: to.id })),
    ...backward.map((t) => ({ type: t.id, from: to.id, to: from.id })),
  ]
  if (options.length === 0) {
    const names = [layerName(data.schema, from.layer), layerName(data.schema, to.layer)]
    return { problem: `No relation type of the schema links a ${names[0]} and a ${names[1]}.` }
  }
  const fresh = options.find((o) => !linkExists(data, o))
  return fresh ?? { problem: 'These two spans are already linked.' }
}

/** Attribute values a new relation of `type` starts with: the schema's defaults. */
export function relationDefaults(defs: readonly AttributeDef[]): Attributes {
  const out: Attributes = {}
  for (const def of defs)
    if ('default' in def && def.default !== undefined) out[def.name] = def.default
  return out
}

function nearest(anchor: Span, spans: Iterable<Span>, keep: (s: Span) => boolean, limit: number) {
  const found: LinkCandidate[] = []
  for (const span of spans)
    if (span.id !== anchor.id && keep(span))
      found.push({ span, distance: spanDistance(anchor, span) })
  return found
    .sort(
      (a, b) =>
        a.distance - b.distance ||
        a.span.start - b.span.start ||
        a.span.end - b.span.end ||
        (a.span.id < b.span.id ? -1 : a.span.id > b.span.id ? 1 : 0),
    )
    .slice(0, limit)
}

/**
 * The spans `spanId` could be linked to, grouped by relation type and direction (in schema order),
 * each group nearest first. Spans it is already linked to by that type and direction are left out,
 * and groups with no candidate are dropped.
 */
export function linkCandidates(
  data: LinkData,
  spanId: string,
  limit = CANDIDATE_LIMIT,
): CandidateGroup[] {
  const anchor = data.spans.get(spanId)
  if (!anchor) return []
  const groups: CandidateGroup[] = []
  for (const { type, direction } of linkOptionsFor(data.schema, anchor.layer)) {
    const layers = new Set(direction === 'out' ? type.to : type.from)
    const linked = new Set(
      data.relations
        .filter((r) => r.type === type.id && (direction === 'out' ? r.from : r.to) === spanId)
        .map((r) => (direction === 'out' ? r.to : r.from)),
    )
    const keep = (s: Span) => layers.has(s.layer) && !linked.has(s.id)
    const candidates = nearest(anchor, data.spans.values(), keep, limit)
    if (candidates.length > 0) groups.push({ type, direction, candidates })
  }
  return groups
}

/**
 * Spans that could replace one end of a relation (`end`), nearest to the end that stays, as one
 * group. Empty when the relation or its type is unknown.
 */
export function retargetCandidates(
  data: LinkData,
  relationId: string,
  end: 'from' | 'to',
  limit = CANDIDATE_LIMIT,
): CandidateGroup[] {
  const rel = data.relations.find((r) => r.id === relationId)
  const type = rel && data.schema.relationTypes.find((t) => t.id === rel.type)
  const fixed = rel && data.spans.get(end === 'to' ? rel.from : rel.to)
  if (!rel || !type || !fixed) return []
  const layers = new Set(end === 'to' ? type.to : type.from)
  const keep = (s: Span) =>
    layers.has(s.layer) && s.id !== rel[end] && !linkExists(data, { ...rel, [end]: s.id })
  const candidates = nearest(fixed, data.spans.values(), keep, limit)
  return [{ type, direction: end === 'to' ? 'out' : 'in', candidates }]
}

/** One relation of a span as the panel lists it. */
export interface SpanLink {
  relation: Relation
  /** "out" when the span is the relation's `from` end. */
  direction: LinkDirection
  type: RelationType | undefined
  /** The span at the other end (undefined if it is missing). */
  other: Span | undefined
}

/** The relations attached to a span, outgoing first, each with its other end. */
export function spanLinks(data: LinkData, spanId: string): SpanLink[] {
  const out: SpanLink[] = []
  const inc: SpanLink[] = []
  for (const relation of data.relations) {
    const type = data.schema.relationTypes.find((t) => t.id === relation.type)
    if (relation.from === spanId)
      out.push({ relation, direction: 'out', type, other: data.spans.get(relation.to) })
    else if (relation.to === spanId)
      inc.push({ relation, direction: 'in', type, other: data.spans.get(relation.from) })
  }
  return [...out, ...inc]
}
