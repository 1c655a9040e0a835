// Charts are readable in both themes: every colour that marks data stands out from the
// background by WCAG's 3:1 for graphics, text by 4.5:1, and a schema colour too dark for the
// dark page is lightened until it does.
import { describe, expect, it } from 'vitest'
import { CHART_THEMES, contrast, readableOn } from '../../../src/shared/overview/palette'

describe.each(Object.values(CHART_THEMES))('the $name chart theme', (theme) => {
  it('draws data at 3:1 or more against its background', () => {
    const marks = {
      single: theme.single,
      unset: theme.unset,
      sourceNode: theme.sourceNode,
      claimNode: theme.claimNode,
      ...theme.values,
      ...Object.fromEntries(theme.others.map((c, i) => [`other ${i}`, c])),
    }
    const weak = Object.entries(marks)
      .map(([name, color]) => [name, contrast(color, theme.background)] as const)
      .filter(([, ratio]) => ratio < 3)
    expect(weak).toEqual([])
  })

  it('writes text at 4.5:1 or more', () => {
    expect(contrast(theme.text, theme.background)).toBeGreaterThanOrEqual(4.5)
    expect(contrast(theme.muted, theme.background)).toBeGreaterThanOrEqual(4.5)
  })

  it('lightens or darkens a schema colour until it reaches 3:1', () => {
    for (const color of ['#1e2126', '#2563eb', '#ffee00', '#000000', '#ffffff']) {
      expect(contrast(readableOn(theme, color), theme.background)).toBeGreaterThanOrEqual(3)
    }
  })
})

describe('contrast', () => {
  it('is the WCAG ratio', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
  })
})
