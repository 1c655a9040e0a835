import { afterEach, describe, expect, it } from 'vitest'
import { importDocumentFile } from '../../../../src/main/core/import'
import { plainText, sanitizeHtml, withoutSiteName } from '../../../../src/main/core/import/html'
import { chooseTitle, cleanByline, isBylineOf } from '../../../../src/main/core/import/html-title'
import {
  blockTexts,
  expectSoundBlocks,
  fixture,
  recordingServer,
  utf8,
  type RecordingServer,
} from './helpers'

/** Strings that appear in the hostile fixture only inside scripts, styles, frames and attributes. */
const LEAKS = [
  ...['SCRIPT-RAN', 'INLINE-SCRIPT-RAN', 'IMG-RAN', 'ONLOAD-RAN', 'STYLE-LEAK', 'ALT-TEXT-LEAK'],
  ...['IFRAME-FALLBACK-LEAK', 'OBJECT-LEAK', 'SVG-LEAK', 'pwned', 'javascript', 'onerror'],
  ...['onclick', 'tracker.example', 'background', '<', '>'],
]

describe('importing hostile .html', () => {
  const doc = importDocumentFile('hostile-article.html', fixture('hostile-article.html'))
  const everything = JSON.stringify(doc)

  it('extracts the article into heading, paragraph, quote and list blocks', () => {
    expect(blockTexts(doc)).toEqual([
      ['heading1', 'Harbour deal signed amid protests'],
      [
        'paragraph',
        'The city council signed the harbour expansion deal on Tuesday, despite protests outside the town hall that lasted late into the night. Officials said the deal would create 400 jobs.',
      ],
      [
        'paragraph',
        '“We have waited ten years for this,” said Mayor Tom Bell, who called the protesters a noisy minority. Critics, including the harbour workers’ union, said the council ignored an environmental review.',
      ],
      ['heading2', 'What the deal says'],
      ['blockquote', 'The expansion will double the container capacity of the port by 2030.'],
      ['list_item', 'New quay of 600 metres'],
      ['list_item', 'Dredging of the northern channel'],
      [
        'paragraph',
        'The union said it would appeal the decision. A spokesperson for the environmental group Sea Watch said the review had been “rushed and incomplete”, and that the group was considering legal action against the council in the coming weeks.',
      ],
    ])
    expectSoundBlocks(doc)
  })

  it('keeps no script, handler, style, frame, image or URL in the text, title or metadata', () => {
    for (const leak of LEAKS) expect(everything, leak).not.toContain(leak)
  })

  it('runs no script: inline, external, onload, onerror and svg scripts leave no trace', () => {
    // An inline script in the page would have replaced the lead paragraph while the page parsed.
    expect(doc.text).toContain('The city council signed the harbour expansion deal')
    expect(doc.text).not.toContain('SCRIPT-RAN')
    expect(doc.title).toBe('Harbour deal signed amid protests')
    const g = globalThis as Record<string, unknown>
    for (const name of ['pwnedByHead', 'pwnedByBody', 'pwnedByImg', 'pwnedBySvg', 'pwnedByMeta']) {
      expect(g[name], name).toBeUndefined()
    }
  })

  it('puts byline, date, site name, canonical URL and file name in the metadata', () => {
    expect(doc.metadata).toEqual({
      importedFrom: 'hostile-article.html',
      author: 'Ana Ruiz',
      publishedAt: '2024-06-19T08:30:00Z',
      siteName: 'The Coastal Times',
      url: 'https://coastal.example/news/harbour-deal',
    })
  })
})

describe('importing .html', () => {
  let server: RecordingServer | undefined
  afterEach(() => server?.close())

  it('fetches no remote resource (images, styles, scripts, frames)', async () => {
    server = await recordingServer('globalThis.pwnedByRemote = 1')
    const { base } = server
    const html = `<html><head><title>Remote</title><link rel="stylesheet" href="${base}/style.css">
      <script src="${base}/script.js"></script></head><body><article>
      <p>Text with an image <img src="${base}/img.png"> and a frame.</p>
      <iframe src="${base}/frame.html"></iframe><video src="${base}/v.mp4" poster="${base}/p.png"></video>
      <p>More text about the story so that there is an article to extract from this page.</p>
      </article></body></html>`
    const doc = importDocumentFile('remote.html', utf8(html))
    expect(doc.text).toContain('Text with an image and a frame.')
    expect(await server.requestsAfterProbe()).toEqual(['/probe'])
  })

  it('normalises CRLF and keeps emoji and combining marks in the text', () => {
    const html =
      '<html><body><article><p>Caf\u0065\u0301 😀\r\nline</p>\r\n<p>Second</p></article></body></html>'
    const doc = importDocumentFile('crlf.htm', utf8(`\uFEFF${html}`))
    expect(doc.text).toBe('Cafe\u0301 😀 line\n\nSecond')
    expect(doc.text).not.toContain('\r')
  })

  it('keeps line breaks from <br> and pre-formatted text, and flattens tables into rows', () => {
    const html = `<html><body><article><p>one<br>two</p><pre>  a  b\n  c</pre>
      <table><tr><td>x</td> <td>y</td></tr></table></article></body></html>`
    const doc = importDocumentFile('t.html', utf8(html))
    expect(blockTexts(doc)).toEqual([
      ['paragraph', 'one\ntwo'],
      ['paragraph', 'a  b\n  c'],
      ['paragraph', 'x | y'],
    ])
  })

  it('falls back to the body text when Readability finds no article', () => {
    const doc = importDocumentFile(
      'aside.html',
      utf8('<html><body><aside>Aside text only</aside></body></html>'),
    )
    expect(doc.text).toBe('Aside text only')
    expect(doc.title).toBe('aside')
  })

  it('reports a page without text as an error naming the file', () => {
    expect(() =>
      importDocumentFile('empty.html', utf8('<html><body><script>x()</script></body></html>')),
    ).toThrow(/^empty\.html: has no readable text$/)
  })

  it('takes no URL from a canonical link that is not http(s)', () => {
    const html = `<html><head><link rel="canonical" href="javascript:alert(1)"></head><body><p>Some text.</p></body></html>`
    expect(importDocumentFile('u.html', utf8(html)).metadata.url).toBeUndefined()
  })
})

describe('page titles carrying the site name', () => {
  const page = (title: string, site: string) =>
    `<html><head><title>${title}</title><meta property="og:title" content="${title}">
    <meta property="og:site_name" content="${site}"></head><body><article>
    <p>The council approved the river crossing on Tuesday after a long debate about its cost.</p>
    <p>Work is due to start in the spring and to last for three years, officials said.</p>
    </article></body></html>`

  it('strips the site name after or before a separator from the title and the heading', () => {
    const doc = importDocumentFile(
      'ledger.html',
      utf8(page('Council approves river crossing | The Ledger', 'The Ledger')),
    )
    expect(doc.title).toBe('Council approves river crossing')
    expect(doc.metadata.siteName).toBe('The Ledger')
    expect(blockTexts(doc)[0]).toEqual(['heading1', 'Council approves river crossing'])
    expectSoundBlocks(doc)
  })

  it('knows the usual separators at either end, and ignores case', () => {
    const cases: [string, string][] = [
      ['Council approves crossing – The Ledger', 'Council approves crossing'],
      ['Council approves crossing — the ledger', 'Council approves crossing'],
      ['Council approves crossing - The Ledger', 'Council approves crossing'],
      ['Council approves crossing · The Ledger', 'Council approves crossing'],
      ['The Ledger: Council approves crossing', 'Council approves crossing'],
      ['The Ledger | Council approves crossing', 'Council approves crossing'],
    ]
    for (const [title, expected] of cases) {
      expect(withoutSiteName(title, 'The Ledger'), title).toBe(expected)
    }
  })

  it('leaves titles alone without a separator, without a site name, or with nothing else', () => {
    expect(withoutSiteName('Why I left The Ledger', 'The Ledger')).toBe('Why I left The Ledger')
    expect(withoutSiteName('Council rejects Anti-Ledger', 'Ledger')).toBe(
      'Council rejects Anti-Ledger',
    )
    expect(withoutSiteName('Council | The Ledger', undefined)).toBe('Council | The Ledger')
    expect(withoutSiteName('The Ledger', 'The Ledger')).toBe('The Ledger')
    expect(withoutSiteName('Price (a+b) | A.B. Times', 'A.B. Times')).toBe('Price (a+b)')
  })
})

describe('the sanitiser on its own', () => {
  it('strips scripts, handlers, styles, frames, URLs and every attribute', () => {
    const dirty = `<p style="x" onclick="a()">ok <a href="javascript:b()">link</a><img src=x onerror=c()>
      <script>d()</script><style>.e{}</style><iframe src="//f">g</iframe><form action="//h"><input value="i"></form></p>`
    const container = sanitizeHtml('<div></div>').ownerDocument.createElement('div')
    container.append(sanitizeHtml(dirty))
    // The stray <p></p> is the HTML parser's repair of the </p> that follows a form.
    expect(container.innerHTML).toBe('<p>ok <a>link</a>\n      </p><p></p>')
  })

  it('turns metadata that contains markup into plain text', () => {
    expect(plainText('Ana <img src=x onerror=alert(1)><script>x()</script>Ruiz')).toBe('Ana Ruiz')
    expect(plainText('a < b & c')).toBe('a < b & c')
    expect(plainText('   ')).toBeUndefined()
  })
})

describe('a news page whose <title> and og:title carry the site name (ledger-article.html)', () => {
  const doc = importDocumentFile('ledger-article.html', fixture('ledger-article.html'))

  it('takes the title from the <h1>, keeps it as the heading, and learns the site name', () => {
    expect(doc.title).toBe('Council approves river crossing')
    expect(blockTexts(doc)[0]).toEqual(['heading1', 'Council approves river crossing'])
    expect(doc.text).not.toContain('| The Ledger')
    expect(doc.metadata.siteName).toBe('The Ledger')
    expectSoundBlocks(doc)
  })

  it('keeps the byline once, in the metadata, and no paragraph that only repeats it', () => {
    expect(doc.metadata.author).toBe('Ana Ruiz')
    expect(doc.text).not.toMatch(/^By Ana Ruiz$/m)
    expect(blockTexts(doc).slice(1)).toEqual([
      ['paragraph', expect.stringMatching(/^The city council approved the Wend river crossing/)],
      ['paragraph', expect.stringMatching(/^“This bridge will take four thousand lorries/)],
      ['paragraph', expect.stringMatching(/^Opposition councillors said the cost/)],
      ['paragraph', expect.stringMatching(/^Mark Odell, who chairs the Southbank/)],
      ['paragraph', expect.stringMatching(/^Work is due to start next spring/)],
    ])
  })
})

describe('choosing a title', () => {
  it('prefers the <h1> that the page title carries, and not a logo <h1>', () => {
    expect(
      chooseTitle({
        pageTitle: 'The Ledger — Council approves crossing',
        h1s: ['The Ledger', 'Council approves crossing'],
      }),
    ).toEqual({ title: 'Council approves crossing', siteName: 'The Ledger' })
  })

  it('falls back to the page title, stripped of a known site name, when no <h1> matches', () => {
    expect(
      chooseTitle({
        pageTitle: 'Crossing vote | The Ledger',
        h1s: ['Menu'],
        siteName: 'The Ledger',
      }),
    ).toEqual({
      title: 'Crossing vote',
      siteName: 'The Ledger',
    })
    expect(chooseTitle({ pageTitle: undefined, h1s: ['Only headline'] }).title).toBe(
      'Only headline',
    )
  })

  it('recognises a byline with a role or date, and nothing longer', () => {
    expect(isBylineOf('By Ana Ruiz', 'Ana Ruiz')).toBe(true)
    expect(isBylineOf('by ana ruiz, City Hall reporter · 3 June 2025', 'Ana Ruiz')).toBe(true)
    expect(
      isBylineOf(
        'Ana Ruiz is The Ledger’s local government reporter and has covered the council since 2019.',
        'Ana Ruiz',
      ),
    ).toBe(false)
    expect(isBylineOf('Ana Ruizova said so', 'Ana Ruiz')).toBe(false)
    expect(cleanByline('By  Ana Ruiz')).toBe('Ana Ruiz')
  })
})

describe('white space in titles', () => {
  it('keeps a no-break space of the <h1> in the title heading, as in the rest of the text', () => {
    const html =
      '<html><body><article><h1>Ties with the\u00a0west</h1><p>Body\u00a0text.</p></article></body></html>'
    const doc = importDocumentFile('nbsp.html', utf8(html))
    expect(doc.title).toBe('Ties with the\u00a0west')
    expect(doc.text).toBe('Ties with the\u00a0west\n\nBody\u00a0text.')
  })
})
