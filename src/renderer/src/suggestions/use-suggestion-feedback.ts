// The project-level side of suggestions: decisions on cues sent to main in batches (which tunes
// the project's lexicon from them, see `suggestions:feedback`), and the project's
// "Pre-annotate on import" setting, both written through main.
import { useCallback, useMemo, useRef } from 'react'
import type { Api, ProjectSnapshot } from '../../../shared/ipc-contract'
import type { Suggestion } from '../../../shared/suggest'
import { messageOf } from '../common/error-message'

/** Quiet time after the last decision before the feedback goes to main. */
const FEEDBACK_DELAY_MS = 1500

export interface SuggestionFeedback {
  /** Queues decisions on cues (other kinds carry no lexicon entry). */
  record: (decided: readonly Suggestion[], accepted: boolean) => void
  /** Sends what is queued now. */
  flush: () => void
}

/** Decisions on cues, sent to main in batches; a cue switched off or on is announced. */
export function useSuggestionFeedback(
  api: Api,
  setSnapshot: (snapshot: ProjectSnapshot) => void,
  onNotice: (message: string) => void,
): SuggestionFeedback {
  const pending = useRef<{ phrase: string; accepted: boolean }[]>([])
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    const decisions = pending.current.splice(0, 1000)
    if (decisions.length === 0) return
    api['suggestions:feedback']({ decisions }).then(
      ({ snapshot, changes }) => {
        setSnapshot(snapshot)
        for (const c of changes) {
          onNotice(
            c.enabled
              ? `“${c.phrase}” is suggested as a cue again (accepted ${c.accepted}, rejected ${c.rejected} times).`
              : `“${c.phrase}” is no longer suggested as a cue: rejected ${c.rejected} times, accepted ${c.accepted}. The Schema's suggestions settings can switch it back on.`,
          )
        }
      },
      (error: unknown) => onNotice(`Suggestion feedback was not saved: ${messageOf(error)}`),
    )
  }, [api, setSnapshot, onNotice])

  const record = useCallback(
    (decided: readonly Suggestion[], accepted: boolean) => {
      for (const s of decided)
        if (s.kind === 'cue' && s.lexiconKey)
          pending.current.push({ phrase: s.lexiconKey, accepted })
      if (pending.current.length === 0) return
      if (timer.current) clearTimeout(timer.current)
      timer.current = setTimeout(flush, FEEDBACK_DELAY_MS)
    },
    [flush],
  )

  return useMemo(() => ({ record, flush }), [record, flush])
}

/** The project's "Pre-annotate on import" setting, written through the schema change. */
export function usePreAnnotateSetting(
  api: Api,
  snapshot: ProjectSnapshot | null,
  setSnapshot: (snapshot: ProjectSnapshot) => void,
  onNotice: (message: string) => void,
): { on: boolean; set: (on: boolean) => void } {
  const on = !!snapshot?.project.schema.suggestions?.preAnnotate
  const set = useCallback(
    (next: boolean) => {
      const schema = snapshot?.project.schema
      if (!schema) return
      const suggestions = { ...schema.suggestions, preAnnotate: next }
      api['project:set-schema']({ schema: { ...schema, suggestions } }).then(
        setSnapshot,
        (error: unknown) =>
          onNotice(`The pre-annotation setting was not saved: ${messageOf(error)}`),
      )
    },
    [api, snapshot, setSnapshot, onNotice],
  )
  return useMemo(() => ({ on, set }), [on, set])
}
