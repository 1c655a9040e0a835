// Benchmark (not a test): the project core on a large document, each figure against a floor measured
// in the same run (issue 11's storage targets). Run: `npm run bench:storage`.
//
// - open: `loadDocument` of a 1 MB article with 20,000 spans (its document file and its analyst's
//   annotation file, each read, parsed and validated) against reading and JSON.parse-ing the same
//   two files; target ≤ 2×. The full zod validation of the same data is shown beside it, to say what
//   the fast check buys.
// - save: `saveAnnotations` of those 20,000 spans after one edit (a span added, changed or deleted,
//   at different places), as the app autosaves, in a project of 1 document and in one of many;
//   target ≤ 50 ms and the same in both. Such a save is checked and journalled incrementally
//   (set-saver.ts); the open after those saves (the journal applied) is shown too, and a save that
//   changes every claim (written whole: temp file, fsync, rename). Floors: a bare writeFile of the
//   set file's bytes, and JSON.stringify alone. The renderer's side of each such save (finding the
//   changed spans and cloning them for IPC) is shown against cloning the whole set, as before.
// - import of .txt, .md and .html articles against decoding their bytes.
// Sizes: BENCH_SPANS (20000), BENCH_OTHER_DOCS (2000) override the defaults.
import { spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import v8 from 'node:v8'
import { importDocumentFile } from '../src/main/core/import'
import { ProjectStore } from '../src/main/core/storage'
import { changesBetween, compareSpans } from '../src/shared/annotation-changes'
import { quoteOf } from '../src/shared/anchor'
import { zAnnotations, zDocument, type Annotations, type Span } from '../src/shared/model'
import { generateProject } from './bench-project-files'

const SPANS = Number(process.env.BENCH_SPANS ?? 20_000)
const OTHER_DOCS = Number(process.env.BENCH_OTHER_DOCS ?? 2_000)
const RUNS = 9
const SAVES = 30
const T = '2024-05-01T10:00:00.000Z'
const WORDS = ['minister', 'said', 'taxes', 'would', 'rise', 'café', 'report', '😀', 'agency']

function article(paragraphs: number, seed: number): string[] {
  return Array.from({ length: paragraphs }, (_, p) =>
    Array.from({ length: 36 }, (_, w) => WORDS[(seed + p * 7 + w * 3) % WORDS.length]).join(' '),
  )
}

/** `count` spans over `text`, about a fifth overlapping the one before, some across paragraphs. */
function manySpans(text: string, count: number, round: number): Annotations {
  const spans: Span[] = []
  const step = Math.floor(text.length / count)
  for (let i = 0; i < count; i++) {
    let start = i * step
    if (i % 5 === 4) start -= Math.floor(step / 2) // overlaps the previous span
    while (start > 0 && text[start - 1] !== ' ' && text[start - 1] !== '\n') start--
    let end = start + step * (i % 50 === 0 ? 4 : 1) - 1 // every 50th crosses a paragraph or more
    end = Math.min(end, text.length)
    while (end < text.length && text[end] !== ' ' && text[end] !== '\n') end++
    const layer = ['claim', 'source', 'sentiment', 'cue'][i % 4]
    const label = { claim: 'Claim', source: 'Source', sentiment: 'Sentiment', cue: 'Cue' }[layer]!
    spans.push({
      id: `s${i}`,
      layer,
      label,
      start,
      end,
      quote: quoteOf(text, start, end),
      attributes: layer === 'claim' ? { note: `round ${round}` } : {},
      annotator: 'bench',
      createdAt: T,
      updatedAt: T,
    })
  }
  return { spans, relations: [], docLabels: {} }
}

interface Stats {
  p50: number
  p95: number
  max: number
}

async function sample(times: number, run: () => unknown): Promise<Stats> {
  const samples: number[] = []
  for (let i = 0; i < times; i++) {
    const t0 = performance.now()
    await run()
    samples.push(performance.now() - t0)
  }
  return stats(samples)
}

function stats(samples: number[]): Stats {
  samples.sort((a, b) => a - b)
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]
  return { p50: at(0.5), p95: at(0.95), max: samples[samples.length - 1] }
}

const rows: { what: string; ours: Stats; floor: Stats; floorName: string; target?: string }[] = []

/** A project of `others` small documents plus the big one; returns the store and the big id. */
async function bigProject(dir: string, others: number, text: string) {
  if (others > 0) await generateProject(dir, { documents: others, spansPerDocument: 5 })
  const store =
    others > 0
      ? await ProjectStore.open(dir, { analyst: 'bench' })
      : await ProjectStore.create(dir, { name: 'Bench', analyst: 'bench' })
  const doc = importDocumentFile('big.txt', new TextEncoder().encode(text))
  const added = await store.addDocument(doc)
  if (added.status !== 'added') throw new Error('not added')
  return { store, id: added.entry.id }
}

async function benchBig(tmp: string): Promise<void> {
  const text = article(5000, 1).join('\n\n') // ≈ 1.1 MB
  const mb = (Buffer.byteLength(text) / 1e6).toFixed(2)
  const small = path.join(tmp, 'one')
  const { store, id } = await bigProject(small, 0, text)
  await store.saveAnnotations(id, manySpans(text, SPANS, 0))
  await store.close()

  // Open: the document and the analyst's annotations, as the app loads them.
  const reader = await ProjectStore.open(small, { lock: false, analyst: 'bench' })
  const docFile = path.join(small, 'documents', `${id}.json`)
  const setFile = path.join(small, 'annotations', 'bench', `${id}.json`)
  const setMb = ((await readFile(setFile)).length / 1e6).toFixed(1)
  const open = await sample(RUNS, () => reader.loadDocument(id))
  const parse = await sample(RUNS, async () => {
    JSON.parse(await readFile(docFile, 'utf8'))
    JSON.parse(await readFile(setFile, 'utf8'))
  })
  const loaded = await reader.loadDocument(id)
  if (loaded.annotations.spans.length !== SPANS) throw new Error('spans missing')
  const zodOnly = await sample(RUNS, async () => {
    const d = JSON.parse(await readFile(docFile, 'utf8')) as { document: unknown }
    const s = JSON.parse(await readFile(setFile, 'utf8')) as { annotations: unknown }
    zDocument.parse(d.document)
    zAnnotations.parse(s.annotations)
  })
  await reader.close()
  const name = `open a ${mb} MB article with ${SPANS} spans (set file ${setMb} MB)`
  rows.push({
    what: name,
    ours: open,
    floor: parse,
    floorName: 'read + JSON.parse',
    target: '≤ 2×',
  })
  rows.push({
    what: '  the same validated by the full zod schema instead',
    ours: zodOnly,
    floor: parse,
    floorName: 'read + JSON.parse',
  })

  // Save: the same spans, in a project of one document and in one of many.
  const many = path.join(tmp, 'many')
  const big = await bigProject(many, OTHER_DOCS, text)
  // The generator writes without fsync: flush it now, or the first fsync measured pays for it.
  if (process.platform !== 'win32') spawnSync('sync')
  for (const [label, dir, s, docId] of [
    ['1 document', small, null, id],
    [`${OTHER_DOCS + 1} documents`, many, big.store, big.id],
  ] as const) {
    const st = s ?? (await ProjectStore.open(dir, { analyst: 'bench' }))
    if (s) await st.saveAnnotations(docId, manySpans(text, SPANS, 0))
    await benchSaves({ st, dir, docId, label, text, parse, tmp })
    await st.close()
  }
}

/** Saves after one edit, the open after them, and a save that changes every claim. */
async function benchSaves(opts: {
  st: ProjectStore
  dir: string
  docId: string
  label: string
  text: string
  parse: Stats
  tmp: string
}): Promise<void> {
  const { st, dir, docId, label, text, parse, tmp } = opts
  const base = (await st.loadDocument(docId)).annotations
  // As in the app, where the window shows the document before the first edit arrives.
  await new Promise((resolve) => setImmediate(resolve))
  // What the app saves: the whole set after one edit (add, change or delete a span), at
  // different places in the article.
  const current = { ...base, spans: [...base.spans] }
  let edit = 0
  const editOnce = () => {
    const i = (edit * 7919) % current.spans.length
    const kind = edit++ % 3
    const span = current.spans[i]
    if (kind === 0) current.spans.push({ ...span, id: `added${edit}` })
    else if (kind === 1) {
      current.spans[i] = { ...span, attributes: { note: `edit ${edit}` }, updatedAt: T }
    } else current.spans.splice(i, 1)
    return { ...current, spans: [...current.spans] }
  }
  // Three untimed saves first, so the first timed ones do not include compiling the code.
  for (let w = 0; w < 3; w++) await st.saveAnnotations(docId, editOnce())
  const edits = Array.from({ length: SAVES }, editOnce)
  let e = 0
  const save = await sample(SAVES, () => st.saveAnnotations(docId, edits[e++]))
  benchSavePayload(edits)
  const bytes = await readFile(path.join(dir, 'annotations', 'bench', `${docId}.json`))
  const bare = path.join(tmp, 'bare.json')
  const write = await sample(SAVES, () => writeFile(bare, bytes))
  rows.push({
    what: `save ${SPANS} spans after one edit, project of ${label}`,
    ours: save,
    floor: write,
    floorName: 'bare writeFile',
    target: '≤ 50 ms',
  })
  // The document opened again with the journal of those saves.
  const reopen = await sample(RUNS, () => st.loadDocument(docId))
  rows.push({
    what: `  open it again with ${SAVES} saves in its journal`,
    ours: reopen,
    floor: parse,
    floorName: 'read + JSON.parse',
    target: '≤ 2×',
  })
  // Every claim span changed at once: the set is written whole.
  let round = 0
  const sets = Array.from({ length: 4 }, () => manySpans(text, SPANS, ++round))
  let n = 0
  const whole = await sample(SAVES / 3, () => st.saveAnnotations(docId, sets[n++ % sets.length]))
  const stringify = await sample(SAVES / 3, () => JSON.stringify(sets[0]))
  rows.push({
    what: `  save with every claim changed (written whole)`,
    ours: whole,
    floor: write,
    floorName: 'bare writeFile',
  })
  rows.push({
    what: '  JSON.stringify of the spans alone',
    ours: stringify,
    floor: write,
    floorName: 'bare writeFile',
  })
}

/**
 * The renderer's side of each of those saves: autosave finds the spans that changed since the last
 * save and sends them (`changesBetween`, then the structured clone IPC makes of them, V8's
 * serializer here as in Electron's renderer), against cloning the whole set, what every save sent
 * before `document:save-changes`.
 */
function benchSavePayload(unsorted: Annotations[]): void {
  // In stored order, as the editor hands them to autosave (`annotationsOf`).
  const edits = unsorted.map((a) => ({ ...a, spans: [...a.spans].sort(compareSpans) }))
  const times = { changes: [] as number[], whole: [] as number[] }
  for (let k = 1; k < edits.length; k++) {
    let t0 = performance.now()
    v8.serialize(changesBetween(edits[k - 1], edits[k], 'v1'))
    times.changes.push(performance.now() - t0)
    t0 = performance.now()
    v8.serialize(edits[k])
    times.whole.push(performance.now() - t0)
  }
  rows.push({
    what: '  the renderer sends the changes of each save',
    ours: stats(times.changes),
    floor: stats(times.whole),
    floorName: 'clone of the whole set (before)',
  })
}

async function benchImport(tmp: string): Promise<void> {
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
  await mkdir(tmp, { recursive: true })
  for (const [name, source] of inputs) {
    const data = new TextEncoder().encode(source)
    const imported = await sample(3, () => importDocumentFile(name, data))
    const decoded = await sample(3, () => new TextDecoder('utf-8', { fatal: true }).decode(data))
    rows.push({
      what: `import ${name} (${Math.round(data.length / 1024)} kB)`,
      ours: imported,
      floor: decoded,
      floorName: 'UTF-8 decoding',
    })
  }
}

function print(): void {
  const width = Math.max(...rows.map((r) => r.what.length))
  const ms = (v: number) => v.toFixed(1).padStart(8)
  console.log(
    `${'operation'.padEnd(width)}  p50 (ms)  p95 (ms)  max (ms)  floor p50  ratio  target   floor`,
  )
  for (const { what, ours, floor, floorName, target } of rows) {
    const ratio = `${(ours.p50 / floor.p50).toFixed(2)}×`.padStart(6)
    console.log(
      `${what.padEnd(width)}  ${ms(ours.p50)}  ${ms(ours.p95)}  ${ms(ours.max)}  ${ms(floor.p50)}   ${ratio}  ${(target ?? '').padEnd(7)}  ${floorName}`,
    )
  }
  console.log(
    `(${RUNS} runs per open, ${SAVES} saves; ratio = our p50 / the floor's p50, same machine, same run)`,
  )
}

async function main(): Promise<void> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'marginalia-bench-'))
  try {
    await benchBig(tmp)
    await benchImport(path.join(tmp, 'import'))
  } finally {
    await rm(tmp, { recursive: true, force: true })
  }
  print()
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
