// Loading a team view's data from main when the view is shown and the project's data changed since
// its last answer (shell/use-revision-load.ts): the open document's edits are saved first (so the
// numbers include them), the last answer stays on screen while the next one loads, and an answer
// overtaken by a newer request is dropped.
import { useCallback, useRef, useState } from 'react'
import type { ProjectRevision } from '../shell/project-revision'
import { useRevisionLoad } from '../shell/use-revision-load'

export type Loaded<T> =
  | { kind: 'idle' }
  | { kind: 'loading'; previous: T | null }
  | { kind: 'ready'; value: T }
  | { kind: 'error'; message: string; previous: T | null }

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

/**
 * Loads `load()` when `active` and the project's `revision` or `load` changed since the last
 * answer; `reload` loads again now; `write` runs a write whose answer `replace` will show.
 */
export function useTeamData<T>(
  load: () => Promise<T>,
  flush: () => Promise<boolean>,
  active: boolean,
  revision: ProjectRevision,
) {
  const [state, setState] = useState<Loaded<T>>({ kind: 'idle' })
  const seq = useRef(0)
  const last = useRef<T | null>(null)

  /** Resolves true when the answer is shown and complete (saved first, not overtaken). */
  const reload = useCallback(async (): Promise<boolean> => {
    const mine = ++seq.current
    setState({ kind: 'loading', previous: last.current })
    const saved = await flush()
    try {
      const value = await load()
      if (mine !== seq.current) return false
      last.current = value
      setState({ kind: 'ready', value })
      return saved
    } catch (error) {
      if (mine === seq.current) {
        setState({ kind: 'error', message: messageOf(error), previous: last.current })
      }
      return false
    }
  }, [load, flush])

  /** Shows a value main sent back (after a change), without loading again. */
  const replace = useCallback((value: T) => {
    seq.current++
    last.current = value
    setState({ kind: 'ready', value })
  }, [])

  const { ownWrite: write } = useRevisionLoad(revision, active, reload)

  const value =
    state.kind === 'ready'
      ? state.value
      : state.kind === 'loading' || state.kind === 'error'
        ? state.previous
        : null
  return { state, value, reload, replace, write }
}
