// One document's spans, aligned: each analyst's spans of each layer in code points, the overlap
// candidates, the units of all analysts, and the pairwise matchings. The statistics of spans,
// labels, attributes and relations, and the disagreement list, are all read from this.
import type { AnnotationSchema, Layer, Relation } from '../model'
import { OffsetConverter } from '../offsets'
import {
  alignSpans,
  greedyMatching,
  overlapCandidates,
  type AlignedSpan,
  type AlignedUnit,
  type Candidate,
  type Matching,
} from './alignment'
import { pairKey, pairsOf } from './scores'
import type { AgreementDocument } from './types'

export interface LayerAlignment {
  layer: Layer
  spans: AlignedSpan[]
  byAnalyst: Map<string, AlignedSpan[]>
  candidates: Candidate[]
  units: AlignedUnit[]
  /** Label-blind pairwise matchings, keyed by pairKey(a, b) in compared order. */
  matchings: Map<string, Matching>
}

export interface DocumentAlignment {
  document: AgreementDocument
  /** The compared analysts who annotated this document, in compared order. */
  analysts: string[]
  converter: OffsetConverter
  layers: Map<string, LayerAlignment>
  /** Analyst → span id → the aligned span. */
  spanById: Map<string, Map<string, AlignedSpan>>
  /** Analyst → relations whose two ends exist, sorted by id. */
  relations: Map<string, Relation[]>
}

/**
 * The partner finder of analysts a and b: the partner of a span of either of them in the a–b
 * matching of the span's layer, or undefined.
 */
export function partnersOf(
  alignment: DocumentAlignment,
  a: string,
  b: string,
): (s: AlignedSpan) => AlignedSpan | undefined {
  const byLayer = new Map<string, Matching | undefined>()
  for (const [id, layer] of alignment.layers) {
    byLayer.set(id, layer.matchings.get(pairKey(a, b)) ?? layer.matchings.get(pairKey(b, a)))
  }
  return (s) => byLayer.get(s.span.layer)?.get(s.index)
}

function checkSpans(
  doc: AgreementDocument,
  analyst: string,
  layers: Map<string, Layer>,
  warnings: string[],
): AlignedSpanInput[] {
  const kept: AlignedSpanInput[] = []
  const unknown = new Set<string>()
  let broken = 0
  for (const span of doc.sets[analyst].spans) {
    if (!layers.has(span.layer)) {
      unknown.add(span.layer)
      continue
    }
    if (span.start > span.end || span.end > doc.text.length) {
      broken++
      continue
    }
    kept.push({ analyst, span })
  }
  if (unknown.size > 0) {
    warnings.push(
      `${doc.id}: ${analyst}'s spans on layers not in the schema were left out (${[...unknown].join(', ')})`,
    )
  }
  if (broken > 0) {
    warnings.push(
      `${doc.id}: ${broken} of ${analyst}'s spans lie outside the text and were left out`,
    )
  }
  return kept
}

type AlignedSpanInput = Pick<AlignedSpan, 'analyst' | 'span'>

/** Aligns every layer of one document among the compared analysts who annotated it. */
export function alignDocument(
  doc: AgreementDocument,
  schema: AnnotationSchema,
  compared: readonly string[],
  minOverlap: number,
  warnings: string[],
): DocumentAlignment {
  const analysts = compared.filter((a) => doc.sets[a] !== undefined)
  const rank = new Map(analysts.map((a, i) => [a, i]))
  const converter = new OffsetConverter(doc.text)
  const schemaLayers = new Map(schema.layers.map((l) => [l.id, l]))
  const perLayer = new Map<string, AlignedSpan[]>(schema.layers.map((l) => [l.id, []]))
  const spanById = new Map<string, Map<string, AlignedSpan>>()
  for (const analyst of analysts) {
    const ids = new Map<string, AlignedSpan>()
    spanById.set(analyst, ids)
    for (const { span } of checkSpans(doc, analyst, schemaLayers, warnings)) {
      const list = perLayer.get(span.layer)!
      const aligned: AlignedSpan = {
        index: list.length,
        analyst,
        rank: rank.get(analyst)!,
        span,
        start: converter.toCodePoint(span.start),
        end: converter.toCodePoint(span.end),
        key: '',
      }
      aligned.key = `${aligned.start}:${aligned.end}`
      list.push(aligned)
      ids.set(span.id, aligned)
    }
  }
  const layers = new Map<string, LayerAlignment>()
  for (const layer of schema.layers) {
    const spans = perLayer.get(layer.id)!
    const candidates = overlapCandidates(spans, minOverlap)
    const units = alignSpans(doc.id, layer.id, spans, candidates)
    const byAnalyst = new Map(analysts.map((a) => [a, spans.filter((s) => s.analyst === a)]))
    const matchings = new Map<string, Matching>()
    for (const [a, b] of pairsOf(analysts)) {
      matchings.set(pairKey(a, b), greedyMatching(candidates, a, b))
    }
    layers.set(layer.id, { layer, spans, byAnalyst, candidates, units, matchings })
  }
  return {
    document: doc,
    analysts,
    converter,
    layers,
    spanById,
    relations: checkRelations(doc, analysts, spanById, warnings),
  }
}

function checkRelations(
  doc: AgreementDocument,
  analysts: readonly string[],
  spanById: Map<string, Map<string, AlignedSpan>>,
  warnings: string[],
): Map<string, Relation[]> {
  const out = new Map<string, Relation[]>()
  for (const analyst of analysts) {
    const ids = spanById.get(analyst)!
    const kept = doc.sets[analyst].relations.filter((r) => ids.has(r.from) && ids.has(r.to))
    const dropped = doc.sets[analyst].relations.length - kept.length
    if (dropped > 0) {
      warnings.push(
        `${doc.id}: ${dropped} of ${analyst}'s relations point to spans that are missing or left out`,
      )
    }
    out.set(
      analyst,
      kept.sort((p, q) => (p.id < q.id ? -1 : p.id > q.id ? 1 : 0)),
    )
  }
  return out
}
