// Autosave's changes (annotation-changes.ts): what the renderer computes from two versions of a
// set, applied by main to its own copy of the first, must give exactly the second, spans in stored
// order; changes that do not fit main's copy are refused, never half applied.
import { describe, expect, it } from 'vitest'
import {
  applyChanges,
  changesBetween,
  compareSpans,
  type AnnotationChanges,
} from '../../src/shared/annotation-changes'
import type { Annotations, Span } from '../../src/shared/model'
import { seededRandom } from '../../src/shared/seeded-random'

const NOW = '2026-11-30T07:00:00.000Z'

function span(id: string, start: number, end: number, label = 'Claim'): Span {
  const quote = { exact: 'x'.repeat(end - start), prefix: '', suffix: '' }
  return {
    id,
    layer: 'claim',
    label,
    start,
    end,
    quote,
    attributes: {},
    annotator: 'a',
    createdAt: NOW,
    updatedAt: NOW,
  }
}

function set(spans: Span[]): Annotations {
  return { spans: [...spans].sort(compareSpans), relations: [], docLabels: {} }
}

/** One random edit of `a` as the editor makes them: new objects for what changed only. */
function edit(a: Annotations, random: () => number, n: number): Annotations {
  const spans = [...a.spans]
  const pick = Math.floor(random() * spans.length)
  const roll = random()
  if (roll < 0.4 || spans.length === 0) {
    const start = Math.floor(random() * 500)
    spans.push(span(`n${n}`, start, start + 1 + Math.floor(random() * 20)))
  } else if (roll < 0.7) {
    spans[pick] = { ...spans[pick], label: `L${n}`, attributes: { n } }
  } else if (roll < 0.85) {
    const moved = spans[pick].start + 1
    spans[pick] = { ...spans[pick], start: moved, end: spans[pick].end + 1 }
  } else spans.splice(pick, 1)
  const next = set(spans)
  if (random() < 0.2) next.docLabels = { topic: [`t${n}`] }
  if (random() < 0.1) next.suggestions = { rejected: [`r${n}`] }
  return next
}

/** What crosses the process boundary: a copy, as a structured clone makes it. */
const wire = <T>(value: T): T => structuredClone(value)

describe('changesBetween and applyChanges', () => {
  it('rebuild every version of a randomly edited set, in stored order, from main’s own copy', () => {
    const random = seededRandom(11)
    let prev = set(Array.from({ length: 300 }, (_, i) => span(`s${i}`, i * 2, i * 2 + 3)))
    let held = wire(prev)
    for (let n = 0; n < 400; n++) {
      // Several edits between saves, as autosave coalesces them.
      let next = prev
      for (let k = Math.floor(random() * 4); k >= 0; k--) next = edit(next, random, n * 10 + k)
      const changes = changesBetween(prev, next, 'v1')
      const applied = applyChanges(held, wire(changes))
      expect(applied).toEqual(next)
      prev = next
      held = applied!
    }
  })

  it('send only the spans an edit touched', () => {
    const spans = Array.from({ length: 20_000 }, (_, i) => span(`s${i}`, i * 3, i * 3 + 2))
    const prev = set(spans)
    const changed = { ...prev.spans[700], label: 'Source' }
    const next = set([
      ...prev.spans.filter((s) => s.id !== 's700' && s.id !== 's9'),
      changed,
      span('new', 5, 9),
    ])
    const changes = changesBetween(prev, next, 'v7')
    expect(changes.annotations.spans.map((s) => s.id).sort()).toEqual(['new', 's700'])
    expect(changes).toMatchObject({ base: 'v7', removed: ['s9'], count: 20_000 })
    expect(applyChanges(wire(prev), wire(changes))).toEqual(next)
  })

  it('find the changes from a version in another order (a set file written by hand)', () => {
    const random = seededRandom(5)
    const sorted = set(Array.from({ length: 200 }, (_, i) => span(`s${i}`, i * 2, i * 2 + 3)))
    const loaded = { ...sorted, spans: [...sorted.spans].sort(() => random() - 0.5) }
    let next = loaded
    for (let n = 0; n < 5; n++) next = edit(next, random, n)
    const changes = changesBetween(loaded, next, 'v1')
    expect(changes.annotations.spans.length).toBeLessThanOrEqual(5)
    expect(applyChanges(wire(loaded), wire(changes))).toEqual(next)
  })

  it('refuse changes that do not fit the version held, whole', () => {
    const prev = set([span('a', 0, 2), span('b', 3, 5)])
    const ok: AnnotationChanges = {
      base: 'v1',
      removed: ['a'],
      count: 2,
      annotations: set([span('c', 6, 8)]),
    }
    expect(applyChanges(prev, ok)?.spans.map((s) => s.id)).toEqual(['b', 'c'])
    const refused: AnnotationChanges[] = [
      { ...ok, removed: ['zz'] }, // not there
      { ...ok, removed: ['a', 'a'], count: 1 }, // twice
      { ...ok, count: 3 }, // the sender holds another version
      { ...ok, removed: ['a', 'c'], count: 1 }, // removed and put
      { ...ok, annotations: set([span('c', 6, 8), span('c', 7, 9)]), count: 3 }, // an id twice
    ]
    for (const changes of refused) expect(applyChanges(prev, changes)).toBeNull()
    expect(prev.spans.map((s) => s.id)).toEqual(['a', 'b'])
  })
})
