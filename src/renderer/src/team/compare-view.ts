// Two analysts' sets overlaid in one article, as the editor draws them. The editor draws spans by
// layer (colour) with an underline style per layer; here each (layer, analyst) pair becomes a layer
// of its own for the overlay — the layer's colour, the analyst's underline (solid for the first,
// wavy for the second) — so the editor draws the overlay with no code of its own. A span some
// difference touches gets a layer of its own too (id ending `-x`, drawn hatched), named with what
// differs, so the hover card says it: "Claim · Ben — differs: boundaries, checkability".
// What differs comes from the agreement engine (main's `document:compare-sets`), never from a
// matcher of ours.
import type { Disagreement } from '../../../shared/agreement'
import type { AnnotationSchema, Annotations, Layer, Relation, Span } from '../../../shared/model'
import type { CompareResult } from '../../../shared/team'

/** The two sides of an overlay, in the order the analysts were chosen. */
export type Side = 'a' | 'b'
export const SIDES: readonly Side[] = ['a', 'b']

/** Each side's underline in the overlay (the legend shows them). */
export const SIDE_UNDERLINE = { a: 'solid', b: 'wavy' } as const

/** An overlay ready for the editor, and what the side panel lists. */
export interface CompareView {
  /** The schema the editor draws the overlay with (a layer per layer, side and difference). */
  schema: AnnotationSchema
  /** Both sets' spans and links in one, ids prefixed by side (`a:…`, `b:…`). */
  annotations: Annotations
  /** Side → set id and name. */
  sides: Record<Side, { set: string; name: string; present: boolean }>
  /** The differences, in reading order, with their overlay span ids and words. */
  differences: Difference[]
}

/** One difference between the two sets. */
export interface Difference {
  disagreement: Disagreement
  /** In words: "boundaries differ", "only in Ben's set", "checkability differs". */
  summary: string
  /** The overlay span ids involved (to select and show). */
  spanIds: string[]
}

/** The id a span of `side` has in the overlay. */
export function overlayId(side: Side, id: string): string {
  return `${side}:${id}`
}

/** The side and own id of an overlay span id, or null for an id that is not one. */
export function fromOverlayId(id: string): { side: Side; id: string } | null {
  const side = id.slice(0, 2)
  if (side !== 'a:' && side !== 'b:') return null
  return { side: side[0] as Side, id: id.slice(2) }
}

/** What a disagreement is about, in words (with the analysts' names for a missing span). */
export function differenceSummary(d: Disagreement, names: Record<string, string>): string {
  switch (d.kind) {
    case 'missing': {
      const has = d.versions.filter((v) => v.spans.length > 0).map((v) => names[v.analyst])
      return has.length === 1 ? `only in ${has[0]}'s set` : 'missing in one set'
    }
    case 'boundary':
      return 'boundaries differ'
    case 'label':
      return 'label differs'
    case 'attribute':
      return `${d.attribute ?? 'attribute'} differs`
    case 'link':
      return `links differ (${d.relationType ?? 'link'})`
    case 'relation-attribute':
      return `link ${d.attribute ?? 'attribute'} differs`
    case 'doc-label':
      return `document label differs (${d.labelSet ?? ''})`
  }
}

/** Builds the overlay of a comparison for the editor and the side panel. */
export function compareView(schema: AnnotationSchema, result: CompareResult): CompareView {
  const [setA, setB] = result.analysts
  const sideOf: Record<string, Side> = { [setA]: 'a', [setB]: 'b' }
  const sides = {
    a: { set: setA, name: result.names[setA] ?? setA, present: result.sets[setA] !== null },
    b: { set: setB, name: result.names[setB] ?? setB, present: result.sets[setB] !== null },
  }
  // Overlay span id → what differs there (in the order met).
  const differs = new Map<string, string[]>()
  const differences: Difference[] = result.disagreements.map((d) => {
    const summary = differenceSummary(d, result.names)
    const spanIds: string[] = []
    for (const v of d.versions) {
      const side = sideOf[v.analyst]
      for (const s of side ? v.spans : []) {
        const id = overlayId(side, s.id)
        if (!spanIds.includes(id)) spanIds.push(id)
        // A link difference lists the link targets too; only the span the link starts at differs.
        if (d.kind === 'link' && s !== v.spans[0]) continue
        const words = differs.get(id) ?? []
        if (!words.includes(summary)) words.push(summary)
        differs.set(id, words)
      }
    }
    return { disagreement: d, summary, spanIds }
  })
  const layers = new Map<string, Layer>()
  const spans: Span[] = []
  const relations: Relation[] = []
  for (const side of SIDES) {
    const set = result.sets[sides[side].set]
    if (!set) continue
    for (const span of set.spans) {
      const id = overlayId(side, span.id)
      const layer = schema.layers.find((l) => l.id === span.layer)
      const words = differs.get(id)
      const virtual = overlayLayer(layer, span.layer, side, sides[side].name, words)
      if (!layers.has(virtual.id)) layers.set(virtual.id, virtual)
      spans.push({ ...span, id, layer: virtual.id })
    }
    for (const r of set.relations) {
      relations.push({
        ...r,
        id: overlayId(side, r.id),
        from: overlayId(side, r.from),
        to: overlayId(side, r.to),
      })
    }
  }
  const overlaySchema: AnnotationSchema = {
    ...schema,
    layers: [...layers.values()],
    relationTypes: schema.relationTypes.map((t) => ({
      ...t,
      from: t.from.flatMap((id) => layerIdsFor(id, layers)),
      to: t.to.flatMap((id) => layerIdsFor(id, layers)),
    })),
  }
  spans.sort((p, q) => p.start - q.start || p.end - q.end || (p.id < q.id ? -1 : 1))
  return {
    schema: overlaySchema,
    annotations: { spans, relations, docLabels: {} },
    sides,
    differences,
  }
}

/** The overlay layer of a span of `layerId` on `side` (differing when `words` say what). */
function overlayLayer(
  layer: Layer | undefined,
  layerId: string,
  side: Side,
  name: string,
  words: readonly string[] | undefined,
): Layer {
  const base = `${layerId}--${side}`
  const differing = words && words.length > 0
  return {
    id: differing ? `${base}-x-${hash(words.join('|'))}` : base,
    name: differing
      ? `${layer?.name ?? layerId} · ${name} — differs: ${words.join(', ')}`
      : `${layer?.name ?? layerId} · ${name}`,
    color: layer?.color ?? '#808080',
    underline: SIDE_UNDERLINE[side],
    labels: layer?.labels ?? [{ name: layerId }],
    attributes: layer?.attributes ?? [],
  }
}

function layerIdsFor(layerId: string, layers: ReadonlyMap<string, Layer>): string[] {
  const prefix = `${layerId}--`
  return [...layers.keys()].filter((id) => id.startsWith(prefix))
}

/** A short stable hash (for distinct overlay layer ids per combination of differences). */
function hash(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(36)
}
