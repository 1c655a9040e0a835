// Turns the material of one or more documents into a section of the report: match counts summed
// (micro-averaged F1), reliability data concatenated (κ and α on all the units at once, never an
// average of per-document values), continua laid end to end for α_u.
import type { AnnotationSchema, Layer, RelationType } from '../model'
import { UnitTable } from './unit-table'
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
import type { ContinuumPart } from './unitizing'
import { unitizingAlphas } from './unitizing-result'

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

/** The counts of one pair summed over documents; `pick` reads them from one document's item. */
function total<T>(
  items: readonly (Map<string, T> | undefined)[],
  a: string,
  b: string,
  pick: (t: T) => Counts,
): Counts {
  const out = zeroCounts()
  const key = pairKey(a, b)
  for (const item of items) {
    const t = item?.get(key)
    if (t) addCounts(out, pick(t))
  }
  return out
}

const exactOf = (c: SpanPairCounts) => c.exact
const overlapOf = (c: SpanPairCounts) => c.overlap

function spanScores(
  items: readonly (Map<string, SpanPairCounts> | undefined)[],
  analysts: readonly string[],
): PairSpanScores[] {
  return pairsOf(analysts).map(([a, b]) => ({
    a,
    b,
    exact: f1Score(total(items, a, b, exactOf)),
    overlap: f1Score(total(items, a, b, overlapOf)),
  }))
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
  return {
    attribute: def.name,
    metric,
    ...categoricalAgreement(UnitTable.concat(items.map((i) => i.table)), analysts, metric, {
      includeUnits,
    }),
    pairs: pairsOf(analysts).map(([a, b]) => ({
      a,
      b,
      f1: f1Score(
        total(
          items.map((i) => i.pairs),
          a,
          b,
          (c) => c,
        ),
      ),
    })),
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
  const alphaU = unitizingAlphas(labels.map(partsOf), analysts)
  const labelled = spanScores(
    items.flatMap((m) => [...m.labelPairs.values()]),
    analysts,
  )
  return {
    layer: layer.id,
    name: layer.name,
    spanCounts: countsByAnalyst(items.map((m) => m.spanCounts)),
    spans: spanScores(
      items.map((m) => m.pairs),
      analysts,
    ),
    labelled,
    alphaU: alphaU.joint,
    labels: labels.map((label, i) => ({
      label,
      pairs: spanScores(
        items.map((m) => m.labelPairs.get(label)),
        analysts,
      ),
      alphaU: alphaU.categories[i],
    })),
    labelAgreement: categoricalAgreement(
      UnitTable.concat(items.map((m) => m.labels)),
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
  return {
    type: type.id,
    name: type.name,
    relationCounts: countsByAnalyst(items.map((m) => m.relationCounts)),
    pairs: pairsOf(analysts).map(([a, b]) => {
      const pairs = items.map((m) => m.pairs)
      return {
        a,
        b,
        all: f1Score(total(pairs, a, b, (c) => c.all)),
        matchedEnds: f1Score(total(pairs, a, b, (c) => c.matchedEnds)),
      }
    }),
    links: categoricalAgreement(UnitTable.concat(items.map((m) => m.links)), analysts, 'nominal', {
      matrices: false,
      includeUnits,
    }),
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
        UnitTable.concat(pick((m) => m.docLabels.get(set.id)).map((d) => d.table)),
        analysts,
        'nominal',
        { includeUnits: ctx.includeUnits },
      ),
    })),
  }
}
