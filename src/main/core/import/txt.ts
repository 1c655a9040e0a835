// Plain-text import: the text is kept exactly as decoded; paragraphs are the runs of lines between
// blank lines, so the block ranges point straight into the file's own text.
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
  const title = firstLine && firstLine.length <= MAX_TITLE_LINE ? firstLine : stem(fileName)
  return { title, metadata: { importedFrom: baseName(fileName) }, text, blocks }
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
