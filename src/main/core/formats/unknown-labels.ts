// After an import is parsed, the labels it found that the schema does not know are settled as the
// user chose: `add` puts them in the schema, `skip` drops what uses them. And when only part of an
// import goes in (documents already in the project are skipped), the unknown labels are recounted
// over that part, so skipped input never changes the schema.
import type { AnnotationSchema, Layer } from '../../../shared/model'
import type { ImportedDocument, ImportResult, UnknownLabel } from './import-types'

const NEW_LAYER_COLORS = ['#0891b2', '#65a30d', '#7c3aed', '#ea580c', '#be123c', '#4b5563']

/**
 * The result with only the documents `keep` accepts: unknown labels are recounted over them (those
 * no longer used go), and entities are kept only when a kept span links to them.
 */
export function keepDocuments(
  result: ImportResult,
  keep: (document: ImportedDocument, index: number) => boolean,
): ImportResult {
  const documents = result.documents.filter(keep)
  if (documents.length === result.documents.length) return result
  const unknownLabels = result.unknownLabels
    .map((u) => ({ ...u, count: documents.reduce((n, d) => n + usesOf(u, d), 0) }))
    .filter((u) => u.count > 0)
  const linked = new Set(
    documents.flatMap((d) => d.annotations.spans.flatMap((s) => s.entityId ?? [])),
  )
  const entities = result.entities?.filter((e) => linked.has(e.id))
  return { ...result, documents, unknownLabels, ...(entities ? { entities } : {}) }
}

/** How many times a document uses an unknown label. */
function usesOf(u: UnknownLabel, { annotations }: ImportedDocument): number {
  const { spans, relations, docLabels } = annotations
  switch (u.kind) {
    case 'span':
      return spans.filter((s) => s.layer === u.layer && s.label === u.label).length
    case 'relation':
      return relations.filter((r) => r.type === u.layer).length
    case 'attribute':
      return [
        ...spans.filter((s) => s.layer === u.layer),
        ...relations.filter((r) => r.type === u.layer),
      ].filter((a) => u.label in a.attributes).length
    case 'docLabel':
      return (docLabels[u.layer] ?? []).filter((v) => v === u.label).length
  }
}

/**
 * Settles the labels an import found that the schema does not know. `add` returns a schema that
 * holds them (new labels, layers, relation types, attributes, label-set values) and the result
 * with values of an attribute seen with several types made text; `skip` keeps the schema and drops
 * the spans, relations, attribute values and document labels that use them (relations whose end was
 * dropped go too). Returns new objects.
 */
export function resolveUnknownLabels(
  result: ImportResult,
  schema: AnnotationSchema,
  mode: 'add' | 'skip',
): { schema: AnnotationSchema; result: ImportResult } {
  if (result.unknownLabels.length === 0) return { schema, result }
  if (mode === 'add') return { schema: addToSchema(schema, result), result: asText(result) }
  const unknown = (kind: string, layer: string, label: string) =>
    result.unknownLabels.some((u) => u.kind === kind && u.layer === layer && u.label === label)
  const documents = result.documents.map(({ document, annotations }) => {
    const spans = annotations.spans
      .filter((s) => !unknown('span', s.layer, s.label))
      .map((s) => ({
        ...s,
        attributes: withoutUnknown(s.attributes, (n) => unknown('attribute', s.layer, n)),
      }))
    const kept = new Set(spans.map((s) => s.id))
    const relations = annotations.relations
      .filter((r) => kept.has(r.from) && kept.has(r.to))
      .filter((r) => !result.unknownLabels.some((u) => u.kind === 'relation' && u.layer === r.type))
      .map((r) => ({
        ...r,
        attributes: withoutUnknown(r.attributes, (n) => unknown('attribute', r.type, n)),
      }))
    const docLabels = Object.fromEntries(
      Object.entries(annotations.docLabels)
        .map(([set, values]) => [set, values.filter((v) => !unknown('docLabel', set, v))] as const)
        .filter(([, values]) => values.length > 0),
    )
    return { document, annotations: { spans, relations, docLabels } }
  })
  return { schema, result: { ...result, documents, unknownLabels: [] } }
}

function withoutUnknown<T extends Record<string, unknown>>(
  values: T,
  isUnknown: (name: string) => boolean,
): T {
  return Object.fromEntries(Object.entries(values).filter(([n]) => !isUnknown(n))) as T
}

/** Values of new text attributes as text (an attribute seen with a number and a word is text). */
function asText(result: ImportResult): ImportResult {
  const textual = result.unknownLabels.filter(
    (u) => u.kind === 'attribute' && u.valueType === 'text',
  )
  if (textual.length === 0) return result
  const fix = <T extends { attributes: Record<string, string | number | boolean> }>(
    owner: string,
    item: T,
  ): T => {
    const names = textual.filter((u) => u.layer === owner).map((u) => u.label)
    if (!names.some((n) => n in item.attributes)) return item
    const attributes = Object.fromEntries(
      Object.entries(item.attributes).map(([n, v]) => [n, names.includes(n) ? String(v) : v]),
    )
    return { ...item, attributes }
  }
  const documents = result.documents.map(({ document, annotations }) => ({
    document,
    annotations: {
      ...annotations,
      spans: annotations.spans.map((s) => fix(s.layer, s)),
      relations: annotations.relations.map((r) => fix(r.type, r)),
    },
  }))
  return { ...result, documents }
}

function addToSchema(schema: AnnotationSchema, result: ImportResult): AnnotationSchema {
  const next: AnnotationSchema = structuredClone(schema)
  const of = (kind: UnknownLabel['kind']) => result.unknownLabels.filter((u) => u.kind === kind)
  for (const u of of('span')) {
    let layer = next.layers.find((l) => l.id === u.layer)
    if (!layer) {
      layer = {
        id: u.layer,
        name: u.layer,
        color: NEW_LAYER_COLORS[next.layers.length % NEW_LAYER_COLORS.length],
        underline: 'solid',
        labels: [],
        attributes: [],
      } satisfies Layer
      next.layers.push(layer)
    }
    if (!layer.labels.some((l) => l.name === u.label)) layer.labels.push({ name: u.label })
  }
  const layerIds = next.layers.map((l) => l.id)
  for (const u of of('relation')) {
    if (next.relationTypes.some((t) => t.id === u.layer)) continue
    const name = u.label.slice(0, 200) || u.layer
    next.relationTypes.push({ id: u.layer, name, from: layerIds, to: layerIds, attributes: [] })
  }
  for (const u of of('attribute')) {
    const owner =
      next.layers.find((l) => l.id === u.layer) ?? next.relationTypes.find((t) => t.id === u.layer)
    if (owner && !owner.attributes.some((a) => a.name === u.label)) {
      owner.attributes.push({ name: u.label, type: u.valueType ?? 'text' })
    }
  }
  for (const u of of('docLabel')) {
    const set = next.labelSets.find((s) => s.id === u.layer)
    if (set) {
      if (!set.values.includes(u.label)) set.values.push(u.label)
    } else next.labelSets.push({ id: u.layer, name: u.layer, values: [u.label], multiple: true })
  }
  return next
}
