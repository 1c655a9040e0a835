// Turns the material of one or more documents into a section of the report: match counts summed
// (micro-averaged F1), reliability data concatenated (κ and α on all the units at once, never an
// average of per-document values), continua laid end to end for α_u.
import type { AnnotationSchema, Layer, RelationType } from '../model'
import type { DocLabelMaterial } from './doc-labels'
import type { AttributeMaterial, LayerMaterial, SpanPairCounts } from './layer-material'
import type { RelationMaterial } from './relation-material'
import {
  addCounts,
  categoricalAgreement,
  f1Score,
  pairKey,
  pairsOf,
  zeroCounts,
  type Counts,
} from './scores'
import type {
  AgreementSection,
  AttributeAgreement,
  LayerAgreement,
  PairSpanScores,
  RelationAgreement,
} from './types'
import { unitizingAlpha, type ContinuumPart } from './unitizing'

export interface DocumentMaterial {
  documentId: string
  analysts: string[]
  layers: Map<string, LayerMaterial>
  relations: Map<string, RelationMaterial>
  docLabels: Map<string, DocLabelMaterial>
}

export interface SectionContext {
  schema: AnnotationSchema
  layers: readonly Layer[]
  relationTypes: readonly RelationType[]
  includeUnits: boolean
}

function sumPairs<T>(
  items: readonly (Map<string, T> | undefined)[],
  analysts: readonly string[],
  fields: readonly (keyof T)[],
): Map<string, Record<keyof T, Counts>> {
  const out = new Map<string, Record<keyof T, Counts>>()
  for (const [a, b] of pairsOf(analysts)) {
    const total = Object.fromEntries(fields.map((f) => [f, zeroCounts()])) as Record<
      keyof T,
      Counts
    >
    for (const item of items) {
      const c = item?.get(pairKey(a, b))
      if (c) for (const f of fields) addCounts(total[f], c[f] as Counts)
    }
    out.set(pairKey(a, b), total)
  }
  return out
}

function spanScores(
  items: readonly (Map<string, SpanPairCounts> | undefined)[],
  analysts: readonly string[],
): PairSpanScores[] {
  const sums = sumPairs(items, analysts, ['exact', 'overlap'])
  return pairsOf(analysts).map(([a, b]) => {
    const c = sums.get(pairKey(a, b))!
    return { a, b, exact: f1Score(c.exact), overlap: f1Score(c.overlap) }
  })
}

function countsByAnalyst(maps: readonly Map<string, number>[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const m of maps) for (const [a, n] of m) out[a] = (out[a] ?? 0) + n
  return out
}

function attributeAgreement(
  items: readonly AttributeMaterial[],
  analysts: readonly string[],
  includeUnits: boolean,
): AttributeAgreement {
  const def = items[0].def
  const metric = def.type === 'number' ? 'interval' : 'nominal'
  const sums = sumPairs(
    items.map((i) => new Map([...i.pairs].map(([k, c]) => [k, { f1: c }]))),
    analysts,
    ['f1'],
  )
  return {
    attribute: def.name,
    metric,
    ...categoricalAgreement(
      items.flatMap((i) => i.triples),
      analysts,
      metric,
      { includeUnits },
    ),
    pairs: pairsOf(analysts).map(([a, b]) => ({ a, b, f1: f1Score(sums.get(pairKey(a, b))!.f1) })),
  }
}

function attributes(
  materials: readonly Map<string, AttributeMaterial>[],
  names: readonly string[],
  analysts: readonly string[],
  includeUnits: boolean,
): AttributeAgreement[] {
  return names
    .map((name) => materials.map((m) => m.get(name)).filter((m) => m !== undefined))
    .filter((items) => items.length > 0)
    .map((items) => attributeAgreement(items, analysts, includeUnits))
}

function layerAgreement(
  layer: Layer,
  items: readonly LayerMaterial[],
  analysts: readonly string[],
  includeUnits: boolean,
): LayerAgreement {
  const labels: string[] = []
  for (const m of items) for (const l of m.continua.keys()) if (!labels.includes(l)) labels.push(l)
  if (labels.length === 0) labels.push(...layer.labels.map((l) => l.name))
  const partsOf = (label: string) =>
    items.map((m) => m.continua.get(label)).filter((p): p is ContinuumPart => p !== undefined)
  const labelled = sumPairs(
    items.flatMap((m) => [...m.labelPairs.values()]),
    analysts,
    ['exact', 'overlap'],
  )
  return {
    layer: layer.id,
    name: layer.name,
    spanCounts: countsByAnalyst(items.map((m) => m.spanCounts)),
    spans: spanScores(
      items.map((m) => m.pairs),
      analysts,
    ),
    labelled: pairsOf(analysts).map(([a, b]) => {
      const c = labelled.get(pairKey(a, b))!
      return { a, b, exact: f1Score(c.exact), overlap: f1Score(c.overlap) }
    }),
    alphaU: unitizingAlpha(labels.map(partsOf), analysts),
    labels: labels.map((label) => ({
      label,
      pairs: spanScores(
        items.map((m) => m.labelPairs.get(label)),
        analysts,
      ),
      alphaU: unitizingAlpha([partsOf(label)], analysts),
    })),
    labelAgreement: categoricalAgreement(
      items.flatMap((m) => m.labelTriples),
      analysts,
      'nominal',
      { includeUnits },
    ),
    attributes: attributes(
      items.map((m) => m.attributes),
      layer.attributes.map((a) => a.name),
      analysts,
      includeUnits,
    ),
  }
}

function relationAgreement(
  type: RelationType,
  items: readonly RelationMaterial[],
  analysts: readonly string[],
  includeUnits: boolean,
): RelationAgreement {
  const sums = sumPairs(
    items.map((m) => m.pairs),
    analysts,
    ['all', 'matchedEnds'],
  )
  return {
    type: type.id,
    name: type.name,
    relationCounts: countsByAnalyst(items.map((m) => m.relationCounts)),
    pairs: pairsOf(analysts).map(([a, b]) => {
      const c = sums.get(pairKey(a, b))!
      return { a, b, all: f1Score(c.all), matchedEnds: f1Score(c.matchedEnds) }
    }),
    links: categoricalAgreement(
      items.flatMap((m) => m.linkTriples),
      analysts,
      'nominal',
      { matrices: false, includeUnits },
    ),
    attributes: attributes(
      items.map((m) => m.attributes),
      type.attributes.map((a) => a.name),
      analysts,
      includeUnits,
    ),
  }
}

/** The statistics of the given documents' material among `analysts`. */
export function buildSection(
  materials: readonly DocumentMaterial[],
  analysts: readonly string[],
  ctx: SectionContext,
): AgreementSection {
  const pick = <T>(get: (m: DocumentMaterial) => T | undefined): T[] =>
    materials.map(get).filter((x): x is T => x !== undefined)
  return {
    documents: materials.length,
    layers: ctx.layers.map((layer) =>
      layerAgreement(
        layer,
        pick((m) => m.layers.get(layer.id)),
        analysts,
        ctx.includeUnits,
      ),
    ),
    relations: ctx.relationTypes.map((type) =>
      relationAgreement(
        type,
        pick((m) => m.relations.get(type.id)),
        analysts,
        ctx.includeUnits,
      ),
    ),
    docLabels: ctx.schema.labelSets.map((set) => ({
      labelSet: set.id,
      name: set.name,
      multiple: set.multiple,
      agreement: categoricalAgreement(
        pick((m) => m.docLabels.get(set.id)).flatMap((d) => d.triples),
        analysts,
        'nominal',
        { includeUnits: ctx.includeUnits },
      ),
    })),
  }
}
