// Keyboard shortcut matching for the window-level keydown handler, kept apart from the DOM so the
// rules (which key does what, and when a text field keeps the key for itself) are tested in Node.
import type { AnnotationSchema } from '../../../shared/model'

/** The facts of a keydown that decide what it does. */
export interface KeyInput {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
  /** macOS uses Cmd where other platforms use Ctrl. */
  isMac: boolean
  /** Focus is in a text input, text area or select, which keeps its own keys (and its own undo). */
  inTextField: boolean
  /** A span is selected. */
  spanSelected: boolean
  /** Suggestions are drawn (N and Shift+N step through them). */
  suggestionsShown?: boolean
  /** A suggestion is current (Enter, Shift+Enter and X act on it). */
  suggestionCurrent?: boolean
  /** Focus is on a control that Enter activates (a button, link, summary): it keeps Enter. */
  onControl?: boolean
}

export type ShortcutAction =
  | { type: 'tag'; layerId: string; label: string }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'delete-span' }
  | { type: 'escape' }
  | { type: 'adjacent-span'; dir: 1 | -1 }
  | { type: 'link' }
  | { type: 'suggestion-step'; dir: 1 | -1 }
  | { type: 'suggestion-accept' }
  | { type: 'suggestion-accept-all' }
  | { type: 'suggestion-reject' }

/** Decides what a keydown does, or null when the app leaves it alone. */
export function matchShortcut(input: KeyInput, schema: AnnotationSchema): ShortcutAction | null {
  const mod = input.isMac ? input.metaKey : input.ctrlKey
  const otherMod = input.isMac ? input.ctrlKey : input.metaKey
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key

  if (mod && !otherMod && !input.altKey) {
    if (input.inTextField) return null
    if (key === 'z') return input.shiftKey ? { type: 'redo' } : { type: 'undo' }
    if (key === 'y' && !input.isMac && !input.shiftKey) return { type: 'redo' }
    return null
  }
  if (input.ctrlKey || input.metaKey || input.altKey || input.inTextField) return null

  if (key === 'Escape') return { type: 'escape' }
  if ((key === 'Delete' || key === 'Backspace') && input.spanSelected && !input.shiftKey) {
    return { type: 'delete-span' }
  }
  const layer = schema.layers.find((l) => l.shortcut && l.shortcut.toLowerCase() === key)
  if (layer) return { type: 'tag', layerId: layer.id, label: layer.labels[0].name }
  // Keyboard access to highlights: step through spans in reading order.
  if (key === ']') return { type: 'adjacent-span', dir: 1 }
  if (key === '[') return { type: 'adjacent-span', dir: -1 }
  // L links the selected span (opens the link picker; with no span selected the shell says why);
  // a layer with shortcut "l" wins above.
  if (key === 'l' && !input.shiftKey) return { type: 'link' }
  return matchSuggestionKey(input, key)
}

/**
 * Suggestions: N / Shift+N step to the next / previous one while they are drawn; on the current
 * one Enter accepts, Shift+Enter accepts every open one of its kind, X rejects. A focused button
 * keeps its Enter. (Layer shortcuts "n" or "x" win: they are matched first.)
 */
function matchSuggestionKey(input: KeyInput, key: string): ShortcutAction | null {
  if (key === 'n' && input.suggestionsShown)
    return { type: 'suggestion-step', dir: input.shiftKey ? -1 : 1 }
  if (!input.suggestionCurrent) return null
  if (key === 'Enter' && !input.onControl)
    return input.shiftKey ? { type: 'suggestion-accept-all' } : { type: 'suggestion-accept' }
  if (key === 'x' && !input.shiftKey) return { type: 'suggestion-reject' }
  return null
}

/** How a shortcut is written for the user: "Ctrl+Shift+Z" or "⌘⇧Z". */
export function describeChord(
  chord: { mod?: boolean; shift?: boolean; key: string },
  isMac: boolean,
): string {
  const key = chord.key.length === 1 ? chord.key.toUpperCase() : chord.key
  if (isMac) return `${chord.mod ? '⌘' : ''}${chord.shift ? '⇧' : ''}${key}`
  return [chord.mod ? 'Ctrl' : '', chord.shift ? 'Shift' : '', key].filter(Boolean).join('+')
}

/** True on macOS, from the user agent (the renderer has no `process.platform`). */
export function detectMac(userAgent: string): boolean {
  return /Mac OS X|Macintosh/.test(userAgent)
}

const NON_TEXT_INPUTS = new Set([
  'button',
  'checkbox',
  'radio',
  'submit',
  'reset',
  'range',
  'color',
  'file',
])

/** True when Enter on `target` activates it (a button, link, summary or similar control). */
export function isControlTarget(
  target: {
    tagName?: string
    type?: string
    getAttribute?: (name: string) => string | null
  } | null,
): boolean {
  const tag = target?.tagName?.toUpperCase()
  if (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY' || tag === 'SELECT') return true
  if (tag === 'INPUT') return true
  const role = target?.getAttribute?.('role')
  return (
    role === 'button' ||
    role === 'link' ||
    role === 'menuitem' ||
    role === 'option' ||
    role === 'tab'
  )
}

/**
 * True when a keydown's target keeps typed keys for itself: a text-like input, a text area or a
 * select (whose type-ahead uses digits). The article's own contenteditable is not one: layer keys
 * must work there.
 */
export function isTextFieldTarget(target: { tagName?: string; type?: string } | null): boolean {
  const tag = target?.tagName?.toUpperCase()
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  if (tag === 'INPUT') return !NON_TEXT_INPUTS.has((target?.type ?? 'text').toLowerCase())
  return false
}
