#!/usr/bin/env node
// `npm run bench:cli`: how long the command line takes to start, against the floor of a bare
// `node -e ''` measured in the same run (the machine is shared and noisy, so only ratios to that
// floor mean something). Each command is a fresh process, run round-robin with the others so
// that noise spreads evenly; prints p50, p95 and max in milliseconds and the ratio of p50s.
// Rows: `--help` and `validate` of the sample project through bin/marginalia.mjs (the built
// out/cli), and, for comparison, `--help` run from the TypeScript sources through tsx, which is how
// the command line started before it was built. Usage: node scripts/bench-cli.mjs [--runs N]
import { spawnSync } from 'node:child_process'
import console from 'node:console'
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const runsArg = process.argv.indexOf('--runs')
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 30

const bin = path.join(root, 'bin', 'marginalia.mjs')
if (!existsSync(path.join(root, 'out', 'cli', 'index.js'))) {
  console.error('out/cli/index.js is missing: run `npm run build:cli` (or `npm run build`) first')
  process.exit(1)
}
const tmp = mkdtempSync(path.join(os.tmpdir(), 'marginalia-bench-cli-'))
const sample = path.join(tmp, 'sample')
cpSync(path.join(root, 'resources', 'sample-project'), sample, { recursive: true })

const cases = [
  { name: "node -e ''", args: ['-e', ''] },
  { name: 'marginalia --help', args: [bin, '--help'] },
  { name: 'marginalia validate <sample>', args: [bin, 'validate', sample] },
  {
    name: 'tsx src/main/cli --help (before)',
    args: ['--import', 'tsx', path.join(root, 'src', 'main', 'cli', 'index.ts'), '--help'],
  },
]

const times = new Map(cases.map((c) => [c.name, []]))
try {
  for (let i = 0; i < runs + 1; i++) {
    for (const c of cases) {
      const start = process.hrtime.bigint()
      const result = spawnSync(process.execPath, c.args, { cwd: root, stdio: 'pipe' })
      const ms = Number(process.hrtime.bigint() - start) / 1e6
      if (result.status !== 0) {
        console.error(`${c.name} exited ${result.status}:\n${result.stderr}`)
        process.exit(1)
      }
      if (i > 0) times.get(c.name).push(ms) // the first round warms the disk cache
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true })
}

const pick = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
const stats = new Map(
  [...times].map(([name, list]) => {
    const sorted = [...list].sort((a, b) => a - b)
    return [name, { p50: pick(sorted, 0.5), p95: pick(sorted, 0.95), max: sorted.at(-1) }]
  }),
)
const floor = stats.get(cases[0].name).p50
console.log(`Command line start-up, ${runs} runs each, Node ${process.version}`)
console.log(
  `${'command'.padEnd(36)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'max'.padStart(7)}  ratio`,
)
for (const [name, s] of stats) {
  const cells = [s.p50, s.p95, s.max].map((v) => v.toFixed(0).padStart(7))
  console.log(`${name.padEnd(36)} ${cells.join(' ')}  ${(s.p50 / floor).toFixed(2)}x`)
}
