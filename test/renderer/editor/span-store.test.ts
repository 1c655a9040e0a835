import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareSpans } from '../../../src/shared/annotation-changes'
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

  it('keeps its sorted order and range index equal to ones built from scratch, whatever the edits', () => {
    const placed = (id: string, start: number, len: number) =>
      ({ id, label: 'L', start, end: start + len }) as Span
    const op = fc.record({
      del: fc.boolean(),
      id: fc.integer({ min: 0, max: 120 }).map((n) => `s${n}`),
      start: fc.nat(30),
      len: fc.integer({ min: 1, max: 4 }),
      // Ask for the order now and then, so later stores inherit it instead of sorting.
      look: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        let store = SpanStore.from([placed('s0', 0, 2), placed('s1', 3, 1)])
        for (const o of ops) {
          store = o.del ? store.delete(o.id) : store.set(placed(o.id, o.start, o.len))
          if (o.look) store.sorted()
        }
        const fresh = [...store.values()].sort(compareSpans)
        expect(store.sorted().map((s) => s.id)).toEqual(fresh.map((s) => s.id))
        for (let start = 0; start <= 30; start++)
          for (let end = start + 1; end <= start + 4; end++)
            expect(
              store
                .withRange(start, end)
                .map((s) => s.id)
                .sort(),
            ).toEqual(
              fresh
                .filter((s) => s.start === start && s.end === end)
                .map((s) => s.id)
                .sort(),
            )
      }),
      { numRuns: 80 },
    )
  })

  it('returns the same store when deleting a missing id', () => {
    const store = SpanStore.from([span('a')])
    expect(store.delete('b')).toBe(store)
    expect(store.has('a')).toBe(true)
  })
})
