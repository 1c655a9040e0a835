// HTML import. A saved web page is hostile input: it may carry scripts, event handlers, styles,
// frames and remote resources. So: jsdom parses it with its defaults, which neither run scripts
// (no `runScripts`) nor load any resource (no `resources`); Readability extracts the article; then
// DOMPurify, with an allow-list of structural tags and no attributes at all, sanitises the article
// before it is walked into plain-text blocks. Only plain text leaves this module — the sanitised
// HTML is never used as markup.
import { Readability } from '@mozilla/readability'
import createDOMPurify, { type DOMPurify, type WindowLike } from 'dompurify'
import { createRequire } from 'node:module'
import type { DocumentMetadata } from '../../../shared/model'
import type { NewDocument } from '../storage'
import { ImportError } from './errors'
import { baseName, stem } from './names'
import { HtmlBlockWalker } from './html-blocks'

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
    purifier = createDOMPurify(window as unknown as WindowLike)
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

/** Plain text of a string that may contain markup (metadata from a hostile page). */
export function plainText(value: string | null | undefined): string | undefined {
  if (!value) return undefined
  const text = sanitizeHtml(value).textContent?.replace(/\s+/g, ' ').trim()
  return text ? text.slice(0, 1000) : undefined
}

/** Builds a document from the canonical HTML source (already decoded and normalised). */
export function importHtml(fileName: string, source: string): NewDocument {
  const page = parsePage(source)
  try {
    const url = canonicalUrl(page.document)
    const pageTitle = plainText(page.document.title)
    // Readability rewrites the document it reads; the rare fallback below parses the source anew.
    const article = readArticle(page.document)
    const siteName = plainText(article?.siteName)
    const title = withoutSiteName(plainText(article?.title) ?? pageTitle, siteName)
    const walker = new HtmlBlockWalker()
    if (title) walker.addTitle(title)
    let found = article?.content ? walker.walk(sanitizeHtml(article.content)) : 0
    if (found === 0) found = walker.walk(sanitizeHtml(bodyHtmlOf(source)))
    if (found === 0) throw new ImportError(fileName, 'has no readable text')
    const { text, blocks } = walker.result()

    const metadata: DocumentMetadata = { importedFrom: baseName(fileName) }
    const author = plainText(article?.byline)
    const publishedAt = plainText(article?.publishedTime)
    if (author) metadata.author = author
    if (publishedAt) metadata.publishedAt = publishedAt
    if (siteName) metadata.siteName = siteName
    if (url) metadata.url = url
    return { title: title ?? stem(fileName), metadata, text, blocks }
  } finally {
    page.close()
  }
}

/**
 * What joins a page title to its site's name: "Headline | Site", "Headline – Site", "Site: Headline".
 * Dashes need spaces round them, so a hyphenated word ("Anti-Ledger") is never split.
 */
const SITE_SEPARATOR = '(?:\\s*[|·]\\s*|\\s+[-–—]\\s+|\\s*:\\s+)'

/**
 * The title without the site's name when the site name stands at its start or end behind a
 * separator ("Council approves river crossing | The Ledger" → "Council approves river crossing").
 * The title is returned as is when nothing would be left or the site name is unknown.
 */
export function withoutSiteName(
  title: string | undefined,
  siteName: string | undefined,
): string | undefined {
  if (!title || !siteName) return title
  const site = escapeRegExp(siteName)
  for (const pattern of [`${SITE_SEPARATOR}${site}$`, `^${site}${SITE_SEPARATOR}`]) {
    const stripped = title.replace(new RegExp(pattern, 'i'), '').trim()
    if (stripped !== title && stripped !== '') return stripped
  }
  return title
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Parses a page with jsdom's defaults, on purpose: no `runScripts` (scripts never run) and no
 * `resources` (nothing is fetched). The virtual console swallows CSS parse warnings.
 */
function parsePage(source: string): { document: Document; close: () => void } {
  const { JSDOM, VirtualConsole } = loadJsdom()
  const { window } = new JSDOM(source, { virtualConsole: new VirtualConsole() })
  return { document: window.document, close: () => window.close() }
}

/** Fallback when Readability finds no article: the whole body, to be sanitised like an article. */
function bodyHtmlOf(source: string): string {
  const page = parsePage(source)
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
