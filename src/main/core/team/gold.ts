// The gold set of one document, built from the analysts' sets and the curator's decisions. Pure:
// no files. What all analysts agree on (no disagreement touches it) is accepted when curation of
// the document starts; each disagreement is then settled by taking one analyst's version, all of
// them ("both"), or the curator's own edit of the spans. Gold spans keep who made them
// (`annotator`) and record who accepted them (`curatedBy`); relations come along when both of
// their ends are in the gold set.
import type { Disagreement } from '../../../shared/agreement'
import type { Annotations, Relation, Span } from '../../../shared/model'
import type { EditedSpan } from '../../../shared/team'

/** A curator's decision on one disagreement. */
export type CurationChoice =
  { take: string } | { take: 'both' } | { edit: readonly EditedSpan[] } | { reject: true }

/** What the gold functions need besides the sets: who curates, the time, and fresh ids. */
export interface GoldContext {
  curator: string
  now: string
  newId: (prefix: string) => string
  /** The document text (an edited span's quote is taken from it). */
  text: string
}

/** A span's place: the same layer, label and range are the same span in the gold set. */
function placeKey(s: Pick<Span, 'layer' | 'label' | 'start' | 'end'>): string {
  return `${s.layer}|${s.label}|${s.start}|${s.end}`
}

const rangeKey = (s: Pick<Span, 'layer' | 'start' | 'end'>) => `${s.layer}|${s.start}|${s.end}`

/** The spans and relation ids some disagreement involves, per analyst. */
function involved(disagreements: readonly Disagreement[]): {
  spans: Map<string, Set<string>>
  relations: Map<string, Set<string>>
  docLabelSets: Set<string>
} {
  const spans = new Map<string, Set<string>>()
  const relations = new Map<string, Set<string>>()
  const docLabelSets = new Set<string>()
  for (const d of disagreements) {
    if (d.kind === 'doc-label' && d.labelSet) docLabelSets.add(d.labelSet)
    for (const v of d.versions) {
      const s = spans.get(v.analyst) ?? new Set<string>()
      v.spans.forEach((span) => s.add(span.id))
      spans.set(v.analyst, s)
      const r = relations.get(v.analyst) ?? new Set<string>()
      v.relationIds.forEach((id) => r.add(id))
      relations.set(v.analyst, r)
    }
  }
  return { spans, relations, docLabelSets }
}

/**
 * The gold set a document's curation starts from: the first analyst's spans, relations and
 * document labels that no disagreement involves (every analyst agrees on them).
 */
export function agreedGold(
  sets: Readonly<Record<string, Annotations>>,
  analysts: readonly string[],
  disagreements: readonly Disagreement[],
  ctx: GoldContext,
): Annotations {
  const gold: Annotations = { spans: [], relations: [], docLabels: {} }
  const first = analysts.find((a) => sets[a])
  if (first === undefined) return gold
  const base = sets[first]
  const { spans, relations, docLabelSets } = involved(disagreements)
  const skipSpans = spans.get(first) ?? new Set<string>()
  const skipRelations = relations.get(first) ?? new Set<string>()
  addSpans(
    gold,
    base.spans.filter((s) => !skipSpans.has(s.id)),
    ctx,
  )
  addRelations(gold, base, ctx, (r) => !skipRelations.has(r.id))
  for (const [set, values] of Object.entries(base.docLabels)) {
    if (!docLabelSets.has(set)) gold.docLabels[set] = [...values]
  }
  return gold
}

/** Copies `spans` into `gold` (a span already there at the same place is kept). */
function addSpans(gold: Annotations, spans: readonly Span[], ctx: GoldContext): void {
  const places = new Set(gold.spans.map(placeKey))
  const ids = new Set(gold.spans.map((s) => s.id))
  for (const span of spans) {
    if (places.has(placeKey(span))) continue
    const id = ids.has(span.id) ? ctx.newId('s') : span.id
    gold.spans.push({ ...structuredClone(span), id, curatedBy: ctx.curator })
    places.add(placeKey(span))
    ids.add(id)
  }
  gold.spans.sort((a, b) => a.start - b.start || a.end - b.end)
}

/**
 * Copies the relations of `from` that `keep` accepts and whose two ends are in `gold` (found by
 * place), unless gold already links the same ends with the same type.
 */
function addRelations(
  gold: Annotations,
  from: Annotations,
  ctx: GoldContext,
  keep: (r: Relation) => boolean,
): void {
  const goldByPlace = new Map(gold.spans.map((s) => [placeKey(s), s.id]))
  const placeOf = new Map(from.spans.map((s) => [s.id, placeKey(s)]))
  const linked = new Set(gold.relations.map((r) => `${r.type}|${r.from}|${r.to}`))
  const ids = new Set(gold.relations.map((r) => r.id))
  for (const r of from.relations) {
    if (!keep(r)) continue
    const goldFrom = goldByPlace.get(placeOf.get(r.from) ?? '')
    const goldTo = goldByPlace.get(placeOf.get(r.to) ?? '')
    if (!goldFrom || !goldTo) continue
    const key = `${r.type}|${goldFrom}|${goldTo}`
    if (linked.has(key)) continue
    const id = ids.has(r.id) ? ctx.newId('r') : r.id
    gold.relations.push({
      ...structuredClone(r),
      id,
      from: goldFrom,
      to: goldTo,
      curatedBy: ctx.curator,
    })
    linked.add(key)
    ids.add(id)
  }
}

/** Removes gold spans at any version's range of `d` (and the relations touching them). */
function clearDisagreement(gold: Annotations, d: Disagreement): void {
  const ranges = new Set(d.versions.flatMap((v) => v.spans.map(rangeKey)))
  const removed = new Set(gold.spans.filter((s) => ranges.has(rangeKey(s))).map((s) => s.id))
  gold.spans = gold.spans.filter((s) => !removed.has(s.id))
  gold.relations = gold.relations.filter((r) => !removed.has(r.from) && !removed.has(r.to))
}

/** Applies a decision on disagreement `d` to a copy of `gold` and returns it. */
export function applyChoice(
  gold: Annotations,
  d: Disagreement,
  choice: CurationChoice,
  sets: Readonly<Record<string, Annotations>>,
  ctx: GoldContext,
): Annotations {
  const next = structuredClone(gold)
  if ('edit' in choice) return applyEdit(next, d, choice.edit, sets, ctx)
  if ('reject' in choice) {
    if (d.kind === 'doc-label') next.docLabels[d.labelSet!] = []
    else clearDisagreement(next, d)
    return next
  }
  const chosen =
    choice.take === 'both' ? d.versions : d.versions.filter((v) => v.analyst === choice.take)
  if (chosen.length === 0) throw new Error(`no analyst "${choice.take}" in disagreement ${d.id}`)
  if (d.kind === 'doc-label') {
    const values = new Set(chosen.flatMap((v) => sets[v.analyst]?.docLabels[d.labelSet!] ?? []))
    next.docLabels[d.labelSet!] = [...values]
    return next
  }
  clearDisagreement(next, d)
  for (const v of chosen) {
    const from = sets[v.analyst]
    if (!from) continue
    const ids = new Set(v.spans.map((s) => s.id))
    addSpans(
      next,
      from.spans.filter((s) => ids.has(s.id)),
      ctx,
    )
  }
  // Links of the chosen analysts that now have both ends in gold (the version's own, and those to
  // or from spans accepted earlier).
  for (const v of chosen) {
    const from = sets[v.analyst]
    if (from) addRelations(next, from, ctx, () => true)
  }
  return next
}

/**
 * The curator's own spans in place of every version's: boundaries and label as edited, attributes
 * as edited (absent: the first version's span's, when on the same layer), and the links edited.
 */
function applyEdit(
  gold: Annotations,
  d: Disagreement,
  edits: readonly EditedSpan[],
  sets: Readonly<Record<string, Annotations>>,
  ctx: GoldContext,
): Annotations {
  const model = d.versions
    .flatMap((v) => v.spans.map((s) => sets[v.analyst]?.spans.find((x) => x.id === s.id)))
    .find((s): s is Span => s !== undefined)
  clearDisagreement(gold, d)
  const spans: Span[] = edits.map((e) => {
    const inherited = model?.layer === e.layer ? structuredClone(model.attributes) : {}
    return curatorSpan(e, e.attributes ?? inherited, ctx)
  })
  addSpans(gold, spans, ctx)
  edits.forEach((e) => {
    const own = gold.spans.find((s) => placeKey(s) === placeKey(e))!
    for (const link of e.links ?? []) {
      const other = spanAtPlace(gold, link.other, sets, ctx)
      const [from, to] = link.direction === 'out' ? [own.id, other.id] : [other.id, own.id]
      if (from === to) throw new Error('an edited link cannot link a span to itself')
      if (gold.relations.some((r) => r.type === link.type && r.from === from && r.to === to)) {
        continue
      }
      gold.relations.push({
        id: ctx.newId('r'),
        type: link.type,
        from,
        to,
        attributes: structuredClone(link.attributes ?? {}),
        annotator: ctx.curator,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        curatedBy: ctx.curator,
      })
    }
  })
  return gold
}

/** A span the curator made at `e`'s place. */
function curatorSpan(
  e: Pick<Span, 'layer' | 'label' | 'start' | 'end'>,
  attributes: Span['attributes'],
  ctx: GoldContext,
): Span {
  if (!(e.start >= 0 && e.start < e.end && e.end <= ctx.text.length)) {
    throw new Error(`edited span ${e.start}–${e.end} is not a range of the document`)
  }
  return {
    id: ctx.newId('s'),
    layer: e.layer,
    label: e.label,
    start: e.start,
    end: e.end,
    quote: {
      exact: ctx.text.slice(e.start, e.end),
      prefix: ctx.text.slice(Math.max(0, e.start - 32), e.start),
      suffix: ctx.text.slice(e.end, e.end + 32),
    },
    attributes,
    annotator: ctx.curator,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    curatedBy: ctx.curator,
  }
}

/**
 * The gold span at `place` (layer and range); failing that, an analyst's span there, copied into
 * gold. Throws when no set has a span there.
 */
function spanAtPlace(
  gold: Annotations,
  place: Pick<Span, 'layer' | 'start' | 'end'>,
  sets: Readonly<Record<string, Annotations>>,
  ctx: GoldContext,
): Span {
  const key = rangeKey(place)
  const there = gold.spans.find((s) => rangeKey(s) === key)
  if (there) return there
  const theirs = Object.values(sets)
    .flatMap((a) => a.spans)
    .find((s) => rangeKey(s) === key)
  if (!theirs) {
    throw new Error(
      `no span on layer ${place.layer} at ${place.start}–${place.end} to link to: ` +
        'accept that span into the gold set first',
    )
  }
  addSpans(gold, [theirs], ctx)
  return gold.spans.find((s) => rangeKey(s) === key)!
}

/**
 * The version a strict majority of a disagreement's analysts gave (same spans at the same places
 * and the same value), or null when none has a majority. `empty`: the majority has nothing there.
 */
export function majorityVersion(d: Disagreement): { analysts: string[]; empty: boolean } | null {
  const groups = new Map<string, string[]>()
  for (const v of d.versions) {
    const places = v.spans.map((s) => `${s.layer}|${s.label}|${s.start}|${s.end}`).sort()
    const key = JSON.stringify([v.value, places])
    const list = groups.get(key)
    if (list) list.push(v.analyst)
    else groups.set(key, [v.analyst])
  }
  for (const analysts of groups.values()) {
    if (analysts.length * 2 > d.versions.length) {
      const version = d.versions.find((v) => v.analyst === analysts[0])!
      return { analysts, empty: version.spans.length === 0 && version.value === null }
    }
  }
  return null
}
