// Benchmark (not a test): builds a project of 1,000 documents and 100,000 spans in memory and runs
// every export format on it, printing the time and the memory (heap used and RSS, sampled when
// the format returns, its output still held) per format. Run: `npx tsx scripts/bench-export.ts`.
import { exportFormats } from '../src/main/core/formats'
import { prepareExport } from '../src/main/core/formats/checked'
import { quoteOf } from '../src/shared/anchor'
import { defaultSchema } from '../src/shared/default-schema'
import {
  FORMAT_VERSION,
  type DocumentFile,
  type ProjectFile,
  type Relation,
  type Span,
} from '../src/shared/model'

const DOCS = 1000
const SPANS_PER_DOC = 100
const T = '2024-05-01T10:00:00.000Z'
const WORDS = [
  'minister',
  'said',
  'taxes',
  'would',
  'rise',
  'café',
  'naïve',
  'report',
  '😀',
  'Reuters',
  '中文',
  'agency',
]

/** A deterministic pseudo-random generator, so every run measures the same project. */
function rng(seed: number): () => number {
  let s = seed
  return () => (s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32
}

function buildInput(): { project: ProjectFile; documents: DocumentFile[] } {
  const random = rng(42)
  const schema = defaultSchema()
  const documents: DocumentFile[] = []
  for (let d = 0; d < DOCS; d++) {
    const words: string[] = []
    for (let w = 0; w < 600; w++)
      words.push(WORDS[Math.floor(random() * WORDS.length)] + (w % 15 === 14 ? '.\n' : ' '))
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
        id: `s${d}x${k}`,
        layer: layer.id,
        label: layer.labels[0].name,
        start,
        end,
        quote: quoteOf(text, start, end),
        attributes: layer.id === 'claim' ? { checkability: 'factual', note: 'checked' } : {},
        annotator: 'bench',
        createdAt: T,
        updatedAt: T,
      })
    }
    const relations: Relation[] = []
    for (let k = 0; k + 1 < SPANS_PER_DOC; k += 10) {
      relations.push({
        id: `r${d}x${k}`,
        type: 'attributed_to',
        from: spans[k].id,
        to: spans[k + 1].id,
        attributes: {},
        annotator: 'bench',
        createdAt: T,
        updatedAt: T,
      })
    }
    documents.push({
      format: 'marginalia-document',
      version: FORMAT_VERSION,
      document: {
        id: `d${d}`,
        title: `Article ${d}`,
        metadata: {},
        text,
        blocks: [],
        contentHash: `sha256:${'0'.repeat(64)}`,
      },
      annotations: { spans, relations, docLabels: {} },
    })
  }
  return {
    project: {
      format: 'marginalia-project',
      version: FORMAT_VERSION,
      id: 'bench',
      name: 'Bench',
      createdAt: T,
      updatedAt: T,
      schema,
      documents: documents.map((f) => ({
        id: f.document.id,
        title: f.document.title,
        file: `documents/${f.document.id}.json`,
        contentHash: f.document.contentHash,
        addedAt: T,
      })),
      entities: [],
    },
    documents,
  }
}

const built = buildInput()
// The runner checks each document before a format sees it (checked.ts); the bench does the same.
const { input } = prepareExport(built.project, built.documents)
const mb = (n: number) => (n / 1024 / 1024).toFixed(0)
const rows: string[][] = []
for (const [name, format] of Object.entries(exportFormats)) {
  globalThis.gc?.()
  const base = process.memoryUsage()
  let peakHeap = base.heapUsed
  let peakRss = base.rss
  const sample = () => {
    const m = process.memoryUsage()
    peakHeap = Math.max(peakHeap, m.heapUsed)
    peakRss = Math.max(peakRss, m.rss)
  }
  // The export is synchronous, so memory is sampled when it returns (its output still held).
  const started = performance.now()
  const out = format.export(input)
  const ms = performance.now() - started
  sample()
  const bytes = out.files.reduce(
    (n, f) => n + (typeof f.data === 'string' ? Buffer.byteLength(f.data) : f.data.byteLength),
    0,
  )
  rows.push([
    name,
    `${ms.toFixed(0)} ms`,
    `${mb(peakHeap)} MB (+${mb(peakHeap - base.heapUsed)})`,
    `${mb(peakRss)} MB`,
    `${mb(bytes)} MB`,
    String(out.manifest.counts.spans),
  ])
}
const header = ['format', 'time', 'peak heap (Δ)', 'peak RSS', 'output', 'spans']
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ')
console.log(`${DOCS} documents, ${DOCS * SPANS_PER_DOC} spans`)
console.log(line(header))
for (const r of rows) console.log(line(r))
