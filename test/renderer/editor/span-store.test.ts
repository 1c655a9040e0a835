import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SpanStore } from '../../../src/renderer/src/editor/span-store'
import type { Span } from '../../../src/shared/model'

const span = (id: string, label = 'L'): Span => ({ id, label }) as Span

describe('SpanStore', () => {
  it('behaves like a Map under any sequence of sets and deletes, and never changes old stores', () => {
    const op = fc.record({
      del: fc.boolean(),
      id: fc.integer({ min: 0, max: 150 }).map((n) => `s${n}`),
      label: fc.string({ maxLength: 2 }),
    })
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        let store = SpanStore.from([span('s0'), span('s1')])
        const model = new Map([
          ['s0', span('s0')],
          ['s1', span('s1')],
        ])
        const history: [SpanStore, Map<string, Span>][] = []
        for (const o of ops) {
          history.push([store, new Map(model)])
          if (o.del) {
            store = store.delete(o.id)
            model.delete(o.id)
          } else {
            store = store.set(span(o.id, o.label))
            model.set(o.id, span(o.id, o.label))
          }
          expect(store.size).toBe(model.size)
        }
        const sorted = (it: Iterable<Span>) => [...it].map((s) => `${s.id}:${s.label}`).sort()
        expect(sorted(store.values())).toEqual(sorted(model.values()))
        expect([...store.keys()].sort()).toEqual([...model.keys()].sort())
        for (const id of ['s0', 's7', 's150', 'nope']) expect(store.get(id)).toEqual(model.get(id))
        for (const [old, snapshot] of history.slice(-5)) {
          expect(sorted(old)).toEqual(sorted(snapshot.values()))
          expect(old.size).toBe(snapshot.size)
        }
      }),
      { numRuns: 60 },
    )
  })

  it('returns the same store when deleting a missing id', () => {
    const store = SpanStore.from([span('a')])
    expect(store.delete('b')).toBe(store)
    expect(store.has('a')).toBe(true)
  })
})
