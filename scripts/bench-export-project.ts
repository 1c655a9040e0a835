// The project of the export benchmarks (bench-export.ts, bench-export-renderer.ts): `docs`
// documents of 600 words and 100 spans each (a third per layer, a claim attributed to its source
// every 10 spans), on disk, generated from a fixed seed so every run measures the same project.
import { existsSync } from 'node:fs'
import { rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { ProjectStore } from '../src/main/core/storage'
import { defaultSchema } from '../src/shared/default-schema'
import { FORMAT_VERSION, type Relation, type Span } from '../src/shared/model'
import { seededRandom as rng } from '../src/shared/seeded-random'

export const SPANS_PER_DOC = 100
const WORDS_PER_DOC = 600
const T = '2024-05-01T10:00:00.000Z'
const WORDS = ['minister', 'said', 'taxes', 'would', 'rise', 'café', 'naïve', 'report', '😀']
WORDS.push('Reuters', '中文', 'agency')

/** The quote of [start, end): context cut at code points, which here are grapheme boundaries. */
function quote(text: string, start: number, end: number) {
  const low = (i: number) => /[\uDC00-\uDFFF]/.test(text[i] ?? '')
  let from = Math.max(0, start - 32)
  if (low(from)) from++
  let to = Math.min(text.length, end + 32)
  if (low(to)) to--
  return {
    exact: text.slice(start, end),
    prefix: text.slice(from, start),
    suffix: text.slice(end, to),
  }
}

/** Builds the bench project in `dir`: `docs` documents of 600 words and 100 spans each. */
async function buildProject(dir: string, docs: number): Promise<void> {
  const random = rng(42)
  const schema = defaultSchema()
  const store = await ProjectStore.create(dir, { name: 'Bench', schema })
  for (let d = 0; d < docs; d++) {
    const words: string[] = []
    for (let w = 0; w < WORDS_PER_DOC; w++) {
      words.push(WORDS[Math.floor(random() * WORDS.length)] + (w % 15 === 14 ? '.\n' : ' '))
    }
    const text = words.join('')
    const starts: number[] = []
    for (let i = 0, at = 0; i < words.length; at += words[i].length, i++) starts.push(at)
    const spans: Span[] = []
    for (let k = 0; k < SPANS_PER_DOC; k++) {
      const w = Math.floor(random() * (words.length - 3))
      const start = starts[w]
      const end = starts[w + 1 + Math.floor(random() * 2)] - 1
      const layer = schema.layers[k % 3]
      spans.push({
        ...{ id: `s${d}x${k}`, layer: layer.id, label: layer.labels[0].name, start, end },
        quote: quote(text, start, end),
        attributes: layer.id === 'claim' ? { checkability: 'factual', note: 'checked' } : {},
        ...{ annotator: 'bench', createdAt: T, updatedAt: T },
      })
    }
    const relations: Relation[] = []
    for (let k = 0; k < SPANS_PER_DOC; k += 10) {
      const claim = k - (k % 3) // spans cycle claim, source, sentiment: a claim and its source
      relations.push({
        ...{ id: `r${d}x${k}`, type: 'attributed_to', from: spans[claim].id },
        ...{ to: spans[claim + 1].id, attributes: {}, annotator: 'bench' },
        ...{ createdAt: T, updatedAt: T },
      })
    }
    const added = await store.addDocument({
      ...{ title: `Article ${d}`, metadata: {}, text, blocks: [] },
      annotations: { spans, relations, docLabels: {} },
    })
    if (added.status !== 'added') throw new Error(`document ${d} was a duplicate`)
  }
  await store.close()
}

/**
 * The bench project of `docs` documents, built once in the system's temp folder and kept for the
 * next run (`fresh` builds it again); its path.
 */
export async function benchProject(docs: number, fresh = false): Promise<string> {
  const cached = path.join(os.tmpdir(), `marginalia-bench-export-v${FORMAT_VERSION}-${docs}`)
  const marker = `${cached}.complete`
  if (fresh || !existsSync(marker)) {
    await rm(marker, { force: true })
    await rm(cached, { recursive: true, force: true })
    const t0 = performance.now()
    await buildProject(cached, docs)
    await writeFile(marker, new Date().toISOString())
    console.log(`built the project in ${((performance.now() - t0) / 1000).toFixed(0)} s: ${cached}`)
  }
  await settleIndex(cached, marker)
  return cached
}

/**
 * Opens the project once with its lock, two seconds after it was built, so its index cache
 * (`.marginalia/index.json`) records every file as the app's own open would: a project just built
 * has files too new to be trusted by their times, and an open without the lock (what an export's
 * reader does) never rewrites the cache, so every such open read all 1,000 annotation files again,
 * which a project the app has opened since its files were written does not pay. Another process
 * holding the lock (a bench of the window) leaves the cache as it is.
 */
async function settleIndex(dir: string, marker: string): Promise<void> {
  const age = Date.now() - (await stat(marker)).mtimeMs
  if (age < 2500) await new Promise((resolve) => setTimeout(resolve, 2500 - age))
  const store = await ProjectStore.open(dir).catch((error: unknown) => {
    console.warn(`the index cache was not settled: ${String(error)}`)
    return null
  })
  await store?.close()
}
