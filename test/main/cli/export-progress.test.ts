// The command line's export runs in a worker thread: progress on stderr with --progress, and a
// cancel (Ctrl+C, or the run's signal) exits 130, leaving an earlier export as it was.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { run } from '../../../src/main/cli'
import { EXIT } from '../../../src/main/cli/exit-codes'
import { importDocumentFile } from '../../../src/main/core/import'
import { ProjectStore } from '../../../src/main/core/storage'

let root: string
let project: string

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'marginalia-cli-progress-'))
  project = path.join(root, 'project')
  const store = await ProjectStore.create(project, { name: 'Progress' })
  for (let i = 0; i < 40; i++) {
    const text = `Article ${i}: the minister said taxes would rise.`
    await store.addDocument(importDocumentFile(`a${i}.txt`, new TextEncoder().encode(text)))
  }
  await store.close()
})
afterAll(() => rm(root, { recursive: true, force: true }))

/** Runs the CLI in process; `onErr` sees each piece written to stderr. */
async function cli(args: string[], opts: { signal?: AbortSignal; onErr?: (t: string) => void }) {
  let out = ''
  let err = ''
  const io = {
    stdout: (t: string) => (out += t),
    stderr: (t: string) => {
      err += t
      opts.onErr?.(t)
    },
  }
  const code = await run(args, io, { cwd: root, signal: opts.signal })
  return { code, out, err }
}

describe('export on the command line', () => {
  it('prints progress lines with --progress, from 0% to 100%', async () => {
    const out = path.join(root, 'all.jsonl')
    const result = await cli(
      ['export', project, '--format', 'jsonl', '--out', out, '--progress'],
      {},
    )
    expect(result.code).toBe(EXIT.ok)
    const lines = result.err.split('\n').filter((l) => l.startsWith('export: '))
    expect(lines[0]).toBe('export: 0%')
    expect(lines.at(-1)).toBe('export: 100%')
    expect(lines.length).toBeLessThanOrEqual(11)
  })

  it('prints no progress when stderr is not a terminal and --progress is not given', async () => {
    const result = await cli(
      ['export', project, '--format', 'csv', '--out', path.join(root, 'quiet.csv')],
      {},
    )
    expect(result.code).toBe(EXIT.ok)
    expect(result.err).toBe('')
  })

  it('cancelled, exits 130 and leaves the earlier export as it was', async () => {
    const dir = path.join(root, 'cancel')
    const out = path.join(dir, 'data.jsonl')
    await cli(['export', project, '--format', 'jsonl', '--out', out], {})
    const before = await readFile(out, 'utf8')
    await writeFile(`${out}.manifest.json`, 'the earlier manifest\n')
    const controller = new AbortController()
    controller.abort()
    const result = await cli(['export', project, '--format', 'jsonl', '--out', out], {
      signal: controller.signal,
    })
    expect(result.code).toBe(EXIT.cancelled)
    expect(result.err).toBe(`cancelled: nothing was written; ${out} is as it was\n`)
    expect(await readFile(out, 'utf8')).toBe(before)
    expect(await readFile(`${out}.manifest.json`, 'utf8')).toBe('the earlier manifest\n')
    expect((await readdir(dir)).sort()).toEqual(['data.jsonl', 'data.jsonl.manifest.json'])
  })

  it('Ctrl+C cancels the export', async () => {
    const dir = path.join(root, 'interrupt')
    const out = path.join(dir, 'brat')
    const result = await cli(['export', project, '--format', 'brat', '--out', out, '--progress'], {
      // The first progress line comes as the export starts: Ctrl+C then.
      onErr: (t) => t.startsWith('export: 0%') && process.emit('SIGINT'),
    })
    expect(result.code).toBe(EXIT.cancelled)
    expect(await readdir(root)).not.toContain('interrupt')
    expect(process.listenerCount('SIGINT')).toBe(0) // Ctrl+C works as always again
  })
})
