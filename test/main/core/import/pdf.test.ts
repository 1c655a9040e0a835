import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { convertFile } from '../../../../src/main/core/import'
import { ProjectStore } from '../../../../src/main/core/storage'
import {
  blockTexts,
  expectSoundBlocks,
  fixture,
  recordingServer,
  type RecordingServer,
} from './helpers'
import { addScriptAndLink, buildPdf, paragraph, type TextLine } from './pdf-fixtures'

/**
 * The text the fixture PDF was printed from, read from its LibreOffice source: the title, the
 * byline, then each heading and paragraph (footnote marks written "[n]"), then the footnotes.
 */
function sourceBlocks(): [string, string][] {
  const source = new TextDecoder().decode(fixture('two-column-report.fodt'))
  const body = source.slice(source.indexOf('<office:text>'))
  const unescape = (s: string) =>
    s
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&amp;/g, '&')
  const blocks: [string, string][] = []
  const notes: string[] = []
  const pattern =
    /<text:(h|p) text:style-name="([^"]+)"[^>]*>(.*?)<\/text:\1>(?![^<]*<\/text:note-body>)/g
  for (const [, , style, inner] of body.matchAll(pattern)) {
    if (style === 'Footnote') continue
    const text = inner.replace(
      /<text:note\b.*?<text:note-citation>(\d+)<\/text:note-citation>.*?<text:p[^>]*>(.*?)<\/text:p>.*?<\/text:note>/g,
      (_, n: string, note: string) => {
        notes.push(`[${n}] ${unescape(note)}`)
        return `[${n}]`
      },
    )
    const type =
      style === 'Title' ? 'heading1' : style.startsWith('Heading') ? 'heading2' : 'paragraph'
    blocks.push([type, unescape(text)])
  }
  return [...blocks, ...notes.map((n): [string, string] => ['paragraph', n])]
}

describe('a two-column report printed by LibreOffice (two-column-report.pdf)', async () => {
  const pages: [number, number][] = []
  const { document, notes } = await convertFile(
    'two-column-report.pdf',
    fixture('two-column-report.pdf'),
    (done, total) => pages.push([done, total]),
  )

  it('reads the text in reading order: title, byline, then each column; footnotes last', () => {
    expect(blockTexts(document)).toEqual(sourceBlocks())
    expect(document.title).toBe('The Wend crossing: costs, risks and the road ahead')
    expect(notes).toEqual([])
    expectSoundBlocks(document)
  })

  it('re-joins words hyphenated at line ends, and keeps real hyphens', () => {
    for (const word of ['crossing', 'arguments', 'complexity', 'previous', 'disturbance']) {
      expect(document.text).toContain(` ${word}`)
    }
    expect(document.text).not.toMatch(/\p{L}- \p{Ll}/u)
    expect(document.text).toContain('twenty-four million to forty-eight million')
    expect(document.text).toContain('long-term effects')
  })

  it('drops the running header and the page numbers', () => {
    expect(document.text).not.toContain('Wend Valley Transport Review')
    expect(document.text).not.toMatch(/Page \d/)
  })

  it('keeps on each block the page it starts on, and reports progress per page', () => {
    const pageOf = (start: string) =>
      document.blocks.find((b) => document.text.slice(b.start).startsWith(start))?.page
    expect(pageOf('The Wend crossing')).toBe(1)
    expect(pageOf('Residents')).toBe(2)
    expect(pageOf('Whatever the outcome')).toBe(2)
    expect(pageOf('[4] Audit office')).toBe(3)
    expect(document.blocks.every((b) => b.page !== undefined)).toBe(true)
    expect(pages).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ])
  })

  it('stores the page numbers with the document', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'marginalia-pdf-'))
    try {
      const store = await ProjectStore.create(path.join(root, 'p'), { name: 'PDF' })
      const added = await store.addDocument(document)
      if (added.status !== 'added') throw new Error('not added')
      const loaded = await store.loadDocument(added.entry.id)
      expect(loaded.document.blocks).toEqual(document.blocks)
      await store.close()
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  })
})

/** A page with a running header, a centred page number and body text in `columns` columns. */
function reportPage(page: number, columns: string[][][]): TextLine[] {
  const width = 495 / columns.length
  const lines: TextLine[] = [
    { text: 'Quarterly Security Review', x: 50, y: 800, size: 8 },
    { text: `– ${page} –`, x: 290, y: 30, size: 8 },
  ]
  columns.forEach((paragraphs, c) => {
    let y = 760
    for (const p of paragraphs) {
      lines.push(...paragraph(p, 50 + c * width, y))
      y -= p.length * 12 + 8
    }
  })
  return lines
}

describe('PDF layouts built in the test', () => {
  it('reads three columns left to right and joins a paragraph across columns and pages', async () => {
    const col = (n: number) => [
      [`Column ${n} starts a sentence that`, 'runs over three lines of this', 'narrow column.'],
    ]
    const data = await buildPdf([
      {
        lines: [
          { text: 'Three columns', x: 50, y: 780, size: 18 },
          ...reportPage(1, [
            col(1),
            col(2),
            [['The last column ends with a', 'sentence whose end is not', 'on this page but on']],
          ]),
        ],
      },
      {
        lines: reportPage(2, [
          [['the next one, in lower case.', 'Then a full stop ends it.', 'And a last line.']],
          col(5),
          col(6),
        ]),
      },
    ])
    const { document } = await convertFile('three.pdf', data)
    const sentence = (n: number) =>
      `Column ${n} starts a sentence that runs over three lines of this narrow column.`
    expect(blockTexts(document)).toEqual([
      ['heading1', 'Three columns'],
      ['paragraph', sentence(1)],
      ['paragraph', sentence(2)],
      [
        'paragraph',
        'The last column ends with a sentence whose end is not on this page but on the next one, in lower case. Then a full stop ends it. And a last line.',
      ],
      ['paragraph', sentence(5)],
      ['paragraph', sentence(6)],
    ])
    expect(document.blocks.map((b) => b.page)).toEqual([1, 1, 1, 1, 2, 2])
  })

  it('refuses a scanned PDF without a text layer, saying what to do', async () => {
    const data = await buildPdf([{ image: true }, { image: true }])
    await expect(convertFile('scan.pdf', data)).rejects.toThrow(
      /^scan\.pdf: has no text layer \(all 2 pages are images, as in a scanned document\); run OCR on it first/,
    )
  })

  it('imports the pages that have text and notes the scanned ones', async () => {
    const data = await buildPdf([
      { lines: paragraph(['Only this page has text on it.'], 50, 700) },
      { image: true },
    ])
    const { document, notes } = await convertFile('mixed.pdf', data)
    expect(document.text).toBe('Only this page has text on it.')
    expect(notes).toEqual(['page 2 had no text (scanned images?) and is missing'])
  })

  it('reports a file that is not a PDF', async () => {
    await expect(
      convertFile('fake.pdf', new TextEncoder().encode('<html>not a pdf')),
    ).rejects.toThrow(/^fake\.pdf: is not a valid PDF$/)
  })

  describe('hostile PDFs', () => {
    let server: RecordingServer | undefined
    afterEach(() => server?.close())

    it('run no script and fetch nothing (OpenAction JavaScript, links, remote go-to)', async () => {
      server = await recordingServer()
      const { base } = server
      const data = await buildPdf(
        [{ lines: paragraph(['A report with a script in it.'], 50, 700) }],
        (doc, [page]) => addScriptAndLink(doc, page, base),
      )
      const { document } = await convertFile('script.pdf', data)
      expect(document.text).toBe('A report with a script in it.')
      expect((globalThis as Record<string, unknown>)['pwnedByPdf']).toBeUndefined()
      expect(await server.requestsAfterProbe()).toEqual(['/probe'])
    })
  })
})
