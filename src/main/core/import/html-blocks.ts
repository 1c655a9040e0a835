// Walks sanitised HTML into plain-text blocks. Headings, paragraphs, block quotes and list items
// become blocks of those types; every other block container (div, section, figure, table row, …)
// is flattened into paragraphs; inline elements contribute their text. Whitespace collapses as a
// browser would show it (except in <pre>), and <br> is kept as a line break.
import type { Block, BlockType } from '../../../shared/model'
import { TextBuilder } from './text-builder'

const BLOCK_TAGS = new Set([
  ...['address', 'article', 'aside', 'blockquote', 'caption', 'details', 'dd', 'div', 'dl', 'dt'],
  ...['figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li'],
  ...['main', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr'],
  'ul',
])

/** Where text is being collected: the block type it will become, and whether it keeps spaces. */
interface Context {
  type: BlockType
  /** Set inside a quote or list item, whose type wins over the blocks nested in it. */
  container: boolean
  level?: number
  pre: boolean
}

const ROOT: Context = { type: 'paragraph', container: false, pre: false }

/** Collects blocks from one or more sanitised fragments into one canonical text. */
export class HtmlBlockWalker {
  /** `isNoise` drops a block whose text it accepts (a paragraph that only repeats the byline). */
  constructor(private readonly isNoise: (text: string) => boolean = () => false) {}

  private readonly out = new TextBuilder()
  private pieces: string[] = []
  private title: string | null = null
  private added = 0

  /** Puts the title first as a heading; an identical first block of the article is then skipped. */
  addTitle(title: string): void {
    this.out.add('heading', title, 1)
    this.title = normalise(title)
  }

  /** Walks a fragment and returns how many blocks it added. */
  walk(fragment: Node): number {
    const before = this.added
    this.visitChildren(fragment, ROOT)
    this.flush(ROOT)
    return this.added - before
  }

  result(): { text: string; blocks: Block[] } {
    return { text: this.out.text(), blocks: this.out.blocks }
  }

  private visitChildren(node: Node, ctx: Context): void {
    for (let child = node.firstChild; child; child = child.nextSibling) this.visit(child, ctx)
  }

  private visit(node: Node, ctx: Context): void {
    if (node.nodeType === 3 /* TEXT_NODE */) {
      const value = node.nodeValue ?? ''
      this.pieces.push(ctx.pre ? value : value.replace(/[ \t\n\f\r]+/g, ' '))
      return
    }
    if (node.nodeType !== 1 /* ELEMENT_NODE */) return
    const tag = (node as Element).localName
    if (tag === 'br') {
      this.pieces.push('\n')
      return
    }
    if (tag === 'td' || tag === 'th') {
      if ((node as Element).previousElementSibling) this.pieces.push(' | ')
      this.visitChildren(node, ctx)
      return
    }
    if (!BLOCK_TAGS.has(tag)) {
      this.visitChildren(node, ctx)
      return
    }
    this.flush(ctx)
    const inner = enter(tag, ctx)
    this.visitChildren(node, inner)
    this.flush(inner)
  }

  /** Turns the text collected so far into a block of the context's type. */
  private flush(ctx: Context): void {
    let text = this.pieces.join('')
    this.pieces = []
    if (!ctx.pre) text = text.replace(/ {2,}/g, ' ').replace(/ ?\n ?/g, '\n')
    text = text.replace(/^\n+|\n+$/g, '')
    if (text.trim() === '' || this.isNoise(text)) return
    if (this.title !== null && this.added === 0 && normalise(text) === this.title) {
      this.title = null // the article repeats its title as its first block
      return
    }
    this.title = null
    this.out.add(ctx.type, text, ctx.level)
    this.added++
  }
}

function enter(tag: string, ctx: Context): Context {
  const heading = /^h([1-6])$/.exec(tag)
  if (heading && !ctx.container) {
    return { type: 'heading', container: false, level: Number(heading[1]), pre: ctx.pre }
  }
  if (tag === 'blockquote') return { type: 'blockquote', container: true, pre: ctx.pre }
  if (tag === 'li') return { type: 'list_item', container: true, pre: ctx.pre }
  if (tag === 'pre') return { ...ctx, pre: true }
  return ctx.container ? ctx : { ...ROOT, pre: ctx.pre }
}

function normalise(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase()
}
