// Linking spans from the shell: the link picker (opened with L, the panel's "Link to…", the span's
// link handle, or to retarget one end of a link), drops of the drag handle, clicks on highlights
// while the picker is open, and the panel's edits of links. Every change runs as an editor command,
// so undo and redo cover it; what cannot be linked is said in one short message.
import { useCallback, useEffect, useState, type RefObject } from 'react'
import type { EditorState } from 'prosemirror-state'
import type { Attributes } from '../../../shared/model'
import { useLatest } from '../common/use-latest'
import {
  annotationKey,
  linkCandidates,
  linkDataOf,
  linkSpans,
  removeRelation,
  resolveLink,
  retargetCandidates,
  retargetRelation,
  updateRelation,
  type ArticleViewHandle,
  type CandidateGroup,
} from '../editor-api'
import type { Box } from './palette-position'

/** Which end of which relation the picker replaces (absent: the picker makes a new link). */
export interface Retarget {
  relationId: string
  end: 'from' | 'to'
}

/** The open link picker. */
export interface PickerState {
  /** The span a new link starts from (or, when retargeting, the end that stays). */
  spanId: string
  retarget: Retarget | null
  groups: CandidateGroup[]
  /** The span's first line in viewport coordinates, to place the picker by. */
  anchor: Box | null
}

/** How long a link message stays before it clears itself. */
const MESSAGE_MS = 6000

type SetMessage = (message: string | null) => void

/** The linking state and actions; pass it to the article pane, the panel and the shortcuts. */
export function useLinking(editor: RefObject<ArticleViewHandle | null>, annotator: string) {
  const [message, setMessage] = useLinkMessage()
  const [showAll, setShowAll] = useState(false)
  const annotatorRef = useLatest(annotator)
  const picking = usePicker(editor, setMessage)
  const { openPicker } = picking
  const { pick, interceptSpanClick } = usePickerChoice(editor, picking, annotatorRef, setMessage)
  const edits = useLinkEdits(editor, annotatorRef, setMessage)

  return {
    picker: picking.picker,
    message,
    clearMessage: useCallback(() => setMessage(null), [setMessage]),
    showAll,
    setShowAll,
    openPicker,
    closePicker: picking.closePicker,
    pick,
    interceptSpanClick,
    dropLink: edits.dropLink,
    onLinkHandle: useCallback((id: string) => void openPicker(id), [openPicker]),
    removeLink: edits.removeLink,
    patchLink: edits.patchLink,
  }
}

/** The one short message about linking; it clears itself after a while. */
function useLinkMessage() {
  const [message, setMessage] = useState<string | null>(null)
  useEffect(() => {
    if (!message) return
    const timer = setTimeout(() => setMessage(null), MESSAGE_MS)
    return () => clearTimeout(timer)
  }, [message])
  return [message, setMessage] as const
}

/** The open picker, with opening and closing it. */
function usePicker(editor: RefObject<ArticleViewHandle | null>, setMessage: SetMessage) {
  const [picker, setPicker] = useState<PickerState | null>(null)
  const pickerRef = useLatest(picker)

  /** Opens the picker for `spanId` (the selected span by default); false if there is none. */
  const openPicker = useCallback(
    (spanId?: string, retarget: Retarget | null = null): boolean => {
      const view = editor.current
      if (!view) return false
      const state = view.state()
      const data = linkDataOf(state)
      const id = spanId ?? annotationKey.getState(state)?.selectedId ?? null
      if (!data || !id || !data.spans.get(id)) return false
      const groups = retarget
        ? retargetCandidates(data, retarget.relationId, retarget.end)
        : linkCandidates(data, id)
      const rect = view.spanBox(id)
      const anchor = rect
        ? { top: rect.top, left: rect.left, width: rect.width, height: rect.height }
        : null
      setMessage(null)
      setPicker({ spanId: id, retarget, groups, anchor })
      return true
    },
    [editor, setMessage],
  )

  /** Closes the picker; focus goes back to the article unless `refocus` is false. */
  const closePicker = useCallback(
    (refocus = true) => {
      setPicker(null)
      if (refocus) editor.current?.focus()
    },
    [editor],
  )

  return { picker, pickerRef, setPicker, openPicker, closePicker }
}

/** Choosing the other end of the link: from the picker's list, or by a click on a highlight. */
function usePickerChoice(
  editor: RefObject<ArticleViewHandle | null>,
  { pickerRef, setPicker }: ReturnType<typeof usePicker>,
  annotatorRef: RefObject<string>,
  setMessage: SetMessage,
) {
  /** Makes the link the picker offers: to `targetId` by `typeId`, in the group's direction. */
  const pick = useCallback(
    (typeId: string, direction: 'out' | 'in', targetId: string): boolean => {
      const p = pickerRef.current
      const view = editor.current
      if (!p || !view) return false
      const ok = p.retarget
        ? view.run(retargetRelation(p.retarget.relationId, p.retarget.end, targetId))
        : view.run(
            linkSpans({
              type: typeId,
              from: direction === 'out' ? p.spanId : targetId,
              to: direction === 'out' ? targetId : p.spanId,
              annotator: annotatorRef.current,
            }),
          )
      setPicker(null)
      setMessage(ok ? null : 'That link is not allowed by the schema, or already exists.')
      view.focus()
      return ok
    },
    [editor, pickerRef, setPicker, annotatorRef, setMessage],
  )

  /**
   * While the picker is open, a click on highlights picks the innermost one that can be linked
   * (even one too far away to be listed); a click on plain text closes the picker.
   */
  const interceptSpanClick = useCallback(
    (ids: string[]): boolean => {
      const p = pickerRef.current
      const view = editor.current
      if (!p || !view) return false
      if (ids.length === 0) {
        setPicker(null)
        return false
      }
      const found = linkForClick(p, view.state(), ids)
      if (!found) return false
      if ('problem' in found) {
        setMessage(found.problem)
        return true
      }
      return pick(found.typeId, found.direction, found.id)
    },
    [editor, pick, pickerRef, setPicker, setMessage],
  )

  return { pick, interceptSpanClick }
}

/**
 * The link a click on highlights `ids` (innermost first) makes while the picker is open: to the
 * first that can be linked, else why the first cannot; null without link data.
 */
function linkForClick(
  p: PickerState,
  state: EditorState,
  ids: string[],
): { typeId: string; direction: 'out' | 'in'; id: string } | { problem: string } | null {
  const data = linkDataOf(state)
  if (!data) return null
  for (const id of ids) {
    if (p.retarget) {
      const { relationId, end } = p.retarget
      if (retargetRelation(relationId, end, id)(state)) return { typeId: '', direction: 'out', id }
      continue
    }
    const ends = resolveLink(data, p.spanId, id)
    if ('problem' in ends) continue
    if (!p.groups.some((g) => g.type.id === ends.type)) continue
    return { typeId: ends.type, direction: ends.from === p.spanId ? 'out' : 'in', id }
  }
  const first = resolveLink(data, p.spanId, ids[0])
  return { problem: 'problem' in first ? first.problem : 'That span cannot be linked here.' }
}

/** Links made by dropping the link handle, and the panel's edits of links. */
function useLinkEdits(
  editor: RefObject<ArticleViewHandle | null>,
  annotatorRef: RefObject<string>,
  setMessage: SetMessage,
) {
  /** The link handle of `fromId` was dropped on highlights (innermost first). */
  const dropLink = useCallback(
    (fromId: string, targetIds: string[]) => {
      const view = editor.current
      const data = view && linkDataOf(view.state())
      if (!view || !data) return
      if (targetIds.length === 0) {
        setMessage('Drop the link on a highlighted span to link it.')
        return
      }
      let problem = ''
      for (const id of targetIds) {
        const ends = resolveLink(data, fromId, id)
        if ('problem' in ends) {
          problem ||= ends.problem
          continue
        }
        view.run(linkSpans({ ...ends, annotator: annotatorRef.current }))
        setMessage(null)
        return
      }
      setMessage(problem)
    },
    [editor, annotatorRef, setMessage],
  )

  const removeLink = useCallback(
    (id: string) => editor.current?.run(removeRelation(id)) ?? false,
    [editor],
  )

  const patchLink = useCallback(
    (id: string, attributes: Attributes) =>
      editor.current?.run(updateRelation(id, { attributes })) ?? false,
    [editor],
  )

  return { dropLink, removeLink, patchLink }
}

export type Linking = ReturnType<typeof useLinking>
