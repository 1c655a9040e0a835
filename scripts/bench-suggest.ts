// `npm run bench:suggest`: times the suggestion engine in Node on the sample article and on a
// ~1 MB article built from varied wire-style paragraphs (the gold texts, shuffled and repeated),
// against a floor in the same run: one plain regex scan for the cue words over the same text.
// Prints p50/p95/max and the ratio to the floor; no assertions (the machine is shared and noisy).
import { readFileSync } from 'node:fs'
import { defaultSchema } from '../src/shared/default-schema'
import type { Block, Entity } from '../src/shared/model'
import { suggest } from '../src/shared/suggest'
import { GOLD_TEXTS, loadGold } from '../test/fixtures/suggest/gold'

const sampleDoc = JSON.parse(
  readFileSync(
    new URL(
      '../resources/sample-project/documents/russia-north-korea-alliance.json',
      import.meta.url,
    ),
    'utf8',
  ),
) as { document: { text: string; blocks: Block[] } }
const project = JSON.parse(
  readFileSync(new URL('../resources/sample-project/project.json', import.meta.url), 'utf8'),
) as { entities: Entity[] }

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function bigArticle(bytes: number): { text: string; blocks: Block[] } {
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

const CUE_SCAN = /\b(said|says|told|according to|claimed|denied|warned|announced)\b/gi
function floor(text: string): number {
  let n = 0
  for (CUE_SCAN.lastIndex = 0; CUE_SCAN.exec(text);) n++
  return n
}

function time(runs: number, f: () => unknown): number[] {
  const out: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    f()
    out.push(performance.now() - t0)
  }
  return out.sort((a, b) => a - b)
}

const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]
const ms = (x: number) => `${x.toFixed(1)} ms`

function report(label: string, text: string, blocks: Block[], runs: number, budget: number) {
  const schema = defaultSchema()
  const input = { text, blocks, schema, entities: project.entities }
  suggest(input) // warm-up
  const engine = time(runs, () => suggest(input))
  const scan = time(runs, () => floor(text))
  const n = suggest(input).length
  console.log(
    `${label}: ${(text.length / 1024).toFixed(0)} KB, ${n} suggestions — engine p50 ${ms(q(engine, 0.5))} ` +
      `p95 ${ms(q(engine, 0.95))} max ${ms(engine[engine.length - 1])} (budget ${budget} ms); ` +
      `floor (regex scan) p50 ${ms(q(scan, 0.5))}; ratio ${(q(engine, 0.5) / q(scan, 0.5)).toFixed(0)}×`,
  )
  return q(engine, 0.5)
}

report('sample', sampleDoc.document.text, sampleDoc.document.blocks, 30, 50)
const sizes = [256 * 1024, 512 * 1024, 1024 * 1024]
const medians = sizes.map((size) => {
  const a = bigArticle(size)
  return report(
    `article ${size / 1024} KB`,
    a.text,
    a.blocks,
    5,
    size >= 1024 * 1024 ? 2000 : Infinity,
  )
})
console.log(
  `growth: ${medians.map((m, i) => `${sizes[i] / 1024} KB → ${m.toFixed(0)} ms`).join(', ')} ` +
    `(per MB: ${((medians[2] / sizes[2]) * 1024 * 1024).toFixed(0)} ms)`,
)
