// The benchmark's article and spans: a ~1 MB text of 5,000 paragraphs (every 100th a heading), and
// any number of spans spread evenly over it (nested, overlapping, all three layers, a few across a
// paragraph break), written as a real project through the storage API.
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { AppFiles } from '../../src/main/app-state'
import { ProjectStore } from '../../src/main/core/storage'
import { quoteOf } from '../../src/shared/anchor'
import type { Block, Span } from '../../src/shared/model'
import { seededRandom as random } from '../../src/shared/seeded-random'

export const PARAGRAPHS = 5_000

const WORDS = (
  'the minister said government report officials according analysts sources claimed agreement ' +
  'military economic sanctions talks summit council vote budget crisis policy election court ' +
  'ruling evidence witnesses statement spokesman critics warned promised denied confirmed ' +
  'investigation market prices inflation energy border security treaty alliance region capital ' +
  'protest union workers strike contract hospital schools farmers water harbour bridge railway'
).split(' ')

export interface Article {
  text: string
  blocks: Block[]
  /** Word ranges [start, end) of each paragraph, to place spans on whole words. */
  words: { start: number; end: number }[][]
}

/** The article: ~1.08 MB, 5,000 blocks. */
export function makeArticle(): Article {
  const rand = random(42)
  const parts: string[] = []
  const blocks: Block[] = []
  const words: { start: number; end: number }[][] = []
  let at = 0
  for (let i = 0; i < PARAGRAPHS; i++) {
    const heading = i % 100 === 0
    const count = heading ? 6 : 24 + Math.floor(rand() * 6)
    const ranges: { start: number; end: number }[] = []
    let para = ''
    for (let w = 0; w < count; w++) {
      let word = WORDS[Math.floor(rand() * WORDS.length)]
      if (w === 0) word = word[0].toUpperCase() + word.slice(1)
      if (para) para += w % 12 === 11 ? ', ' : ' '
      ranges.push({ start: at + para.length, end: at + para.length + word.length })
      para += word
    }
    if (!heading) para += '.'
    parts.push(para)
    blocks.push(
      heading
        ? { type: 'heading', level: 2, start: at, end: at + para.length }
        : { type: 'paragraph', start: at, end: at + para.length },
    )
    words.push(ranges)
    at += para.length + 2
  }
  return { text: parts.join('\n\n'), blocks, words }
}

/**
 * Span shapes per paragraph, by word index: a claim, a source nested in it, a sentiment across its
 * end, another claim, then more (up to ten per paragraph for 50,000 spans). Words 20–22 stay free:
 * the benchmark tags them.
 */
const SHAPES: [string, number, number][] = [
  ['claim', 0, 9],
  ['source', 2, 4],
  ['sentiment', 7, 12],
  ['claim', 14, 18],
  ['source', 15, 16],
  ['sentiment', 1, 3],
  ['claim', 5, 6],
  ['source', 10, 11],
  ['sentiment', 13, 19],
  ['claim', 17, 19],
]

/** `total` spans spread evenly over the paragraphs; every 25th paragraph's 4th span crosses into the next. */
export function makeSpans(article: Article, total: number): Span[] {
  const spans: Span[] = []
  const now = new Date('2024-06-19T12:00:00.000Z').toISOString()
  const n = article.words.length
  article.words.forEach((ranges, p) => {
    const count = Math.floor(((p + 1) * total) / n) - Math.floor((p * total) / n)
    for (const [i, [layer, from, to]] of SHAPES.slice(0, count).entries()) {
      const a = ranges[Math.min(from, ranges.length - 2)]
      let b = ranges[Math.min(to, ranges.length - 1)]
      if (i === 3 && p % 25 === 24 && p + 1 < n) b = article.words[p + 1][1]
      spans.push({
        id: `b-${p}-${spans.length}`,
        layer,
        label: layer[0].toUpperCase() + layer.slice(1),
        start: a.start,
        end: b.end,
        quote: quoteOf(article.text, a.start, b.end),
        attributes: {},
        annotator: 'bench',
        createdAt: now,
        updatedAt: now,
      })
    }
  })
  return spans
}

/** The share of spans that overlap another span (nesting included). */
export function overlapShare(spans: readonly Span[]): number {
  const sorted = [...spans].sort((a, b) => a.start - b.start)
  const overlapping = new Set<string>()
  let open: Span[] = []
  for (const s of sorted) {
    open = open.filter((o) => o.end > s.start)
    for (const o of open) {
      overlapping.add(o.id)
      overlapping.add(s.id)
    }
    open.push(s)
  }
  return overlapping.size / Math.max(1, spans.length)
}

/** A project folder holding the article, and a user-data folder whose last project it is. */
export async function makeProject(root: string, name: string, article: Article, spans: Span[]) {
  const dir = path.join(root, name)
  const store = await ProjectStore.create(dir, { name })
  await store.addDocument({
    title: `Benchmark article (${spans.length} spans)`,
    metadata: { outlet: 'bench' },
    text: article.text,
    blocks: article.blocks,
    annotations: { spans, relations: [], docLabels: {} },
  })
  await store.close()
  const userDataDir = path.join(root, `${name}-user-data`)
  await mkdir(userDataDir, { recursive: true })
  const files = await AppFiles.load(userDataDir)
  await files.updateState((s) => ({ ...s, sampleInstalled: true, lastProject: dir, recent: [dir] }))
  return { dir, userDataDir }
}
