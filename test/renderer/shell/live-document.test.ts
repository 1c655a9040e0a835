import { describe, expect, it } from 'vitest'
import type { Annotations } from '../../../src/shared/model'
import { LiveDocument } from '../../../src/renderer/src/shell/live-document'

const annotations = (n: number): Annotations => ({
  spans: [],
  relations: [],
  docLabels: { n: [String(n)] },
})

/** Which of the document's stores told their subscribers, in order. */
function watch(live: LiveDocument): string[] {
  const told: string[] = []
  live.annotations.subscribe(() => told.push('annotations'))
  live.selectedId.subscribe(() => told.push(`selected:${live.selectedId.get()}`))
  return told
}

describe('LiveDocument', () => {
  it('an edit tells the annotations subscribers only, a selection the selection subscribers only', () => {
    const live = new LiveDocument()
    live.reset(annotations(0))
    const told = watch(live)
    const edited = annotations(1)
    live.annotations.set(edited)
    live.select('s1')
    live.select('s1')
    expect(told).toEqual(['annotations', 'selected:s1'])
    expect(live.annotations.get()).toBe(edited)
  })

  it('another document comes with nothing selected, cleared before its annotations arrive', () => {
    const live = new LiveDocument()
    live.reset(annotations(0))
    live.select('s1')
    const told = watch(live)
    let selectedWhenShown: string | null | undefined
    live.annotations.subscribe(() => (selectedWhenShown = live.selectedId.get()))
    const next = annotations(2)
    live.reset(next)
    expect(told).toEqual(['selected:null', 'annotations'])
    expect(selectedWhenShown).toBeNull()
    expect(live.annotations.get()).toBe(next)
  })

  it('closing the document leaves no annotations and no selection', () => {
    const live = new LiveDocument()
    live.reset(annotations(0))
    live.select('s1')
    live.reset(null)
    expect(live.annotations.get()).toBeNull()
    expect(live.selectedId.get()).toBeNull()
  })
})
