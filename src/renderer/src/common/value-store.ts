// A value outside React state that components subscribe to one by one (useSyncExternalStore): for
// state that changes often but is shown in one small place, such as the save status, so a change
// re-renders that place and not the whole window.
import { useSyncExternalStore } from 'react'

/** One value and its subscribers. */
export class ValueStore<T> {
  private value: T
  private readonly listeners = new Set<() => void>()

  constructor(value: T) {
    this.value = value
  }

  /** The current value (stable between changes, as useSyncExternalStore requires). */
  readonly get = (): T => this.value

  /** Replaces the value and tells the subscribers, unless it is the same value. */
  set(value: T): void {
    if (Object.is(value, this.value)) return
    this.value = value
    for (const listener of [...this.listeners]) listener()
  }

  /** Calls `listener` after each change; returns the unsubscribe. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

/** The store's value; the component re-renders when it changes. */
export function useStoreValue<T>(store: ValueStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.get)
}

/**
 * What `select` makes of the store's value; the component re-renders only when that changes (by
 * `Object.is`), e.g. a view panel when it is shown or hidden, not on every switch between others.
 * `select` must return a primitive or an object kept from one call to the next.
 */
export function useStoreSelect<T, S>(store: ValueStore<T>, select: (value: T) => S): S {
  return useSyncExternalStore(store.subscribe, () => select(store.get()))
}
