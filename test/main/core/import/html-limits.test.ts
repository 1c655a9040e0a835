// Deeply nested or very large pages must not freeze or crash an import: over the limits, a page
// is read from its tokens as plain text (linear time), and the report says so.
import { describe, expect, it } from 'vitest'
import { convertHtml } from '../../../../src/main/core/import/html'
import {
  MAX_HTML_DEPTH,
  MAX_HTML_ELEMENTS,
  scanHtml,
} from '../../../../src/main/core/import/html-scan'
import { expectSoundBlocks } from './helpers'

/** A page whose article paragraph sits inside `depth` nested <div>s. */
function nestedPage(depth: number): string {
  return (
    '<html><head><title>Deep page | The Ledger</title><script>window.pwned = 1</script></head>' +
    `<body><h1>Deep page</h1>${'<div>'.repeat(depth)}<p>The council met on Tuesday &amp; voted.</p>` +
    `<ul><li>First point</li><li>Second point</li></ul>${'</div>'.repeat(depth)}` +
    '<style>.x{}</style><p>Closing words.</p></body></html>'
  )
}

describe('deeply nested HTML', () => {
  for (const depth of [1_000, 5_000, 50_000]) {
    it(`imports ${depth.toLocaleString('en')} nested <div>s as plain text, with a note`, () => {
      const { document, notes } = convertHtml('deep.html', nestedPage(depth))
      expect(document.title).toBe('Deep page')
      expect(document.text).toBe(
        'Deep page\n\nThe council met on Tuesday & voted.\n\nFirst point\n\nSecond point\n\nClosing words.',
      )
      expect(document.blocks.map((b) => b.type)).toEqual([
        'heading',
        'paragraph',
        'list_item',
        'list_item',
        'paragraph',
      ])
      expect(document.metadata.siteName).toBe('The Ledger')
      expect(notes).toEqual([
        `the page nests elements more than ${MAX_HTML_DEPTH} levels deep, so it was read as plain text without looking for the article: menus, links and other page furniture may be in the text`,
      ])
      expectSoundBlocks(document)
    })
  }

  it('measures depth as the HTML parser nests, not by counting unclosed tags', () => {
    // Implied end tags: 5,000 unclosed <p> and <li> are siblings, not 5,000 levels.
    const flat = `<body>${'<p>para'.repeat(5000)}<ul>${'<li>item'.repeat(5000)}</ul></body>`
    expect(scanHtml(flat)).toMatchObject({ overLimits: false })
    expect(scanHtml(flat).depth).toBeLessThan(10)
    expect(scanHtml(nestedPage(MAX_HTML_DEPTH - 10)).overLimits).toBe(false)
    expect(scanHtml(nestedPage(MAX_HTML_DEPTH + 1)).overLimits).toBe(true)
    // Tags inside scripts and styles are text, not elements.
    expect(scanHtml(`<script>${'<div>'.repeat(500)}</script><p>x</p>`).depth).toBeLessThan(5)
  })

  it('still finds the article in a page nested within the limit', () => {
    const { document, notes } = convertHtml('ok.html', nestedPage(40))
    expect(notes).toEqual([])
    expect(document.text).toContain('The council met on Tuesday & voted.')
  })

  it(`reads a page of more than ${MAX_HTML_ELEMENTS.toLocaleString('en')} elements as plain text`, () => {
    const html = `<body><h1>Big</h1><p>${'<b>w</b> '.repeat(MAX_HTML_ELEMENTS)}</p></body>`
    const { document, notes } = convertHtml('big.html', html)
    expect(document.text.startsWith('Big\n\nw w w')).toBe(true)
    expect(notes[0]).toMatch(/^the page has 150,00\d elements \(more than 150,000\)/)
  })

  it('keeps scripts, styles and templates out of the plain-text reading', () => {
    const html = `<body>${'<div>'.repeat(300)}<p>Shown</p><script>var hidden = "<p>SCRIPT</p>"</script>
      <style>p::after { content: "STYLE" }</style><template><p>TEMPLATE</p></template>
      <noscript>NOSCRIPT</noscript><svg><text>SVG</text></svg><textarea>FORM</textarea>
      <p>Also &lt;b&gt;shown&lt;/b&gt;</p></body>`
    const { document } = convertHtml('x.html', html)
    expect(document.text).toBe('Shown\n\nAlso <b>shown</b>')
  })
})
