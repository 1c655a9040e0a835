// Accept, reject, accept-all and step for the shell: each runs one editor command on the open
// document's suggestion plugin and records the decision on cues for the lexicon's feedback.
import { useCallback, useMemo, type RefObject } from 'react'
import type { Suggestion, SuggestionKind } from '../../../shared/suggest'
import type { ArticleViewHandle } from '../editor-api'
import {
  acceptAllOfKind,
  acceptSuggestion,
  currentSuggestion,
  openOfKind,
  rejectSuggestion,
  stepSuggestion,
} from './suggestion-commands'
import { suggestionKey } from './suggestion-plugin'
import { scrollToCentre } from '../editor/scroll-to-centre'
import type { SuggestionFeedback } from './use-suggestion-feedback'

export interface SuggestionActions {
  /** Accepts the suggestion `id` (the current one by default) with its links. */
  accept: (id?: string) => boolean
  /** Rejects the suggestion `id` (the current one by default); remembered per document. */
  reject: (id?: string) => boolean
  /** Accepts every open suggestion of `kind` (the current one's by default): one undo step. */
  acceptAll: (kind?: SuggestionKind) => boolean
  /** Steps to the next or previous open suggestion and brings it into view. */
  step: (dir: 1 | -1) => boolean
}

/** The actions on the editor's suggestions; `annotator` names who accepts. */
export function useSuggestionActions(
  editor: RefObject<ArticleViewHandle | null>,
  annotator: RefObject<string>,
  feedback: SuggestionFeedback,
): SuggestionActions {
  const decide = useCallback(
    (id: string | undefined, accepted: boolean): boolean => {
      const view = editor.current
      const s = view && (id ? findOpen(view, id) : currentSuggestion(view.state()))
      if (!view || !s) return false
      const ok = view.run(
        accepted ? acceptSuggestion(s.id, annotator.current) : rejectSuggestion(s.id),
      )
      if (ok) feedback.record([s], accepted)
      return ok
    },
    [editor, annotator, feedback],
  )

  const acceptAll = useCallback(
    (kind?: SuggestionKind): boolean => {
      const view = editor.current
      const k = kind ?? (view && currentSuggestion(view.state())?.kind)
      if (!view || !k) return false
      const accepted = openOfKind(view.state(), k)
      const ok = view.run(acceptAllOfKind(k, annotator.current))
      if (ok) feedback.record(accepted, true)
      return ok
    },
    [editor, annotator, feedback],
  )

  const step = useCallback(
    (dir: 1 | -1): boolean => {
      const view = editor.current
      if (!view?.run(stepSuggestion(dir))) return false
      const id = suggestionKey.getState(view.state())?.currentId
      if (id) scrollToSuggestion(id)
      return true
    },
    [editor],
  )

  return useMemo(
    () => ({
      accept: (id?: string) => decide(id, true),
      reject: (id?: string) => decide(id, false),
      acceptAll,
      step,
    }),
    [decide, acceptAll, step],
  )
}

function findOpen(view: ArticleViewHandle, id: string): Suggestion | undefined {
  return suggestionKey.getState(view.state())?.open.find((s) => s.id === id)
}

/**
 * Brings the outline of a suggestion into the middle of the article's scroll area: in a long
 * article by a jump when it is screens away, as for a span (a smooth scroll would move the draw
 * window away from it on the way, and the outline and its card with it).
 */
function scrollToSuggestion(id: string): void {
  const el = document.querySelector<HTMLElement>(
    `.mg-article [data-suggestion-id="${CSS.escape(id)}"]`,
  )
  if (el) scrollToCentre(el)
}
