import { describe, expect, it } from 'vitest'
import type { DocumentSummary } from '../../../src/shared/ipc-contract'
import { SavedSummaries, withSaved } from '../../../src/renderer/src/shell/saved-summaries'

const summary = (id: string, spanCount: number): DocumentSummary => ({
  id,
  title: `Title ${id}`,
  spanCount,
  relationCount: 0,
})

describe('SavedSummaries', () => {
  it("a save's summary takes its document's place in the list; the others stay the snapshot's", () => {
    const snapshot = [summary('a', 1), summary('b', 2)]
    const saved = new SavedSummaries()
    expect(withSaved(snapshot, saved.get())).toBe(snapshot)
    saved.add(summary('b', 3))
    const shown = withSaved(snapshot, saved.get())
    expect(shown.map((d) => d.spanCount)).toEqual([1, 3])
    expect(shown[0]).toBe(snapshot[0])
    // A summary of a document the snapshot does not list adds no row.
    saved.add(summary('c', 9))
    expect(withSaved(snapshot, saved.get()).map((d) => d.id)).toEqual(['a', 'b'])
  })

  it('tells its subscribers of a changed summary only, and a new snapshot empties it', () => {
    const saved = new SavedSummaries()
    let told = 0
    saved.subscribe(() => told++)
    saved.add(summary('a', 1))
    saved.add(summary('a', 1))
    expect(told).toBe(1)
    saved.add({ ...summary('a', 1), relationCount: 2 })
    expect(told).toBe(2)
    saved.clear()
    saved.clear()
    expect(told).toBe(3)
    const snapshot = [summary('a', 5)]
    expect(withSaved(snapshot, saved.get())).toBe(snapshot)
  })
})
