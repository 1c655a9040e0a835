import { describe, expect, it } from 'vitest'
import { testSchema } from '../schema-fixture'
import {
  describeChord,
  detectMac,
  isTextFieldTarget,
  matchShortcut,
  type KeyInput,
} from '../../../src/renderer/src/shell/shortcuts'

const schema = testSchema()
const base: KeyInput = {
  key: '',
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  isMac: false,
  inTextField: false,
  spanSelected: false,
}
const press = (over: Partial<KeyInput>) => matchShortcut({ ...base, ...over }, schema)

describe('matchShortcut', () => {
  it('links with L when no field has focus, with or without a span (the shell says why not)', () => {
    expect(press({ key: 'l', spanSelected: true })).toEqual({ type: 'link' })
    expect(press({ key: 'L', spanSelected: true })).toEqual({ type: 'link' })
    expect(press({ key: 'l' })).toEqual({ type: 'link' })
    expect(press({ key: 'l', spanSelected: true, inTextField: true })).toBeNull()
    expect(press({ key: 'l', spanSelected: true, ctrlKey: true })).toBeNull()
    expect(press({ key: 'L', spanSelected: true, shiftKey: true })).toBeNull()
  })

  it('steps through suggestions with N / Shift+N and decides the current one with Enter, Shift+Enter, X', () => {
    const shown = { suggestionsShown: true }
    expect(press({ key: 'n' })).toBeNull()
    expect(press({ key: 'n', ...shown })).toEqual({ type: 'suggestion-step', dir: 1 })
    expect(press({ key: 'N', shiftKey: true, ...shown })).toEqual({
      type: 'suggestion-step',
      dir: -1,
    })
    expect(press({ key: 'Enter', ...shown })).toBeNull()
    expect(press({ key: 'x', ...shown })).toBeNull()
    const current = { ...shown, suggestionCurrent: true }
    expect(press({ key: 'Enter', ...current })).toEqual({ type: 'suggestion-accept' })
    expect(press({ key: 'Enter', shiftKey: true, ...current })).toEqual({
      type: 'suggestion-accept-all',
    })
    expect(press({ key: 'x', ...current })).toEqual({ type: 'suggestion-reject' })
    // A focused button keeps its Enter; a text field keeps every key.
    expect(press({ key: 'Enter', onControl: true, ...current })).toBeNull()
    expect(press({ key: 'x', inTextField: true, ...current })).toBeNull()
    expect(press({ key: 'Enter', ctrlKey: true, ...current })).toBeNull()
  })

  it('lets a layer whose shortcut is N or X keep its key over suggestions', () => {
    const layers = schema.layers.map((l, i) => (i === 0 ? { ...l, shortcut: 'x' } : l))
    const input = { ...base, key: 'x', suggestionsShown: true, suggestionCurrent: true }
    expect(matchShortcut(input, { ...schema, layers })).toMatchObject({ type: 'tag' })
  })

  it('tags with the layer whose shortcut is pressed, using its first label', () => {
    expect(press({ key: '1' })).toEqual({ type: 'tag', layerId: 'claim', label: 'Claim' })
    expect(press({ key: '2' })).toEqual({ type: 'tag', layerId: 'source', label: 'Source' })
    expect(press({ key: '3' })).toEqual({ type: 'tag', layerId: 'sentiment', label: 'Sentiment' })
    expect(press({ key: '4' })).toBeNull()
  })

  it('leaves layer keys to text fields and ignores them with modifiers', () => {
    expect(press({ key: '1', inTextField: true })).toBeNull()
    expect(press({ key: '1', ctrlKey: true })).toBeNull()
    expect(press({ key: '1', altKey: true })).toBeNull()
  })

  it('uses Ctrl on Windows/Linux and Cmd on macOS for undo and redo', () => {
    expect(press({ key: 'z', ctrlKey: true })).toEqual({ type: 'undo' })
    expect(press({ key: 'Z', ctrlKey: true, shiftKey: true })).toEqual({ type: 'redo' })
    expect(press({ key: 'y', ctrlKey: true })).toEqual({ type: 'redo' })
    expect(press({ key: 'z', metaKey: true, isMac: true })).toEqual({ type: 'undo' })
    expect(press({ key: 'z', metaKey: true, shiftKey: true, isMac: true })).toEqual({
      type: 'redo',
    })
    expect(press({ key: 'z', ctrlKey: true, isMac: true })).toBeNull()
    expect(press({ key: 'z', metaKey: true })).toBeNull()
  })

  it('leaves undo to a focused text field (its own text undo)', () => {
    expect(press({ key: 'z', ctrlKey: true, inTextField: true })).toBeNull()
  })

  it('deletes the selected span with Delete or Backspace, only when one is selected', () => {
    expect(press({ key: 'Delete', spanSelected: true })).toEqual({ type: 'delete-span' })
    expect(press({ key: 'Backspace', spanSelected: true })).toEqual({ type: 'delete-span' })
    expect(press({ key: 'Delete' })).toBeNull()
    expect(press({ key: 'Backspace', spanSelected: true, inTextField: true })).toBeNull()
  })

  it('maps Escape to clearing the selection', () => {
    expect(press({ key: 'Escape' })).toEqual({ type: 'escape' })
  })

  it('steps to the next and previous span with ] and [, unless a layer uses the key', () => {
    expect(press({ key: ']' })).toEqual({ type: 'adjacent-span', dir: 1 })
    expect(press({ key: '[' })).toEqual({ type: 'adjacent-span', dir: -1 })
    expect(press({ key: ']', inTextField: true })).toBeNull()
    const custom = testSchema()
    custom.layers[0].shortcut = ']'
    expect(matchShortcut({ ...base, key: ']' }, custom)).toMatchObject({ type: 'tag' })
  })

  it('follows a schema with other shortcut keys', () => {
    const custom = testSchema()
    custom.layers[0].shortcut = 'c'
    expect(matchShortcut({ ...base, key: 'C' }, custom)).toMatchObject({ layerId: 'claim' })
    expect(matchShortcut({ ...base, key: '1' }, custom)).toBeNull()
  })
})

describe('describeChord', () => {
  it('writes chords the platform way', () => {
    expect(describeChord({ mod: true, shift: true, key: 'z' }, false)).toBe('Ctrl+Shift+Z')
    expect(describeChord({ mod: true, shift: true, key: 'z' }, true)).toBe('⌘⇧Z')
    expect(describeChord({ key: '1' }, false)).toBe('1')
  })
})

describe('detectMac', () => {
  it('recognises macOS user agents only', () => {
    expect(detectMac('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit')).toBe(true)
    expect(detectMac('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit')).toBe(false)
  })
})

describe('isTextFieldTarget', () => {
  it('treats text inputs, text areas and selects as text fields', () => {
    expect(isTextFieldTarget({ tagName: 'TEXTAREA' })).toBe(true)
    expect(isTextFieldTarget({ tagName: 'SELECT' })).toBe(true)
    expect(isTextFieldTarget({ tagName: 'INPUT', type: 'search' })).toBe(true)
    expect(isTextFieldTarget({ tagName: 'INPUT', type: 'number' })).toBe(true)
  })
  it('lets buttons, checkboxes, the article and the page take shortcuts', () => {
    expect(isTextFieldTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false)
    expect(isTextFieldTarget({ tagName: 'BUTTON' })).toBe(false)
    expect(isTextFieldTarget({ tagName: 'DIV' })).toBe(false)
    expect(isTextFieldTarget(null)).toBe(false)
  })
})
