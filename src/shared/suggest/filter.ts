// What an analyst should still see: suggestions minus those already annotated (a span on the same
// layer covering most of the same text) and those rejected before (by stable id). A link to a
// suggestion that is already annotated is pointed at that span instead, so accepting a claim still
// links it to the source the analyst tagged by hand.
import type { Annotations } from '../model'
import type { SuggestedLink, Suggestion } from './types'

export interface FilterOptions {
  /** The document's annotations. */
  annotations?: Annotations
  /** Ids of suggestions rejected in this document. */
  rejected?: Iterable<string>
  /** Drop suggestions below this confidence (default 0: keep all). */
  minConfidence?: number
}

/** True when span and suggestion share at least half of each other's length. */
function sameText(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start)
  return overlap > 0 && overlap * 2 >= a.end - a.start && overlap * 2 >= b.end - b.start
}

/** Returns the suggestions still worth showing, with links re-pointed to existing spans. */
export function filterSuggestions(
  suggestions: readonly Suggestion[],
  options: FilterOptions = {},
): Suggestion[] {
  const spans = options.annotations?.spans ?? []
  const relations = options.annotations?.relations ?? []
  const rejected = new Set(options.rejected ?? [])
  const minConfidence = options.minConfidence ?? 0
  const annotatedAs = new Map<string, string>()
  for (const s of suggestions) {
    const span = spans.find((sp) => sp.layer === s.layer && sameText(sp, s))
    if (span) annotatedAs.set(s.id, span.id)
  }
  const dropped = (s: Suggestion) =>
    annotatedAs.has(s.id) || rejected.has(s.id) || s.confidence < minConfidence
  const kept = suggestions.filter((s) => !dropped(s))
  const keptIds = new Set(kept.map((s) => s.id))
  const hasRelation = (type: string, from: string, to: string) =>
    relations.some((r) => r.type === type && r.from === from && r.to === to)

  // links of annotated suggestions become incoming links of the suggestions they point at
  const incoming = new Map<string, SuggestedLink[]>()
  for (const s of suggestions) {
    const spanId = annotatedAs.get(s.id)
    if (!spanId) continue
    for (const l of s.links) {
      if (!l.suggestionId || !keptIds.has(l.suggestionId)) continue
      const list = incoming.get(l.suggestionId) ?? []
      list.push({ type: l.type, spanId, incoming: true, attributes: l.attributes })
      incoming.set(l.suggestionId, list)
    }
  }
  return kept.map((s) => {
    const links: SuggestedLink[] = []
    for (const l of s.links) {
      const target = l.suggestionId
      if (!target) links.push(l)
      else if (keptIds.has(target)) links.push(l)
      else if (annotatedAs.has(target))
        links.push({ type: l.type, spanId: annotatedAs.get(target)!, attributes: l.attributes })
    }
    links.push(...(incoming.get(s.id) ?? []))
    return {
      ...s,
      links: links.filter((l) => !(l.spanId && l.incoming && hasRelation(l.type, l.spanId, s.id))),
    }
  })
}
