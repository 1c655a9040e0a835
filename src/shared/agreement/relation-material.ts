// What one document contributes to a relation type's statistics.
//
// - F1 per pair: a's relation matches b's when their types are equal and each end of a's is
//   matched (pairwise span matching of its layer) to the same end of b's; one-to-one. "All" counts
//   every relation; "matched ends" only those whose two ends both have a partner span, which
//   separates linking from finding the spans.
// - Links (κ/α): one unit per aligned unit of a `from` layer (e.g. each claim); an analyst with a
//   span there gives the aligned unit(s) of the spans they linked it to, or "(none)".
// - Relation attributes (κ/α): one unit per aligned relation (type, aligned from, aligned to).
import type { AttributeDef, Relation, RelationType } from '../model'
import type { AlignedSpan } from './alignment'
import { partnerOf, type DocumentAlignment } from './document'
import { attributeValue, comparable, type AttributeMaterial } from './layer-material'
import { pairKey, pairsOf, type Counts } from './scores'
import type { ReliabilityTriple } from './types'

export const NO_LINK = '(none)'

export interface RelationMaterial {
  typeId: string
  relationCounts: Map<string, number>
  pairs: Map<string, { all: Counts; matchedEnds: Counts }>
  linkTriples: ReliabilityTriple[]
  attributes: Map<string, AttributeMaterial>
}

/** A relation with its two ends as aligned spans. */
export interface Ended {
  relation: Relation
  from: AlignedSpan
  to: AlignedSpan
}

/** One relation type's relations in a document, by analyst and by `from` span. */
export interface RelationIndex {
  type: RelationType
  byAnalyst: Map<string, Ended[]>
  byFrom: Map<AlignedSpan, Ended[]>
}

/** Indexes the relations of `type` of every analyst of an aligned document. */
export function relationIndex(alignment: DocumentAlignment, type: RelationType): RelationIndex {
  const byAnalyst = new Map<string, Ended[]>()
  const byFrom = new Map<AlignedSpan, Ended[]>()
  for (const analyst of alignment.analysts) {
    const ids = alignment.spanById.get(analyst)!
    const list = (alignment.relations.get(analyst) ?? [])
      .filter((r) => r.type === type.id)
      .map((r) => ({ relation: r, from: ids.get(r.from)!, to: ids.get(r.to)! }))
    byAnalyst.set(analyst, list)
    for (const r of list) byFrom.set(r.from, [...(byFrom.get(r.from) ?? []), r])
  }
  return { type, byAnalyst, byFrom }
}

/** One-to-one matches of a's relations to b's, and the counts for both F1 variants. */
export function matchRelations(
  alignment: DocumentAlignment,
  index: RelationIndex,
  a: string,
  b: string,
): { matches: [Ended, Ended][]; all: Counts; matchedEnds: Counts } {
  const ra = index.byAnalyst.get(a) ?? []
  const rb = index.byAnalyst.get(b) ?? []
  const waiting = new Map<string, Ended[]>()
  for (const r of rb) {
    const key = `${r.from.span.id}\u0000${r.to.span.id}`
    waiting.set(key, [...(waiting.get(key) ?? []), r])
  }
  const hasEnds = (r: Ended) =>
    partnerOf(alignment, r.from, a, b) !== undefined &&
    partnerOf(alignment, r.to, a, b) !== undefined
  const matches: [Ended, Ended][] = []
  for (const r of ra) {
    const from = partnerOf(alignment, r.from, a, b)
    const to = partnerOf(alignment, r.to, a, b)
    if (!from || !to) continue
    const list = waiting.get(`${from.span.id}\u0000${to.span.id}`)
    if (list && list.length > 0) matches.push([r, list.shift()!])
  }
  const tp = matches.length
  return {
    matches,
    all: { tp, a: ra.length, b: rb.length },
    matchedEnds: { tp, a: ra.filter(hasEnds).length, b: rb.filter(hasEnds).length },
  }
}

/** The aligned units `s` is linked to by relations of `type` from it, as one value. */
export function linkValue(index: RelationIndex, s: AlignedSpan): string {
  const targets = (index.byFrom.get(s) ?? []).map((r) => r.to.unit!.id)
  return targets.length ? [...new Set(targets)].sort().join(' + ') : NO_LINK
}

/** Aligned relations: key (type, aligned from, aligned to) → each analyst's first relation. */
export function alignedRelations(index: RelationIndex): Map<string, Map<string, Ended>> {
  const out = new Map<string, Map<string, Ended>>()
  for (const [analyst, list] of index.byAnalyst) {
    for (const r of list) {
      const key = `${index.type.id}:${r.from.unit!.id}>${r.to.unit!.id}`
      let row = out.get(key)
      if (!row) out.set(key, (row = new Map()))
      if (!row.has(analyst)) row.set(analyst, r)
    }
  }
  return out
}

function relationAttribute(
  alignment: DocumentAlignment,
  index: RelationIndex,
  def: AttributeDef,
  matched: Map<string, [Ended, Ended][]>,
): AttributeMaterial {
  const value = (r: Ended) => attributeValue(def, r.relation.attributes[def.name])
  const triples: ReliabilityTriple[] = []
  for (const [key, row] of alignedRelations(index)) {
    for (const [coder, r] of row) {
      const v = value(r)
      if (v !== undefined) triples.push({ coder, unit: key, value: v })
    }
  }
  const pairs = new Map<string, Counts>()
  for (const [a, b] of pairsOf(alignment.analysts)) {
    const set = (x: string) => (index.byAnalyst.get(x) ?? []).filter((r) => value(r) !== undefined)
    const tp = matched
      .get(pairKey(a, b))!
      .filter(([x, y]) => value(x) !== undefined && value(x) === value(y)).length
    pairs.set(pairKey(a, b), { tp, a: set(a).length, b: set(b).length })
  }
  return { def, triples, pairs }
}

/** The material of one relation type in one aligned document. */
export function relationMaterial(
  alignment: DocumentAlignment,
  type: RelationType,
): RelationMaterial {
  const index = relationIndex(alignment, type)
  const pairs = new Map<string, { all: Counts; matchedEnds: Counts }>()
  const matched = new Map<string, [Ended, Ended][]>()
  for (const [a, b] of pairsOf(alignment.analysts)) {
    const m = matchRelations(alignment, index, a, b)
    pairs.set(pairKey(a, b), { all: m.all, matchedEnds: m.matchedEnds })
    matched.set(pairKey(a, b), m.matches)
  }
  const linkTriples: ReliabilityTriple[] = []
  for (const layerId of type.from) {
    for (const unit of alignment.layers.get(layerId)?.units ?? []) {
      for (const [coder, s] of unit.members) {
        linkTriples.push({ coder, unit: `${unit.id}>${type.id}`, value: linkValue(index, s) })
      }
    }
  }
  const attributes = new Map<string, AttributeMaterial>()
  for (const def of type.attributes.filter(comparable)) {
    attributes.set(def.name, relationAttribute(alignment, index, def, matched))
  }
  return {
    typeId: type.id,
    relationCounts: new Map(
      alignment.analysts.map((a) => [a, index.byAnalyst.get(a)?.length ?? 0]),
    ),
    pairs,
    linkTriples,
    attributes,
  }
}
