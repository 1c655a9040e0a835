// A window event listener that always calls the latest handler without resubscribing.
import { useEffect } from 'react'
import { useLatest } from './use-latest'

/** Listens for `type` on window while mounted; `capture` listens before the page's own handlers. */
export function useWindowEvent<K extends keyof WindowEventMap>(
  type: K,
  handler: (event: WindowEventMap[K]) => void,
  capture = false,
): void {
  const ref = useLatest(handler)
  useEffect(() => {
    const listener = (event: WindowEventMap[K]) => ref.current(event)
    window.addEventListener(type, listener, capture)
    return () => window.removeEventListener(type, listener, capture)
  }, [type, capture, ref])
}
