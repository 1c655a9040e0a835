// Benchmark (not a test): computeAgreement on synthetic projects of 3 analysts × 200 spans per
// document (plus their relations, attributes and document labels), against a floor in the same
// run: touching the same data once (each analyst's spans of each layer sorted by offset, the
// relations indexed by span id), which any agreement computation has to do. Prints p50/p95/max of
// the 100-document project over repeated runs, its CPU time, and how the cost grows with the number
// of documents. On a shared, loaded machine wall times stretch; the yardstick (sorting a million
// random numbers, about 0.1–0.2 s on one idle laptop core) is timed alongside so the figure can be
// read as "so many sorts". Run: `npm run bench:agreement`.
import { computeAgreement, type AgreementDocument } from '../src/shared/agreement'
import { defaultSchema } from '../src/shared/default-schema'
import { generateProject } from '../test/shared/agreement/generate'

const ANALYSTS = 3
const SPANS = 200
const RUNS = 15
const SIZES = [25, 50, 100, 200]

function floor(documents: readonly AgreementDocument[]): number {
  let touched = 0
  for (const doc of documents) {
    for (const set of Object.values(doc.sets)) {
      const byLayer = new Map<string, { start: number; end: number }[]>()
      for (const s of set.spans) {
        const list = byLayer.get(s.layer) ?? []
        list.push({ start: s.start, end: s.end })
        byLayer.set(s.layer, list)
      }
      for (const list of byLayer.values()) list.sort((a, b) => a.start - b.start || a.end - b.end)
      const ids = new Map(set.spans.map((s) => [s.id, s]))
      for (const r of set.relations) if (ids.has(r.from) && ids.has(r.to)) touched++
    }
  }
  return touched
}

/** Sorting a million random numbers with a comparator: a yardstick of this machine's speed now. */
function yardstick(): void {
  const numbers = Array.from({ length: 1_000_000 }, (_, i) => ((i * 2654435761) % 1_000_003) / 7)
  numbers.sort((a, b) => a - b)
}

function time(run: () => unknown): { wall: number; cpu: number } {
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  run()
  const wall = performance.now() - t0
  const cpu = process.cpuUsage(cpu0)
  return { wall, cpu: (cpu.user + cpu.system) / 1000 }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`

function main(): void {
  const schema = defaultSchema()
  const projects = new Map(
    SIZES.map((n) => [
      n,
      generateProject({ documents: n, analysts: ANALYSTS, spans: SPANS, seed: n }),
    ]),
  )
  const main100 = projects.get(100)!
  const spans = main100.reduce(
    (n, d) => n + Object.values(d.sets).reduce((m, s) => m + s.spans.length, 0),
    0,
  )
  console.log(
    `Project: 100 documents × ${ANALYSTS} analysts × ~${SPANS} spans (${spans} spans in all), ${RUNS} runs`,
  )
  for (let i = 0; i < 3; i++) computeAgreement({ schema, documents: main100 }) // warm up the JIT
  const walls: number[] = []
  const cpus: number[] = []
  const floors: number[] = []
  const sorts: number[] = []
  for (let i = 0; i < RUNS; i++) {
    floors.push(time(() => floor(main100)).wall)
    if (i % 3 === 0) sorts.push(time(yardstick).wall)
    const t = time(() => computeAgreement({ schema, documents: main100 }))
    walls.push(t.wall)
    cpus.push(t.cpu)
  }
  walls.sort((a, b) => a - b)
  cpus.sort((a, b) => a - b)
  floors.sort((a, b) => a - b)
  sorts.sort((a, b) => a - b)
  const p50 = percentile(walls, 0.5)
  const floor50 = percentile(floors, 0.5)
  console.log(
    `computeAgreement  p50 ${fmt(p50)}  p95 ${fmt(percentile(walls, 0.95))}  max ${fmt(walls.at(-1)!)}  ` +
      `(CPU p50 ${fmt(percentile(cpus, 0.5))})`,
  )
  console.log(
    `floor (touch the data once)  p50 ${fmt(floor50)}  → ratio ${(p50 / floor50).toFixed(1)}×`,
  )
  const sort50 = percentile(sorts, 0.5)
  console.log(
    `yardstick (sort 1M numbers)  p50 ${fmt(sort50)}  → computeAgreement = ${(p50 / sort50).toFixed(2)} sorts`,
  )
  console.log('\nGrowth with the number of documents (median of 5 runs):')
  for (const [n, documents] of projects) {
    const samples = Array.from(
      { length: 5 },
      () => time(() => computeAgreement({ schema, documents })).wall,
    )
    samples.sort((a, b) => a - b)
    const ms = percentile(samples, 0.5)
    console.log(
      `  ${String(n).padStart(4)} documents  ${fmt(ms).padStart(10)}  ${(ms / n).toFixed(2)} ms/document`,
    )
  }
}

main()
