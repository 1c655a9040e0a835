// What the keyboard and the hover card do with suggestions, as ProseMirror commands
// `(state, dispatch) => boolean`. Accepting and rejecting go through the annotation plugin's own
// commands (addAnnotations, rejectSuggestions), so each is one undo step and is saved with the
// analyst's annotations; the suggestion plugin then sees the suggestion is no longer open.
import type { Command, EditorState } from 'prosemirror-state'
import type { Suggestion, SuggestionKind } from '../../../shared/suggest'
import { acceptedAnnotations } from '../../../shared/suggest'
import { annotationKey } from '../editor/annotation-plugin'
import { addAnnotations, rejectSuggestions } from '../editor/commands'
import { ensureDrawn } from '../editor/draw-window'
import { suggestionKey, type SuggestionAction } from './suggestion-plugin'

function send(action: SuggestionAction): Command {
  return (state, dispatch) => {
    if (dispatch) dispatch(state.tr.setMeta(suggestionKey, action))
    return true
  }
}

/** Sets the suggestions of the document (from the engine). */
export function setSuggestions(suggestions: readonly Suggestion[], computing = false): Command {
  return send({ type: 'set', suggestions, computing })
}

/** Marks the suggestions as being recomputed. */
export const markComputing: Command = send({ type: 'computing' })

/** Draws the outlines, or stops drawing them (what is open is still counted). */
export function showSuggestions(shown: boolean): Command {
  return send({ type: 'show', shown })
}

/** Which kinds of suggestion are open (counted, drawn, stepped through). */
export function setSuggestionKinds(kinds: readonly SuggestionKind[]): Command {
  return send({ type: 'kinds', kinds })
}

/** Makes a suggestion current (null: none). False if it is not open. */
export function setCurrentSuggestion(id: string | null): Command {
  return (state, dispatch) => {
    const st = suggestionKey.getState(state)
    if (!st || (id !== null && !st.open.some((s) => s.id === id))) return false
    return send({ type: 'current', id })(state, dispatch)
  }
}

/**
 * Makes the next (dir 1) or previous (-1) open suggestion current: from the current one, else from
 * the text cursor. Wraps around. False when none is open or the outlines are hidden.
 */
export function stepSuggestion(dir: 1 | -1): Command {
  return (state, dispatch, view) => {
    const st = suggestionKey.getState(state)
    const ann = annotationKey.getState(state)
    if (!st || !ann || !st.shown || st.open.length === 0) return false
    const open = st.open
    const at = open.findIndex((s) => s.id === st.currentId)
    let next: Suggestion | undefined
    if (at >= 0) next = open[(at + dir + open.length) % open.length]
    else {
      const caret = ann.map.posToOffset(state.selection.head, 1)
      next =
        dir > 0
          ? (open.find((s) => s.start >= caret) ?? open[0])
          : ([...open].reverse().find((s) => s.start < caret) ?? open[open.length - 1])
    }
    const current = send({ type: 'current', id: next.id })
    // In a long article a far suggestion's outline is drawn first (see draw-window.ts), so the
    // card and the scroll to it find it on the page.
    const range = ann.map.rangeToPos(next.start, next.end)
    if (dispatch && view && range && ensureDrawn(view, range.from, range.to))
      return current(view.state, view.dispatch)
    return current(state, dispatch)
  }
}

/** The current suggestion, if it is open. */
export function currentSuggestion(state: EditorState): Suggestion | undefined {
  const st = suggestionKey.getState(state)
  return st?.currentId ? st.open.find((s) => s.id === st.currentId) : undefined
}

/** Accepts suggestions: their spans and proposed links, as one undo step. */
function acceptMany(accepted: readonly Suggestion[], annotator: string): Command {
  return (state, dispatch) => {
    const ann = annotationKey.getState(state)
    if (!ann || accepted.length === 0) return false
    const { spans, relations } = acceptedAnnotations(
      accepted,
      ann.map.text,
      ann.schema,
      ann.relations,
      {
        annotator,
        now: new Date().toISOString(),
      },
    )
    return addAnnotations(spans, relations)(state, dispatch)
  }
}

/** Accepts one open suggestion (its span, attributes and links to spans that exist). */
export function acceptSuggestion(id: string, annotator: string): Command {
  return (state, dispatch) => {
    const s = suggestionKey.getState(state)?.open.find((x) => x.id === id)
    return !!s && acceptMany([s], annotator)(state, dispatch)
  }
}

/** Every open suggestion of `kind` in the document. */
export function openOfKind(state: EditorState, kind: SuggestionKind): Suggestion[] {
  return suggestionKey.getState(state)?.open.filter((s) => s.kind === kind) ?? []
}

/** Accepts every open suggestion of `kind` in the document, as one undo step. */
export function acceptAllOfKind(kind: SuggestionKind, annotator: string): Command {
  return (state, dispatch) => acceptMany(openOfKind(state, kind), annotator)(state, dispatch)
}

/** Rejects an open suggestion: hidden, and remembered in the analyst's annotations. */
export function rejectSuggestion(id: string): Command {
  return (state, dispatch) => {
    if (!suggestionKey.getState(state)?.open.some((s) => s.id === id)) return false
    return rejectSuggestions([id])(state, dispatch)
  }
}
