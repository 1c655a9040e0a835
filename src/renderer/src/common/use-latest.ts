// The latest committed value of a prop or callback, for code that runs later (a listener, a timer,
// a queued write) without subscribing again on every render. The ref is written after the commit,
// never during render: a render React throws away must not leak its props into a listener.
import { useLayoutEffect, useRef, type RefObject } from 'react'

/** A ref holding `value` as of the last commit. Read it in handlers and effects, not in render. */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value)
  useLayoutEffect(() => {
    ref.current = value
  })
  return ref
}
