import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { importDocumentFile } from '../../../../src/main/core/import'
import { convertPaste } from '../../../../src/main/core/import/paste'
import { blockTexts, expectSoundBlocks } from './helpers'

const SEED = new URL('../../../../resources/seeds/russia-north-korea-alliance.txt', import.meta.url)

/** The sample article as a browser puts a copied selection of it on the clipboard. */
function sampleAsClipboardHtml(): string {
  const [title, ...paragraphs] = readFileSync(SEED, 'utf8')
    .trim()
    .split(/\n\s*\n/)
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  return (
    '<meta charset="utf-8"><html><body><!--StartFragment-->' +
    `<h1 style="font-size:2em" class="headline">${escape(title)}</h1>` +
    paragraphs.map((p) => `<p style="margin:0 0 1em" data-x="1">${escape(p)}</p>`).join('\n') +
    '<!--EndFragment--></body></html>'
  )
}

describe('pasting an article', () => {
  it('gives the sample article pasted as HTML the same text as the .txt import', () => {
    const seed = importDocumentFile('seed.txt', readFileSync(SEED))
    const { document, notes } = convertPaste({ html: sampleAsClipboardHtml() })
    expect(document.text).toBe(seed.text.trim())
    expect(document.title).toBe(seed.title)
    expect(document.metadata).toEqual({ importedFrom: 'clipboard' })
    expect(blockTexts(document)[0][0]).toBe('heading1')
    expect(notes).toEqual([])
    expectSoundBlocks(document)
  })

  it('sanitises pasted HTML: scripts, handlers and styles leave nothing behind', () => {
    const html = `<h2>Pasted <script>globalThis.pwnedByPaste = 1</script>story</h2>
      <p onclick="x()">First <img src=x onerror="globalThis.pwnedByPaste = 2">paragraph.</p>
      <style>p { color: red }</style><iframe src="https://tracker.example"></iframe>`
    const { document } = convertPaste({ html })
    expect(blockTexts(document)).toEqual([
      ['heading2', 'Pasted story'],
      ['paragraph', 'First paragraph.'],
    ])
    expect(document.title).toBe('Pasted story')
    expect((globalThis as Record<string, unknown>)['pwnedByPaste']).toBeUndefined()
  })

  it('cuts page furniture with Readability only when it keeps most of the paste', () => {
    const story = Array.from(
      { length: 6 },
      (_, i) =>
        `<p>Paragraph ${i + 1} of the story, with enough words in it to read as prose, like an article.</p>`,
    ).join('')
    const page = `<nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Story</h1>${story}</article><footer>Share this</footer>`
    const pasted = convertPaste({ html: page }).document
    expect(pasted.text).not.toContain('Share this')
    expect(pasted.text).toContain('Paragraph 6 of the story')
    // A short selection is kept whole: Readability would drop most of it.
    const short = convertPaste({ html: '<p>Just one sentence, copied.</p><p>And a second.</p>' })
    expect(short.document.text).toBe('Just one sentence, copied.\n\nAnd a second.')
  })

  it('takes plain text when there is no HTML, with the title from the first line', () => {
    const { document } = convertPaste({ text: '\uFEFFCouncil votes\r\n\r\nThe council voted.\r' })
    expect(document.text).toBe('Council votes\n\nThe council voted.\n')
    expect(document.title).toBe('Council votes')
  })

  it('uses the title the analyst typed', () => {
    expect(convertPaste({ text: 'Some text.', title: '  My   title ' }).document.title).toBe(
      'My title',
    )
  })

  it('falls back to the plain text when the HTML has none, and refuses an empty paste', () => {
    expect(convertPaste({ html: '<img src="x.png">', text: 'Alt text' }).document.text).toBe(
      'Alt text',
    )
    expect(() => convertPaste({ html: '<img src="x.png">' })).toThrow(
      /^clipboard: has no readable text$/,
    )
    expect(() => convertPaste({ text: '  \n ' })).toThrow(/^clipboard: holds no text to import$/)
  })
})
