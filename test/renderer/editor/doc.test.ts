import { describe, expect, it } from 'vitest'
import {
  buildPmDoc,
  forEachBlock,
  LONG_ARTICLE_BLOCKS,
  SECTION_BLOCKS,
} from '../../../src/renderer/src/editor/doc'
import type { Block } from '../../../src/shared/model'
import { makeDocument } from './fixtures'

/** For every offset inside a block: offset → pos → offset is the identity, and the PM text there
 * is the same character as the canonical text. */
function expectExactInsideBlocks(text: string, blocks: Block[]): void {
  const { doc, map } = buildPmDoc({ text, blocks })
  doc.check()
  for (const b of map.blocks) {
    for (let o = b.start; o <= b.end; o++) {
      if (o < b.end) {
        const pos = map.offsetToPos(o, 1)
        expect(map.posToOffset(pos)).toBe(o)
        expect(doc.textBetween(pos, pos + 1)).toBe(text.slice(o, o + 1))
      }
      if (o > b.start) {
        const pos = map.offsetToPos(o, -1)
        expect(map.posToOffset(pos, -1)).toBe(o)
        expect(doc.textBetween(pos - 1, pos)).toBe(text.slice(o - 1, o))
      }
    }
    expect(doc.textBetween(b.pos, b.pos + (b.end - b.start))).toBe(text.slice(b.start, b.end))
  }
}

describe('buildPmDoc', () => {
  it('keeps headings, paragraphs, quotes and lists, grouping consecutive quotes and items', () => {
    const d = makeDocument([
      ['heading', 'Title', 2],
      ['paragraph', 'Body'],
      ['blockquote', 'Q1'],
      ['blockquote', 'Q2'],
      ['list_item', 'i1'],
      ['list_item', 'i2'],
      ['paragraph', 'End'],
    ])
    const { doc } = buildPmDoc(d)
    expect(doc.toString()).toBe(
      'doc(heading("Title"), paragraph("Body"), blockquote(paragraph("Q1"), paragraph("Q2")), ' +
        'bullet_list(list_item("i1"), list_item("i2")), paragraph("End"))',
    )
    expect(doc.firstChild!.attrs.level).toBe(2)
    expectExactInsideBlocks(d.text, d.blocks)
  })

  it('maps every offset inside blocks exactly, with emoji, CJK and combining marks', () => {
    const d = makeDocument([
      ['paragraph', 'Family 👨‍👩‍👧 and flags 🇫🇷 said “hi”'],
      ['blockquote', '東京都に住んでいます。'],
      ['list_item', 'café naïve e\u0301'],
      ['paragraph', 'Line one\nline two'],
    ])
    expectExactInsideBlocks(d.text, d.blocks)
    const { map } = buildPmDoc(d)
    const at = d.text.indexOf('🇫🇷')
    // A surrogate pair is two positions in PM as in JS: the offsets stay in UTF-16 units.
    expect(map.offsetToPos(at + 4) - map.offsetToPos(at)).toBe(4)
  })

  it('maps CRLF-imported text exactly (carriage returns are characters like any other)', () => {
    const d = makeDocument(
      [
        ['paragraph', 'First line\r\nsecond line'],
        ['paragraph', 'Next paragraph'],
      ],
      '\r\n\r\n',
    )
    expectExactInsideBlocks(d.text, d.blocks)
    const { doc } = buildPmDoc(d)
    expect(doc.firstChild!.textContent).toBe('First line\r\nsecond line')
  })

  it('resolves offsets between blocks to the next start (bias 1) or the previous end (bias -1)', () => {
    const d = makeDocument([
      ['paragraph', 'Alpha'],
      ['paragraph', 'Beta'],
    ])
    const { map } = buildPmDoc(d)
    const [a, b] = map.blocks
    expect(map.offsetToPos(6, 1)).toBe(b.pos) // inside "\n\n"
    expect(map.offsetToPos(6, -1)).toBe(a.pos + 5)
    expect(map.offsetToPos(5, 1)).toBe(b.pos) // end of "Alpha" as a range start: no text there
    expect(map.offsetToPos(7, -1)).toBe(a.pos + 5) // start of "Beta" as a range end
    // Block boundaries (between </p> and <p>) map to the neighbouring block's end or start.
    expect(map.posToOffset(a.pos + 6, -1)).toBe(5)
    expect(map.posToOffset(a.pos + 6, 1)).toBe(7)
    expect(map.posToOffset(0)).toBe(0)
    expect(map.posToOffset(10_000, -1)).toBe(d.text.length)
    expect(map.rangeToPos(5, 7)).toBeNull() // only the gap: shows nothing
    expect(map.rangeToPos(3, 9)).toEqual({ from: a.pos + 3, to: b.pos + 2 })
  })

  it('turns non-blank text outside every block into paragraphs, and survives unsorted, overlapping and out-of-range blocks', () => {
    const text = 'Intro words\n\nHeading\n\nStray tail  '
    const blocks: Block[] = [
      { type: 'paragraph', start: 40, end: 50 }, // beyond the text
      { type: 'heading', start: 13, end: 20, level: 1 },
      { type: 'paragraph', start: 15, end: 18 }, // inside the heading
    ]
    const { doc, map } = buildPmDoc({ text, blocks })
    doc.check()
    expect(map.blocks.map((b) => text.slice(b.start, b.end))).toEqual([
      'Intro words',
      'Heading',
      'Stray tail',
    ])
    expectExactInsideBlocks(text, blocks)
  })

  it('gives an empty document one empty paragraph', () => {
    const { doc, map } = buildPmDoc({ text: '', blocks: [] })
    expect(doc.toString()).toBe('doc(paragraph)')
    expect(map.offsetToPos(0)).toBe(1)
    expect(map.posToOffset(1)).toBe(0)
  })

  it('builds a 1 MB article of 5,000 paragraphs with exact mapping at its ends', () => {
    const paragraph = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(4)
    const parts = Array.from(
      { length: 5000 },
      (_, i) => ['paragraph', `${i} ${paragraph}`] as ['paragraph', string],
    )
    const d = makeDocument(parts)
    expect(d.text.length).toBeGreaterThan(1_000_000)
    const { doc, map } = buildPmDoc(d)
    // In sections of SECTION_BLOCKS, so that an update or a layout touches one of them.
    expect(doc.childCount).toBe(5000 / SECTION_BLOCKS)
    doc.forEach((section) => expect(section.childCount).toBe(SECTION_BLOCKS))
    const last = map.blocks[4999]
    expect(doc.textBetween(last.pos, last.pos + 4)).toBe(d.text.slice(last.start, last.start + 4))
    expect(map.posToOffset(map.offsetToPos(d.text.length - 1))).toBe(d.text.length - 1)
  })

  it('builds a long article in sections of whole top-level blocks, mapping every offset exactly', () => {
    const kinds = ['paragraph', 'heading', 'blockquote', 'blockquote', 'list_item', 'paragraph']
    const parts = Array.from(
      { length: LONG_ARTICLE_BLOCKS + 137 },
      (_, i) =>
        [kinds[i % kinds.length], `Block ${i} 👨‍👩‍👧 é\r\nend`, 2] as [Block['type'], string, number],
    )
    const d = makeDocument(parts)
    const { doc } = buildPmDoc(d)
    expect(doc.firstChild!.type.name).toBe('section')
    // A quote or a list is never cut between two sections.
    doc.forEach((section) =>
      section.forEach((block) => expect(block.type.name).not.toBe('section')),
    )
    // Sections of SECTION_BLOCKS top-level blocks (one more where a heading would open the next).
    let tops = 0
    forEachBlock(doc, () => tops++)
    const sizes: number[] = []
    doc.forEach((section) => sizes.push(section.childCount))
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(tops)
    for (const size of sizes.slice(0, -1))
      expect([SECTION_BLOCKS, SECTION_BLOCKS + 1]).toContain(size)
    expectExactInsideBlocks(d.text, d.blocks)
  })

  it('never opens a section with a heading, so its top margin collapses with the block before', () => {
    // A heading at every cut, and at one cut three headings in a row.
    const parts = Array.from({ length: LONG_ARTICLE_BLOCKS * 2 }, (_, i) => {
      const heading = i % SECTION_BLOCKS === 0 || (i >= 100 && i < 103)
      return [heading ? 'heading' : 'paragraph', `Block ${i}`, 2] as [Block['type'], string, number]
    })
    const d = makeDocument(parts)
    const { doc } = buildPmDoc(d)
    const openers: string[] = []
    doc.forEach((section, _pos, index) => {
      if (index > 0) openers.push(section.firstChild!.type.name)
    })
    expect(openers.length).toBeGreaterThan(4)
    expect(openers.every((name) => name === 'paragraph')).toBe(true)
    expectExactInsideBlocks(d.text, d.blocks)
  })

  it('leaves an article of up to LONG_ARTICLE_BLOCKS top-level blocks without sections', () => {
    const parts = Array.from(
      { length: LONG_ARTICLE_BLOCKS },
      (_, i) => ['paragraph', `Block ${i}`] as ['paragraph', string],
    )
    const { doc } = buildPmDoc(makeDocument(parts))
    expect(doc.childCount).toBe(LONG_ARTICLE_BLOCKS)
    expect(doc.firstChild!.type.name).toBe('paragraph')
  })
})
