// The claims table as main computes it from the saved documents. The open document's pending edits
// are saved first, so the table shows what the analyst just tagged; it is asked for again only when
// the project's data changed since the table on screen was (claims-table-loader.ts), and main's
// answer is drawn in a transition, so the click that showed the view is not held up by it.
import { startTransition, useCallback, useEffect, useState } from 'react'
import type { Api, ClaimsSets } from '../../../shared/ipc-contract'
import { useLatest } from '../common/use-latest'
import { useStoreSelect } from '../common/value-store'
import type { ProjectRevision } from '../shell/project-revision'
import { ClaimsTableLoader, type ClaimsTableState } from './claims-table-loader'

export type { ClaimsTableState } from './claims-table-loader'

/**
 * Loads `claims:table` for the project (docId null) or one document, after `flush` (which resolves
 * false when the open document could not be saved: the table is then marked possibly stale).
 * Loads when `active` and the table on show is not that of the scope, `sets` and the `revision`
 * now; not while hidden.
 */
export function useClaimsTable(
  api: Api,
  flush: () => Promise<boolean>,
  docId: string | null,
  active: boolean,
  revision: ProjectRevision,
  sets: ClaimsSets = 'mine',
) {
  const [state, setState] = useState<ClaimsTableState>({ kind: 'loading', previous: null })
  const deps = useLatest({ api, flush })
  const [loader] = useState(
    () =>
      new ClaimsTableLoader({
        flush: () => deps.current.flush(),
        fetch: (id, whose) => {
          const scope = id ? { docId: id } : {}
          return deps.current.api['claims:table'](
            whose === 'mine' ? scope : { ...scope, sets: whose },
          )
        },
        show: (next, urgent) => (urgent ? setState(next) : startTransition(() => setState(next))),
      }),
  )
  // The revision only while shown: a hidden view does not re-render as the project changes.
  const shownRevision = useStoreSelect(revision, (r) => (active ? r : null))
  // The choice by value: an object from the chooser is a new one on each render.
  const setsKey = JSON.stringify(sets)

  useEffect(() => {
    // Fetching when the view shows or its inputs change is what this effect is for; show() never
    // rejects (a failure is the error state) and shows "loading" at once, on purpose.
    if (shownRevision === null) return
    void loader.show({ docId, sets: JSON.parse(setsKey) as ClaimsSets, revision: shownRevision })
  }, [loader, docId, setsKey, shownRevision])

  const reload = useCallback(
    () => loader.load({ docId, sets: JSON.parse(setsKey) as ClaimsSets, revision: revision.get() }),
    [loader, docId, setsKey, revision],
  )

  return { state, reload }
}
