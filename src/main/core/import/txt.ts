// Plain-text import: the text is kept exactly as decoded; paragraphs are the runs of lines between
// blank lines, so the block ranges point straight into the file's own text. When the first line is
// the title it becomes a level-1 heading block (same text, same offsets), so the article shows it
// once, as the heading, rather than as a title above an identical first paragraph.
import type { Block } from '../../../shared/model'
import type { NewDocument } from '../storage'
import { baseName, stem } from './names'

/** Longest first line still used as the title. */
export const MAX_TITLE_LINE = 200

/** Builds a document from canonical plain text (already decoded and normalised). */
export function importTxt(fileName: string, text: string): NewDocument {
  const blocks = paragraphBlocks(text)
  const firstLine = text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '')
  const titled = firstLine !== undefined && firstLine.length <= MAX_TITLE_LINE
  const title = titled ? firstLine : stem(fileName)
  return {
    title,
    metadata: { importedFrom: baseName(fileName) },
    text,
    blocks: titled ? withTitleHeading(text, blocks) : blocks,
  }
}

/**
 * Turns the first line of the first block into a level-1 heading; the rest of that block, if the
 * title line is followed directly by more lines, stays a paragraph of its own.
 */
function withTitleHeading(text: string, blocks: Block[]): Block[] {
  const [first, ...rest] = blocks
  if (!first) return blocks
  const nl = text.indexOf('\n', first.start)
  const lineEnd = nl === -1 || nl > first.end ? first.end : nl
  const line = text.slice(first.start, lineEnd)
  const start = first.start + (line.length - line.trimStart().length)
  const end = lineEnd - (line.length - line.trimEnd().length)
  const heading: Block = { type: 'heading', level: 1, start, end }
  if (lineEnd === first.end) return [heading, ...rest]
  return [heading, { type: 'paragraph', start: lineEnd + 1, end: first.end }, ...rest]
}

/** Paragraph blocks: each run of non-blank lines, from its first line's start to its last's end. */
export function paragraphBlocks(text: string): Block[] {
  const blocks: Block[] = []
  let runStart = -1
  let runEnd = -1
  let lineStart = 0
  while (lineStart <= text.length) {
    const nl = text.indexOf('\n', lineStart)
    const lineEnd = nl === -1 ? text.length : nl
    if (/^\s*$/.test(text.slice(lineStart, lineEnd))) {
      if (runStart !== -1) blocks.push({ type: 'paragraph', start: runStart, end: runEnd })
      runStart = -1
    } else {
      if (runStart === -1) runStart = lineStart
      runEnd = lineEnd
    }
    if (nl === -1) break
    lineStart = nl + 1
  }
  if (runStart !== -1) blocks.push({ type: 'paragraph', start: runStart, end: runEnd })
  return blocks
}
