// Pasted articles. A browser puts a copied selection on the clipboard twice: as HTML and as plain
// text. The HTML keeps the structure (headings, paragraphs, lists, quotes), so it is preferred and
// cleaned exactly like an imported page: sanitised always, and passed through Readability only
// when Readability keeps most of it (a pasted selection is usually the article already, and
// Readability would cut a short one). Plain text is taken like a .txt file. The title is the one
// the analyst typed, else the first heading, else the first line.
import type { ConvertedDocument } from './converted'
import { normaliseNewlines } from './decode'
import { ImportError } from './errors'
import { convertHtml } from './html'
import { importTxt, MAX_TITLE_LINE } from './txt'

/** What the clipboard held, and the title the analyst chose (if any). */
export interface PasteInput {
  html?: string
  text?: string
  title?: string
}

/** The name a paste goes by in messages and in `metadata.importedFrom`. */
export const PASTE_NAME = 'clipboard'

/** Builds a document from pasted HTML or plain text. Throws ImportError when there is no text. */
export function convertPaste(input: PasteInput): ConvertedDocument {
  const html = canonical(input.html)
  const plain = canonical(input.text)
  let converted: ConvertedDocument | null = null
  if (html.trim() !== '') {
    try {
      converted = convertHtml(PASTE_NAME, html, 'auto')
    } catch (error) {
      // HTML with no readable text (only images, say) falls back to the plain text, if any.
      if (!(error instanceof ImportError) || plain.trim() === '') throw error
    }
  }
  if (!converted) {
    if (plain.trim() === '') throw new ImportError(PASTE_NAME, 'holds no text to import')
    converted = { document: importTxt(PASTE_NAME, plain), notes: [] }
  }
  const { document } = converted
  const title =
    input.title?.replace(/[ \t\n\f\r]+/g, ' ').trim() || titleOf(document.text, document.blocks)
  return {
    document: {
      ...document,
      title: title.slice(0, 1000),
      metadata: { ...document.metadata, importedFrom: PASTE_NAME },
    },
    notes: converted.notes,
  }
}

/** The first heading's text, else the first line when it is short enough, else a generic title. */
function titleOf(text: string, blocks: ConvertedDocument['document']['blocks']): string {
  const heading = blocks.find((b) => b.type === 'heading')
  if (heading) return text.slice(heading.start, heading.end).replace(/[ \t\n\f\r]+/g, ' ')
  const firstLine = text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '')
  return firstLine && firstLine.length <= MAX_TITLE_LINE ? firstLine : 'Pasted text'
}

/** Canonical text of clipboard content: no byte-order mark, LF line ends. */
function canonical(value: string | undefined): string {
  return normaliseNewlines((value ?? '').replace(/^\uFEFF/, ''))
}
