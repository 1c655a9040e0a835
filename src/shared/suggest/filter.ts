// What an analyst should still see: suggestions minus those already annotated (a span on the same
// layer covering most of the same text) and those rejected before (by stable id). A link to a
// suggestion that is already annotated is pointed at that span instead, so accepting a claim still
// links it to the source the analyst tagged by hand.
import type { Annotations, Relation } from '../model'
import type { SuggestedLink, Suggestion } from './types'
import { partitionPoint } from '../partition-point'

export interface FilterOptions {
  /** The document's annotations. */
  annotations?: Annotations
  /** Ids of suggestions rejected in this document. */
  rejected?: Iterable<string>
  /** Drop suggestions below this confidence (default 0: keep all). */
  minConfidence?: number
}

/** True when span and suggestion share at least half of each other's length. */
export function sharesHalf(
  a: { start: number; end: number },
  b: { start: number; end: number },
): boolean {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start)
  return overlap > 0 && overlap * 2 >= a.end - a.start && overlap * 2 >= b.end - b.start
}

/** A link from another suggestion (`source`) to the one it names: `link` is in `source.links`. */
export interface IncomingLink {
  source: Suggestion
  link: SuggestedLink
}

/** What the per-suggestion rule needs to know about the rest of the document. */
export interface EntryContext {
  /** Whether the suggestion `id` is still open (not annotated, not rejected, confident enough). */
  isKept(id: string): boolean
  /** The span that already annotates suggestion `id`, if one does. */
  spanOf(id: string): string | undefined
  /** Whether the document has the relation `type` from `from` to `to`. */
  hasRelation(type: string, from: string, to: string): boolean
}

/**
 * The rule for one open suggestion `s`, as shown: a link to an open suggestion stays, a link to an
 * annotated one points at its span instead, a link to anything else goes; a link from an annotated
 * suggestion (`incoming`, in suggestion then link order) becomes an incoming link from its span;
 * an incoming link whose relation the document has already is left out. Shared by the whole-document filter below and the
 * workbench's edit-by-edit one (renderer `open-suggestions.ts`), so the two cannot drift.
 */
export function openEntry(
  s: Suggestion,
  incoming: Iterable<IncomingLink>,
  ctx: EntryContext,
): Suggestion {
  const links: SuggestedLink[] = []
  for (const l of s.links) {
    const target = l.suggestionId
    if (!target || ctx.isKept(target)) links.push(l)
    else {
      const spanId = ctx.spanOf(target)
      if (spanId) links.push({ type: l.type, spanId, attributes: l.attributes })
    }
  }
  for (const { source, link } of incoming) {
    const spanId = ctx.spanOf(source.id)
    if (spanId) links.push({ type: link.type, spanId, incoming: true, attributes: link.attributes })
  }
  const kept = links.filter(
    (l) => !(l.spanId && l.incoming && ctx.hasRelation(l.type, l.spanId, s.id)),
  )
  // Most open suggestions keep their links as they are: the suggestion itself is the entry then,
  // rather than a copy (the 1 MB article's 24,000 open entries were each a copy, held beside the
  // originals for as long as the document is open).
  return sameLinks(kept, s.links) ? s : { ...s, links: kept }
}

/** Whether two lists hold the same link objects in the same order. */
function sameLinks(a: readonly SuggestedLink[], b: readonly SuggestedLink[]): boolean {
  return a.length === b.length && a.every((l, i) => l === b[i])
}

/** Target id → the links naming it, in suggestion order then link order. */
export function incomingLinks(suggestions: readonly Suggestion[]): Map<string, IncomingLink[]> {
  const incoming = new Map<string, IncomingLink[]>()
  for (const source of suggestions) addIncoming(incoming, source)
  return incoming
}

/** Adds the links of `source` to `incoming` (see `incomingLinks`; call in suggestion order). */
export function addIncoming(incoming: Map<string, IncomingLink[]>, source: Suggestion): void {
  for (const link of source.links) {
    if (!link.suggestionId) continue
    const list = incoming.get(link.suggestionId)
    if (list) list.push({ source, link })
    else incoming.set(link.suggestionId, [{ source, link }])
  }
}

/** The key of a relation in a set of them (`relationKeys`). */
export function relationKey(type: string, from: string, to: string): string {
  return `${type} ${from} ${to}`
}

/** Every relation's key, for `EntryContext.hasRelation`. */
export function relationKeys(relations: readonly Relation[]): Set<string> {
  return new Set(relations.map((r) => relationKey(r.type, r.from, r.to)))
}

/** Returns the suggestions still worth showing, with links re-pointed to existing spans. */
export function filterSuggestions(
  suggestions: readonly Suggestion[],
  options: FilterOptions = {},
): Suggestion[] {
  const spans = options.annotations?.spans ?? []
  const rejected = new Set(options.rejected ?? [])
  const minConfidence = options.minConfidence ?? 0
  const annotatedAs = annotatedSuggestions(suggestions, spans)
  const byId = new Map(suggestions.map((s) => [s.id, s]))
  const keys = relationKeys(options.annotations?.relations ?? [])
  const ctx: EntryContext = {
    isKept: (id) => {
      const s = byId.get(id)
      return !!s && !annotatedAs.has(id) && !rejected.has(id) && s.confidence >= minConfidence
    },
    spanOf: (id) => annotatedAs.get(id),
    hasRelation: (type, from, to) => keys.has(relationKey(type, from, to)),
  }
  const incoming = incomingLinks(suggestions)
  return suggestions
    .filter((s) => ctx.isKept(s.id))
    .map((s) => openEntry(s, incoming.get(s.id) ?? [], ctx))
}

export type Ranged = { id: string; layer: string; start: number; end: number }

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
    const id = list && annotatingSpan(list, s)
    if (id) out.set(s.id, id)
  }
  return out
}

/**
 * The first of `spans` (sorted by start) on `s`'s layer that shares half of each other's text
 * with it. Such a span starts at most 2 × |s| before s, so a binary search finds where to look.
 */
export function annotatingSpan(spans: readonly Ranged[], s: Ranged): string | undefined {
  const from = s.start - 2 * (s.end - s.start)
  const first = partitionPoint(spans.length, (i) => spans[i].start < from)
  for (let i = first; i < spans.length && spans[i].start < s.end; i++)
    if (spans[i].layer === s.layer && sharesHalf(spans[i], s)) return spans[i].id
  return undefined
}
