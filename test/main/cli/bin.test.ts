import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const BIN = path.resolve(__dirname, '../../../bin/marginalia.mjs')

/** Runs the real launcher in a child process; resolves with its exit code and output. */
function runBin(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd }, (error, out, err) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
      resolve({ code, out, err })
    })
  })
}

describe('bin/marginalia.mjs, spawned for real', () => {
  let cwd: string
  beforeAll(async () => {
    cwd = await mkdtemp(path.join(tmpdir(), 'marginalia-bin-'))
  })
  afterAll(() => rm(cwd, { recursive: true, force: true }))

  it('prints the help from any folder', async () => {
    const result = await runBin(['--help'], cwd)
    expect(result.code).toBe(0)
    expect(result.out).toMatch(/^Usage: marginalia \[options\] \[command\]/)
    expect(result.out).toContain('export [options] <dir>')
  })

  it('creates a project, and fails with one line and exit code 1 on a missing project', async () => {
    const created = await runBin(['init', 'p', '--name', 'Spawned'], cwd)
    expect(created).toMatchObject({ code: 0, err: '' })
    expect(created.out).toBe(`Created project "Spawned" in ${path.join(cwd, 'p')}\n`)
    const missing = await runBin(['stats', 'nowhere'], cwd)
    expect(missing.code).toBe(1)
    expect(missing.err).toBe(`error: ${path.join(cwd, 'nowhere')}: no such project folder\n`)
  })
})
