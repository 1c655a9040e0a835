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
import { partnersOf, type DocumentAlignment } from './document'
import { attributeValue, comparable, type AttributeMaterial } from './layer-material'
import { pairKey, pairsOf, type Counts } from './scores'
import { UnitTable } from './unit-table'

export const NO_LINK = '(none)'

export interface RelationMaterial {
  typeId: string
  relationCounts: Map<string, number>
  pairs: Map<string, { all: Counts; matchedEnds: Counts }>
  links: UnitTable
  attributes: Map<string, AttributeMaterial>
}

/** A relation with its two ends as aligned spans. */
export interface Ended {
  relation: Relation
  from: AlignedSpan
  to: AlignedSpan
}

/** One relation type's relations in a document, indexed once for the statistics and the list. */
export interface RelationIndex {
  type: RelationType
  byAnalyst: Map<string, Ended[]>
  byFrom: Map<AlignedSpan, Ended[]>
  /** Aligned relations: "type:from unit>to unit" → each analyst's first such relation. */
  aligned: Map<string, Map<string, Ended>>
  /** Each span of a `from` layer → the value of its link unit (see linkValue). */
  links: Map<AlignedSpan, string>
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
    for (const r of list) {
      const from = byFrom.get(r.from)
      if (from) from.push(r)
      else byFrom.set(r.from, [r])
    }
  }
  const links = new Map<AlignedSpan, string>()
  for (const layerId of type.from) {
    for (const s of alignment.layers.get(layerId)?.spans ?? []) {
      const targets = (byFrom.get(s) ?? []).map((r) => r.to.unit!.id)
      links.set(s, targets.length ? [...new Set(targets)].sort().join(' + ') : NO_LINK)
    }
  }
  return { type, byAnalyst, byFrom, aligned: alignedRelations(type, byAnalyst), links }
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
    const list = waiting.get(key)
    if (list) list.push(r)
    else waiting.set(key, [r])
  }
  const partner = partnersOf(alignment, a, b)
  const hasEnds = (r: Ended) => partner(r.from) !== undefined && partner(r.to) !== undefined
  const matches: [Ended, Ended][] = []
  for (const r of ra) {
    const from = partner(r.from)
    const to = partner(r.to)
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

/** The aligned units `s` (of a `from` layer) is linked to, sorted and joined, or "(none)". */
export function linkValue(index: RelationIndex, s: AlignedSpan): string {
  return index.links.get(s) ?? NO_LINK
}

/** Aligned relations: key (type, aligned from, aligned to) → each analyst's first relation. */
function alignedRelations(
  type: RelationType,
  byAnalyst: Map<string, Ended[]>,
): Map<string, Map<string, Ended>> {
  const out = new Map<string, Map<string, Ended>>()
  for (const [analyst, list] of byAnalyst) {
    for (const r of list) {
      const key = `${type.id}:${r.from.unit!.id}>${r.to.unit!.id}`
      let row = out.get(key)
      if (!row) out.set(key, (row = new Map<string, Ended>()))
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
  const table = new UnitTable()
  for (const [key, row] of index.aligned) {
    const coders: string[] = []
    const values: (string | number)[] = []
    for (const [coder, r] of row) {
      const v = value(r)
      if (v === undefined) continue
      coders.push(coder)
      values.push(v)
    }
    table.add(key, coders, values)
  }
  const pairs = new Map<string, Counts>()
  for (const [a, b] of pairsOf(alignment.analysts)) {
    const set = (x: string) => (index.byAnalyst.get(x) ?? []).filter((r) => value(r) !== undefined)
    const tp = matched
      .get(pairKey(a, b))!
      .filter(([x, y]) => value(x) !== undefined && value(x) === value(y)).length
    pairs.set(pairKey(a, b), { tp, a: set(a).length, b: set(b).length })
  }
  return { def, table, pairs }
}

/** The material of one relation type in one aligned document. */
export function relationMaterial(
  alignment: DocumentAlignment,
  index: RelationIndex,
): RelationMaterial {
  const type = index.type
  const pairs = new Map<string, { all: Counts; matchedEnds: Counts }>()
  const matched = new Map<string, [Ended, Ended][]>()
  for (const [a, b] of pairsOf(alignment.analysts)) {
    const m = matchRelations(alignment, index, a, b)
    pairs.set(pairKey(a, b), { all: m.all, matchedEnds: m.matchedEnds })
    matched.set(pairKey(a, b), m.matches)
  }
  const links = new UnitTable()
  for (const layerId of type.from) {
    for (const unit of alignment.layers.get(layerId)?.units ?? []) {
      links.add(
        `${unit.id}>${type.id}`,
        unit.analysts,
        unit.spans.map((s) => linkValue(index, s)),
      )
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
    links,
    attributes,
  }
}
