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
  addIncoming,
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
 * The filter's working state for one set of suggestions. Updated in place (by `applyEdit`,
 * `advanceOpen`), so it belongs to one line of editor states: `token` says which state it is current
 * for, and a state holding another token (an older state applied again) computes afresh.
 *
 * It can be worked out a slice at a time (`startOpen`, then `advanceOpen` until it says done): the
 * first `indexed` suggestions of `all` are in `index` and `incoming`, the first `annotated` have
 * their annotating span worked out, the first `entered` their entry. An edit in between is applied to the part done (`applyEdit`); the rest is worked out
 * later against the annotations as they are then, so the finished cache is what `computeOpen` would
 * give for the annotations of that moment.
 */
export interface OpenCache {
  token: object
  all: readonly Suggestion[]
  kinds: ReadonlySet<SuggestionKind>
  /**
   * Suggestion id → its (last) index in `all` (see `byId`): below `annotated`/`entered`, it is
   * worked out.
   */
  index: Map<string, number>
  /** Suggestions sorted by start, and the longest one's length (for range lookups). */
  byStart: readonly Suggestion[]
  longest: number
  /** Target id → the links pointing at it, in `all` order then link order. */
  incoming: Map<string, IncomingLink[]>
  /** Suggestion id → id of the span that already annotates it. */
  annotatedAs: Map<string, string>
  /** Entry of each suggestion still open (of any kind), as filterSuggestions returns it. */
  entries: Map<string, Suggestion>
  rejected: ReadonlySet<string>
  relations: readonly Relation[]
  /** The keys of `relations` (made when first needed). */
  keys: ReadonlySet<string> | null
  /** How many of `all`, in order, are indexed / have their annotating span / their entry. */
  indexed: number
  annotated: number
  entered: number
}

/** The open suggestions of the kinds shown, in `all` order. */
export interface OpenResult {
  open: Suggestion[]
  cache: OpenCache
  /** Ids whose open entry appeared, went or changed (null: everything may have). */
  changed: ReadonlySet<string> | null
}

/** Computes the open suggestions from scratch, in one go. */
export function computeOpen(
  all: readonly Suggestion[],
  kinds: ReadonlySet<SuggestionKind>,
  input: OpenInput,
): OpenResult {
  const cache = startOpen(all, kinds, input)
  advanceOpen(cache, input, Infinity)
  return { open: openOf(cache), cache, changed: null }
}

/**
 * A filter over `all` with nothing worked out yet (one pass over the suggestions, with a sort only
 * should they not be in text order): `advanceOpen` does the rest.
 */
export function startOpen(
  all: readonly Suggestion[],
  kinds: ReadonlySet<SuggestionKind>,
  input: OpenInput,
): OpenCache {
  let longest = 0
  let sorted = true
  for (let i = 0; i < all.length; i++) {
    const s = all[i]
    longest = Math.max(longest, s.end - s.start)
    if (i > 0 && all[i - 1].start > s.start) sorted = false
  }
  return {
    token: {},
    all,
    kinds,
    index: new Map(),
    // The engine's suggestions come in text order: sorted already, as a rule.
    byStart: sorted ? all : [...all].sort((a, b) => a.start - b.start),
    longest,
    incoming: new Map(),
    annotatedAs: new Map(),
    entries: new Map(),
    rejected: input.rejected,
    relations: input.relations,
    keys: null,
    indexed: 0,
    annotated: 0,
    entered: 0,
  }
}

/**
 * Works out up to `count` more of the filter (indexes first, then annotating spans, then entries; a
 * suggestion counts once for each), against `input`, which must be what the cache was last kept in step with.
 * Stops early once `deadline` (a `performance.now()` time) has passed. Returns true when done.
 */
export function advanceOpen(
  cache: OpenCache,
  input: OpenInput,
  count: number,
  deadline = Infinity,
): boolean {
  const { all } = cache
  for (let n = 0; n < count && cache.entered < all.length; n++) {
    // The clock is read every 256 suggestions, not for each.
    if (n > 0 && n % 256 === 0 && performance.now() > deadline) break
    if (cache.indexed < all.length) {
      const s = all[cache.indexed]
      cache.index.set(s.id, cache.indexed++)
      addIncoming(cache.incoming, s)
    } else if (cache.annotated < all.length) {
      const s = all[cache.annotated++]
      const id = annotatingSpan(input.spans, s)
      if (id) cache.annotatedAs.set(s.id, id)
      else cache.annotatedAs.delete(s.id)
    } else {
      const s = all[cache.entered++]
      if (isKept(cache, s.id)) cache.entries.set(s.id, entryOf(cache, s))
      else cache.entries.delete(s.id)
    }
  }
  cache.token = {}
  return cache.entered === all.length
}

/** Whether the whole filter is worked out. */
export function isComplete(cache: OpenCache): boolean {
  return cache.entered === cache.all.length
}

/**
 * The open suggestions after an edit that touched `touched` (old and new versions of each span it
 * added, removed or changed; the rejected ids and relations are compared with the cache's), from
 * the complete cache current for the state before the edit. Returns the previous `open` array
 * itself when nothing open changed.
 */
export function updateOpen(
  cache: OpenCache,
  prevOpen: readonly Suggestion[],
  touched: readonly Span[],
  input: OpenInput,
): OpenResult {
  const changed = applyEdit(cache, touched, input)
  const shown = [...changed].some((id) => cache.kinds.has(byId(cache, id)!.kind))
  return {
    open: shown ? patchOpen(cache, prevOpen, changed) : (prevOpen as Suggestion[]),
    cache,
    changed,
  }
}

/**
 * `openOf(cache)` after an edit, from the open list before it (`prevOpen`, in `all` order) and the
 * ids whose entries changed: each put in, replaced or taken out at its place, found by a binary
 * search on the suggestions' indexes. Why: `openOf` looks up every suggestion's entry, ~1 ms per
 * tag on a 1 MB article's 24,000 suggestions, in the task of the key press; an edit changes one or
 * two. A set in which two suggestions share an id (each listed wherever it occurs) is left to
 * `openOf`.
 */
function patchOpen(
  cache: OpenCache,
  prevOpen: readonly Suggestion[],
  changed: ReadonlySet<string>,
): Suggestion[] {
  if (cache.index.size !== cache.all.length) return openOf(cache)
  const indexOf = (s: Suggestion) => cache.index.get(s.id)!
  const at = [...changed]
    .map((id) => cache.index.get(id)!)
    .filter((i) => cache.kinds.has(cache.all[i].kind))
    .sort((a, b) => b - a)
  const open = prevOpen.slice()
  // From the last place to the first, so the places still to change keep their positions.
  for (const i of at) {
    const id = cache.all[i].id
    const pos = partitionPoint(open.length, (k) => indexOf(open[k]) < i)
    const listed = open[pos]?.id === id ? 1 : 0
    const entry = cache.entries.get(id)
    if (entry) open.splice(pos, listed, entry)
    else if (listed) open.splice(pos, 1)
  }
  return open
}

/**
 * Brings the part of the cache worked out so far in step with an edit that touched `touched`, and
 * with `input`'s rejected ids and relations. Returns the ids whose open entry appeared, went or
 * changed. Only a suggestion's own text, the suggestions it links to or is linked from, the
 * rejected ids and the relations decide its entry, so only those are looked at again.
 */
export function applyEdit(
  cache: OpenCache,
  touched: readonly Span[],
  input: OpenInput,
): Set<string> {
  const done = (id: string, upTo: number) => (cache.index.get(id) ?? Infinity) < upTo
  const status = new Map<string, string | undefined>()
  for (const span of touched)
    for (const s of overlapping(cache, span)) {
      if (status.has(s.id) || !done(s.id, cache.annotated)) continue
      status.set(s.id, cache.annotatedAs.get(s.id))
      const now = annotatingSpan(input.spans, s)
      if (now) cache.annotatedAs.set(s.id, now)
      else cache.annotatedAs.delete(s.id)
    }
  const affected = new Set<string>()
  const around = (id: string) => {
    affected.add(id)
    for (const { source } of cache.incoming.get(id) ?? []) affected.add(source.id)
    for (const l of byId(cache, id)?.links ?? []) if (l.suggestionId) affected.add(l.suggestionId)
  }
  for (const [id, before] of status) if (before !== cache.annotatedAs.get(id)) around(id)
  if (cache.rejected !== input.rejected) {
    for (const id of input.rejected) if (!cache.rejected.has(id)) around(id)
    for (const id of cache.rejected) if (!input.rejected.has(id)) around(id)
    cache.rejected = input.rejected
  }
  if (!sameRelations(cache.relations, input.relations)) {
    for (const target of cache.incoming.keys()) affected.add(target)
    cache.keys = null
  }
  cache.relations = input.relations
  cache.token = {}
  const changed = new Set<string>()
  for (const id of affected) {
    const s = byId(cache, id)
    if (!s || !done(id, cache.entered)) continue
    const before = cache.entries.get(id)
    const after = isKept(cache, id) ? entryOf(cache, s) : undefined
    if (before && after && sameEntry(before, after)) continue
    if (!before && !after) continue
    if (after) cache.entries.set(id, after)
    else cache.entries.delete(id)
    changed.add(id)
  }
  return changed
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

/** The suggestion with this id (the last, should two share it). */
function byId(cache: OpenCache, id: string): Suggestion | undefined {
  const i = cache.index.get(id)
  return i === undefined ? undefined : cache.all[i]
}

function isKept(cache: OpenCache, id: string): boolean {
  const s = byId(cache, id)
  return !!s && !cache.annotatedAs.has(id) && !cache.rejected.has(id) && s.confidence >= 0
}

/** A kept suggestion as filterSuggestions returns it (the shared rule, `openEntry`). */
function entryOf(cache: OpenCache, s: Suggestion): Suggestion {
  const keys = (cache.keys ??= relationKeys(cache.relations))
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

/** The open entries of the kinds shown, in `all` order (of a complete cache). */
export function openOf(cache: OpenCache): Suggestion[] {
  const out: Suggestion[] = []
  for (const s of cache.all) {
    const entry = cache.entries.get(s.id)
    if (entry && cache.kinds.has(s.kind)) out.push(entry)
  }
  return out
}
