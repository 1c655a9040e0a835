// What one document contributes to a layer's statistics: match counts of each pair of analysts
// (label-blind and per label), each label's continuum for α_u, and the reliability data of labels
// and attributes on the aligned units. Counts and data add up over documents, so a document's
// figures and the project's pooled figures come from the same material.
import type { AttributeDef, AttributeValue } from '../model'
import { exactMatches, greedyMatching } from './alignment'
import type { DocumentAlignment, LayerAlignment } from './document'
import { pairKey, pairsOf, zeroCounts, type Counts } from './scores'
import { UnitTable } from './unit-table'
import { continuumPart, type ContinuumPart, type Interval } from './unitizing'

export interface SpanPairCounts {
  exact: Counts
  overlap: Counts
}

export interface AttributeMaterial {
  def: AttributeDef
  table: UnitTable
  /** pairKey → (span, value) matches between matched spans. */
  pairs: Map<string, Counts>
}

export interface LayerMaterial {
  layerId: string
  spanCounts: Map<string, number>
  pairs: Map<string, SpanPairCounts>
  /** label → pairKey → counts among the spans of that label. */
  labelPairs: Map<string, Map<string, SpanPairCounts>>
  /** label → its continuum in this document. */
  continua: Map<string, ContinuumPart>
  labels: UnitTable
  attributes: Map<string, AttributeMaterial>
}

/** The attribute types κ/α apply to, and how their values compare. */
export function comparable(def: AttributeDef): boolean {
  return def.type === 'enum' || def.type === 'boolean' || def.type === 'number'
}

/** An attribute value as reliability data, or undefined when it is not set (a missing value). */
export function attributeValue(
  def: AttributeDef,
  value: AttributeValue | undefined,
): string | number | undefined {
  if (value === undefined || value === '') return undefined
  if (def.type === 'number')
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined
  if (def.type === 'boolean') return typeof value === 'boolean' ? String(value) : undefined
  return String(value)
}

/** Labels of a layer: the schema's, then any other label the analysts used, sorted. */
export function layerLabels(layer: LayerAlignment): string[] {
  const names = layer.layer.labels.map((l) => l.name)
  const seen = [...new Set(layer.spans.map((s) => s.span.label))].filter((l) => !names.includes(l))
  return [...names, ...seen.sort()]
}

function spanPairCounts(
  layer: LayerAlignment,
  a: string,
  b: string,
  label: string | null,
): SpanPairCounts {
  const pick = (x: string) =>
    (layer.byAnalyst.get(x) ?? []).filter((s) => label === null || s.span.label === label)
  const sa = pick(a)
  const sb = pick(b)
  const overlap =
    label === null
      ? layer.matchings.get(pairKey(a, b))!
      : greedyMatching(
          layer.candidates,
          a,
          b,
          (x, y) => x.span.label === label && y.span.label === label,
        )
  return {
    exact: { tp: exactMatches(sa, sb), a: sa.length, b: sb.length },
    overlap: { tp: overlap.size / 2, a: sa.length, b: sb.length },
  }
}

function continuum(alignment: DocumentAlignment, layer: LayerAlignment, label: string) {
  const units = new Map<string, Interval[]>()
  for (const analyst of alignment.analysts) {
    units.set(
      analyst,
      (layer.byAnalyst.get(analyst) ?? [])
        .filter((s) => s.span.label === label)
        .map((s) => ({ start: s.start, end: s.end })),
    )
  }
  const length = alignment.converter.toCodePoint(alignment.document.text.length)
  return continuumPart(alignment.document.id, length, units)
}

function attributeMaterial(
  alignment: DocumentAlignment,
  layer: LayerAlignment,
  def: AttributeDef,
): AttributeMaterial {
  // Each span's value, by its index in the layer.
  const values = layer.spans.map((s) => attributeValue(def, s.span.attributes[def.name]))
  const table = new UnitTable()
  for (const unit of layer.units) {
    const coders: string[] = []
    const unitValues: (string | number)[] = []
    for (const s of unit.spans) {
      const v = values[s.index]
      if (v === undefined) continue
      coders.push(s.analyst)
      unitValues.push(v)
    }
    table.add(unit.id, coders, unitValues)
  }
  const pairs = new Map<string, Counts>()
  const setBy = (x: string) =>
    (layer.byAnalyst.get(x) ?? []).filter((s) => values[s.index] !== undefined)
  for (const [a, b] of pairsOf(alignment.analysts)) {
    const matching = layer.matchings.get(pairKey(a, b))!
    const sa = setBy(a)
    let tp = 0
    for (const s of sa) {
      const partner = matching.get(s.index)
      if (partner && values[s.index] === values[partner.index]) tp++
    }
    pairs.set(pairKey(a, b), { tp, a: sa.length, b: setBy(b).length })
  }
  return { def, table, pairs }
}

/** The material of one layer of one aligned document. */
export function layerMaterial(alignment: DocumentAlignment, layer: LayerAlignment): LayerMaterial {
  const pairs = new Map<string, SpanPairCounts>()
  const labelPairs = new Map<string, Map<string, SpanPairCounts>>()
  const continua = new Map<string, ContinuumPart>()
  const labels = layerLabels(layer)
  const used = new Set(layer.spans.map((s) => s.span.label))
  for (const label of labels) {
    labelPairs.set(label, new Map())
    continua.set(label, continuum(alignment, layer, label))
  }
  for (const [a, b] of pairsOf(alignment.analysts)) {
    const key = pairKey(a, b)
    const blind = spanPairCounts(layer, a, b, null)
    pairs.set(key, blind)
    for (const label of labels) {
      // A label nobody used matches nothing; the only label used matches as the layer does.
      const counts = !used.has(label)
        ? { exact: zeroCounts(), overlap: zeroCounts() }
        : used.size === 1
          ? blind
          : spanPairCounts(layer, a, b, label)
      labelPairs.get(label)!.set(key, counts)
    }
  }
  const labelTable = new UnitTable()
  for (const unit of layer.units) {
    labelTable.add(
      unit.id,
      unit.analysts,
      unit.spans.map((s) => s.span.label),
    )
  }
  const attributes = new Map<string, AttributeMaterial>()
  for (const def of layer.layer.attributes.filter(comparable)) {
    attributes.set(def.name, attributeMaterial(alignment, layer, def))
  }
  return {
    layerId: layer.layer.id,
    spanCounts: new Map(alignment.analysts.map((a) => [a, layer.byAnalyst.get(a)?.length ?? 0])),
    pairs,
    labelPairs,
    continua,
    labels: labelTable,
    attributes,
  }
}
