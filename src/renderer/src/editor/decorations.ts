// Highlights as inline decorations, and the lanes that keep stacked spans apart.
// Why lanes: overlapping spans are drawn as nested <span>s, each with its own underline; a span's
// lane sets how far below the text its underline sits, so two spans that overlap never share one.
// Lanes are a greedy colouring of the overlap graph in (from, -to, id) order, so they depend only on
// the overlapping group ("component") a span belongs to. That is what lets an edit recompute just
// the component it touches and replace only the decorations whose lane or selection changed,
// instead of rebuilding the whole set.
import type { Node } from 'prosemirror-model'
import { Decoration, DecorationSet } from 'prosemirror-view'
import type { AnnotationSchema, Layer, Span } from '../../../shared/model'
import type { OffsetMap } from './doc'

/** What each highlight decoration carries in its spec. */
export interface SpanDecorationSpec {
  spanId: string
  layer: string
  lane: number
  selected: boolean
}

/** Lanes above this share the deepest style class (the exact lane is in `--mg-lane`). */
export const MAX_LANE_CLASS = 4

const FALLBACK_COLOR = '#808080'

/** What decorating needs besides the spans: the offset map and the layers' looks. */
export interface DecorationContext {
  doc: Node
  map: OffsetMap
  schema: AnnotationSchema
}

interface Placed {
  span: Span
  from: number
  to: number
}

/** The highlight decoration of a span at [from, to) with its lane and selection state. */
export function spanDecoration(
  schema: AnnotationSchema,
  span: Span,
  from: number,
  to: number,
  lane: number,
  selected: boolean,
): Decoration {
  const look = lookOf(schema, span.layer, lane, selected)
  const spec: SpanDecorationSpec = { spanId: span.id, layer: span.layer, lane, selected }
  return Decoration.inline(
    from,
    to,
    {
      // A nodeName gives every span its own element, so stacked spans nest instead of merging
      // their classes and styles into one.
      nodeName: 'span',
      class: look.className,
      style: look.style,
      'data-span-id': span.id,
      'data-layer': span.layer,
    },
    spec,
  )
}

/** A highlight's class and style attributes, which depend only on its layer, lane and selection. */
interface Look {
  className: string
  style: string
}

/**
 * The looks made so far per schema, by layer, lane and selection. Why: at 20,000 spans, making
 * both strings per highlight made 40,000 strings (and 20,000 arrays) that all say one of a few
 * dozen things, on the way to the first screen and kept for as long as the document is open.
 */
const looks = new WeakMap<AnnotationSchema, Map<string, Look[]>>()

function lookOf(schema: AnnotationSchema, layerId: string, lane: number, selected: boolean): Look {
  let bySchema = looks.get(schema)
  if (!bySchema) looks.set(schema, (bySchema = new Map<string, Look[]>()))
  let byLane = bySchema.get(layerId)
  if (!byLane) bySchema.set(layerId, (byLane = []))
  const at = lane * 2 + (selected ? 1 : 0)
  let look = byLane[at]
  if (!look) {
    const layer: Layer | undefined = schema.layers.find((l) => l.id === layerId)
    const classes = [
      'mg-span',
      `mg-layer-${layerId}`,
      `mg-ul-${layer?.underline ?? 'solid'}`,
      `mg-lane-${Math.min(lane, MAX_LANE_CLASS)}`,
    ]
    if (selected) classes.push('mg-selected')
    const style = `--mg-color: ${layer?.color ?? FALLBACK_COLOR}; --mg-lane: ${lane}`
    look = byLane[at] = { className: classes.join(' '), style }
  }
  return look
}

/** Builds the decorations of all spans at once (on init, or when the schema's looks change). */
export function buildDecorations(
  ctx: DecorationContext,
  spans: Iterable<Span>,
  selectedId: string | null,
): DecorationSet {
  return DecorationSet.create(ctx.doc, spanDecorations(ctx, spans, selectedId))
}

/** The decorations of all spans with their lanes, in document order (by start position). */
export function spanDecorations(
  ctx: DecorationContext,
  spans: Iterable<Span>,
  selectedId: string | null,
): Decoration[] {
  return placeAll(ctx.map, spans).map((h) => highlightDecoration(ctx.schema, h, selectedId))
}

/** A span's place in the document and its lane, before its decoration is made (`placeAll`). */
export interface Highlight {
  span: Span
  from: number
  to: number
  lane: number
}

/**
 * Every span's place and lane, in document order: what `spanDecorations` works out, with one sort
 * and no map of lanes, and without making the decorations yet. The first build of an article
 * makes only its first blocks' decorations at once (`highlightDecoration`), and the others a
 * chunk at a time while the browser is idle (annotation-plugin.ts), so the task that shows the
 * article does not make 20,000 of them.
 */
export function placeAll(map: OffsetMap, spans: Iterable<Span>): Highlight[] {
  const out: Highlight[] = []
  for (const span of spans) {
    const p = place(map, span)
    if (p) out.push({ span, from: p.from, to: p.to, lane: 0 })
  }
  out.sort(laneOrder)
  // As in `assignLanes`, in the same order: the sort that gives the lanes gives document order too.
  const laneEnd: number[] = []
  for (const h of out) h.lane = takeLane(laneEnd, h)
  return out
}

/** The decoration of a placed span (see `placeAll`). */
export function highlightDecoration(
  schema: AnnotationSchema,
  h: Highlight,
  selectedId: string | null,
): Decoration {
  return spanDecoration(schema, h.span, h.from, h.to, h.lane, h.span.id === selectedId)
}

/**
 * Brings the decorations up to date after the spans in `changed` (old and new versions of every span
 * added, removed, edited or (de)selected) changed. Only the overlapping group around them is looked
 * at, and only decorations whose lane or selection differ are replaced.
 */
export function updateDecorations(
  decos: DecorationSet,
  ctx: DecorationContext,
  spans: { get(id: string): Span | undefined },
  selectedId: string | null,
  changed: readonly Span[],
): DecorationSet {
  const changedIds = new Set(changed.map((s) => s.id))
  const existing = new Map<string, Decoration>()
  const component = new Map<string, Placed>()
  const queue: { from: number; to: number }[] = []

  for (const span of changed) {
    const old = place(ctx.map, span)
    if (old) {
      queue.push(old)
      const found = decos.find(old.from, old.to, (s: SpanDecorationSpec) => s.spanId === span.id)
      if (found.length > 0) existing.set(span.id, found[0])
    }
    const current = spans.get(span.id)
    const p = current ? place(ctx.map, current) : null
    if (p && !component.has(p.span.id)) {
      component.set(p.span.id, p)
      queue.push(p)
    }
  }
  // Walk the overlap graph outward from the changed spans; `find` also returns decorations that
  // only touch the range, which do not overlap it.
  while (queue.length > 0) {
    const range = queue.pop()!
    for (const d of decos.find(range.from, range.to)) {
      const id = (d.spec as SpanDecorationSpec).spanId
      if (changedIds.has(id) || component.has(id) || !(d.from < range.to && range.from < d.to))
        continue
      const span = spans.get(id)
      if (!span) continue
      existing.set(id, d)
      const p = { span, from: d.from, to: d.to }
      component.set(id, p)
      queue.push(p)
    }
  }

  const lanes = assignLanes([...component.values()])
  const remove: Decoration[] = []
  const add: Decoration[] = []
  for (const id of new Set([...existing.keys(), ...component.keys()])) {
    const d = existing.get(id)
    const p = component.get(id)
    const lane = lanes.get(id)
    const selected = id === selectedId
    if (d && p && sameLook(d, p, lane!, selected)) continue
    if (d) remove.push(d)
    if (p) add.push(spanDecoration(ctx.schema, p.span, p.from, p.to, lane!, selected))
  }
  if (remove.length === 0 && add.length === 0) return decos
  return decos.remove(remove).add(ctx.doc, add)
}

function sameLook(d: Decoration, p: Placed, lane: number, selected: boolean): boolean {
  const spec = d.spec as SpanDecorationSpec
  return (
    d.from === p.from &&
    d.to === p.to &&
    spec.layer === p.span.layer &&
    spec.lane === lane &&
    spec.selected === selected
  )
}

/** Where a span shows in the document, or null if it shows no text (or is out of range). */
function place(map: OffsetMap, span: Span): Placed | null {
  if (!(span.start < span.end) || span.end > map.text.length) return null
  const r = map.rangeToPos(span.start, span.end)
  return r ? { span, from: r.from, to: r.to } : null
}

/**
 * Greedy lanes: in (from, -to, id) order each span takes the lowest lane no earlier overlapping span
 * holds, so an enclosing span sits above what it encloses and overlapping spans never share a lane.
 */
export function assignLanes(placed: readonly Placed[]): Map<string, number> {
  const sorted = [...placed].sort(laneOrder)
  const lanes = new Map<string, number>()
  const laneEnd: number[] = []
  for (const p of sorted) lanes.set(p.span.id, takeLane(laneEnd, p))
  return lanes
}

/**
 * The lowest lane free at `p.from`, taken by `p`. laneEnd[l] is where the last span given lane l
 * ends; spans come in start order, so a lane is free exactly when that span has ended.
 */
function takeLane(laneEnd: number[], p: { from: number; to: number }): number {
  let lane = 0
  while (lane < laneEnd.length && laneEnd[lane] > p.from) lane++
  laneEnd[lane] = p.to
  return lane
}

/** The order lanes are given in: by start, the longer first, then by id. */
function laneOrder(a: Placed, b: Placed): number {
  return (
    a.from - b.from || b.to - a.to || (a.span.id < b.span.id ? -1 : a.span.id > b.span.id ? 1 : 0)
  )
}
