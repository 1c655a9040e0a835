// Where a link is drawn, from the line boxes of its two spans (coordinates relative to the article).
// Two spans on one line get an arc above the line; several arcs over one line are stacked in levels
// so that neither they nor their labels cross (arcLevels), and the line is given the room they
// need (LinkOverlay). Spans on different lines get a connector that leaves each span through the
// gap above its line and runs down the left margin ("gutter"), so it never crosses the text. Pure
// geometry, tested without a browser.

/** A line box of a span, relative to the article's top-left corner. */
export interface Box {
  left: number
  top: number
  right: number
  bottom: number
}

/**
 * An SVG path, where its label goes (vertical labels run along the gutter), and the point where it
 * meets the `to` span, which it always reaches from above (so the arrowhead points down).
 */
export interface LinkShape {
  d: string
  label: { x: number; y: number; vertical: boolean }
  end: { x: number; y: number }
}

/** Height above a line's text where connectors run (inside the gap between lines). */
export const GAP = 5
/** The gutter of lane 0, left of the text column, and the spacing between lanes. */
export const GUTTER = -12
export const LANE_STEP = 6
/** Lanes before they repeat (the margin is narrow). */
export const LANES = 4

function sameLine(a: Box, b: Box): boolean {
  return Math.abs(a.top - b.top) < 3 && Math.abs(a.bottom - b.bottom) < 3
}

function round(n: number): number {
  return Math.round(n * 10) / 10
}

/**
 * The pair of line boxes (one of each span) that share a line and lie closest together, or null
 * when the spans share no line. Such a pair is linked by an arc above that line.
 */
export function sharedLine(from: readonly Box[], to: readonly Box[]): [Box, Box] | null {
  let best: [Box, Box] | null = null
  let bestGap = Infinity
  for (const a of from)
    for (const b of to) {
      if (!sameLine(a, b)) continue
      const gap = Math.abs((a.left + a.right) / 2 - (b.left + b.right) / 2)
      if (gap < bestGap) {
        best = [a, b]
        bestGap = gap
      }
    }
  return best
}

/**
 * The shape of a link from the span with line boxes `from` to the one with `to` (each in reading
 * order). Spans on one line get an arc at height `level` (see arcLevels); spans on different lines
 * a connector through the gutter, `lane` spreading parallel connectors apart. Null when either
 * span has no box.
 */
export function linkShape(
  from: readonly Box[],
  to: readonly Box[],
  lane = 0,
  level = 0,
): LinkShape | null {
  if (from.length === 0 || to.length === 0) return null
  const pair = sharedLine(from, to)
  if (pair) return arc(pair[0], pair[1], level)
  // Different lines: leave from the box of each span nearest the other.
  const down = to[0].top > from[0].top
  const a = down ? from[from.length - 1] : from[0]
  const b = down ? to[0] : to[to.length - 1]
  const gx = GUTTER - (lane % LANES) * LANE_STEP
  const ax = a.left + 3
  const bx = b.left + 3
  const ay = a.top - GAP
  const by = b.top - GAP
  const d = `M${round(ax)} ${round(a.top)} V${round(ay)} H${gx} V${round(by)} H${round(bx)} V${round(b.top)}`
  return {
    d,
    label: { x: gx - 4, y: round((ay + by) / 2), vertical: true },
    end: { x: round(bx), y: round(b.top) },
  }
}

/** Height of one row of arcs (a label's height and a little air): each level adds one. */
export const LABEL_ROW = 13
/** How far the lowest arc's top rises above the text it links. */
export const ARC_RISE = 10

/** How far above its line's text an arc of `level` rises, its label on top. */
export function arcRise(level: number): number {
  return ARC_RISE + level * LABEL_ROW
}

/** The two ends of an arc, as arcLevels needs them. */
function arcEnds(a: Box, b: Box): [number, number] {
  let ax = (a.left + a.right) / 2
  let bx = (b.left + b.right) / 2
  // Nested spans share a middle: move the ends apart so the arc is visible.
  if (Math.abs(ax - bx) < 16) {
    ax = Math.min(ax, a.left + 6)
    bx = Math.max(bx, ax + 16)
  }
  return [ax, bx]
}

/**
 * An arc above one line from the middle of `a` to the middle of `b`, rising to its level, with its
 * label at the top, on the arc's middle.
 */
function arc(a: Box, b: Box, level: number): LinkShape {
  const [ax, bx] = arcEnds(a, b)
  const top = Math.min(a.top, b.top)
  const rise = arcRise(level)
  // A cubic with both control points h above the ends peaks at 3/4 h.
  const h = (rise * 4) / 3
  const d = `M${round(ax)} ${round(a.top)} C${round(ax)} ${round(top - h)} ${round(bx)} ${round(top - h)} ${round(bx)} ${round(b.top)}`
  return {
    d,
    label: { x: round((ax + bx) / 2), y: round(top - rise + 4), vertical: false },
    end: { x: round(bx), y: round(b.top) },
  }
}

/** An arc to place over a line: the line it is on, its two spans' boxes, its label's width. */
export interface ArcPlan {
  line: number
  a: Box
  b: Box
  labelWidth: number
}

/**
 * The level of each arc, so that no two arcs over one line, nor their labels, overlap: as brat
 * stacks its arcs, the narrowest arcs go lowest and an arc rises one level above every arc (or
 * label) it would otherwise cross.
 */
export function arcLevels(arcs: readonly ArcPlan[]): number[] {
  const extent = arcs.map(({ a, b, labelWidth }) => {
    const [ax, bx] = arcEnds(a, b)
    const mid = (ax + bx) / 2
    const l = Math.min(ax, bx, mid - labelWidth / 2) - 3
    const r = Math.max(ax, bx, mid + labelWidth / 2) + 3
    return { l, r, width: Math.abs(bx - ax) }
  })
  const order = arcs
    .map((_, i) => i)
    .sort((i, j) => extent[i].width - extent[j].width || extent[i].l - extent[j].l)
  const levels: number[] = new Array<number>(arcs.length).fill(0)
  const placed: number[] = []
  for (const i of order) {
    const taken = new Set(
      placed
        .filter((j) => arcs[j].line === arcs[i].line)
        .filter((j) => extent[j].l < extent[i].r && extent[i].l < extent[j].r)
        .map((j) => levels[j]),
    )
    let level = 0
    while (taken.has(level)) level++
    levels[i] = level
    placed.push(i)
  }
  return levels
}

/** A label to place: its anchor (text middle, baseline) and estimated width. */
export interface LabelBox {
  x: number
  y: number
  width: number
  vertical: boolean
}

/**
 * Moves labels up (horizontal ones) or along the gutter (vertical ones), one row at a time, until
 * none overlaps a label placed before it. Returns the new anchors in the same order.
 */
export function spreadLabels(labels: readonly LabelBox[]): { x: number; y: number }[] {
  const placed: { l: number; r: number; t: number; b: number }[] = []
  return labels.map((label) => {
    const box = (y: number) =>
      label.vertical
        ? { l: label.x - 10, r: label.x, t: y - label.width / 2, b: y + label.width / 2 }
        : { l: label.x - label.width / 2, r: label.x + label.width / 2, t: y - 10, b: y }
    let y = label.y
    for (let i = 0; i < 8; i++) {
      const b = box(y)
      if (!placed.some((p) => p.l < b.r && b.l < p.r && p.t < b.b && b.t < p.b)) break
      y -= label.vertical ? label.width / 2 + 4 : LABEL_ROW
    }
    placed.push(box(y))
    return { x: label.x, y }
  })
}
