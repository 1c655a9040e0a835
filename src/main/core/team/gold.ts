// The gold set of one document, built from the analysts' sets and the curator's decisions. Pure:
// no files. What all analysts agree on (no disagreement touches it) is accepted when curation of
// the document starts; each disagreement is then settled by taking one analyst's version, all of
// them ("both"), or the curator's own edit of the spans. Gold spans keep who made them
// (`annotator`) and record who accepted them (`curatedBy`); relations come along when both of
// their ends are in the gold set.
import type { Disagreement } from '../../../shared/agreement'
import type { Annotations, Relation, Span } from '../../../shared/model'

/** A curator's decision on one disagreement. */
export type CurationChoice =
  | { take: string }
  | { take: 'both' }
  | { edit: { layer: string; label: string; start: number; end: number }[] }

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

/** The curator's own spans in place of every version's (attributes of the first version's span). */
function applyEdit(
  gold: Annotations,
  d: Disagreement,
  edits: readonly { layer: string; label: string; start: number; end: number }[],
  sets: Readonly<Record<string, Annotations>>,
  ctx: GoldContext,
): Annotations {
  const model = d.versions
    .flatMap((v) => v.spans.map((s) => sets[v.analyst]?.spans.find((x) => x.id === s.id)))
    .find((s): s is Span => s !== undefined)
  clearDisagreement(gold, d)
  const spans: Span[] = edits.map((e) => {
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
      attributes: model?.layer === e.layer ? structuredClone(model.attributes) : {},
      annotator: ctx.curator,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      curatedBy: ctx.curator,
    }
  })
  addSpans(gold, spans, ctx)
  return gold
}
