import { describe, expect, it } from 'vitest'
import {
  GUTTER,
  LABEL_ROW,
  LANE_STEP,
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
  it('labels an arc nearer the end asked for', () => {
    const from = [box(0, 100, 40)]
    const to = [box(400, 100, 440)]
    const nearTo = linkShape(from, to, 0, 'to')!.label.x
    const nearFrom = linkShape(from, to, 0, 'from')!.label.x
    const middle = linkShape(from, to, 0)!.label.x
    expect(nearFrom).toBeLessThan(middle)
    expect(nearTo).toBeGreaterThan(middle)
    expect(middle).toBe(220)
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
