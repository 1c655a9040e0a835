import { describe, expect, it } from 'vitest'
import { importDocumentFile } from '../../../../src/main/core/import'
import { blockTexts, expectSoundBlocks, fixture, utf8 } from './helpers'

describe('importing .md', () => {
  it('turns headings, paragraphs, quotes and list items into blocks of the plain text', () => {
    const doc = importDocumentFile('article.md', fixture('article.md'))
    expect(blockTexts(doc)).toEqual([
      ['heading1', 'Budget vote delayed'],
      [
        'paragraph',
        'The finance minister said the vote would be postponed until next week. Opposition parties called it a stall.',
      ],
      ['heading2', 'Reactions'],
      ['blockquote', '“This is a disgrace,” said one MP.'],
      ['blockquote', 'Another disagreed.'],
      ['list_item', 'First point'],
      ['list_item', 'Second point with a link'],
      ['list_item', 'Nested point'],
      ['list_item', 'Ordered item'],
    ])
    expectSoundBlocks(doc)
    // Blocks are separated by exactly one blank line, which is part of the text.
    expect(doc.text.split('\n\n')).toEqual(blockTexts(doc).map(([, t]) => t))
  })

  it('takes the title from the first heading and drops markup, images, URLs and raw HTML', () => {
    const doc = importDocumentFile('article.md', fixture('article.md'))
    expect(doc.title).toBe('Budget vote delayed')
    for (const leak of ['*', '[', '](', '`', '>', '#', 'chart', 'https://', 'script', 'alert']) {
      expect(doc.text).not.toContain(leak)
    }
  })

  it('keeps hard line breaks, code blocks and table rows, and normalises CRLF first', () => {
    const md =
      'Para line one  \r\nline two\r\n\r\n```\r\ncode  kept\r\n```\r\n\r\n| a | b |\r\n|---|---|\r\n| 1 | 2 |\r\n'
    const doc = importDocumentFile('x.markdown', utf8(md))
    expect(blockTexts(doc)).toEqual([
      ['paragraph', 'Para line one\nline two'],
      ['paragraph', 'code  kept'],
      ['paragraph', 'a | b'],
      ['paragraph', '1 | 2'],
    ])
    expect(doc.title).toBe('x')
  })

  it('reports a Markdown file that has no text as an error', () => {
    expect(() => importDocumentFile('img.md', utf8('![only](a.png)\n\n---\n'))).toThrow(
      /^img\.md: has no text/,
    )
  })
})
