// The shell builds an article's PM document in a task of its own as it arrives (prepared-doc.ts):
// the editor's state must take that one rather than build it again in the mount's task.
import { describe, expect, it } from 'vitest'
import { defaultSchema } from '../../../src/shared/default-schema'
import { buildPmDoc } from '../../../src/renderer/src/editor/doc'
import { prepareArticleDoc } from '../../../src/renderer/src/editor/prepared-doc'
import { createArticleState } from '../../../src/renderer/src/editor/state'
import { annotationKey } from '../../../src/renderer/src/editor/annotation-plugin'
import { EMPTY, makeDocument } from './fixtures'

const article = () =>
  makeDocument([
    ['heading', 'A title', 1],
    ['paragraph', 'The minister said the deal was done.'],
    ['blockquote', 'We won.'],
  ])

describe('an article document built ahead', () => {
  it('is the one the editor state opens with, with its offset map', () => {
    const document = article()
    const built = prepareArticleDoc(document)
    const state = createArticleState({ document, schema: defaultSchema(), initial: EMPTY })
    expect(state.doc).toBe(built.doc)
    expect(annotationKey.getState(state)!.map).toBe(built.map)
    expect(state.doc.eq(buildPmDoc(document).doc)).toBe(true)
  })

  it('is taken once: a second state of the same document builds its own', () => {
    const document = article()
    const built = prepareArticleDoc(document)
    createArticleState({ document, schema: defaultSchema(), initial: EMPTY })
    const again = createArticleState({ document, schema: defaultSchema(), initial: EMPTY })
    expect(again.doc).not.toBe(built.doc)
    expect(again.doc.eq(built.doc)).toBe(true)
  })
})
