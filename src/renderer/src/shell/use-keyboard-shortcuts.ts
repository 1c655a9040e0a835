// The window's keydown handler: maps keys to editor actions with `matchShortcut` (which leaves
// text fields their own keys) while a document is open and no dialog is.
import type { AnnotationSchema } from '../../../shared/model'
import { detectMac, isControlTarget, isTextFieldTarget, matchShortcut } from './shortcuts'
import { readOnlyHint, type EditorActions } from '../article/use-editor-actions'
import type { ShortcutAction } from './shortcuts'
import { useWindowEvent } from '../common/use-window-event'

const isMac = detectMac(navigator.userAgent)

/** The shortcuts that change annotations (refused, with a hint, in a read-only project). */
const CHANGES: ReadonlySet<ShortcutAction['type']> = new Set([
  'tag',
  'undo',
  'redo',
  'delete-span',
  'link',
  'suggestion-accept',
  'suggestion-accept-all',
  'suggestion-reject',
])

interface ShortcutOptions {
  /** The open document's schema, or null when no document is open (shortcuts are off). */
  schema: AnnotationSchema | null
  /** Whether the article is on screen (read at each key: a view switch re-renders no shell). */
  articleShown: () => boolean
  /** The selected span (read at each key: a selection re-renders no shell). */
  selectedId: () => string | null
  /** Whether the tag palette is open (read at each key, as the selection). */
  paletteOpen: () => boolean
  closePalette: () => void
  actions: EditorActions
  /** The link picker: L opens it for the selected span; Escape closes it first. */
  linking?: { pickerOpen: boolean; openPicker: () => boolean; closePicker: () => void }
  /**
   * Suggestions: stepping, accepting and rejecting (see shortcuts.ts); whether they are shown and
   * one is current is read at each key (the toolbar's numbers re-render no shell).
   */
  suggestions?: {
    shown: () => boolean
    current: () => boolean
    step: (dir: 1 | -1) => boolean
    accept: () => boolean
    acceptAll: () => boolean
    reject: () => boolean
    clearCurrent: () => boolean
  }
}

/** Installs the app's keyboard shortcuts (see README "Keyboard shortcuts"). */
export function useKeyboardShortcuts(options: ShortcutOptions): void {
  useWindowEvent('keydown', (e) => {
    const { schema, closePalette, actions, linking, suggestions } = options
    if (e.isComposing || !schema || !options.articleShown()) return
    const selectedId = options.selectedId()
    // ProseMirror marks keys such as Escape, Enter and Backspace as handled even though the
    // read-only article does nothing with them; elsewhere a handled key is left alone.
    const target = e.target as Element | null
    if (e.defaultPrevented && !target?.closest?.('.mg-article')) return
    if (document.querySelector('dialog[open]')) return
    if (target?.closest?.('.mg-article')) actions.editor.current?.followDomSelection()
    const action = matchShortcut(
      {
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        shiftKey: e.shiftKey,
        altKey: e.altKey,
        isMac,
        inTextField: isTextFieldTarget(target),
        spanSelected: selectedId !== null,
        suggestionsShown: suggestions?.shown() ?? false,
        suggestionCurrent: suggestions?.current() ?? false,
        onControl: isControlTarget(target),
      },
      schema,
    )
    if (!action) return
    // A read-only project takes no change: say why instead, by the caret.
    const reason = CHANGES.has(action.type) ? actions.readOnlyReason() : null
    if (reason) {
      actions.hint(readOnlyHint(reason))
      e.preventDefault()
      return
    }
    let handled = true
    switch (action.type) {
      case 'tag':
        handled = actions.tag(action.layerId, action.label)
        break
      case 'undo':
      case 'redo':
        actions.history(action.type)
        break
      case 'delete-span':
        if (selectedId) actions.deleteSpan(selectedId)
        break
      case 'adjacent-span':
        handled = actions.selectAdjacent(action.dir)
        break
      case 'link':
        handled = linking?.openPicker() ?? false
        if (!handled && linking && !selectedId)
          actions.hint(
            'Select a span first (click a highlight, or press ] to step to one), then L.',
          )
        break
      case 'suggestion-step':
        handled = suggestions?.step(action.dir) ?? false
        break
      case 'suggestion-accept':
        handled = suggestions?.accept() ?? false
        break
      case 'suggestion-accept-all':
        handled = suggestions?.acceptAll() ?? false
        break
      case 'suggestion-reject':
        handled = suggestions?.reject() ?? false
        break
      case 'escape':
        if (linking?.pickerOpen) linking.closePicker()
        else if (options.paletteOpen()) closePalette()
        else if (suggestions?.clearCurrent()) handled = true
        else if (selectedId) actions.clearSelection()
        else handled = false
        break
    }
    if (handled) e.preventDefault()
  })
}
