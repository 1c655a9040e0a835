import { describe, expect, it } from 'vitest'
import { EXPORT_FORMATS } from '../../../src/shared/ipc-contract'
import { exportFormatItems } from '../../../src/renderer/src/lib/export-formats'

describe('exportFormatItems', () => {
  it('offers every format of the contract exactly once, JSONL and CSV first', () => {
    const items = exportFormatItems()
    expect(items.map((i) => i.format).sort()).toEqual([...EXPORT_FORMATS].sort())
    expect(items.slice(0, 2).map((i) => i.format)).toEqual(['jsonl', 'csv'])
    expect(items.filter((i) => i.primary)).toHaveLength(2)
  })
  it('gives each format a distinct name', () => {
    const names = exportFormatItems().map((i) => i.name)
    expect(new Set(names).size).toBe(names.length)
  })
})
