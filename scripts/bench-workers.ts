// The worker threads as the command line ships them (scripts/build-cli.mjs), built for a
// benchmark that measures the workers the app and the command line start, not the TypeScript
// source through tsx.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Builds the workers into out/<name> (inside the checkout, so they import its node_modules as the
 * built app does); returns their folder, for MARGINALIA_BUILT_WORKERS.
 */
export function buildWorkers(name: string): string {
  const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..')
  const outdir = path.join(root, 'out', name)
  const built = spawnSync(process.execPath, ['scripts/build-cli.mjs', '--outdir', outdir], {
    cwd: root,
    encoding: 'utf8',
  })
  if (built.status !== 0) throw new Error(`building the workers failed: ${built.stderr}`)
  return outdir
}
