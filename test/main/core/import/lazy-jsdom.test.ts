// jsdom takes seconds to load; main and the CLI must not pay for it before the first HTML import.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(__dirname, '../../../..')

const PROBE = `
import { createRequire } from 'node:module'
const cache = createRequire(import.meta.url).cache
const loaded = () => Object.keys(cache).some((k) => k.includes('/node_modules/jsdom/'))
await import('./src/main/handlers.ts')
await import('./src/main/cli/program.ts')
const { importDocumentFile } = await import('./src/main/core/import/index.ts')
const before = loaded()
importDocumentFile('a.txt', new TextEncoder().encode('Plain text.'))
const afterText = loaded()
importDocumentFile('a.html', new TextEncoder().encode('<h1>T</h1><p>Body text here.</p>'))
console.log(JSON.stringify({ before, afterText, afterHtml: loaded() }))
`

describe('jsdom loading', () => {
  it('is deferred until the first HTML import', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', PROBE],
      { cwd: ROOT },
    )
    expect(JSON.parse(stdout.trim().split('\n').pop()!)).toEqual({
      before: false,
      afterText: false,
      afterHtml: true,
    })
  }, 60_000)
})
