// The Overview's data as main computes it from the saved documents (the open document's pending
// edits are saved first, as for the claims table). Loads when the view is shown and the scope, the
// network's mode or the project's data changed since its last answer (shell/use-revision-load.ts),
// and whenever they change while it is shown; a load overtaken by a newer one is dropped.
import { useCallback, useRef, useState } from 'react'
import type { Api, OverviewResult } from '../../../shared/ipc-contract'
import type { NetworkMode } from '../../../shared/overview/types'
import { messageOf } from '../common/error-message'
import type { ProjectRevision } from '../shell/project-revision'
import { useRevisionLoad } from '../shell/use-revision-load'

export type OverviewState =
  | { kind: 'loading'; previous: OverviewResult | null }
  | { kind: 'ready'; data: OverviewResult; unsaved: boolean }
  | { kind: 'error'; message: string }

/** Loads `overview:data` for the project (docId null) or one document while `active`. */
export function useOverview(
  api: Api,
  flush: () => Promise<boolean>,
  docId: string | null,
  networkMode: NetworkMode,
  active: boolean,
  revision: ProjectRevision,
) {
  const [state, setState] = useState<OverviewState>({ kind: 'loading', previous: null })
  const seq = useRef(0)

  /** Resolves true when the answer is shown and complete (saved first, not overtaken). */
  const reload = useCallback(async (): Promise<boolean> => {
    const mine = ++seq.current
    setState((s) => ({
      kind: 'loading',
      previous: s.kind === 'ready' ? s.data : s.kind === 'loading' ? s.previous : null,
    }))
    const saved = await flush()
    try {
      const data = await api['overview:data']({ ...(docId ? { docId } : {}), networkMode })
      if (mine !== seq.current) return false
      setState({ kind: 'ready', data, unsaved: !saved })
      return saved
    } catch (error) {
      if (mine === seq.current) setState({ kind: 'error', message: messageOf(error) })
      return false
    }
  }, [api, flush, docId, networkMode])

  useRevisionLoad(revision, active, reload)

  return { state, reload }
}
