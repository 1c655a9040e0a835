import { describe, expect, it } from 'vitest'
import { clip, snippetOf } from '../../../src/renderer/src/article/link-text'

describe('link text', () => {
  it('clips long text with an ellipsis and collapses spaces', () => {
    expect(clip('a  b\nc', 10)).toBe('a b c')
    expect(clip('abcdefghij', 5)).toBe('abcd…')
  })

  it('gives a snippet cut at word boundaries around the quote', () => {
    const s = snippetOf(
      {
        quote: {
          exact: 'Putin',
          prefix: 'the summit ended when President ',
          suffix: ' said the deal was signed today in the capital',
        },
      },
      20,
    )
    expect(s.text).toBe('Putin')
    expect(s.before).toBe('…when President ')
    expect(s.after).toBe(' said the deal was…')
  })
})
