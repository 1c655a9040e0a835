import { describe, expect, it } from 'vitest'
import { placePalette } from '../../../src/renderer/src/article/palette-position'

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
