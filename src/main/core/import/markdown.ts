// Markdown import. The file is parsed into an mdast syntax tree (micromark, CommonMark-compliant,
// plus GFM for tables and strikethrough) and only the plain text of headings, paragraphs, block
// quotes and list items is kept: emphasis and links keep their text, code keeps its content, images
// and raw HTML are dropped, so no markup reaches the canonical text.
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'
import type { Nodes, PhrasingContent, RootContent } from 'mdast'
import type { BlockType } from '../../../shared/model'
import type { NewDocument } from '../storage'
import { ImportError } from './errors'
import { baseName, stem } from './names'
import { TextBuilder } from './text-builder'

/** Builds a document from canonical Markdown source (already decoded and normalised). */
export function importMarkdown(fileName: string, source: string): NewDocument {
  const tree = fromMarkdown(source, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })
  const out = new TextBuilder()
  for (const node of tree.children) addBlock(node, null, out)
  const text = out.text()
  if (text === '') throw new ImportError(fileName, 'has no text (only markup, images or HTML)')
  const title = (out.firstText('heading') ?? stem(fileName)).replace(/\s+/g, ' ').slice(0, 1000)
  return { title, metadata: { importedFrom: baseName(fileName) }, text, blocks: out.blocks }
}

/** Adds the blocks of one block-level node; `container` is the quote or list item it sits in. */
function addBlock(node: RootContent, container: BlockType | null, out: TextBuilder): void {
  switch (node.type) {
    case 'heading':
      out.add(container ?? 'heading', plain(node.children), node.depth)
      return
    case 'paragraph':
      out.add(container ?? 'paragraph', plain(node.children))
      return
    case 'code':
      out.add(container ?? 'paragraph', node.value)
      return
    case 'blockquote':
      for (const child of node.children) addBlock(child, 'blockquote', out)
      return
    case 'listItem':
      for (const child of node.children) addBlock(child, 'list_item', out)
      return
    case 'list':
    case 'footnoteDefinition':
      for (const child of node.children) addBlock(child, container, out)
      return
    case 'table':
      for (const row of node.children) {
        out.add(
          container ?? 'paragraph',
          row.children.map((cell) => plain(cell.children)).join(' | '),
        )
      }
      return
    default:
      // thematicBreak, definition, html (raw HTML is never turned into text), yaml front matter.
      return
  }
}

/** The plain text of inline content: markup removed, soft line breaks as spaces. */
function plain(nodes: PhrasingContent[]): string {
  return nodes.map(plainOf).join('')
}

function plainOf(node: Nodes): string {
  switch (node.type) {
    case 'text':
      return node.value.replace(/[ \t]*\n[ \t]*/g, ' ')
    case 'inlineCode':
      return node.value
    case 'break':
      return '\n'
    case 'emphasis':
    case 'strong':
    case 'delete':
    case 'link':
    case 'linkReference':
      return plain(node.children)
    default:
      // image, imageReference, footnoteReference, inline html: not part of the text.
      return ''
  }
}
