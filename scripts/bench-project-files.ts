// Generates a format-3 project folder of many documents for the benchmarks, fast: the project is
// created by the store, then each document file and its annotation file are written straight to
// disk in the store's own format (plain writes, no fsync: generation is not what is measured).
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { ProjectStore, contentHash } from '../src/main/core/storage'
import { serializeSet, setJson } from '../src/main/core/storage/annotation-sets'
import { quoteOf } from '../src/shared/anchor'
import { DOCUMENT_FORMAT, FORMAT_VERSION, type Relation, type Span } from '../src/shared/model'

const WORDS = ['minister', 'said', 'taxes', 'would', 'rise', 'report', 'agency', 'claimed']
const T = '2024-05-01T10:00:00.000Z'

/** A short article (about 2 kB) that differs per document. */
function articleText(n: number): string {
  return Array.from({ length: 6 }, (_, p) =>
    Array.from({ length: 40 }, (_, w) => WORDS[(n + p * 5 + w * 3) % WORDS.length]).join(' '),
  )
    .join('\n\n')
    .concat(`\n\nDocument ${n}.`)
}

/**
 * Writes `documents` documents, each with `spansPerDocument` claims of analyst "bench". With
 * `sources`, each document also has two sources, each claim attributed to one of them: "said"
 * (one source across every document) and "Document <n>" (a source of its own per document).
 */
export async function generateProject(
  dir: string,
  opts: { documents: number; spansPerDocument: number; sources?: boolean },
): Promise<void> {
  const store = await ProjectStore.create(dir, { name: 'Bench', analyst: 'bench' })
  await store.close()
  await mkdir(path.join(dir, 'documents'), { recursive: true })
  await mkdir(path.join(dir, 'annotations', 'bench'), { recursive: true })
  const batch: Promise<void>[] = []
  for (let n = 0; n < opts.documents; n++) {
    const id = `d-${String(n).padStart(6, '0')}`
    const text = articleText(n)
    const blocks = []
    let start = 0
    for (const para of text.split('\n\n')) {
      blocks.push({ type: 'paragraph' as const, start, end: start + para.length })
      start += para.length + 2
    }
    const addedAt = new Date(Date.parse(T) + n * 1000).toISOString()
    const document = {
      id,
      title: `Article ${n}`,
      metadata: {},
      text,
      blocks,
      contentHash: contentHash(text),
      addedAt,
      addedBy: 'bench',
    }
    const doc = { format: DOCUMENT_FORMAT, version: FORMAT_VERSION, document }
    const spans: Span[] = []
    for (let i = 0; i < opts.spansPerDocument; i++) {
      const s = text.indexOf(' ', i * 40) + 1
      const e = text.indexOf(' ', s + 10)
      spans.push({
        id: `s${i}`,
        layer: 'claim',
        label: 'Claim',
        start: s,
        end: e,
        quote: quoteOf(text, s, e),
        attributes: {},
        annotator: 'bench',
        createdAt: T,
        updatedAt: T,
      })
    }
    const relations = opts.sources ? attributeClaims(text, spans) : []
    const set = setJson(id, 'bench', 'bench', addedAt, { spans, relations, docLabels: {} })
    batch.push(
      writeFile(path.join(dir, 'documents', `${id}.json`), `${JSON.stringify(doc, null, 2)}\n`),
      writeFile(path.join(dir, 'annotations', 'bench', `${id}.json`), serializeSet(set)),
    )
    if (batch.length >= 64) await Promise.all(batch.splice(0))
  }
  await Promise.all(batch)
}

/** Adds the two sources of a document to `spans`, and returns the claims' attributions to them. */
function attributeClaims(text: string, spans: Span[]): Relation[] {
  const said = text.indexOf('said')
  const own = text.lastIndexOf('Document ')
  const sources = [
    { id: 'src-said', start: said, end: said + 'said'.length },
    { id: 'src-own', start: own, end: text.length - 1 },
  ]
  const claims = spans.map((s) => s.id)
  for (const { id, start, end } of sources) {
    spans.push({
      id,
      layer: 'source',
      label: 'Source',
      start,
      end,
      quote: quoteOf(text, start, end),
      attributes: {},
      annotator: 'bench',
      createdAt: T,
      updatedAt: T,
    })
  }
  return claims.map((claim, i) => ({
    id: `r${i}`,
    type: 'attributed_to',
    from: claim,
    to: sources[i % 2].id,
    attributes: {},
    annotator: 'bench',
    createdAt: T,
    updatedAt: T,
  }))
}
