// The Overview's data as main computes it from the saved documents (the open document's pending
// edits are saved first, as for the claims table). Loads when the view is shown and whenever the
// scope, the network's mode or the project changes while it is; a load overtaken by a newer one
// is dropped.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Api, OverviewResult } from '../../../shared/ipc-contract'
import type { NetworkMode } from '../../../shared/overview/types'
import { messageOf } from '../common/error-message'

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
  projectVersion?: unknown,
) {
  const [state, setState] = useState<OverviewState>({ kind: 'loading', previous: null })
  const seq = useRef(0)

  const reload = useCallback(async () => {
    const mine = ++seq.current
    setState((s) => ({
      kind: 'loading',
      previous: s.kind === 'ready' ? s.data : s.kind === 'loading' ? s.previous : null,
    }))
    const saved = await flush()
    try {
      const data = await api['overview:data']({ ...(docId ? { docId } : {}), networkMode })
      if (mine === seq.current) setState({ kind: 'ready', data, unsaved: !saved })
    } catch (error) {
      if (mine === seq.current) setState({ kind: 'error', message: messageOf(error) })
    }
  }, [api, flush, docId, networkMode])

  useEffect(() => {
    // Fetching when the view shows, the scope changes or the project changes is what this effect
    // is for; reload() never rejects (a failure is the error state) and keeps the previous charts
    // on screen while loading, on purpose.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (active) void reload()
  }, [active, reload, projectVersion])

  return { state, reload }
}
