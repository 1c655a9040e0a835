// The browser tells ProseMirror about a new text selection with a `selectionchange` event, which
// comes in a task of its own. On a busy machine Chromium runs input first, so a key pressed right
// after a click or a drag can be handled while the editor still holds the selection before it:
// "Select some text first" with text selected, or a hint placed by the caret's old place, screens
// away. A key handler calls `followDomSelection` first, so it acts on what the user sees.
import { TextSelection } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'

/**
 * Makes the view's selection the one the DOM shows, when the view has focus and ProseMirror has
 * not read it yet. True if it changed anything. A DOM point ProseMirror cannot place (inside a
 * widget) leaves the selection as it is, for ProseMirror's own reading to settle.
 */
export function followDomSelection(view: EditorView): boolean {
  if (!view.hasFocus()) return false
  const sel = view.dom.ownerDocument.getSelection()
  const { anchorNode, focusNode } = sel ?? {}
  if (!sel || !anchorNode || !focusNode) return false
  if (!view.dom.contains(anchorNode) || !view.dom.contains(focusNode)) return false
  let anchor: number
  let head: number
  try {
    anchor = view.posAtDOM(anchorNode, sel.anchorOffset)
    head = view.posAtDOM(focusNode, sel.focusOffset)
  } catch {
    return false
  }
  const { selection, doc } = view.state
  if (selection.anchor === anchor && selection.head === head) return false
  if (!doc.resolve(anchor).parent.inlineContent || !doc.resolve(head).parent.inlineContent)
    return false
  view.dispatch(view.state.tr.setSelection(TextSelection.create(doc, anchor, head)))
  return true
}
