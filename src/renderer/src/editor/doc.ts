// The article as a ProseMirror document, plus the exact map between text offsets and PM positions.
// Why a map of its own: spans are stored as offsets into the document's canonical text, while the
// view speaks PM positions. Each block's text is the inline content of one textblock, character for
// character (UTF-16 units on both sides), so within a block the two differ by a constant; the text
// between blocks (usually "\n\n") has no position at all. Consecutive blockquote blocks share one
// <blockquote> and consecutive list items one <ul>, which only shifts the constants.
//
// A long article's top-level blocks are grouped in sections of SECTION_BLOCKS (<div class=
// "mg-section">), which also only shifts the constants. Why: the browser lays out, and ProseMirror
// walks on every update, the children of one element; with 5,000 blocks side by side every tag paid
// for all of them (a layout of the whole root when the selection is written, 5,000 blocks compared
// by the view, 5,000 `content-visibility` boxes checked against the viewport each frame). In
// sections, an update touches the ~100 sections and the 50 blocks of the one that changed.
import { Schema, type Node } from 'prosemirror-model'
import type { Block, BlockType, Document } from '../../../shared/model'
import { partitionPoint } from '../../../shared/partition-point'

/**
 * Articles with more top-level blocks than this are long: they are built in sections (see above),
 * lay out only what is on screen and draw only the highlights near it (article-view.tsx).
 */
export const LONG_ARTICLE_BLOCKS = 200

/** Top-level blocks per section of a long article. */
export const SECTION_BLOCKS = 50
/** How many headings in a row a section may take beyond SECTION_BLOCKS (see `sectioned`). */
const HEADINGS_CARRIED = 6

/** Whether an article is long (see LONG_ARTICLE_BLOCKS). */
export function isLongArticle(document: Pick<Document, 'blocks'>): boolean {
  return document.blocks.length > LONG_ARTICLE_BLOCKS
}

/** The ProseMirror schema of an article: headings, paragraphs, quotes and list items; no marks. */
export const articleSchema = new Schema({
  nodes: {
    doc: { content: 'section+ | block+' },
    section: {
      content: 'block+',
      // Its estimated height (em) before it is first laid out: see `.mg-section` in editor.css.
      attrs: { estimate: { default: 0 } },
      toDOM: (node) => [
        'div',
        {
          class: 'mg-section',
          style: `contain-intrinsic-block-size: auto ${node.attrs.estimate as number}em`,
        },
        0,
      ],
    },
    heading: {
      group: 'block',
      content: 'text*',
      attrs: { level: { default: 1 } },
      defining: true,
      whitespace: 'pre',
      toDOM: (node) => [`h${node.attrs.level as number}`, 0],
    },
    paragraph: { group: 'block', content: 'text*', whitespace: 'pre', toDOM: () => ['p', 0] },
    blockquote: { group: 'block', content: 'paragraph+', toDOM: () => ['blockquote', 0] },
    bullet_list: { group: 'block', content: 'list_item+', toDOM: () => ['ul', 0] },
    list_item: { content: 'text*', whitespace: 'pre', toDOM: () => ['li', 0] },
    text: {},
  },
  marks: {},
})

/** Whether a node is a section of a long article's document (see above). */
export function isSection(node: Node): boolean {
  return node.type === articleSchema.nodes.section
}

/** Calls `f` with each top-level block of the document (inside its sections) and its position. */
export function forEachBlock(doc: Node, f: (block: Node, pos: number) => void): void {
  doc.forEach((child, offset) => {
    if (!isSection(child)) return f(child, offset)
    child.forEach((block, inner) => f(block, offset + 1 + inner))
  })
}

/** The depth of the document's top-level blocks: 2 inside sections, else 1. */
export function blockDepth(doc: Node): number {
  return doc.firstChild && isSection(doc.firstChild) ? 2 : 1
}

/** One textblock of the PM document: the text range [start, end) and where its content begins. */
export interface MappedBlock {
  type: BlockType
  level?: number
  start: number
  end: number
  /** PM position of the first character of the block's content. */
  pos: number
}

/** Which way to resolve an offset or position that falls between blocks. */
export type Bias = -1 | 1

/**
 * Converts between text offsets and PM positions of one document. Inside a block the conversion is
 * exact and invertible; an offset between blocks resolves to the next block's start (bias 1) or the
 * previous block's end (bias -1), and so does a position on a block boundary. Bias 1 reads an
 * offset as the start of a range (the character after it), bias -1 as the end (the one before).
 */
export class OffsetMap {
  constructor(
    /** The document's canonical text. */
    readonly text: string,
    /** The rendered blocks, ascending and disjoint. */
    readonly blocks: readonly MappedBlock[],
  ) {}

  /** The PM position of a text offset. */
  offsetToPos(offset: number, bias: Bias = 1): number {
    const { blocks } = this
    if (blocks.length === 0) return 0
    const at = clamp(offset, 0, this.text.length)
    let i = lastAtOrBefore(blocks, at, (b) => b.start)
    // A position "before the character at offset" (bias 1) at a block's end belongs to the next
    // block; one "after the character before offset" (bias -1) at a block's start to the previous.
    if (bias < 0 && i > 0 && blocks[i].start === at) i--
    else if (
      bias > 0 &&
      i >= 0 &&
      i + 1 < blocks.length &&
      at === blocks[i].end &&
      at > blocks[i].start
    )
      return blocks[i + 1].pos
    if (i >= 0 && at <= blocks[i].end) return blocks[i].pos + (at - blocks[i].start)
    if (i < 0) return blocks[0].pos
    if (bias > 0 && i + 1 < blocks.length) return blocks[i + 1].pos
    return endPos(blocks[i])
  }

  /** The text offset of a PM position. */
  posToOffset(pos: number, bias: Bias = 1): number {
    const { blocks } = this
    if (blocks.length === 0) return 0
    const j = lastAtOrBefore(blocks, pos, (b) => b.pos)
    if (j < 0) return blocks[0].start
    const block = blocks[j]
    if (pos <= endPos(block)) return block.start + (pos - block.pos)
    if (bias > 0 && j + 1 < blocks.length) return blocks[j + 1].start
    return block.end
  }

  /** The PM range [from, to) of the text range [start, end), or null when it shows no text. */
  rangeToPos(start: number, end: number): { from: number; to: number } | null {
    const from = this.offsetToPos(start, 1)
    const to = this.offsetToPos(end, -1)
    return from < to ? { from, to } : null
  }

  /** Index of the block containing (or ending at) a text offset, or -1 between blocks. */
  blockIndexAt(offset: number): number {
    const i = lastAtOrBefore(this.blocks, offset, (b) => b.start)
    return i >= 0 && offset <= this.blocks[i].end ? i : -1
  }
}

/**
 * Builds the PM document of an article and its offset map, in one pass over the blocks (O(n)).
 * Blocks out of order or overlapping are sorted and clipped; text outside every block that is not
 * whitespace becomes a paragraph of its own, so nothing the text says is hidden from the reader.
 */
export function buildPmDoc(document: Pick<Document, 'text' | 'blocks'>): {
  doc: Node
  map: OffsetMap
} {
  const { text } = document
  const blocks = normaliseBlocks(text, document.blocks)
  const s = articleSchema
  const top: Node[] = []
  const mapped: MappedBlock[] = []
  let pos = 0
  let i = 0
  while (i < blocks.length) {
    const wrapper =
      blocks[i].type === 'blockquote'
        ? s.nodes.blockquote
        : blocks[i].type === 'list_item'
          ? s.nodes.bullet_list
          : null
    if (!wrapper) {
      top.push(textblock(blocks[i], pos, mapped))
      pos += top[top.length - 1].nodeSize
      i++
      continue
    }
    const children: Node[] = []
    let inner = pos + 1
    const type = blocks[i].type
    while (i < blocks.length && blocks[i].type === type) {
      const child = textblock(blocks[i], inner, mapped)
      children.push(child)
      inner += child.nodeSize
      i++
    }
    top.push(wrapper.create(null, children))
    pos = inner + 1
  }
  if (top.length === 0) top.push(textblock({ type: 'paragraph', start: 0, end: 0 }, 0, mapped))
  if (top.length <= LONG_ARTICLE_BLOCKS)
    return { doc: s.nodes.doc.create(null, top), map: new OffsetMap(text, mapped) }
  return sectioned(top, mapped, text)

  function textblock(block: Block, at: number, out: MappedBlock[]): Node {
    out.push({
      type: block.type,
      level: block.level,
      start: block.start,
      end: block.end,
      pos: at + 1,
    })
    const content = block.end > block.start ? s.text(text.slice(block.start, block.end)) : null
    if (block.type === 'heading')
      return s.nodes.heading.create({ level: block.level ?? 1 }, content)
    if (block.type === 'list_item') return s.nodes.list_item.create(null, content)
    return s.nodes.paragraph.create(null, content)
  }
}

/**
 * The document of `top` (the top-level blocks of a long article) in sections of SECTION_BLOCKS, and
 * its map: each section's opening shifts the positions after it by one, its closing by one more.
 */
function sectioned(
  top: Node[],
  mapped: MappedBlock[],
  text: string,
): { doc: Node; map: OffsetMap } {
  const sections: Node[] = []
  for (let i = 0; i < top.length;) {
    let end = Math.min(i + SECTION_BLOCKS, top.length)
    // A heading stays with the section before it rather than opening one: a section is laid out
    // on its own (content-visibility), so a heading opening it would add its top margin to the
    // previous block's bottom margin instead of the two collapsing.
    while (end < top.length && end - i < SECTION_BLOCKS + HEADINGS_CARRIED && isHeading(top[end]))
      end++
    const children = top.slice(i, end)
    sections.push(articleSchema.nodes.section.create({ estimate: estimateEm(children) }, children))
    i = end
  }
  const doc = articleSchema.nodes.doc.create(null, sections)
  // The textblocks come in the same order as `mapped`: read their new positions off the document.
  const shifted: MappedBlock[] = []
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    shifted.push({ ...mapped[shifted.length], pos: pos + 1 })
    return false
  })
  return { doc, map: new OffsetMap(text, shifted) }
}

function isHeading(node: Node): boolean {
  return node.type === articleSchema.nodes.heading
}

/** Characters per line and line height (em) of the article's text, for `estimateEm` (editor.css). */
const CHARS_PER_LINE = 70
const LINE_EM = 2.15
const MARGIN_EM = 1.1

/** A rough height of blocks in em, until the browser has laid them out once. */
function estimateEm(blocks: readonly Node[]): number {
  let em = 0
  for (const block of blocks) {
    const lines = block.isTextblock ? 1 : block.childCount
    em += Math.max(lines, Math.ceil(block.textContent.length / CHARS_PER_LINE)) * LINE_EM
    em += MARGIN_EM * (block.isTextblock ? 1 : 1 + block.childCount)
  }
  return Math.round(em)
}

/** Sorted, disjoint blocks inside the text, with stray non-blank text turned into paragraphs. */
function normaliseBlocks(text: string, input: readonly Block[]): Block[] {
  const sorted = [...input].sort((a, b) => a.start - b.start || a.end - b.end)
  const out: Block[] = []
  let cursor = 0
  for (const block of sorted) {
    const start = clamp(Math.max(block.start, cursor), 0, text.length)
    const end = clamp(block.end, 0, text.length)
    // Drop blocks that clipping emptied (inside an earlier block, or past the end of the text).
    if (end < start || (end === start && block.end > block.start)) continue
    addStray(cursor, start)
    out.push({ ...block, start, end })
    cursor = end
  }
  addStray(cursor, text.length)
  return out

  function addStray(from: number, to: number): void {
    let a = from
    let b = to
    while (a < b && isBlank(text.charCodeAt(a))) a++
    while (b > a && isBlank(text.charCodeAt(b - 1))) b--
    if (a < b) out.push({ type: 'paragraph', start: a, end: b })
  }
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 0xa0
}

function endPos(block: MappedBlock): number {
  return block.pos + (block.end - block.start)
}

function clamp(n: number, lo: number, hi: number): number {
  return n < lo ? lo : n > hi ? hi : n
}

/** Index of the last item whose key is <= value, or -1 (items ascending by key). */
function lastAtOrBefore<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  return partitionPoint(items.length, (i) => key(items[i]) <= value) - 1
}
