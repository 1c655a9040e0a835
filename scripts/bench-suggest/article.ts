// The suggestion benchmarks' long article: varied wire-style paragraphs (the gold texts' own,
// shuffled and repeated deterministically) up to a size, with its blocks.
import type { Block } from '../../src/shared/model'
import { GOLD_TEXTS, loadGold } from '../../test/fixtures/suggest/gold'
import { seededRandom as random } from '../../src/shared/seeded-random'

export function bigArticle(bytes: number): { text: string; blocks: Block[] } {
  const paragraphs = GOLD_TEXTS.flatMap(({ name }) => {
    const d = loadGold(name)
    return d.blocks.slice(1).map((b) => d.text.slice(b.start, b.end))
  })
  const rand = random(7)
  const parts: string[] = []
  const blocks: Block[] = []
  let at = 0
  while (at < bytes) {
    const p = paragraphs[Math.floor(rand() * paragraphs.length)]
    blocks.push({ type: 'paragraph', start: at, end: at + p.length })
    parts.push(p)
    at += p.length + 2
  }
  return { text: parts.join('\n\n'), blocks }
}
