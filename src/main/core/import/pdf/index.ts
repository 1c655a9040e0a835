// PDF import with pdf.js (pdfjs-dist), Mozilla's reader. pdf.js gives each page's text as runs
// placed on the page; the modules beside this one rebuild an article from them: lines
// (lines.ts), page furniture dropped (furniture.ts), columns and footnotes (columns.ts),
// paragraphs, headings and hyphenation (paragraphs.ts). Each block keeps the page it starts on.
//
// A PDF is hostile input. pdf.js is loaded with eval off (no code generated from font programs,
// the route of CVE-2024-4367), no XFA forms, no font loading into a page, and local files only for
// its character maps and standard fonts; it never runs a PDF's JavaScript (that needs pdf.js's
// scripting sandbox, which is not loaded) and follows no link or remote reference.
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ConvertedDocument } from '../converted'
import { ImportError } from '../errors'
import { baseName, stem } from '../names'
import { TextBuilder } from '../text-builder'
import { readingOrder, type PlacedLine } from './columns'
import { withoutFurniture, type PageLines } from './furniture'
import { linesOf, type Line, type Run } from './lines'
import { joinLines, paragraphsOf, WordIndex } from './paragraphs'

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
let pdfjs: Promise<PdfJs> | null = null

/** pdf.js is loaded on the first PDF import (as jsdom is on the first HTML import). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs')
  return pdfjs
}

/**
 * Builds a document from the bytes of a PDF; reports progress per page read. Aborting `signal`
 * stops the read between two pages (pdf.js is shut down properly, never cut off mid-page).
 */
export async function convertPdf(
  fileName: string,
  data: Uint8Array,
  onProgress: (done: number, total: number) => void = () => {},
  signal?: AbortSignal,
): Promise<ConvertedDocument> {
  const pages = await readPages(fileName, data, onProgress, signal)
  const empty = pages.filter((p) => p.lines.length === 0).map((p) => p.number)
  if (empty.length === pages.length) {
    throw new ImportError(
      fileName,
      `has no text layer (${pages.length === 1 ? 'its page is' : `all ${pages.length} pages are`} ` +
        'images, as in a scanned document); run OCR on it first (for example OCRmyPDF) and import the result',
    )
  }
  const { text, blocks, title } = buildText(pages)
  const notes: string[] = []
  if (empty.length > 0) {
    notes.push(
      `${pageList(empty)} had no text (scanned images?) and ${empty.length === 1 ? 'is' : 'are'} missing`,
    )
  }
  return {
    document: {
      title: (title ?? stem(fileName)).slice(0, 1000),
      metadata: { importedFrom: baseName(fileName) },
      text,
      blocks,
    },
    notes,
  }
}

interface PageText extends PageLines {
  number: number
}

/** Reads every page's text runs and groups them into lines. */
async function readPages(
  fileName: string,
  data: Uint8Array,
  onProgress: (done: number, total: number) => void,
  signal: AbortSignal | undefined,
): Promise<PageText[]> {
  const { getDocument } = await loadPdfJs()
  const assets = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
  const task = getDocument({
    // pdf.js takes ownership of (and detaches) the buffer it is given: give it a copy.
    data: new Uint8Array(data),
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
    cMapUrl: `${pathToFileURL(path.join(assets, 'cmaps')).href}/`,
    cMapPacked: true,
    standardFontDataUrl: `${pathToFileURL(path.join(assets, 'standard_fonts')).href}/`,
  })
  try {
    const document = await task.promise.catch((error: unknown) => {
      throw new ImportError(fileName, openProblem(error))
    })
    const pages: PageText[] = []
    for (let number = 1; number <= document.numPages; number++) {
      signal?.throwIfAborted()
      const page = await document.getPage(number)
      const [x0, y0, , y1] = page.view as [number, number, number, number]
      const content = await page.getTextContent()
      const runs: Run[] = []
      for (const item of content.items) {
        if (!('str' in item)) continue
        const [, , c, d, e, f] = item.transform as number[]
        runs.push({
          str: item.str,
          x: e - x0,
          y: f - y0,
          width: item.width,
          size: Math.hypot(c, d),
        })
      }
      pages.push({ number, lines: linesOf(number, runs), height: y1 - y0 })
      page.cleanup()
      onProgress(number, document.numPages)
    }
    return pages
  } finally {
    await task.destroy()
  }
}

function openProblem(error: unknown): string {
  const name = (error as { name?: string } | null)?.name
  if (name === 'PasswordException')
    return 'is password-protected; remove the password and import it again'
  if (name === 'InvalidPDFException') return 'is not a valid PDF'
  return `cannot be read as a PDF (${error instanceof Error ? error.message : String(error)})`
}

/** Lays out every page and builds the canonical text: the body, then the footnotes. */
function buildText(pages: PageText[]): ReturnType<typeof textOf> {
  const kept = withoutFurniture(pages)
  const bodySize = mainSize(kept.flat())
  const ordered = kept.map((lines) => readingOrder(lines, bodySize))
  const body = ordered.flatMap((o) => o.body)
  const footnotes = ordered.flatMap((o) => o.footnotes)
  const words = new WordIndex()
  for (const line of [...body, ...footnotes]) words.add(line.text)
  return textOf(body, footnotes, bodySize, words)
}

function textOf(body: PlacedLine[], footnotes: PlacedLine[], bodySize: number, words: WordIndex) {
  const out = new TextBuilder()
  let title: string | undefined
  for (const p of paragraphsOf(body, bodySize, linePitch(body, bodySize))) {
    const text = joinLines(
      p.lines.map((l) => l.text),
      words,
    )
    out.add(p.level ? 'heading' : 'paragraph', text, p.level, p.page)
    if (p.level === 1) title ??= text
  }
  for (const note of footnoteParagraphs(footnotes)) {
    out.add('paragraph', joinLines(note.lines, words), undefined, note.page)
  }
  return { text: out.text(), blocks: out.blocks, title }
}

/** Footnote lines grouped into notes: a line starting with a note number starts a new one. */
function footnoteParagraphs(lines: PlacedLine[]): { lines: string[]; page: number }[] {
  const notes: { lines: string[]; page: number }[] = []
  for (const line of lines) {
    const last = notes[notes.length - 1]
    // The note's number: raised ("[1] "), or set on the line ("1 ", "1. ", "1Council").
    const number = /^(?:\[(\d{1,3})\]\s?|(\d{1,3})(?:[.)]?\s|(?=[\p{Lu}“"'(])))/u.exec(line.text)
    if (number) {
      const text = `[${number[1] ?? number[2]}] ${line.text.slice(number[0].length)}`
      notes.push({ lines: [text], page: line.page })
    } else if (!last || last.page !== line.page) {
      notes.push({ lines: [line.text], page: line.page })
    } else last.lines.push(line.text)
  }
  return notes
}

/** The usual baseline-to-baseline distance of body lines, per point of font size. */
function linePitch(lines: PlacedLine[], bodySize: number): number {
  const ratios: number[] = []
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1], lines[i]]
    if (a.page !== b.page || a.columnLeft !== b.columnLeft) continue
    if (Math.abs(a.size - bodySize) > 0.5 || Math.abs(b.size - bodySize) > 0.5) continue
    const ratio = (a.y - b.y) / bodySize
    if (ratio > 0.9 && ratio < 3) ratios.push(ratio)
  }
  ratios.sort((x, y) => x - y)
  return ratios.length > 0 ? ratios[Math.floor(ratios.length / 2)] : 1.2
}

/** The font size carrying most characters: the body text's. */
function mainSize(lines: Line[]): number {
  const weight = new Map<number, number>()
  for (const l of lines) {
    const size = Math.round(l.size * 2) / 2
    weight.set(size, (weight.get(size) ?? 0) + l.text.length)
  }
  return [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10
}

function pageList(pages: number[]): string {
  const shown = pages.slice(0, 10).join(', ')
  const more = pages.length > 10 ? ` and ${pages.length - 10} more` : ''
  return `${pages.length === 1 ? 'page' : 'pages'} ${shown}${more}`
}
