#!/usr/bin/env node
// Builds the command line to JavaScript: src/main/cli/index.ts → out/cli/index.js (an ES module),
// with each command's handler in its own chunk under out/cli/chunks, loaded only when that command
// runs, and the worker threads → out/cli/task-worker.js (exports and imports of annotations) and
// out/cli/import-worker.js (document imports). Packages stay external (imported from node_modules,
// like out/main's), except ECharts, zrender and their tslib: hundreds of small ES modules that took
// 4.5 s to load unbundled and 0.5 s bundled, on every `report`. Part of `npm run build`; `npm run cli`
// runs it first (it takes well under a second).
// Files are written to a temporary name and renamed into place, so a command line started while
// this runs sees the old build or the new one, never half a file.
// Usage: node scripts/build-cli.mjs [--outdir <dir>]
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const outArg = process.argv.indexOf('--outdir')
const outdir = path.resolve(outArg > 0 ? process.argv[outArg + 1] : path.join(root, 'out', 'cli'))

/** Keeps every package external (imported at run time) but those named, which are bundled. */
function externalPackagesExcept(bundled) {
  return {
    name: 'external-packages-except',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        const name = args.path.startsWith('@')
          ? args.path.split('/').slice(0, 2).join('/')
          : args.path.split('/')[0]
        return bundled.includes(name) ? undefined : { path: args.path, external: true }
      })
    },
  }
}

const result = await build({
  absWorkingDir: root,
  entryPoints: {
    index: 'src/main/cli/index.ts',
    // The document-import worker thread, started by worker/run-imports.ts from beside index.js.
    'import-worker': 'src/main/core/import/worker/import-worker.ts',
    // Started by workers/start-worker.ts from beside index.js (or a chunk one folder down).
    'task-worker': 'src/main/core/workers/task-worker.ts',
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  plugins: [externalPackagesExcept(['echarts', 'zrender', 'tslib'])],
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
})

// Chunks first, the entry last: whoever starts the entry finds every chunk it names.
const files = [...result.outputFiles].sort(
  (a, b) => Number(a.path.endsWith('index.js')) - Number(b.path.endsWith('index.js')),
)
for (const file of files) {
  mkdirSync(path.dirname(file.path), { recursive: true })
  const temp = `${file.path}.${process.pid}.tmp`
  writeFileSync(temp, file.contents)
  renameSync(temp, file.path)
}
// Chunks of earlier builds that nothing names any more.
const written = new Set(files.map((f) => f.path))
const chunks = path.join(outdir, 'chunks')
for (const name of readdirSync(chunks)) {
  const full = path.join(chunks, name)
  if (!written.has(full) && !name.endsWith('.tmp')) rmSync(full, { force: true })
}
