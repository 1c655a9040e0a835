// The link picker's keyboard, kept apart from the DOM so the rules are tested in Node: arrows move
// one option, ← → (or Page Up / Page Down) jump to the previous or next group, Home and End to the
// ends, and typing letters jumps to the next option with a word starting with what was typed
// (type-ahead, as in a native list box; the typed text is kept while keys follow each other).
import { normaliseWords } from '../../../shared/registry'

/** One option as the keys see it: its group (index) and its words. */
export interface KeyOption {
  group: number
  text: string
}

/** What a key press does to the picker. */
export type PickerMove =
  | { kind: 'move'; active: number; typed: string }
  | { kind: 'pick' }
  | { kind: 'close' }
  | { kind: 'none' }

/** The facts of a key press the picker needs. */
export interface PickerKeyInput {
  key: string
  /** Characters typed just before, still part of the type-ahead (empty after a pause). */
  typed: string
  active: number
}

/** What `key` does with the options `options`, the active one at `input.active`. */
export function pickerMove(options: readonly KeyOption[], input: PickerKeyInput): PickerMove {
  const n = options.length
  const { key, active } = input
  const move = (to: number): PickerMove => ({ kind: 'move', active: to, typed: '' })
  switch (key) {
    case 'ArrowDown':
      return n ? move((active + 1) % n) : { kind: 'none' }
    case 'ArrowUp':
      return n ? move((active - 1 + n) % n) : { kind: 'none' }
    case 'ArrowRight':
    case 'PageDown':
      return n ? move(groupStart(options, active, 1)) : { kind: 'none' }
    case 'ArrowLeft':
    case 'PageUp':
      return n ? move(groupStart(options, active, -1)) : { kind: 'none' }
    case 'Home':
      return move(0)
    case 'End':
      return move(Math.max(0, n - 1))
    case 'Enter':
      return n ? { kind: 'pick' } : { kind: 'none' }
    case 'Escape':
    case 'Tab':
      return { kind: 'close' }
  }
  // A space continues a type-ahead ("news ag"); alone it does nothing.
  const typable = /[\p{L}\p{N}]/u.test(key) || (key === ' ' && input.typed !== '')
  if (key.length !== 1 || !typable) return { kind: 'none' }
  const typed = input.typed + key
  const found = typeAhead(options, typed, active)
  return found < 0 ? { kind: 'move', active, typed } : { kind: 'move', active: found, typed }
}

/**
 * The first option of the next (dir 1) or previous (dir -1) group from the option `at`, wrapping
 * around; from inside a group, dir -1 first goes to that group's own start.
 */
export function groupStart(options: readonly KeyOption[], at: number, dir: 1 | -1): number {
  const starts: number[] = []
  options.forEach((o, i) => {
    if (i === 0 || options[i - 1].group !== o.group) starts.push(i)
  })
  if (dir > 0) return starts.find((s) => s > at) ?? starts[0]
  const own = [...starts].reverse().find((s) => s <= at) ?? 0
  if (own < at) return own
  return [...starts].reverse().find((s) => s < at) ?? starts[starts.length - 1]
}

/**
 * The index of the option a type-ahead of `typed` goes to: the first, in list order from the
 * active one, whose text starts with `typed`, else the first with a later word starting with it
 * ("bli" finds "Antony Blinken"); case and accents are ignored. A single key starts after the
 * active option, so pressing it again cycles through the matches; a longer text starts at the
 * active option, so typing on refines the current match. -1 when none matches.
 */
export function typeAhead(options: readonly KeyOption[], typed: string, active: number): number {
  const q = normaliseWords(typed).join(' ')
  if (!q) return -1
  const n = options.length
  const first = typed.length === 1 ? active + 1 : active
  const order = Array.from({ length: n }, (_, k) => (first + k) % n)
  const words = options.map((o) => normaliseWords(o.text))
  const starts = order.find((i) => words[i].join(' ').startsWith(q))
  if (starts !== undefined) return starts
  const inside = order.find((i) =>
    words[i].some((_, j) => words[i].slice(j).join(' ').startsWith(q)),
  )
  return inside ?? -1
}
