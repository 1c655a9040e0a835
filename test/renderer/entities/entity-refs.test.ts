import { describe, expect, it } from 'vitest'
import type { Annotations, Span } from '../../../src/shared/model'
import { entityUseCounts, historyRefersTo } from '../../../src/renderer/src/entities/entity-refs'

const span = (id: string, entityId?: string) =>
  ({ id, layer: 'source', entityId }) as unknown as Span

describe('entity references', () => {
  it('counts spans per entity in the open document', () => {
    const a = { spans: [span('a', 'e1'), span('b', 'e1'), span('c'), span('d', 'e2')] }
    const counts = entityUseCounts(a as Annotations)
    expect([...counts]).toEqual([
      ['e1', 2],
      ['e2', 1],
    ])
    expect(entityUseCounts(null).size).toBe(0)
  })

  it('finds an entity in undo records, before or after a change', () => {
    const history = [
      { kind: 'update-span', before: span('a'), after: span('a', 'e1') },
      { kind: 'add-span', span: span('b', 'e2') },
      { kind: 'doc-labels', before: {}, after: {} },
    ]
    expect(historyRefersTo(history, 'e1')).toBe(true)
    expect(historyRefersTo(history, 'e2')).toBe(true)
    expect(historyRefersTo(history, 'e3')).toBe(false)
  })
})
