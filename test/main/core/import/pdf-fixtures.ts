// PDFs built in the tests with pdf-lib, each with an exact layout: running headers and page
// numbers, several columns, image-only (scanned) pages, a document-level script and links.
import { PDFDocument, PDFName, PDFString, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib'

export interface TextLine {
  text: string
  x: number
  y: number
  size?: number
}

/** A page of `lines` (PDF points, y up) on an A4 page; `image` adds a picture and no text. */
export interface PageSpec {
  lines?: TextLine[]
  image?: boolean
}

/** Builds a PDF of the given pages in Times Roman (Helvetica Bold for lines of 14 pt and more). */
export async function buildPdf(
  pages: PageSpec[],
  extras: (doc: PDFDocument, pages: PDFPage[]) => void = () => {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const body = await doc.embedFont(StandardFonts.TimesRoman)
  const bold = await doc.embedFont(StandardFonts.HelveticaBold)
  const made: PDFPage[] = []
  for (const spec of pages) {
    const page = doc.addPage([595, 842])
    for (const line of spec.lines ?? []) {
      const size = line.size ?? 10
      const font: PDFFont = size >= 14 ? bold : body
      page.drawText(line.text, { x: line.x, y: line.y, size, font })
    }
    if (spec.image) {
      // A grey "scan": a raw 2×2 image drawn over the page, as a scanner's output would be.
      const png = await doc.embedPng(TINY_PNG)
      page.drawImage(png, { x: 0, y: 0, width: 595, height: 842 })
    }
    made.push(page)
  }
  extras(doc, made)
  return doc.save()
}

/** Lines of a paragraph laid out from (x, y) downwards, `pitch` points apart. */
export function paragraph(lines: string[], x: number, y: number, pitch = 12): TextLine[] {
  return lines.map((text, i) => ({ text, x, y: y - i * pitch }))
}

/** Adds an OpenAction JavaScript and a link annotation to `url` on the first page. */
export function addScriptAndLink(doc: PDFDocument, page: PDFPage, url: string): void {
  const script = doc.context.obj({
    Type: 'Action',
    S: 'JavaScript',
    JS: PDFString.of(`globalThis.pwnedByPdf = 1; app.launchURL("${url}/js", true);`),
  })
  doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(script))
  const link = doc.context.obj({
    Type: 'Annot',
    Subtype: 'Link',
    Rect: [50, 50, 200, 70],
    A: { Type: 'Action', S: 'URI', URI: PDFString.of(`${url}/link`) },
  })
  page.node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(link)]))
  const launch = doc.context.obj({
    Type: 'Action',
    S: 'GoToR',
    F: PDFString.of(`${url}/remote.pdf`),
  })
  page.node.set(PDFName.of('AA'), doc.context.obj({ O: doc.context.register(launch) }))
}

const TINY_PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAAAAABX3VL4AAAADklEQVR4nGNgYGBgYAAAAAUAAXpeqz8AAAAASUVORK5CYII=',
    'base64',
  ),
)
