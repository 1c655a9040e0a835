// A value that may follow its source a frame late, for work that need not be in the frame of the
// input that changed it. React's useDeferredValue starts its background render in the task right
// after the input's: a render whose one component takes 15 ms (the span list regrouping 20,000
// spans) then runs before the browser paints the input's own change, and delays it by that much.
// This hook starts the catch-up render after that frame instead, as a transition (which React
// still interrupts between components when input or a frame is due).
import { startTransition, useEffect, useState } from 'react'
import { afterPaint } from './after-paint'

/**
 * `value` as it was when the last frame after its change was painted: the first render returns
 * `value` itself; after a change, the previous value until the frame that follows has been
 * painted, then (in a transition) the latest one.
 */
export function usePaintedValue<T>(value: T): T {
  const [shown, setShown] = useState(value)
  useEffect(() => {
    if (Object.is(shown, value)) return
    return afterPaint(() => startTransition(() => setShown(() => value)))
  }, [value, shown])
  return shown
}
