// Benchmark (not a test): the cost of durability and validation in the project core, each against
// a baseline in the same run. Saving one annotated document (temp file, fsync, rename, fsync of
// the folder, after validation) against a bare writeFile of the same bytes; opening a project
// (every file read and validated) against reading and JSON.parse-ing the same files; importing
// .txt, .md and .html articles against decoding their bytes. Run: `npm run bench:storage`.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { importDocumentFile } from '../src/main/core/import'
import { ProjectStore } from '../src/main/core/storage'
import { quoteOf } from '../src/shared/anchor'
import type { Annotations, Span } from '../src/shared/model'

const DOCUMENTS = 200
const PARAGRAPHS = 40
const SPANS = 100
const SAVES = 30
const T = '2024-05-01T10:00:00.000Z'

function article(paragraphs: number, seed: number): string[] {
  const words = ['minister', 'said', 'taxes', 'would', 'rise', 'café', 'report', '😀', 'agency']
  return Array.from({ length: paragraphs }, (_, p) =>
    Array.from({ length: 60 }, (_, w) => words[(seed + p * 7 + w * 3) % words.length]).join(' '),
  )
}

function annotations(text: string, round: number): Annotations {
  const spans: Span[] = []
  for (let i = 0; i < SPANS; i++) {
    const start = text.indexOf(' ', (i * 997) % (text.length - 200)) + 1
    const end = text.indexOf(' ', start + 20)
    spans.push({
      id: `s${i}`,
      layer: 'claim',
      label: 'Claim',
      start,
      end,
      quote: quoteOf(text, start, end),
      attributes: { note: `round ${round}` },
      annotator: 'bench',
      createdAt: T,
      updatedAt: T,
    })
  }
  return { spans, relations: [], docLabels: {} }
}

async function median(times: number, run: () => unknown): Promise<number> {
  const samples: number[] = []
  for (let i = 0; i < times; i++) {
    const t0 = performance.now()
    await run()
    samples.push(performance.now() - t0)
  }
  samples.sort((a, b) => a - b)
  return samples[Math.floor(samples.length / 2)]
}

const rows: [string, number, number][] = []

async function main(): Promise<void> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'marginalia-bench-'))
  try {
    const dir = path.join(tmp, 'project')
    const store = await ProjectStore.create(dir, { name: 'Bench' })
    const ids: string[] = []
    for (let d = 0; d < DOCUMENTS; d++) {
      const doc = importDocumentFile(
        `a${d}.txt`,
        new TextEncoder().encode([`Article ${d}`, ...article(PARAGRAPHS, d)].join('\n\n')),
      )
      const { entry } = (await store.addDocument(doc)) as { entry: { id: string } }
      ids.push(entry.id)
    }
    const id = ids[0]
    const file = await store.loadDocument(id)
    let round = 0
    const save = await median(SAVES, () =>
      store.saveAnnotations(id, annotations(file.document.text, ++round)),
    )
    const bytes = JSON.stringify({ ...file, annotations: annotations(file.document.text, 0) })
    const bare = path.join(tmp, 'bare.json')
    const write = await median(SAVES, () => writeFile(bare, bytes))
    rows.push([`save one document (${SPANS} spans), median of ${SAVES}`, save, write])
    await store.close()

    const open = await median(5, async () => {
      const s = await ProjectStore.open(dir, { lock: false })
      await s.close()
    })
    const parse = await median(5, async () => {
      JSON.parse(await readFile(path.join(dir, 'project.json'), 'utf8'))
      const docs = path.join(dir, 'documents')
      for (const name of await readdir(docs))
        JSON.parse(await readFile(path.join(docs, name), 'utf8'))
    })
    rows.push([`open a project of ${DOCUMENTS} documents, median of 5`, open, parse])

    const paragraphs = article(1500, 1)
    const inputs: [string, string][] = [
      ['a.txt', paragraphs.join('\n\n')],
      ['a.md', paragraphs.map((p, i) => (i % 20 === 0 ? `## ${p.slice(0, 40)}` : p)).join('\n\n')],
      [
        'a.html',
        `<html><head><title>Bench</title></head><body><article><h1>Bench</h1>${paragraphs
          .map((p) => `<p>${p}</p>`)
          .join('')}</article></body></html>`,
      ],
    ]
    for (const [name, source] of inputs) {
      const data = new TextEncoder().encode(source)
      const imported = await median(3, () => importDocumentFile(name, data))
      const decoded = await median(3, () => new TextDecoder('utf-8', { fatal: true }).decode(data))
      rows.push([
        `import ${name} (${Math.round(data.length / 1024)} kB), median of 3`,
        imported,
        decoded,
      ])
    }
  } finally {
    await rm(tmp, { recursive: true, force: true })
  }
  const width = Math.max(...rows.map((r) => r[0].length))
  console.log(`${'operation'.padEnd(width)}  ours (ms)  baseline (ms)  ratio`)
  for (const [what, ours, base] of rows) {
    console.log(
      `${what.padEnd(width)}  ${ours.toFixed(1).padStart(9)}  ${base.toFixed(1).padStart(13)}  ${(ours / base).toFixed(1).padStart(5)}x`,
    )
  }
  console.log(
    'baselines: bare writeFile; read + JSON.parse without validation; UTF-8 decoding only',
  )
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
