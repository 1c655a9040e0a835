import { describe, expect, it } from 'vitest'
import { chooseDocLabel } from '../../../src/renderer/src/panel/doc-labels'
import type { LabelSet } from '../../../src/shared/model'

describe('chooseDocLabel', () => {
  const single: LabelSet = {
    id: 'overall',
    name: 'Overall',
    values: ['pos', 'neg'],
    multiple: false,
  }
  const multi: LabelSet = { id: 'topics', name: 'Topics', values: ['a', 'b', 'c'], multiple: true }
  it('keeps one value for a single-choice set and clears it with an empty value', () => {
    const one = chooseDocLabel({}, single, 'pos', true)
    expect(one).toEqual({ overall: ['pos'] })
    expect(chooseDocLabel(one, single, 'neg', true)).toEqual({ overall: ['neg'] })
    expect(chooseDocLabel(one, single, '', true)).toEqual({})
  })
  it('adds and removes values of a multiple-choice set in schema order, keeping other sets', () => {
    let labels = chooseDocLabel({ overall: ['pos'] }, multi, 'c', true)
    labels = chooseDocLabel(labels, multi, 'a', true)
    expect(labels).toEqual({ overall: ['pos'], topics: ['a', 'c'] })
    labels = chooseDocLabel(labels, multi, 'a', false)
    labels = chooseDocLabel(labels, multi, 'c', false)
    expect(labels).toEqual({ overall: ['pos'] })
  })
})
