import { describe, expect, it } from 'vitest'
import { ValueStore } from '../../../src/renderer/src/common/value-store'

describe('ValueStore', () => {
  it('tells each subscriber of a change, once, and no one after unsubscribing', () => {
    const store = new ValueStore({ kind: 'saved' })
    const seen: string[] = []
    const stop = store.subscribe(() => seen.push(`a:${store.get().kind}`))
    store.subscribe(() => seen.push(`b:${store.get().kind}`))
    store.set({ kind: 'pending' })
    stop()
    store.set({ kind: 'saving' })
    expect(seen).toEqual(['a:pending', 'b:pending', 'b:saving'])
  })

  it('keeps the same value (and says nothing) when set to it again', () => {
    const value = { kind: 'saved' }
    const store = new ValueStore(value)
    let calls = 0
    store.subscribe(() => calls++)
    store.set(value)
    expect(calls).toBe(0)
    expect(store.get()).toBe(value)
  })
})
