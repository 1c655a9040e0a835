// Where a link is drawn, from the line boxes of its two spans (coordinates relative to the article).
// Two spans on one line get a low arc above the line; spans on different lines get a connector that
// leaves each span through the gap above its line and runs down the left margin ("gutter"), so it
// never crosses the text. Pure geometry, tested without a browser.

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
 * The shape of a link from the span with line boxes `from` to the one with `to` (each in reading
 * order). `lane` spreads parallel connectors apart in the gutter. Null when either has no box.
 */
export function linkShape(
  from: readonly Box[],
  to: readonly Box[],
  lane = 0,
  labelNear: 'from' | 'to' | 'middle' = 'middle',
): LinkShape | null {
  if (from.length === 0 || to.length === 0) return null
  // A shared line: the pair with the smallest horizontal gap gets an arc.
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
  if (best) return arc(best[0], best[1], lane, labelNear)
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

/**
 * A low arc above one line from the middle of `a` to the middle of `b`; its label sits on the arc,
 * nearer one end when asked (the links of a selected span share that span's end, so labels by the
 * other ends stay apart).
 */
function arc(a: Box, b: Box, lane: number, labelNear: 'from' | 'to' | 'middle'): LinkShape {
  let ax = (a.left + a.right) / 2
  let bx = (b.left + b.right) / 2
  // Nested spans share a middle: move the ends apart so the arc is visible.
  if (Math.abs(ax - bx) < 16) {
    ax = Math.min(ax, a.left + 6)
    bx = Math.max(bx, ax + 16)
  }
  const top = Math.min(a.top, b.top)
  const h = Math.min(14, 6 + Math.abs(bx - ax) / 12) + (lane % 3) * 3
  const d = `M${round(ax)} ${round(a.top)} C${round(ax)} ${round(top - h)} ${round(bx)} ${round(top - h)} ${round(bx)} ${round(b.top)}`
  // On a cubic with both control points at height h, the curve at t is 3t(1-t)·h above the ends.
  const t = labelNear === 'from' ? 0.2 : labelNear === 'to' ? 0.8 : 0.5
  const x = ((1 - t) ** 3 + 3 * (1 - t) ** 2 * t) * ax + (3 * (1 - t) * t ** 2 + t ** 3) * bx
  return {
    d,
    label: { x: round(x), y: round(top - 3 * t * (1 - t) * h - 3), vertical: false },
    end: { x: round(bx), y: round(b.top) },
  }
}

/** A label to place: its anchor (text middle, baseline) and estimated width. */
export interface LabelBox {
  x: number
  y: number
  width: number
  vertical: boolean
}

/** Height of one row of labels when they are stacked apart. */
export const LABEL_ROW = 12

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
