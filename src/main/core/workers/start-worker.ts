// Starting a worker thread from its entry, built or from source. The built app and command line
// carry each worker entry as a file of its own beside main's entry (electron.vite.config.ts,
// scripts/build-cli.mjs); run from source (tests, benchmarks), the worker registers tsx first and
// imports the TypeScript entry (or, with MARGINALIA_BUILT_WORKERS naming a build's folder, starts
// the built entry there). Any worker main starts goes through here.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

/** A worker entry: `<name>.ts` in the folder of `dir` (an import.meta.url), `<name>.js` built. */
export interface WorkerEntry {
  name: string
  dir: string
}

/** Starts the worker `entry` with `workerData`; `heapMb` caps its heap (it dies, not main). */
export function startWorker(entry: WorkerEntry, workerData: unknown, heapMb: number): Worker {
  // No inherited flags: the worker needs none, and a host's `--import` hooks are not its own.
  const options = { workerData, resourceLimits: { maxOldGenerationSizeMb: heapMb }, execArgv: [] }
  const built = builtFile(entry.name)
  if (built) return new Worker(built, options)
  // The source entry, named through a variable so no bundler takes it for an asset to copy.
  const source = new URL(`./${entry.name}.ts`, entry.dir).href
  const bootstrap =
    `import(${JSON.stringify(tsxApiUrl())}).then((tsx) => {` +
    ` tsx.register({ tsconfig: false }); return import(${JSON.stringify(source)}) })`
  return new Worker(bootstrap, { ...options, eval: true })
}

/**
 * The built entry `<name>.js`, when this module runs from a build: it sits beside main's entry,
 * or one folder up when this code landed in a shared chunk. Null when running from source.
 */
function builtFile(name: string): string | null {
  const here = import.meta.url
  if (here.endsWith('.ts')) {
    // Benchmarks run from source but measure the workers that ship (scripts/bench-export.ts).
    const folder = process.env.MARGINALIA_BUILT_WORKERS
    return folder ? path.join(folder, `${name}.js`) : null
  }
  for (const relative of [`./${name}.js`, `../${name}.js`]) {
    const file = fileURLToPath(new URL(relative, here))
    if (existsSync(file)) return file
  }
  throw new Error(`the worker ${name}.js is missing from the build`)
}

/** The ES-module entry of tsx's API, found through tsx's package.json `exports`. */
function tsxApiUrl(): string {
  const require = createRequire(import.meta.url)
  const manifest = require.resolve('tsx/package.json')
  const pkg = require(manifest) as {
    exports: Record<string, { import?: { default?: string } | string }>
  }
  const entry = pkg.exports['./esm/api']?.import
  const relative = typeof entry === 'string' ? entry : entry?.default
  if (!relative) throw new Error('tsx/esm/api has no ES-module entry')
  return new URL(relative, pathToFileURL(manifest)).href
}
