#!/usr/bin/env node
// The `marginalia` command: runs the command line built to out/cli (`npm run build`, or
// `npm run build:cli`). Paths are relative to this file, so it works from a checkout, after
// `npm install -g`, and through npx.
import console from 'node:console'
import { existsSync } from 'node:fs'
import process from 'node:process'
import { URL, fileURLToPath } from 'node:url'

const entry = new URL('../out/cli/index.js', import.meta.url)
if (existsSync(entry)) {
  const { run } = await import(entry.href)
  process.exitCode = await run(process.argv.slice(2))
} else {
  const root = fileURLToPath(new URL('..', import.meta.url))
  console.error(`marginalia: the command line is not built: run \`npm run build:cli\` in ${root}`)
  process.exitCode = 1
}
