import { describe, expect, it } from 'vitest'
import { placeBeside, placePalette } from '../../../src/renderer/src/article/palette-position'

describe('placePalette', () => {
  const size = { width: 200, height: 40 }
  const viewport = { width: 1000, height: 800 }
  it('centres the palette above the selection when there is room', () => {
    const p = placePalette({ top: 300, left: 400, width: 100, height: 20 }, size, viewport)
    expect(p).toEqual({ top: 252, left: 350 })
  })
  it('goes below a selection at the top of the window', () => {
    const p = placePalette({ top: 10, left: 400, width: 100, height: 20 }, size, viewport)
    expect(p.top).toBe(38)
  })
  it('stays inside the viewport horizontally', () => {
    expect(placePalette({ top: 300, left: 0, width: 10, height: 20 }, size, viewport).left).toBe(8)
    expect(placePalette({ top: 300, left: 990, width: 10, height: 20 }, size, viewport).left).toBe(
      792,
    )
  })
})

describe('placeBeside (the link picker)', () => {
  const size = { width: 380, height: 340 }
  const viewport = { width: 640, height: 720 }
  const line = (top: number, left = 100) => ({ top, left, width: 200, height: 24 })
  const inside = (p: { top: number; left: number }) =>
    p.top >= 8 &&
    p.top + size.height <= viewport.height - 8 &&
    p.left >= 8 &&
    p.left + size.width <= viewport.width - 8

  it('opens below the line when it fits, above it when not', () => {
    expect(placeBeside(line(100), size, viewport)).toEqual({ top: 132, left: 100 })
    expect(placeBeside(line(500), size, viewport)).toEqual({ top: 152, left: 100 })
  })

  it('is always wholly inside the viewport, wherever the line is', () => {
    for (const top of [-2000, -10, 0, 200, 360, 380, 700, 3000])
      for (const left of [-50, 0, 300, 600])
        expect(inside(placeBeside(line(top, left), size, viewport)), `${top},${left}`).toBe(true)
  })
})
