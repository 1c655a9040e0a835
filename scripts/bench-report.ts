// Benchmark (not a test): the analyst report's render time and size as a project grows, for the
// sample's one document and for projects of 10, 100 and 1,000 copies of it (each copy its own
// document, so claims, sources and the network grow with it). Per size it prints the report's
// HTML time (p50, p95, max over the runs) and bytes, against a floor measured in the same run on
// the same data: serialising every document to JSON once (the least any report of them must do).
// The PDF, printed by the system Chromium, is timed for the sample and for 100 documents.
// Then the Sources view's (and the report's) per-source summary alone, for up to 10,000 documents
// (each source named in every one), against the same floor: the cost per claim must stay flat.
// Run: `npm run bench:report`.
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import {
  loadDocuments,
  reportData,
  type LoadedDocuments,
} from '../src/main/core/report/report-data'
import { reportHtml } from '../src/main/core/report/report-html'
import { findChromium, printReportPdf } from '../src/main/core/report/report-pdf'
import { ProjectStore } from '../src/main/core/storage'
import { claimRows, sourceSummaries } from '../src/shared/claims'
import type { DocumentFile, ProjectFile } from '../src/shared/model'

const SAMPLE = path.resolve(import.meta.dirname, '../resources/sample-project')
const SIZES = [1, 10, 100, 1000]
const PDF_SIZES = new Set([1, 100])
const SUMMARY_SIZES = [100, 1000, 10000]
const NOW = new Date('2025-01-01T00:00:00.000Z')

/** The sample project and its one document, read as the app reads them (no lock: read-only), with the sample analyst's annotations. */
async function sample(): Promise<{ project: ProjectFile; doc: DocumentFile }> {
  const store = await ProjectStore.open(SAMPLE, { lock: false })
  try {
    const loaded = await loadDocuments(store, null, 'default')
    return { project: loaded.project, doc: loaded.documents[0].file }
  } finally {
    await store.close()
  }
}

/** `n` copies of the sample's document, each with its own id and title. */
function projectOf(n: number, project: ProjectFile, doc: DocumentFile): LoadedDocuments {
  const documents = Array.from({ length: n }, (_, i) => {
    const id = `d-bench-${i}`
    const title = `${project.documents[0].title} (${i + 1})`
    const entry = { ...project.documents[0], id, title, file: `documents/${id}.json` }
    const file: DocumentFile = { ...doc, document: { ...doc.document, id, title } }
    return { entry, file }
  })
  return {
    project: { ...project, documents: documents.map((d) => d.entry) },
    documents,
    problems: [],
  }
}

function time<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now()
  const value = run()
  return { ms: performance.now() - start, value }
}

function stats(ms: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...ms].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] }
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1))

async function main(): Promise<void> {
  const { project, doc } = await sample()
  // Warm up: the first run loads ECharts and the layout and compiles the hot paths.
  reportHtml(reportData(projectOf(2, project, doc), { generator: 'bench', now: NOW }))
  console.log('docs  claims  html p50/p95/max ms  floor ms  ratio  html bytes   ms/doc')
  const pdfLines: string[] = []
  for (const n of SIZES) {
    const loaded = projectOf(n, project, doc)
    const runs = n >= 1000 ? 3 : n >= 100 ? 5 : 15
    const html: number[] = []
    const floor: number[] = []
    let out = ''
    let claims = 0
    for (let r = 0; r < runs; r++) {
      floor.push(time(() => loaded.documents.map((d) => JSON.stringify(d.file)).join('\n')).ms)
      const { ms, value } = time(() => {
        const data = reportData(loaded, { generator: 'bench', now: NOW })
        claims = data.rows.length
        return reportHtml(data)
      })
      html.push(ms)
      out = value
    }
    const s = stats(html)
    const f = stats(floor).p50
    console.log(
      `${String(n).padStart(4)}  ${String(claims).padStart(6)}  ` +
        `${`${fmt(s.p50)}/${fmt(s.p95)}/${fmt(s.max)}`.padStart(19)}  ${fmt(f).padStart(8)}  ` +
        `${(s.p50 / f).toFixed(1).padStart(5)}  ${String(Buffer.byteLength(out)).padStart(10)}  ` +
        (s.p50 / n).toFixed(2).padStart(7),
    )
    if (PDF_SIZES.has(n)) {
      const executable = findChromium()
      const { ms, bytes } = await timePdf(out, executable)
      pdfLines.push(
        `${String(n).padStart(4)}  ${fmt(ms).padStart(8)}  ${String(bytes).padStart(10)}`,
      )
    }
  }
  console.log('\nPDF (A4, system Chromium, one run including its start)')
  console.log('docs   pdf ms   pdf bytes')
  for (const line of pdfLines) console.log(line)
  summaryGrowth(project, doc)
}

/** The per-source summary of every claim of n documents: p50 of 3 runs against the floor. */
function summaryGrowth(project: ProjectFile, doc: DocumentFile): void {
  console.log('\nPer-source summary (claims.ts sourceSummaries: the Sources view, report, network)')
  console.log(' docs   claims  sources  summary ms  floor ms  ratio  µs/claim')
  for (const n of SUMMARY_SIZES) {
    const loaded = projectOf(n, project, doc)
    const rows = loaded.documents.flatMap((d) =>
      claimRows(project.schema, d.file, project.entities),
    )
    const summary: number[] = []
    const floor: number[] = []
    let sources = 0
    for (let r = 0; r < 3; r++) {
      floor.push(time(() => loaded.documents.map((d) => JSON.stringify(d.file)).join('\n')).ms)
      const { ms, value } = time(() => sourceSummaries(rows))
      summary.push(ms)
      sources = value.length
    }
    const s = stats(summary).p50
    const f = stats(floor).p50
    console.log(
      `${String(n).padStart(5)}  ${String(rows.length).padStart(7)}  ${String(sources).padStart(7)}  ` +
        `${fmt(s).padStart(10)}  ${fmt(f).padStart(8)}  ${(s / f).toFixed(2).padStart(5)}  ` +
        ((s * 1000) / rows.length).toFixed(2).padStart(8),
    )
  }
}

async function timePdf(html: string, executable: string): Promise<{ ms: number; bytes: number }> {
  const start = performance.now()
  const pdf = await printReportPdf(html, 'a4', executable)
  return { ms: performance.now() - start, bytes: pdf.byteLength }
}

await main()
