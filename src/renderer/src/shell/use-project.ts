// The open project as the renderer knows it: the snapshot from main, the user's settings and the
// recent-projects list, loaded once through `app:init` and updated by every call that returns a
// newer snapshot (open, import, save summaries, `project-changed` events).
import { useCallback, useEffect, useState } from 'react'
import type { Api, DocumentSummary, ProjectSnapshot, Settings } from '../../../shared/ipc-contract'
import { messageOf } from '../common/error-message'

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

// React's StrictMode runs effects twice in development; `app:init` may copy the sample project,
// so the call is made once per page and shared.
let initCall: ReturnType<Api['app:init']> | null = null

/**
 * Loads the project state once and returns it with setters that keep it consistent; `onNewSnapshot`
 * is called with each snapshot set (not with a save's summary update).
 */
export function useProject(api: Api, onNewSnapshot: () => void) {
  const [state, setState] = useState<ProjectState>(initial)

  useEffect(() => {
    initCall ??= api['app:init']()
    let live = true
    initCall.then(
      (init) =>
        live &&
        setState({
          ready: true,
          snapshot: init.snapshot,
          settings: init.settings,
          recent: init.recent,
          initError: init.error,
        }),
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
      setState((s) => ({
        ...s,
        snapshot,
        initError: snapshot ? null : s.initError,
        recent: snapshot
          ? [snapshot.path, ...s.recent.filter((p) => p !== snapshot.path)]
          : s.recent,
      }))
    },
    [onNewSnapshot],
  )

  /** Updates one document's sidebar entry after a save. */
  const updateSummary = useCallback((summary: DocumentSummary) => {
    setState((s) =>
      s.snapshot
        ? {
            ...s,
            snapshot: {
              ...s.snapshot,
              documents: s.snapshot.documents.map((d) => (d.id === summary.id ? summary : d)),
            },
          }
        : s,
    )
  }, [])

  const setSettings = useCallback((settings: Settings) => {
    setState((s) => ({ ...s, settings }))
  }, [])

  return { ...state, setSnapshot, updateSummary, setSettings }
}
