// Word (.docx) import with mammoth, which reads a document's structure (headings, paragraphs,
// lists, footnotes) into simple HTML; from there the text goes the way of an HTML import:
// sanitised, then walked into blocks. Word's own rules are followed: tracked changes are taken as
// accepted (insertions kept, deletions dropped), comments are left out (the report says how
// many), footnotes and endnotes follow the body as "[1] …" paragraphs, matching the "[1]" markers
// in the text. Nothing is fetched: images are dropped unread, linked files and templates are never
// opened (mammoth's externalFileAccess is off), and the report says what was not followed.
import mammoth from 'mammoth'
import { unzipSync, type UnzipFileInfo } from 'fflate'
import type { ConvertedDocument } from './converted'
import { ImportError } from './errors'
import { HtmlBlockWalker } from './html-blocks'
import { extractPlainBlocks, scanHtml } from './html-scan'
import { parseHtml, plainText, sanitizeHtml } from './html'
import { baseName, stem } from './names'

/** Largest total size of a .docx's unpacked parts (a bigger one is a decompression bomb). */
export const MAX_DOCX_UNPACKED_BYTES = 500 * 1024 * 1024

/** Word styles, beyond mammoth's defaults, that carry structure an analyst expects to keep. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
  // LibreOffice's name for its quotation paragraph style.
  "p[style-name='Quotations'] => blockquote > p:fresh",
]

/** Builds a document from the bytes of a .docx file. */
export async function convertDocx(fileName: string, data: Uint8Array): Promise<ConvertedDocument> {
  const parts = readParts(fileName, data)
  let html: string
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(data.buffer, data.byteOffset, data.byteLength) },
      {
        styleMap: STYLE_MAP,
        includeEmbeddedStyleMap: false,
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    )
    html = result.value
  } catch (error) {
    throw new ImportError(fileName, `cannot be read as a Word document (${errorText(error)})`)
  }
  const { text, blocks, firstHeading } = htmlToBlocks(html)
  if (text.trim() === '') throw new ImportError(fileName, 'has no text')
  const title = (parts.title ?? firstHeading ?? stem(fileName)).slice(0, 1000)
  return {
    document: { title, metadata: { importedFrom: baseName(fileName) }, text, blocks },
    notes: notesOf(parts),
  }
}

/** What the package holds besides the text: its title, and what the import leaves out. */
interface DocxParts {
  title?: string
  comments: number
  insertions: number
  deletions: number
  external: number
}

/**
 * Reads the few XML parts the report needs (core properties, comments, the body's tracked changes,
 * relationships), refusing a package whose parts would unpack past the limit.
 */
function readParts(fileName: string, data: Uint8Array): DocxParts {
  let unpacked = 0
  const wanted = (file: UnzipFileInfo) => {
    unpacked += file.originalSize
    if (unpacked > MAX_DOCX_UNPACKED_BYTES) {
      throw new ImportError(fileName, 'unpacks to more than 500 MB; it is not an ordinary document')
    }
    return (
      file.name === 'docProps/core.xml' ||
      file.name === 'word/comments.xml' ||
      file.name === 'word/document.xml' ||
      /^word\/_rels\/[^/]+\.rels$/.test(file.name)
    )
  }
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(data, { filter: wanted })
  } catch (error) {
    if (error instanceof ImportError) throw error
    throw new ImportError(fileName, 'is not a Word document (.docx is a zip package)')
  }
  if (!files['word/document.xml']) {
    throw new ImportError(fileName, 'is not a Word document (it has no word/document.xml)')
  }
  const xml = (name: string) => (files[name] ? new TextDecoder().decode(files[name]) : '')
  const body = xml('word/document.xml')
  const rels = Object.keys(files)
    .filter((name) => name.endsWith('.rels'))
    .map(xml)
    .join('\n')
  const title = /<dc:title>([^<]*)<\/dc:title>/.exec(xml('docProps/core.xml'))?.[1]
  return {
    title: title ? plainText(title) : undefined,
    comments: count(xml('word/comments.xml'), /<w:comment\b/g),
    insertions: count(body, /<w:ins\b/g) + count(body, /<w:moveTo\b/g),
    deletions: count(body, /<w:del\b/g) + count(body, /<w:moveFrom\b/g),
    // Links to web pages are ordinary; anything else external (linked images, templates, OLE
    // objects, frames) would be a fetch, and is not made.
    external: count(rels, /<Relationship\b(?=[^>]*TargetMode="External")(?![^>]*\/hyperlink")/g),
  }
}

function notesOf(parts: DocxParts): string[] {
  const notes: string[] = []
  if (parts.comments > 0) {
    notes.push(`${plural(parts.comments, 'comment')} left out (comments are not article text)`)
  }
  if (parts.insertions + parts.deletions > 0) {
    notes.push(
      `tracked changes accepted: ${plural(parts.insertions, 'insertion')} kept, ` +
        `${plural(parts.deletions, 'deletion')} removed`,
    )
  }
  if (parts.external > 0) {
    notes.push(
      `${plural(parts.external, 'external reference')} (linked files, templates or images) ` +
        'not opened or fetched',
    )
  }
  return notes
}

/**
 * Turns mammoth's HTML into blocks. Notes are rewritten first: mammoth lists them at the end as
 * list items with a "↑" back-link; each becomes a paragraph "[n] text", n matching the marker.
 */
function htmlToBlocks(html: string): {
  text: string
  blocks: ReturnType<HtmlBlockWalker['result']>['blocks']
  firstHeading?: string
} {
  if (scanHtml(html).overLimits) {
    const page = extractPlainBlocks(html)
    return { text: page.text, blocks: page.blocks, firstHeading: page.h1s[0] }
  }
  const page = parseHtml(html)
  try {
    const { document } = page
    for (const back of document.querySelectorAll(
      'a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]',
    )) {
      back.remove()
    }
    const notes = [...document.querySelectorAll('li[id^="footnote-"], li[id^="endnote-"]')]
    notes.forEach((note, i) => {
      const paragraph = document.createElement('p')
      paragraph.textContent = `[${i + 1}] ${note.textContent?.replace(/[ \t\n\f\r]+/g, ' ').trim() ?? ''}`
      note.parentElement?.before(paragraph)
      note.remove()
    })
    const walker = new HtmlBlockWalker()
    walker.walk(sanitizeHtml(document.body?.innerHTML ?? ''))
    const { text, blocks } = walker.result()
    const heading = blocks.find((b) => b.type === 'heading')
    return { text, blocks, firstHeading: heading && text.slice(heading.start, heading.end) }
  } finally {
    page.close()
  }
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
