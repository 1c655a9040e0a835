// Builds a canonical text and its blocks together, so block ranges can never disagree with the text:
// blocks are appended in reading order with a blank line ("\n\n") between them, and that separator
// belongs to the text but to no block.
import type { Block, BlockType } from '../../../shared/model'

/** Accumulates blocks of plain text into one canonical text with block ranges over it. */
export class TextBuilder {
  private readonly parts: string[] = []
  private length = 0
  readonly blocks: Block[] = []

  /** Appends a block; empty text (after trimming) adds nothing. `page`: where it starts (PDF). */
  add(type: BlockType, text: string, level?: number, page?: number): void {
    const content = text.trim()
    if (content === '') return
    if (this.blocks.length > 0) this.push('\n\n')
    const start = this.length
    this.push(content)
    const block: Block = { type, start, end: this.length }
    if (type === 'heading') block.level = Math.min(6, Math.max(1, level ?? 1))
    if (page !== undefined) block.page = page
    this.blocks.push(block)
  }

  /** The text of the first block of a type, if any. */
  firstText(type: BlockType): string | undefined {
    const block = this.blocks.find((b) => b.type === type)
    return block ? this.text().slice(block.start, block.end) : undefined
  }

  /** The canonical text built so far. */
  text(): string {
    return this.parts.join('')
  }

  private push(s: string): void {
    this.parts.push(s)
    this.length += s.length
  }
}
