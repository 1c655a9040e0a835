// The claims table as main computes it from the saved documents. The open document's pending edits
// are saved first, so the table shows what the analyst just tagged; a reload that is overtaken by a
// newer one (the scope changed) is dropped.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Api, ClaimsSets, ClaimsTableResult } from '../../../shared/ipc-contract'
import { messageOf } from '../common/error-message'

export type ClaimsTableState =
  | { kind: 'loading'; previous: ClaimsTableResult | null }
  | { kind: 'ready'; table: ClaimsTableResult; unsaved: boolean }
  | { kind: 'error'; message: string }

/**
 * Loads `claims:table` for the project (docId null) or one document, after `flush` (which resolves
 * false when the open document could not be saved: the table is then marked possibly stale).
 * Loads whenever `active` turns true, or the scope or `projectVersion` (any value that changes
 * with the project: its snapshot) changes while active; not while hidden.
 */
export function useClaimsTable(
  api: Api,
  flush: () => Promise<boolean>,
  docId: string | null,
  active: boolean,
  projectVersion?: unknown,
  sets: ClaimsSets = 'mine',
) {
  const [state, setState] = useState<ClaimsTableState>({ kind: 'loading', previous: null })
  const seq = useRef(0)

  // The choice by value: an object from the chooser is a new one on each render.
  const setsKey = JSON.stringify(sets)
  const reload = useCallback(async () => {
    const whose = JSON.parse(setsKey) as ClaimsSets
    const mine = ++seq.current
    setState((s) => ({
      kind: 'loading',
      previous: s.kind === 'ready' ? s.table : s.kind === 'loading' ? s.previous : null,
    }))
    const saved = await flush()
    try {
      const scope = docId ? { docId } : {}
      const table = await api['claims:table'](whose === 'mine' ? scope : { ...scope, sets: whose })
      if (mine === seq.current) setState({ kind: 'ready', table, unsaved: !saved })
    } catch (error) {
      if (mine === seq.current) setState({ kind: 'error', message: messageOf(error) })
    }
  }, [api, flush, docId, setsKey])

  useEffect(() => {
    // Fetching when the view shows or the project changes is what this effect is for; reload()
    // never rejects (a failure is the error state) and shows "loading" at once, on purpose.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (active) void reload()
  }, [active, reload, projectVersion])

  return { state, reload }
}
