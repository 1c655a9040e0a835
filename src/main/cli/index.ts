// Entry of the command line: built to out/cli/index.js (scripts/build-cli.mjs), which
// bin/marginalia.mjs and `npm run cli` run; tests import `run` from here. Running this file
// directly runs the command line on the process's arguments.
import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { run } from './program'

export { run }
export type { CliIo } from './io'

function isEntry(): boolean {
  const script = process.argv[1]
  if (!script) return false
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url))
  } catch {
    return false
  }
}

if (isEntry()) process.exitCode = await run(process.argv.slice(2))
