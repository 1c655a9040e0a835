// Accepting suggestions: the spans and relations they become. One module for the app (through the
// annotation plugin's add-many command, one undo step) and the command line (`suggest --accept`),
// so both write the same annotations. The suggestions given must be filtered against the
// document's annotations first (filterSuggestions), so a link to a suggestion that is already a
// span points at that span.
import { quoteOf } from '../anchor'
import { newId } from '../ids'
import type { AnnotationSchema, Attributes, Relation, Span } from '../model'
import type { Suggestion } from './types'

export interface AcceptOptions {
  /** Who accepted (the analyst's name, or `auto` for the command line). */
  annotator: string
  /** ISO time of the acceptance. */
  now: string
  /** Makes a new span or relation id (default: a random one). */
  makeId?: (prefix: 's' | 'r') => string
}

/**
 * The spans `accepted` become (the layer's first label and default attributes, overridden by the
 * suggestion's own) and the relations their proposed links become: each link whose other end is
 * an existing span, or a suggestion accepted in the same call. A link to a suggestion still only
 * proposed is made when that one is accepted (it then carries the link, re-pointed by the filter).
 * Relations that already exist are not made again.
 */
export function acceptedAnnotations(
  accepted: readonly Suggestion[],
  text: string,
  schema: AnnotationSchema,
  existing: readonly Pick<Relation, 'type' | 'from' | 'to'>[],
  options: AcceptOptions,
): { spans: Span[]; relations: Relation[] } {
  const makeId = options.makeId ?? ((prefix: string) => newId(prefix))
  const spanOf = new Map<string, Span>()
  for (const s of accepted) {
    if (spanOf.has(s.id)) continue
    const layer = schema.layers.find((l) => l.id === s.layer)
    if (!layer) continue
    const label = layer.labels.some((l) => l.name === s.label) ? s.label : layer.labels[0].name
    spanOf.set(s.id, {
      id: makeId('s'),
      layer: layer.id,
      label,
      start: s.start,
      end: s.end,
      quote: quoteOf(text, s.start, s.end),
      attributes: { ...defaults(layer.attributes), ...s.attributes },
      ...(s.entityId ? { entityId: s.entityId } : {}),
      annotator: options.annotator,
      createdAt: options.now,
      updatedAt: options.now,
    })
  }
  const types = new Set(schema.relationTypes.map((t) => t.id))
  const seen = new Set(existing.map((r) => `${r.type} ${r.from} ${r.to}`))
  const relations: Relation[] = []
  for (const s of accepted) {
    const self = spanOf.get(s.id)
    if (!self) continue
    for (const link of s.links) {
      const other = link.spanId ?? spanOf.get(link.suggestionId ?? '')?.id
      if (!other || other === self.id || !types.has(link.type)) continue
      const [from, to] = link.incoming ? [other, self.id] : [self.id, other]
      const key = `${link.type} ${from} ${to}`
      if (seen.has(key)) continue
      seen.add(key)
      relations.push({
        id: makeId('r'),
        type: link.type,
        from,
        to,
        attributes: { ...link.attributes },
        annotator: options.annotator,
        createdAt: options.now,
        updatedAt: options.now,
      })
    }
  }
  return { spans: [...spanOf.values()], relations }
}

function defaults(defs: AnnotationSchema['layers'][number]['attributes']): Attributes {
  const out: Attributes = {}
  for (const def of defs)
    if ('default' in def && def.default !== undefined) out[def.name] = def.default
  return out
}
