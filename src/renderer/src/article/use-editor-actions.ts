// What the shell does to the annotations, always through the editor's commands so that undo and
// redo cover every change: tag, select, show, edit, delete, document labels, undo and redo.
import { useCallback, useRef, type RefObject } from 'react'
import type { Command } from 'prosemirror-state'
import type { Settings } from '../../../shared/ipc-contract'
import type { DocLabels } from '../../../shared/model'
import {
  annotationKey,
  historyAliasEffect,
  redo,
  removeSpan,
  selectAdjacentSpan,
  selectSpan,
  setDocLabels,
  tagProblem,
  tagSelection,
  undo,
  updateSpan,
  type AliasEffect,
  type ArticleViewHandle,
  type SpanPatch,
} from '../editor-api'

/** Reverts (undo) or re-applies (redo) the registry change an undone or redone op brought. */
export type AliasHistory = (effect: AliasEffect, which: 'undo' | 'redo') => void

/**
 * The editor handle (pass `editor` as the ArticleView's ref) and the actions run through it.
 * `onHint` shows a short note by the caret or the selected span when an action cannot run.
 */
export function useEditorActions(
  settings: Settings,
  onTagged: () => void,
  onHint: (message: string, at?: DOMRect | null) => void,
  aliasHistory?: RefObject<AliasHistory | null>,
) {
  const editor = useRef<ArticleViewHandle>(null)

  const run = useCallback((command: Command) => editor.current?.run(command) ?? false, [])
  const tag = useTag(editor, settings, onTagged, onHint)
  const { showSpan, selectAdjacent } = useSpanNavigation(editor)
  const { readOnlyReason, hint } = useHints(editor, onHint)

  const clearSelection = useCallback(() => {
    run(selectSpan(null))
    editor.current?.focus()
  }, [run])

  /** Changes a span's label or attributes; consecutive edits of one field undo as one step. */
  const patchSpan = useCallback(
    (id: string, patch: SpanPatch) => {
      const field = patch.label !== undefined ? 'label' : 'attributes'
      run(updateSpan(id, patch, { mergeKey: `${id}:${field}` }))
    },
    [run],
  )

  const deleteSpan = useCallback(
    (id: string) => {
      run(removeSpan(id))
      editor.current?.focus()
    },
    [run],
  )

  const changeDocLabels = useCallback((labels: DocLabels) => run(setDocLabels(labels)), [run])

  /**
   * Undo or redo (from a key press or the Edit menu, which leaves the keys to the page). An entity
   * link that added the span's text to the entity's aliases takes the alias back with it (and redo
   * adds it again), so undo restores the registry too.
   */
  const history = useCallback(
    (which: 'undo' | 'redo') => {
      const view = editor.current
      if (!view) return false
      const effect = historyAliasEffect(view.state(), which)
      const ok = view.run(which === 'undo' ? undo : redo)
      if (ok && effect) aliasHistory?.current?.(effect, which)
      return ok
    },
    [aliasHistory],
  )

  return {
    editor,
    tag,
    hint,
    readOnlyReason,
    showSpan,
    selectAdjacent,
    clearSelection,
    patchSpan,
    deleteSpan,
    changeDocLabels,
    history,
  }
}

/**
 * Tags the article's text selection. Text already tagged with this label is not tagged twice:
 * the existing span is selected instead, and a hint says so. False (with a hint) when no text
 * is selected or the span cannot be made.
 */
function useTag(
  editorRef: RefObject<ArticleViewHandle | null>,
  settings: Settings,
  onTagged: () => void,
  onHint: (message: string, at?: DOMRect | null) => void,
) {
  return useCallback(
    (layerId: string, label: string): boolean => {
      const view = editorRef.current
      if (!view) return false
      const { annotator, snapToWords } = settings
      const opts = { layerId, label, annotator, snapToWords }
      const problem = tagProblem(view.state(), opts)
      if (problem?.kind === 'read-only') {
        onHint(readOnlyHint(problem.reason), view.caretBox())
        return false
      }
      if (problem?.kind === 'no-selection') {
        onHint(`Select some text first, then tag it ${label}.`, view.caretBox())
        return false
      }
      if (problem?.kind === 'invalid') {
        onHint(`Cannot tag this: ${problem.message}.`, view.caretBox())
        return false
      }
      if (problem?.kind === 'duplicate') {
        const { id } = problem.existing
        view.run(selectSpan(id))
        onTagged()
        view.focus()
        onHint(`Already tagged ${label}: the existing span is selected.`, view.spanBox(id))
        view.flash(id)
        return true
      }
      if (!view.run(tagSelection(opts))) return false
      onTagged()
      view.focus()
      return true
    },
    [editorRef, settings, onTagged, onHint],
  )
}

/** Moving through the spans: show one (from the panel's list), or the next or previous. */
function useSpanNavigation(editorRef: RefObject<ArticleViewHandle | null>) {
  /** Selects a span and scrolls the article to it with a flash (from the panel's list). */
  const showSpan = useCallback(
    (spanId: string) => {
      const view = editorRef.current
      if (!view) return
      view.run(selectSpan(spanId))
      view.flash(spanId)
    },
    [editorRef],
  )

  /** Selects the next or previous span in reading order and scrolls to it. */
  const selectAdjacent = useCallback(
    (dir: 1 | -1): boolean => {
      const view = editorRef.current
      if (!view?.run(selectAdjacentSpan(dir))) return false
      const id = annotationKey.getState(view.state())?.selectedId
      if (id) view.scrollToSpan(id)
      return true
    },
    [editorRef],
  )
  return { showSpan, selectAdjacent }
}

/** Hints by the selected span or the caret, and why the document cannot be changed. */
function useHints(
  editorRef: RefObject<ArticleViewHandle | null>,
  onHint: (message: string, at?: DOMRect | null) => void,
) {
  /** Why the open document cannot be changed (its project is read-only), or null. */
  const readOnlyReason = useCallback(
    () =>
      (editorRef.current && annotationKey.getState(editorRef.current.state())?.readOnly) || null,
    [editorRef],
  )

  /** Shows a hint by the selected span, or by the caret when none is selected. */
  const hint = useCallback(
    (message: string) => {
      const view = editorRef.current
      if (!view) return
      const id = annotationKey.getState(view.state())?.selectedId
      onHint(message, (id && view.spanBox(id)) || view.caretBox())
    },
    [editorRef, onHint],
  )
  return { readOnlyReason, hint }
}

export type EditorActions = ReturnType<typeof useEditorActions>

/** The hint for an edit refused because the project, or the set shown, is read-only. */
export function readOnlyHint(reason: string): string {
  return `Read-only (${reason}): nothing can be tagged or changed here.`
}
