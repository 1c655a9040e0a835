#!/usr/bin/env node
// The `marginalia` command. The CLI is TypeScript run from source, so this launcher registers tsx
// (a runtime dependency) as Node's loader and then runs it. Paths are relative to this file, so it
// works from a checkout, after `npm install -g`, and through npx. `tsconfig: false` keeps a
// tsconfig.json in the user's current folder from changing how our sources compile.
import process from 'node:process'
import { register } from 'tsx/esm/api'

register({ tsconfig: false })
const { run } = await import('../src/main/cli/program.ts')
process.exitCode = await run(process.argv.slice(2))
