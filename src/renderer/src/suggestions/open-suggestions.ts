// What is open among the engine's suggestions, kept up to date edit by edit. The rule is the shared
// one of `filterSuggestions` (drop what a span already annotates or the analyst rejected; re-point
// links to annotated suggestions at their spans), whose per-suggestion parts (`annotatingSpan`,
// `openEntry`) are called here too; running it whole over thousands of suggestions on every
// tag, change or delete cost ~90 ms per edit on a 1 MB article, most of a frame budget many times
// over. An edit touches a few spans, and a suggestion's entry depends only on the spans over its
// own text and on the suggestions it links to or is linked from, so only those are looked at again.
//
// The spans are read in their stored order (start, end, id), so which span a suggestion counts as
// annotated by (the first that shares half of each other's text) is the same whether computed for
// all or for one. The unit test checks both paths against `filterSuggestions` over random edits.
import type { Relation, Span } from '../../../shared/model'
import type { Suggestion, SuggestionKind } from '../../../shared/suggest'
import {
  annotatingSpan,
  incomingLinks,
  openEntry,
  relationKey,
  relationKeys,
  type IncomingLink,
} from '../../../shared/suggest/filter'
import { partitionPoint } from '../../../shared/partition-point'

/** What the open set is computed from: the annotation plugin's spans, relations and rejected ids. */
export interface OpenInput {
  /** Spans in stored order: start, then end, then id. */
  spans: readonly Span[]
  relations: readonly Relation[]
  rejected: ReadonlySet<string>
}

/**
 * The filter's working state for one set of suggestions. Updated in place by `updateOpen`, so it
 * belongs to one line of editor states: `token` says which state it is current for, and a state
 * holding another token (an older state applied again) computes afresh.
 */
export interface OpenCache {
  token: object
  all: readonly Suggestion[]
  kinds: ReadonlySet<SuggestionKind>
  byId: Map<string, Suggestion>
  /** Suggestions sorted by start, and the longest one's length (for range lookups). */
  byStart: Suggestion[]
  longest: number
  /** Target id → the links pointing at it, in `all` order then link order. */
  incoming: Map<string, IncomingLink[]>
  /** Suggestion id → id of the span that already annotates it. */
  annotatedAs: Map<string, string>
  /** Entry of each suggestion still open (of any kind), as filterSuggestions returns it. */
  entries: Map<string, Suggestion>
  rejected: ReadonlySet<string>
  relations: readonly Relation[]
}

/** The open suggestions of the kinds shown, in `all` order. */
export interface OpenResult {
  open: Suggestion[]
  cache: OpenCache
  /** Ids whose open entry appeared, went or changed (null: everything may have). */
  changed: ReadonlySet<string> | null
}

/** Computes the open suggestions from scratch. */
export function computeOpen(
  all: readonly Suggestion[],
  kinds: ReadonlySet<SuggestionKind>,
  input: OpenInput,
): OpenResult {
  const byId = new Map(all.map((s) => [s.id, s]))
  const byStart = [...all].sort((a, b) => a.start - b.start)
  const incoming = incomingLinks(all)
  const cache: OpenCache = {
    token: {},
    all,
    kinds,
    byId,
    byStart,
    longest: all.reduce((m, s) => Math.max(m, s.end - s.start), 0),
    incoming,
    annotatedAs: annotatedAs(all, input.spans),
    entries: new Map(),
    rejected: input.rejected,
    relations: input.relations,
  }
  const keys = relationKeys(input.relations)
  for (const s of all) if (isKept(cache, s.id)) cache.entries.set(s.id, entryOf(cache, s, keys))
  return { open: openOf(cache), cache, changed: null }
}

/**
 * The open suggestions after an edit that touched `touched` (old and new versions of each span it
 * added, removed or changed), from the cache current for the state before the edit. Returns the
 * previous `open` array itself when nothing open changed.
 */
export function updateOpen(
  cache: OpenCache,
  prevOpen: readonly Suggestion[],
  touched: readonly Span[],
  input: OpenInput,
): OpenResult {
  const status = new Map<string, string | undefined>()
  for (const span of touched)
    for (const s of overlapping(cache, span)) {
      if (status.has(s.id)) continue
      status.set(s.id, cache.annotatedAs.get(s.id))
      const now = annotatingSpan(input.spans, s)
      if (now) cache.annotatedAs.set(s.id, now)
      else cache.annotatedAs.delete(s.id)
    }
  const affected = new Set<string>()
  for (const [id, before] of status) {
    if (before === cache.annotatedAs.get(id)) continue
    affected.add(id)
    for (const { source } of cache.incoming.get(id) ?? []) affected.add(source.id)
    for (const l of cache.byId.get(id)!.links) if (l.suggestionId) affected.add(l.suggestionId)
  }
  if (!sameRelations(cache.relations, input.relations))
    for (const target of cache.incoming.keys()) affected.add(target)
  cache.relations = input.relations
  cache.token = {}
  const keys = affected.size > 0 ? relationKeys(input.relations) : null
  const changed = new Set<string>()
  for (const id of affected) {
    const s = cache.byId.get(id)
    if (!s) continue
    const before = cache.entries.get(id)
    const after = isKept(cache, id) ? entryOf(cache, s, keys!) : undefined
    if (before && after && sameEntry(before, after)) continue
    if (!before && !after) continue
    if (after) cache.entries.set(id, after)
    else cache.entries.delete(id)
    changed.add(id)
  }
  const shown = [...changed].some((id) => cache.kinds.has(cache.byId.get(id)!.kind))
  return { open: shown ? openOf(cache) : (prevOpen as Suggestion[]), cache, changed }
}

/** Suggestion id → the first span (in stored order) on its layer sharing half of each other's text. */
function annotatedAs(all: readonly Suggestion[], spans: readonly Span[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const s of all) {
    const id = annotatingSpan(spans, s)
    if (id) out.set(s.id, id)
  }
  return out
}

/** Suggestions on the span's layer that overlap it (the only ones it can annotate). */
function overlapping(cache: OpenCache, span: Span): Suggestion[] {
  const { byStart } = cache
  const from = span.start - cache.longest
  const first = partitionPoint(byStart.length, (i) => byStart[i].start < from)
  const out: Suggestion[] = []
  for (let i = first; i < byStart.length && byStart[i].start < span.end; i++) {
    const s = byStart[i]
    if (s.layer === span.layer && s.end > span.start) out.push(s)
  }
  return out
}

function isKept(cache: OpenCache, id: string): boolean {
  const s = cache.byId.get(id)
  return !!s && !cache.annotatedAs.has(id) && !cache.rejected.has(id) && s.confidence >= 0
}

/** A kept suggestion as filterSuggestions returns it (the shared rule, `openEntry`). */
function entryOf(cache: OpenCache, s: Suggestion, keys: ReadonlySet<string>): Suggestion {
  return openEntry(s, cache.incoming.get(s.id) ?? [], {
    isKept: (id) => isKept(cache, id),
    spanOf: (id) => cache.annotatedAs.get(id),
    hasRelation: (type, from, to) => keys.has(relationKey(type, from, to)),
  })
}

function sameEntry(a: Suggestion, b: Suggestion): boolean {
  return (
    a.links.length === b.links.length &&
    a.links.every((l, i) => {
      const m = b.links[i]
      return (
        l.type === m.type &&
        l.suggestionId === m.suggestionId &&
        l.spanId === m.spanId &&
        l.incoming === m.incoming &&
        l.attributes === m.attributes
      )
    })
  )
}

function sameRelations(a: readonly Relation[], b: readonly Relation[]): boolean {
  return a === b || (a.length === b.length && a.every((r, i) => r === b[i]))
}

/** The open entries of the kinds shown, in `all` order. */
function openOf(cache: OpenCache): Suggestion[] {
  const out: Suggestion[] = []
  for (const s of cache.all) {
    const entry = cache.entries.get(s.id)
    if (entry && cache.kinds.has(s.kind)) out.push(entry)
  }
  return out
}
