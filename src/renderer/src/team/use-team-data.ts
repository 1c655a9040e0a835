// Loading a team view's data from main when the view is shown: the open document's edits are
// saved first (so the numbers include them), the last answer stays on screen while the next one
// loads, and an answer overtaken by a newer request is dropped.
import { useCallback, useEffect, useRef, useState } from 'react'

export type Loaded<T> =
  | { kind: 'idle' }
  | { kind: 'loading'; previous: T | null }
  | { kind: 'ready'; value: T }
  | { kind: 'error'; message: string; previous: T | null }

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** Loads `load()` whenever `active` and `key` say so; `reload` loads again now. */
export function useTeamData<T>(
  load: () => Promise<T>,
  flush: () => Promise<boolean>,
  active: boolean,
  key: unknown,
) {
  const [state, setState] = useState<Loaded<T>>({ kind: 'idle' })
  const seq = useRef(0)
  const last = useRef<T | null>(null)

  const reload = useCallback(async () => {
    const mine = ++seq.current
    setState({ kind: 'loading', previous: last.current })
    await flush()
    try {
      const value = await load()
      if (mine !== seq.current) return
      last.current = value
      setState({ kind: 'ready', value })
    } catch (error) {
      if (mine === seq.current) {
        setState({ kind: 'error', message: messageOf(error), previous: last.current })
      }
    }
  }, [load, flush])

  /** Shows a value main sent back (after a change), without loading again. */
  const replace = useCallback((value: T) => {
    seq.current++
    last.current = value
    setState({ kind: 'ready', value })
  }, [])

  useEffect(() => {
    if (active) void reload()
  }, [active, key, reload])

  const value =
    state.kind === 'ready'
      ? state.value
      : state.kind === 'loading' || state.kind === 'error'
        ? state.previous
        : null
  return { state, value, reload, replace }
}
