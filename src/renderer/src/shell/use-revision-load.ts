// Loading a view's data from main once per change of the project's data, not once per show (as the
// claims table does, see claims-table-loader.ts): a view shown again with the same inputs and the
// same project revision (project-revision.ts) keeps the answer it has. A load that was not
// complete (the open document could not be saved first, main failed, or a newer load overtook it)
// is done again on the next show.
import { useCallback, useEffect, useRef } from 'react'
import { useStoreSelect } from '../common/value-store'
import type { ProjectRevision } from './project-revision'

/**
 * Calls `load` when `active` and the revision or `load` (its identity stands for the view's inputs:
 * scope, mode, the analysts chosen) changed since the last complete load. `load` resolves true
 * when its answer is complete. Returns `ownWrite`, for a write whose answer the view shows itself
 * (curation): the revision it bumps does not load the view again.
 */
export function useRevisionLoad(
  revision: ProjectRevision,
  active: boolean,
  load: () => Promise<boolean>,
) {
  // The revision only while shown: a hidden view does not re-render as the project changes.
  const shownRevision = useStoreSelect(revision, (r) => (active ? r : null))
  const loaded = useRef<{ revision: number; load: unknown } | null>(null)

  useEffect(() => {
    if (shownRevision === null) return
    const last = loaded.current
    if (last && last.revision === shownRevision && last.load === load) return
    const mark = { revision: shownRevision, load }
    loaded.current = mark
    // Loading when the view shows and its data changed is what this effect is for; `load` never
    // rejects (a failure is its view's error state).
    void load().then((complete) => {
      if (!complete && loaded.current === mark) loaded.current = null
    })
  }, [shownRevision, load])

  const ownWrite = useCallback(
    async <T>(call: () => Promise<T>): Promise<T> => {
      // Every write call bumps the revision once when it settles (countingWrites).
      const mark = { revision: revision.get() + 1, load }
      loaded.current = mark
      try {
        return await call()
      } catch (error) {
        if (loaded.current === mark) loaded.current = null
        throw error
      }
    },
    [revision, load],
  )
  return { ownWrite }
}
