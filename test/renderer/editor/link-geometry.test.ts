import { describe, expect, it } from 'vitest'
import {
  GUTTER,
  LABEL_ROW,
  LANE_STEP,
  arcLevels,
  arcRise,
  linkShape,
  spreadLabels,
} from '../../../src/renderer/src/editor/link-geometry'

const box = (left: number, top: number, right: number, h = 20) => ({
  left,
  top,
  right,
  bottom: top + h,
})

describe('link shapes', () => {
  it('draws an arc above the line between two spans on one line, ending on the target', () => {
    const shape = linkShape([box(10, 100, 50)], [box(200, 100, 240)])!
    expect(shape.label.vertical).toBe(false)
    expect(shape.d.startsWith('M30 100 C')).toBe(true)
    expect(shape.end).toEqual({ x: 220, y: 100 })
    // The label sits above the line.
    expect(shape.label.y).toBeLessThan(100)
  })

  it('routes spans on different lines through the gutter, lanes apart, from the nearest lines', () => {
    const claim = [box(0, 100, 300), box(0, 140, 120)]
    const source = [box(40, 220, 90)]
    const a = linkShape(claim, source, 0)!
    const b = linkShape(claim, source, 1)!
    expect(a.label.vertical).toBe(true)
    // Leaves the claim's last line (the one nearer the source) and ends on the source's top.
    expect(a.d).toBe(`M3 140 V135 H${GUTTER} V215 H43 V220`)
    expect(b.d).toContain(`H${GUTTER - LANE_STEP} `)
    expect(a.end).toEqual({ x: 43, y: 220 })
    // Upwards: leaves the claim's first line.
    const up = linkShape(claim, [box(40, 20, 90)])!
    expect(up.d.startsWith('M3 100 ')).toBe(true)
  })

  it('moves apart the ends of nested spans and needs both ends on screen', () => {
    const shape = linkShape([box(0, 100, 200)], [box(90, 100, 110)])!
    const [, ax] = /^M(\S+) /.exec(shape.d)!
    expect(Math.abs(Number(ax) - shape.end.x)).toBeGreaterThanOrEqual(16)
    expect(linkShape([], [box(0, 0, 1)])).toBeNull()
  })
})

describe('label placement', () => {
  it('stacks the arcs over one line so that no two labels overlap, narrowest lowest', () => {
    // A claim at the end of a line linked to two sources and two cues before it on that line
    // (the sample's "Putin said, according to Russian news agency TASS, Russia would …").
    const claim = box(520, 100, 600)
    const ends = [box(0, 100, 40), box(50, 100, 80), box(90, 100, 180), box(190, 100, 400)]
    const names = ['attributed to', 'cue of', 'cue of', 'attributed to']
    const plans = ends.map((b, i) => ({
      line: 100,
      a: b,
      b: claim,
      labelWidth: names[i].length * 6 + 6,
    }))
    const levels = arcLevels(plans)
    // The nearest end (narrowest arc) is lowest; each wider one rises above the ones it spans.
    expect(levels).toEqual([3, 2, 1, 0])
    const labels = plans.map((p, i) => {
      const shape = linkShape([p.a], [p.b], 0, levels[i])!
      const w = p.labelWidth
      return {
        l: shape.label.x - w / 2,
        r: shape.label.x + w / 2,
        t: shape.label.y - 10,
        b: shape.label.y,
      }
    })
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++) {
        const [x, y] = [labels[i], labels[j]]
        expect(x.l < y.r && y.l < x.r && x.t < y.b && y.t < x.b, `labels ${i} and ${j}`).toBe(false)
      }
    // Every label is above the text of its line, a row higher per level.
    labels.forEach((l, i) => expect(l.b).toBeLessThanOrEqual(100 - arcRise(levels[i]) + 4))
  })

  it('keeps apart arcs that do not overlap, and arcs over different lines, at level 0', () => {
    const plan = (line: number, l: number, r: number) => ({
      line,
      a: box(l, line, l + 10),
      b: box(r, line, r + 10),
      labelWidth: 40,
    })
    expect(arcLevels([plan(100, 0, 100), plan(100, 200, 300), plan(140, 0, 100)])).toEqual([
      0, 0, 0,
    ])
    expect(arcLevels([plan(100, 0, 300), plan(100, 100, 200)])).toEqual([1, 0])
  })

  it('stacks overlapping labels a row apart and leaves separate ones alone', () => {
    const placed = spreadLabels([
      { x: 100, y: 50, width: 60, vertical: false },
      { x: 120, y: 50, width: 60, vertical: false },
      { x: 300, y: 50, width: 60, vertical: false },
      { x: 110, y: 50, width: 60, vertical: false },
    ])
    expect(placed.map((p) => p.y)).toEqual([50, 50 - LABEL_ROW, 50, 50 - 2 * LABEL_ROW])
  })
})
