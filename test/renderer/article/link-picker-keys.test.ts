import { describe, expect, it } from 'vitest'
import {
  groupStart,
  pickerMove,
  typeAhead,
  type KeyOption,
} from '../../../src/renderer/src/article/link-picker-keys'

// Two groups as the sample gives a claim: sources (nearest first), then cues.
const options: KeyOption[] = [
  { group: 0, text: 'U.S. Secretary of State Antony Blinken' },
  { group: 0, text: 'Putin' },
  { group: 0, text: 'Russian news agency TASS' },
  { group: 0, text: 'Kim' },
  { group: 1, text: 'said' },
  { group: 1, text: 'according to' },
  { group: 1, text: 'told reporters' },
]

describe('the link picker keys', () => {
  it('jumps between groups with → and ←, wrapping around', () => {
    expect(groupStart(options, 0, 1)).toBe(4)
    expect(groupStart(options, 2, 1)).toBe(4)
    expect(groupStart(options, 5, 1)).toBe(0)
    expect(groupStart(options, 5, -1)).toBe(4) // to the start of its own group first
    expect(groupStart(options, 4, -1)).toBe(0)
    expect(groupStart(options, 0, -1)).toBe(4)
    expect(pickerMove(options, { key: 'ArrowRight', typed: '', active: 1 })).toEqual({
      kind: 'move',
      active: 4,
      typed: '',
    })
    expect(pickerMove(options, { key: 'PageDown', typed: '', active: 1 })).toMatchObject({
      active: 4,
    })
  })

  it('types ahead to an option with a word starting with the typed text', () => {
    // An option starting with the text comes first; pressing the key again cycles.
    expect(typeAhead(options, 't', 0)).toBe(6) // "told reporters"
    expect(typeAhead(options, 'ta', 0)).toBe(2) // no option starts so: "… agency TASS"
    expect(typeAhead(options, 'k', 0)).toBe(3)
    expect(typeAhead(options, 'p', 1)).toBe(1) // the only "p…": cycling stays on it
    expect(typeAhead(options, 'bl', 0)).toBe(0) // Blinken, a later word of the active option
    expect(typeAhead(options, 'acc', 0)).toBe(5)
    expect(typeAhead(options, 'news ag', 0)).toBe(2)
    expect(typeAhead(options, 'zz', 0)).toBe(-1)
    // Keys build up the typed text; a miss keeps the active option and the text.
    let move = pickerMove(options, { key: 'a', typed: '', active: 0 })
    expect(move).toEqual({ kind: 'move', active: 5, typed: 'a' }) // "according to"
    move = pickerMove(options, { key: 'c', typed: 'a', active: 5 })
    expect(move).toEqual({ kind: 'move', active: 5, typed: 'ac' })
    expect(pickerMove(options, { key: ' ', typed: 'news', active: 0 })).toMatchObject({
      typed: 'news ',
    })
    expect(pickerMove(options, { key: 'x', typed: 'ac', active: 5 })).toEqual({
      kind: 'move',
      active: 5,
      typed: 'acx',
    })
  })

  it('moves, picks and closes with the usual keys, and leaves others alone', () => {
    expect(pickerMove(options, { key: 'ArrowDown', typed: 'x', active: 6 })).toMatchObject({
      active: 0,
      typed: '',
    })
    expect(pickerMove(options, { key: 'ArrowUp', typed: '', active: 0 })).toMatchObject({
      active: 6,
    })
    expect(pickerMove(options, { key: 'End', typed: '', active: 0 })).toMatchObject({ active: 6 })
    expect(pickerMove(options, { key: 'Enter', typed: '', active: 0 })).toEqual({ kind: 'pick' })
    expect(pickerMove(options, { key: 'Escape', typed: '', active: 0 })).toEqual({ kind: 'close' })
    expect(pickerMove(options, { key: 'Tab', typed: '', active: 0 })).toEqual({ kind: 'close' })
    expect(pickerMove(options, { key: ' ', typed: '', active: 0 })).toEqual({ kind: 'none' })
    expect(pickerMove([], { key: 'Enter', typed: '', active: 0 })).toEqual({ kind: 'none' })
  })
})
