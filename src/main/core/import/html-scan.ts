// A linear pass over HTML with parse5's tokenizer, before any DOM is built. Why: building a DOM is
// quadratic in nesting depth (jsdom takes 13 s for 5,000 nested <div>s and overflows the stack at
// 20,000) and Readability is worse (50 s for 1,000 levels), so a hostile or broken page could
// freeze an import. The scan measures the page's deepest nesting and its element count; a page
// over either limit is not given to jsdom at all but read by `extractPlainBlocks` below, which
// turns the same token stream into blocks (headings, paragraphs, list items, quotes) in one pass.
import { Tokenizer, TokenizerMode, type TokenHandler, type Token } from 'parse5'
import type { Block, BlockType } from '../../../shared/model'
import { TextBuilder } from './text-builder'

/**
 * Deepest element nesting given to the DOM and Readability. Lighthouse flags pages deeper than 32;
 * real articles stay far below 100, where Readability still takes about a second on a small page.
 */
export const MAX_HTML_DEPTH = 100

/** Most elements given to the DOM and Readability (a 5 MB page of dense markup has ~130,000). */
export const MAX_HTML_ELEMENTS = 150_000

const VOID = new Set(
  'area base br col embed hr img input link meta source track wbr param keygen basefont bgsound frame'.split(
    ' ',
  ),
)
/** Start tags that close an open <p> (the HTML parser's rule, simplified). */
const CLOSES_P = new Set(
  'address article aside blockquote details dialog div dl fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol p pre section table ul dd dt'.split(
    ' ',
  ),
)
/** Start tags that close an open element of the same kind (or of its siblings' kind). */
const CLOSES_SIBLING: Record<string, string[]> = {
  li: ['li'],
  dd: ['dd', 'dt'],
  dt: ['dd', 'dt'],
  option: ['option'],
  tr: ['tr', 'td', 'th'],
  td: ['td', 'th'],
  th: ['td', 'th'],
}
/** Elements whose text the tokenizer must read as raw text, and what it reads them as. */
const RAW_TEXT: Record<string, Tokenizer['state']> = {
  script: TokenizerMode.SCRIPT_DATA,
  style: TokenizerMode.RAWTEXT,
  xmp: TokenizerMode.RAWTEXT,
  iframe: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT,
  noframes: TokenizerMode.RAWTEXT,
  title: TokenizerMode.RCDATA,
  textarea: TokenizerMode.RCDATA,
  plaintext: TokenizerMode.PLAINTEXT,
}
/** Elements whose content is never article text (the sanitiser drops their content too). */
const NO_TEXT = new Set(
  'script style template noscript iframe object embed svg math textarea select button title xmp noembed noframes plaintext'.split(
    ' ',
  ),
)
const BLOCK_BREAK = new Set([
  ...CLOSES_P,
  ...'br tr td th caption summary body html'.split(' '),
  ...Object.keys(CLOSES_SIBLING),
])

/** What a scan found: the deepest nesting reached (stopping at the limit) and the element count. */
export interface HtmlScan {
  depth: number
  elements: number
  overLimits: boolean
}

interface TagEvents {
  start(name: string, selfClosing: boolean, token: Token.TagToken): void
  end(name: string): void
  text(chars: string): void
}

/** Runs parse5's tokenizer over `source`, switching to raw-text modes as the parser would. */
function tokenize(source: string, events: TagEvents): void {
  const handler: TokenHandler = {
    onComment: () => {},
    onDoctype: () => {},
    onStartTag: (token) => {
      const mode = RAW_TEXT[token.tagName]
      if (mode !== undefined && !token.selfClosing) tokenizer.state = mode
      events.start(token.tagName, token.selfClosing, token)
    },
    onEndTag: (token) => events.end(token.tagName),
    onEof: () => {},
    onCharacter: (token) => events.text(token.chars),
    onNullCharacter: () => {},
    onWhitespaceCharacter: (token) => events.text(token.chars),
  }
  const tokenizer = new Tokenizer({ sourceCodeLocationInfo: false }, handler)
  tokenizer.write(source, true)
}

/**
 * Measures nesting depth and element count. The open-element stack follows the parser's main
 * rules (void elements, implied end tags of p, li, dd/dt, table cells); it never grows past the
 * depth limit, so the scan stays linear in the page's size whatever its nesting.
 */
export function scanHtml(source: string): HtmlScan {
  const open: string[] = []
  let depth = 0
  let elements = 0
  tokenize(source, {
    start(name, selfClosing) {
      elements++
      if (VOID.has(name) || selfClosing) return
      if (CLOSES_P.has(name)) closeNearest(open, ['p'])
      const siblings = CLOSES_SIBLING[name]
      if (siblings) closeNearest(open, siblings)
      if (open.length <= MAX_HTML_DEPTH) open.push(name)
      depth = Math.max(depth, open.length)
    },
    end(name) {
      closeNearest(open, [name])
    },
    text() {},
  })
  return { depth, elements, overLimits: depth > MAX_HTML_DEPTH || elements > MAX_HTML_ELEMENTS }
}

/** Pops the stack up to and including the nearest open element named in `names`, if any. */
function closeNearest(open: string[], names: string[]): void {
  for (let i = open.length - 1; i >= 0; i--) {
    if (names.includes(open[i])) {
      open.length = i
      return
    }
  }
}

/** What `extractPlainBlocks` read: the text, its blocks, and the page's title and metadata. */
export interface PlainPage {
  text: string
  blocks: Block[]
  /** The <title>, `og:title` and `og:site_name`, and the text of each <h1>, as written. */
  pageTitle?: string
  ogTitle?: string
  siteName?: string
  h1s: string[]
}

/** Deepest stack of skipped elements tracked; deeper ones are skipped without being counted. */
const MAX_SKIP_STACK = 1000

/**
 * Reads a page as plain text blocks straight from its tokens, with no DOM: text inside headings,
 * list items and block quotes becomes blocks of those types, every other block boundary starts a
 * paragraph, and the content of scripts, styles, frames, form controls and templates is skipped.
 * Only text leaves it, so nothing in the page can become markup.
 */
export function extractPlainBlocks(source: string): PlainPage {
  const out = new TextBuilder()
  const page: PlainPage = { text: '', blocks: [], h1s: [] }
  const skipping: string[] = []
  let pieces: string[] = []
  let type: BlockType = 'paragraph'
  let level: number | undefined
  let titleText: string[] | null = null
  const flush = () => {
    const text = pieces
      .join('')
      .replace(/[ \t\n\f\r]+/g, ' ')
      .trim()
    pieces = []
    if (type === 'heading' && level === 1 && text) page.h1s.push(text)
    out.add(type, text, level)
  }
  tokenize(source, {
    start(name, selfClosing, token) {
      if (name === 'meta') readMeta(token, page)
      if (name === 'title' && !selfClosing) titleText = []
      if (skipping.length > 0 || NO_TEXT.has(name)) {
        const opens = !VOID.has(name) && !selfClosing
        if (opens && skipping.length < MAX_SKIP_STACK) skipping.push(name)
        return
      }
      if (!BLOCK_BREAK.has(name)) return
      if (name === 'td' || name === 'th') {
        if (pieces.join('').trim() !== '') pieces.push(' | ')
        return
      }
      flush()
      const heading = /^h([1-6])$/.exec(name)
      type = heading ? 'heading' : (BLOCK_TYPES[name] ?? 'paragraph')
      level = heading ? Number(heading[1]) : undefined
    },
    end(name) {
      if (name === 'title' && titleText) {
        page.pageTitle =
          titleText
            .join('')
            .replace(/[ \t\n\f\r]+/g, ' ')
            .trim() || undefined
        titleText = null
      }
      if (skipping.length > 0) {
        closeNearest(skipping, [name])
        return
      }
      if (!BLOCK_BREAK.has(name) || name === 'td' || name === 'th') return
      flush()
      type = 'paragraph'
      level = undefined
    },
    text(chars) {
      if (titleText) titleText.push(chars)
      else if (skipping.length === 0) pieces.push(chars)
    },
  })
  flush()
  return { ...page, text: out.text(), blocks: out.blocks }
}

const BLOCK_TYPES: Record<string, BlockType> = { li: 'list_item', blockquote: 'blockquote' }

function readMeta(token: Token.TagToken, page: PlainPage): void {
  const attr = (name: string) => token.attrs.find((a) => a.name === name)?.value
  const key = (attr('property') ?? attr('name'))?.toLowerCase()
  const content = attr('content')
    ?.replace(/[ \t\n\f\r]+/g, ' ')
    .trim()
  if (!content) return
  if (key === 'og:title') page.ogTitle ??= content
  if (key === 'og:site_name') page.siteName ??= content
}
