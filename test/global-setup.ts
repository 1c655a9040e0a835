// Runs once before the unit tests: says which Node runs them, and builds the command line to
// out/cli (a second or so), because the tests that spawn `bin/marginalia.mjs` run the built files
// a user runs, and `npm test` builds the app only after the unit tests.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'

export default async function setup(): Promise<void> {
  console.log(`[vitest] Node ${process.version} (${process.execPath})`)
  const root = path.resolve(import.meta.dirname, '..')
  await promisify(execFile)(process.execPath, [path.join(root, 'scripts', 'build-cli.mjs')], {
    cwd: root,
  })
}
