import fc from 'fast-check'
import type { Node } from 'prosemirror-model'
import { Decoration, DecorationSet, type DecorationSource } from 'prosemirror-view'
import { describe, expect, it } from 'vitest'
import { IndexedDecorations } from '../../../src/renderer/src/editor/indexed-decorations'
import {
  buildPmDoc,
  forEachBlock,
  isSection,
  LONG_ARTICLE_BLOCKS,
} from '../../../src/renderer/src/editor/doc'
import { makeDocument } from './fixtures'

function article(blocks: number): Node {
  return buildPmDoc(
    makeDocument(
      Array.from({ length: blocks }, (_, i) => [
        i % 5 === 0 ? 'heading' : 'paragraph',
        `Block ${i} says the minister spoke.`,
        ...(i % 5 === 0 ? [2] : []),
      ]) as [import('../../../src/shared/model').BlockType, string, number?][],
    ),
  ).doc
}

/** What a decoration source holds, as comparable strings. */
function contents(source: DecorationSource): string[] {
  const out: string[] = []
  source.forEachSet((set) => {
    for (const d of set.find()) out.push(`${d.from}-${d.to}:${JSON.stringify(d.spec)}`)
  })
  return out.sort()
}

/**
 * Every top-level block's decorations, as ProseMirror's view asks for them: from the document's
 * source, or for a block in a section (a long article) from the section's.
 */
function perBlock(source: DecorationSource, top: Node): string[][] {
  const out: string[][] = []
  top.forEach((child, offset) => {
    if (!isSection(child)) {
      out.push(contents(source.forChild(offset, child)))
      return
    }
    const inSection = source.forChild(offset, child)
    child.forEach((block, inner) => out.push(contents(inSection.forChild(inner, block))))
  })
  return out
}

describe.each([
  ['an article', article(12)],
  ['a long article in sections', article(LONG_ARTICLE_BLOCKS + 40)],
])('IndexedDecorations over %s', (_, doc) => {
  it('gives every block the same decorations as the DecorationSet it wraps', () => {
    const size = doc.content.size
    const deco = fc
      .tuple(fc.nat(size), fc.integer({ min: 1, max: 90 }), fc.boolean())
      .map(([from, len, node]) => ({ from, to: Math.min(size, from + len), node }))
    fc.assert(
      fc.property(fc.array(deco, { maxLength: 40 }), (specs) => {
        const decos: Decoration[] = []
        specs.forEach((s, i) => {
          if (s.node) {
            // A node decoration on the block that holds `from` (kept at the top level).
            let at = -1
            forEachBlock(doc, (child, offset) => {
              if (s.from >= offset && s.from < offset + child.nodeSize) at = offset
            })
            const child = at >= 0 ? doc.nodeAt(at) : null
            if (child) decos.push(Decoration.node(at, at + child.nodeSize, {}, { id: i }))
          } else if (s.from < s.to) decos.push(Decoration.inline(s.from, s.to, {}, { id: i }))
        })
        const set = DecorationSet.create(doc, decos)
        const wrapped = new IndexedDecorations(set)
        expect(perBlock(wrapped, doc)).toEqual(perBlock(set, doc))
        expect(contents(wrapped)).toEqual(contents(set))
      }),
      { numRuns: 150 },
    )
  })

  it('is equal to a wrapper of an equal set, and maps to itself when nothing moves', () => {
    const set = DecorationSet.create(doc, [Decoration.inline(3, 9, {}, { id: 1 })])
    const a = new IndexedDecorations(set)
    expect(a.eq(new IndexedDecorations(set))).toBe(true)
    expect(a.eq(new IndexedDecorations(DecorationSet.empty))).toBe(false)
    expect(a.members).toEqual([a])
  })

  it('with a window, gives blocks inside it their decorations and blocks outside none', () => {
    const size = doc.content.size
    const deco = fc
      .tuple(fc.nat(size), fc.integer({ min: 1, max: 90 }))
      .map(([from, len]) => ({ from, to: Math.min(size, from + len) }))
    fc.assert(
      fc.property(fc.array(deco, { maxLength: 40 }), fc.nat(size), fc.nat(size), (specs, a, b) => {
        const decos = specs
          .filter((s) => s.from < s.to)
          .map((s, i) => Decoration.inline(s.from, s.to, {}, { id: i }))
        const set = DecorationSet.create(doc, decos)
        const window = { from: Math.min(a, b), to: Math.max(a, b) }
        const windowed = perBlock(new IndexedDecorations(set, window), doc)
        const whole = perBlock(set, doc)
        let i = 0
        forEachBlock(doc, (child, offset) => {
          const inside = offset + child.nodeSize > window.from && offset < window.to
          expect(windowed[i]).toEqual(inside ? whole[i] : [])
          i++
        })
      }),
      { numRuns: 150 },
    )
  })

  it('is not equal to the same set in another window, so the view redraws what moved', () => {
    const set = DecorationSet.create(doc, [Decoration.inline(3, 9, {}, { id: 1 })])
    const a = new IndexedDecorations(set, { from: 0, to: 40 })
    expect(a.eq(new IndexedDecorations(set, { from: 0, to: 40 }))).toBe(true)
    expect(a.eq(new IndexedDecorations(set, { from: 0, to: 80 }))).toBe(false)
    expect(a.eq(new IndexedDecorations(set))).toBe(false)
  })
})
