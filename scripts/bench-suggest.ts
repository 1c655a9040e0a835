// `npm run bench:suggest`: times the suggestion engine in Node on the sample article and on a
// ~1 MB article built from varied wire-style paragraphs (the gold texts, shuffled and repeated),
// against a floor in the same run: one plain regex scan for the cue words over the same text.
// Prints p50/p95/max and the ratio to the floor, and the engine's CPU time beside its wall-clock
// time (on a loaded machine the two differ); no assertions (the machine is shared and noisy).
// Two phases, as the app's Web Worker runs them: the rules (with the registry's names and VADER's
// sentiment lexicon), which the budget is for, then compromise's names paragraph by paragraph
// (fresh: nothing cached; cached: computing the same document again). `--names-1mb` also tags the
// 1 MB article (minutes on a loaded machine).
//
// `--renderer` measures the app instead (scripts/bench-suggest/renderer.ts): the renderer's longest
// task and the latency of typing and scrolling while suggestions compute for the 1 MB article,
// against the same interactions with nothing computing, in the same run.
import { readFileSync } from 'node:fs'
import { defaultSchema } from '../src/shared/default-schema'
import type { Block, Entity } from '../src/shared/model'
import { suggest } from '../src/shared/suggest'
import { BlockNames, vaderValence } from '../src/shared/suggest-nlp'
import { bigArticle } from './bench-suggest/article'

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

const CUE_SCAN = /\b(said|says|told|according to|claimed|denied|warned|announced)\b/gi
function floor(text: string): number {
  let n = 0
  for (CUE_SCAN.lastIndex = 0; CUE_SCAN.exec(text);) n++
  return n
}

/** Wall-clock times of `runs` calls, sorted; `cpu` gets this thread's CPU time of each. */
function time(runs: number, f: () => unknown, cpu: number[] = []): number[] {
  const out: number[] = []
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    f()
    out.push(performance.now() - t0)
    const c = process.cpuUsage(c0)
    cpu.push((c.user + c.system) / 1000)
  }
  cpu.sort((a, b) => a - b)
  return out.sort((a, b) => a - b)
}

const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]
const ms = (x: number) => `${x.toFixed(1)} ms`

function report(label: string, text: string, blocks: Block[], runs: number, budget: number) {
  const schema = defaultSchema()
  const input = { text, blocks, schema, entities: project.entities }
  const options = { valence: vaderValence() }
  suggest(input, options) // warm-up
  const cpu: number[] = []
  const engine = time(runs, () => suggest(input, options), cpu)
  const scan = time(runs, () => floor(text))
  const n = suggest(input, options).length
  console.log(
    `${label}: ${(text.length / 1024).toFixed(0)} KB, ${n} suggestions — engine p50 ${ms(q(engine, 0.5))} ` +
      `p95 ${ms(q(engine, 0.95))} max ${ms(engine[engine.length - 1])} (budget ${budget} ms); ` +
      `floor (regex scan) p50 ${ms(q(scan, 0.5))}; ratio ${(q(engine, 0.5) / q(scan, 0.5)).toFixed(0)}×`,
  )
  // On a shared machine the wall clock includes time other processes took; CPU time does not.
  console.log(
    `  CPU time p50 ${ms(q(cpu, 0.5))} max ${ms(cpu[cpu.length - 1])}; ` +
      `wall / CPU ${(q(engine, 0.5) / q(cpu, 0.5)).toFixed(1)} (1.0 on an idle machine); ` +
      (Number.isFinite(budget)
        ? `${q(cpu, 0.5) <= budget ? 'within' : 'over'} the ${budget} ms budget by CPU time`
        : 'no budget at this size'),
  )
  return q(engine, 0.5)
}

/** The names phase: compromise over every paragraph, with nothing cached, then all cached. */
function names(label: string, text: string, blocks: Block[], runs: number, remember = true) {
  const schema = defaultSchema()
  const input = { text, blocks, schema, entities: project.entities }
  const valence = vaderValence()
  let cache = new BlockNames()
  const fresh = time(runs, () => {
    cache = remember ? new BlockNames() : new BlockNames(undefined, 0)
    suggest(input, { valence, findNames: cache.finder(blocks) })
  })
  const cached = time(runs, () => suggest(input, { valence, findNames: cache.finder(blocks) }))
  const perMb = (q(fresh, 0.5) / text.length) * 1024 * 1024
  console.log(
    `${label} with compromise names: fresh p50 ${ms(q(fresh, 0.5))} max ${ms(fresh[fresh.length - 1])} ` +
      `(${(perMb / 1000).toFixed(0)} s per MB); cached p50 ${ms(q(cached, 0.5))}`,
  )
}

/** The engine in Node: the sample and 256 KB to 1 MB, rules then names, against the floor. */
function engineBench(): void {
  compromiseWarmUp()
  report('sample', sampleDoc.document.text, sampleDoc.document.blocks, 30, 50)
  names('sample', sampleDoc.document.text, sampleDoc.document.blocks, 5)
  const sizes = [256 * 1024, 512 * 1024, 1024 * 1024]
  const articles = sizes.map((size) => bigArticle(size))
  const medians = sizes.map((size, i) =>
    report(
      `article ${size / 1024} KB`,
      articles[i].text,
      articles[i].blocks,
      5,
      size >= 1024 * 1024 ? 2000 : Infinity,
    ),
  )
  console.log(
    `growth: ${medians.map((m, i) => `${sizes[i] / 1024} KB → ${m.toFixed(0)} ms`).join(', ')} ` +
      `(per MB: ${((medians[2] / sizes[2]) * 1024 * 1024).toFixed(0)} ms)`,
  )
  // The big articles repeat the gold paragraphs, which the paragraph cache would tag once: a fresh
  // BlockNames per paragraph keeps the names figure honest (every paragraph tagged).
  const big = process.argv.includes('--names-1mb') ? articles[2] : articles[0]
  names(`article ${(big.text.length / 1024).toFixed(0)} KB`, big.text, big.blocks, 1, false)
}

if (process.argv.includes('--renderer')) {
  const { rendererBench } = await import('./bench-suggest/renderer')
  await rendererBench()
} else engineBench()

function compromiseWarmUp(): void {
  new BlockNames().block('Warm-up, said John Smith of Acme Corp in Paris.', { start: 0, end: 47 })
}
