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
  const annotatedAs = annotatedSuggestions(suggestions, spans)
  const dropped = (s: Suggestion) =>
    annotatedAs.has(s.id) || rejected.has(s.id) || s.confidence < minConfidence
  const kept = suggestions.filter((s) => !dropped(s))
  const keptIds = new Set(kept.map((s) => s.id))
  const relationKeys = new Set(relations.map((r) => `${r.type} ${r.from} ${r.to}`))
  const hasRelation = (type: string, from: string, to: string) =>
    relationKeys.has(`${type} ${from} ${to}`)

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

type Ranged = { id: string; layer: string; start: number; end: number }

/**
 * Suggestion id → the span that already annotates it (same layer, sharing half of each other's
 * text). Spans are indexed per layer by start, so this is O((S + A) log A), not O(S × A): the 1 MB
 * article has thousands of each.
 */
export function annotatedSuggestions(
  suggestions: readonly Ranged[],
  spans: readonly Ranged[],
): Map<string, string> {
  const byLayer = new Map<string, Ranged[]>()
  for (const sp of spans) {
    const list = byLayer.get(sp.layer)
    if (list) list.push(sp)
    else byLayer.set(sp.layer, [sp])
  }
  for (const list of byLayer.values()) list.sort((a, b) => a.start - b.start)
  const out = new Map<string, string>()
  for (const s of suggestions) {
    const list = byLayer.get(s.layer)
    if (!list) continue
    // A span sharing half of s and half of itself starts at most 2 × |s| before s.
    const from = s.start - 2 * (s.end - s.start)
    let lo = 0
    let hi = list.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (list[mid].start < from) lo = mid + 1
      else hi = mid
    }
    for (let i = lo; i < list.length && list[i].start < s.end; i++) {
      if (sameText(list[i], s)) {
        out.set(s.id, list[i].id)
        break
      }
    }
  }
  return out
}
