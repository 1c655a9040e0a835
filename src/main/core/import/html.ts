// HTML import. A saved web page is hostile input: it may carry scripts, event handlers, styles,
// frames and remote resources. So: jsdom parses it with its defaults, which neither run scripts
// (no `runScripts`) nor load any resource (no `resources`); Readability extracts the article; then
// DOMPurify, with an allow-list of structural tags and no attributes at all, sanitises the article
// before it is walked into plain-text blocks. Only plain text leaves this module — the sanitised
// HTML is never used as markup.
import { Readability } from '@mozilla/readability'
import createDOMPurify, { type DOMPurify } from 'dompurify'
import { createRequire } from 'node:module'
import type { DocumentMetadata } from '../../../shared/model'
import type { NewDocument } from '../storage'
import { ImportError } from './errors'
import { baseName, stem } from './names'
import { HtmlBlockWalker } from './html-blocks'
import {
  extractPlainBlocks,
  MAX_HTML_DEPTH,
  MAX_HTML_ELEMENTS,
  scanHtml,
  type HtmlScan,
} from './html-scan'
import { chooseTitle, cleanByline, isBylineOf } from './html-title'
import type { ConvertedDocument } from './converted'

export { withoutSiteName } from './html-title'

/** Tags kept by the sanitiser: structure and inline text only; no attribute survives. */
const ALLOWED_TAGS = [
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd'],
  ...['div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'figure', 'figcaption'],
  ...['pre', 'code', 'br', 'hr', 'address', 'details', 'summary'],
  ...['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th'],
  ...['span', 'a', 'em', 'strong', 'b', 'i', 'u', 's', 'sub', 'sup', 'small', 'mark', 'q', 'cite'],
  ...['abbr', 'time', 'del', 'ins', 'kbd', 'samp', 'var', 'bdi', 'bdo', 'wbr', 'font'],
]

type Jsdom = typeof import('jsdom')
let jsdom: Jsdom | null = null

/**
 * jsdom takes one to two seconds to load, so it is required on the first HTML import rather than
 * when main (or the CLI) starts; the rest of this module is cheap. jsdom is CommonJS, so a
 * synchronous require keeps `importDocumentFile` synchronous.
 */
function loadJsdom(): Jsdom {
  jsdom ??= createRequire(import.meta.url)('jsdom') as Jsdom
  return jsdom
}

let purifier: DOMPurify | null = null

/** One DOMPurify bound to an empty jsdom window (which, like every window here, runs no script). */
function getPurifier(): DOMPurify {
  if (!purifier) {
    const { JSDOM, VirtualConsole } = loadJsdom()
    const { window } = new JSDOM('', { virtualConsole: new VirtualConsole() })
    purifier = createDOMPurify(window)
  }
  return purifier
}

/** Sanitises HTML to a fragment of allowed structural tags with no attributes. */
export function sanitizeHtml(html: string): DocumentFragment {
  return getPurifier().sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: [],
    RETURN_DOM_FRAGMENT: true,
  })
}

/**
 * Plain text of a string that may contain markup (metadata from a hostile page). Only HTML's own
 * white space collapses: a no-break space stays, as it does in the article's text.
 */
export function plainText(value: string | null | undefined): string | undefined {
  if (!value) return undefined
  const text = sanitizeHtml(value)
    .textContent?.replace(/[ \t\n\f\r]+/g, ' ')
    .trim()
  return text ? text.slice(0, 1000) : undefined
}

/** How the article is found: Readability, the whole body, or Readability when it keeps enough. */
export type ArticleMode = 'readability' | 'whole' | 'auto'

/** Builds a document from the canonical HTML source (already decoded and normalised). */
export function importHtml(fileName: string, source: string): NewDocument {
  return convertHtml(fileName, source).document
}

/**
 * Builds a document from HTML, with notes for the import report. A page over the nesting or size
 * limits (see html-scan.ts) is read as plain text without a DOM, and a note says so.
 */
export function convertHtml(
  fileName: string,
  source: string,
  mode: ArticleMode = 'readability',
): ConvertedDocument {
  const scan = scanHtml(source)
  if (scan.overLimits) return convertOverLimits(fileName, source, scan)
  const page = parseHtml(source)
  try {
    const url = canonicalUrl(page.document)
    const h1s = [...page.document.querySelectorAll('h1')].flatMap(
      (h) => plainText(h.textContent) ?? [],
    )
    const pageTitle = plainText(page.document.title)
    // Readability rewrites the document it reads; the fallbacks below parse the source anew.
    const article = mode === 'whole' ? null : readArticle(page.document)
    const chosen = chooseTitle({
      pageTitle: plainText(article?.title) ?? pageTitle,
      h1s,
      siteName: plainText(article?.siteName),
    })
    const author = cleanByline(plainText(article?.byline))
    const walker = new HtmlBlockWalker(author ? (text) => isBylineOf(text, author) : undefined)
    if (chosen.title) walker.addTitle(chosen.title)
    let found = 0
    if (article?.content && (mode === 'readability' || keepsEnough(article, source))) {
      found = walker.walk(sanitizeHtml(article.content))
    }
    if (found === 0) found = walker.walk(sanitizeHtml(bodyHtmlOf(source)))
    if (found === 0) throw new ImportError(fileName, 'has no readable text')
    const { text, blocks } = walker.result()

    const metadata: DocumentMetadata = { importedFrom: baseName(fileName) }
    const publishedAt = plainText(article?.publishedTime)
    if (author) metadata.author = author
    if (publishedAt) metadata.publishedAt = publishedAt
    if (chosen.siteName) metadata.siteName = chosen.siteName
    if (url) metadata.url = url
    const title = chosen.title ?? stem(fileName)
    return { document: { title, metadata, text, blocks }, notes: [] }
  } finally {
    page.close()
  }
}

/** Whether Readability's article keeps at least 40% of the page's text (for pasted selections). */
function keepsEnough(article: { textContent?: string | null }, source: string): boolean {
  const kept = article.textContent?.replace(/\s+/g, '').length ?? 0
  const all = extractPlainBlocks(source).text.replace(/\s+/g, '').length
  return kept >= all * 0.4
}

/** A page too deep or too large for a DOM: its text, read from the tokens, with a note saying so. */
function convertOverLimits(fileName: string, source: string, scan: HtmlScan): ConvertedDocument {
  const page = extractPlainBlocks(source)
  if (page.text.trim() === '') throw new ImportError(fileName, 'has no readable text')
  const chosen = chooseTitle({
    pageTitle: clip(page.ogTitle ?? page.pageTitle),
    h1s: page.h1s.map((h) => h.slice(0, 1000)),
    siteName: clip(page.siteName),
  })
  const metadata: DocumentMetadata = { importedFrom: baseName(fileName) }
  if (chosen.siteName) metadata.siteName = chosen.siteName
  const why =
    scan.depth > MAX_HTML_DEPTH
      ? `nests elements more than ${MAX_HTML_DEPTH} levels deep`
      : `has ${count(scan.elements)} elements (more than ${count(MAX_HTML_ELEMENTS)})`
  const note =
    `the page ${why}, so it was read as plain text without looking for the article: ` +
    'menus, links and other page furniture may be in the text'
  const title = chosen.title ?? stem(fileName)
  return { document: { title, metadata, text: page.text, blocks: page.blocks }, notes: [note] }
}

function count(n: number): string {
  return n.toLocaleString('en')
}

function clip(value: string | undefined): string | undefined {
  return value ? value.slice(0, 1000) : undefined
}

/**
 * Parses a page with jsdom's defaults, on purpose: no `runScripts` (scripts never run) and no
 * `resources` (nothing is fetched). The virtual console swallows CSS parse warnings.
 */
export function parseHtml(source: string): { document: Document; close: () => void } {
  const { JSDOM, VirtualConsole } = loadJsdom()
  const { window } = new JSDOM(source, { virtualConsole: new VirtualConsole() })
  return { document: window.document, close: () => window.close() }
}

/** Fallback when Readability finds no article: the whole body, to be sanitised like an article. */
function bodyHtmlOf(source: string): string {
  const page = parseHtml(source)
  try {
    return page.document.body?.innerHTML ?? ''
  } finally {
    page.close()
  }
}

function readArticle(document: Document): ReturnType<Readability['parse']> {
  try {
    return new Readability(document).parse()
  } catch {
    return null // a page Readability cannot handle still imports through the body fallback
  }
}

/** The page's own URL from `<link rel=canonical>` or `og:url`, if it is an absolute http(s) URL. */
function canonicalUrl(page: Document): string | undefined {
  const candidates = [
    page.querySelector('link[rel~="canonical" i]')?.getAttribute('href'),
    page.querySelector('meta[property="og:url" i]')?.getAttribute('content'),
  ]
  for (const candidate of candidates) {
    if (!candidate) continue
    try {
      const url = new URL(candidate.trim())
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href
    } catch {
      // not an absolute URL; try the next candidate
    }
  }
  return undefined
}
