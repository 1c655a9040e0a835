// The open project as the renderer knows it: the snapshot from main, the user's settings and the
// recent-projects list, loaded once through `app:init` and updated by every call that returns a
// newer snapshot (open, import, `project-changed` events); each save's summary of the open document
// goes to a store of its own (saved-summaries.ts), read by the document list.
import { startTransition, useCallback, useEffect, useState } from 'react'
import type { Api, DocumentSummary, ProjectSnapshot, Settings } from '../../../shared/ipc-contract'
import { messageOf } from '../common/error-message'
import { SavedSummaries } from './saved-summaries'
import { startInit } from './start-loads'

export interface ProjectState {
  /** False until `app:init` has answered. */
  ready: boolean
  snapshot: ProjectSnapshot | null
  settings: Settings
  recent: string[]
  /** Why the last project could not be opened at start. */
  initError: string | null
}

const initial: ProjectState = {
  ready: false,
  snapshot: null,
  settings: { snapToWords: true, annotator: '', annotatorConfirmed: true },
  recent: [],
  initError: null,
}

/**
 * Loads the project state once and returns it with setters that keep it consistent; `onNewSnapshot`
 * is called with each snapshot set (not with a save's summary update).
 */
export function useProject(api: Api, onNewSnapshot: () => void) {
  const [state, setState] = useState<ProjectState>(initial)
  const [saved] = useState(() => new SavedSummaries())

  useEffect(() => {
    // Asked for once per page, by main.tsx before the app's code was loaded (start-loads.ts).
    const initCall = startInit(api)
    let live = true
    initCall.then(
      (init) =>
        live &&
        // The window's first render with the project (its document list, panes and toolbars) as a
        // transition: rendered in slices between which the browser runs other tasks (the
        // document's answer among them), not in one task of 100 ms and more on a loaded machine.
        startTransition(() =>
          setState({
            ready: true,
            snapshot: init.snapshot,
            settings: init.settings,
            recent: init.recent,
            initError: init.error,
          }),
        ),
      (error: unknown) =>
        live && setState((s) => ({ ...s, ready: true, initError: messageOf(error) })),
    )
    return () => {
      live = false
    }
  }, [api])

  /** Replaces the snapshot (null when the project closed); a newly opened path joins the recent list. */
  const setSnapshot = useCallback(
    (snapshot: ProjectSnapshot | null) => {
      onNewSnapshot()
      saved.clear()
      setState((s) => ({
        ...s,
        snapshot,
        initError: snapshot ? null : s.initError,
        recent: snapshot
          ? [snapshot.path, ...s.recent.filter((p) => p !== snapshot.path)]
          : s.recent,
      }))
    },
    [onNewSnapshot, saved],
  )

  /** Updates one document's sidebar entry after a save (the snapshot stays as it is). */
  const updateSummary = useCallback((summary: DocumentSummary) => saved.add(summary), [saved])

  const setSettings = useCallback((settings: Settings) => {
    setState((s) => ({ ...s, settings }))
  }, [])

  return { ...state, saved, setSnapshot, updateSummary, setSettings }
}
