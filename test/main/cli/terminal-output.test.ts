// What the command line prints is safe to show in a terminal: titles, labels and file names come
// from documents nobody vetted, so control characters (ESC sequences) and bidi overrides are
// printed as \uXXXX escapes; and a reader that goes away (`| head -1`) ends the output quietly.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { field, terminalSafe } from '../../../src/main/cli/io'
import { cli } from './run-cli'

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..')
const BIN = path.join(REPO_ROOT, 'bin', 'marginalia.mjs')
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u

let root: string
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'marginalia-terminal-'))
})
afterEach(() => rm(root, { recursive: true, force: true }))

describe('escaping', () => {
  it('escapes C0 and C1 controls, DEL and bidi controls, and keeps tab and newline', () => {
    expect(terminalSafe('a\u001b[2Jb\u202Ec\u2066d\u0085e\u007ff\tg\nh')).toBe(
      'a\\u001B[2Jb\\u202Ec\\u2066d\\u0085e\\u007Ff\tg\nh',
    )
    expect(field('one\ttwo\nthree\rfour')).toBe('one\\u0009two\\u000Athree\\u000Dfour')
    expect(terminalSafe('Déclaration 東京 🇺🇦 שלום')).toBe('Déclaration 東京 🇺🇦 שלום')
  })

  it('add and stats print a hostile title escaped, one item per line', async () => {
    const dir = path.join(root, 'proj')
    expect((await cli('init', dir)).code).toBe(0)
    const title = 'Report \u001b[2J\u001b]0;pwned\u0007 \u202Etxt.exe'
    await writeFile(path.join(root, 'hostile.txt'), `${title}\n\nA claim was made.\n`)
    const added = await cli('add', dir, path.join(root, 'hostile.txt'))
    expect(added.code).toBe(0)
    expect(added.out).not.toMatch(UNSAFE)
    expect(added.out).toContain('"Report \\u001B[2J\\u001B]0;pwned\\u0007 \\u202Etxt.exe" from ')

    const again = await cli('add', dir, path.join(root, 'hostile.txt'))
    expect(again.code).toBe(0) // a duplicate is skipped, not failed
    expect(again.out).toContain('already in the project as')
    expect(again.out).not.toMatch(UNSAFE)

    const stats = await cli('stats', dir, '--json')
    expect(stats.out).not.toMatch(UNSAFE)
    // The escapes are JSON's own: the output still parses to the project's real name and counts.
    expect(JSON.parse(stats.out)).toMatchObject({ name: 'proj', documents: 1 })
  })

  it('stats --json keeps a hostile project name intact through the escapes', async () => {
    const dir = path.join(root, 'named')
    const name = 'Desk \u202Eevil\u2069 \u009b31m'
    expect((await cli('init', dir, '--name', name)).code).toBe(0)
    const created = await cli('stats', dir)
    expect(created.out).toContain('Project: Desk \\u202Eevil\\u2069 \\u009B31m\n')
    const json = await cli('stats', dir, '--json')
    expect(json.out).not.toMatch(UNSAFE)
    expect((JSON.parse(json.out) as { name: string }).name).toBe(name)
  })
})

/** Runs the built command line with its stdout closed before it writes a byte. */
function runWithClosedStdout(args: string[]): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout.destroy() // the reader is gone, as when `head` has read its line and quit
    let err = ''
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.on('close', (code) => resolve({ code, err }))
  })
}

describe('a reader that goes away (marginalia … | head -1)', () => {
  it('ends quietly, without a stack trace, and the command still does its work', async () => {
    const sample = path.join(root, 'sample')
    await cp(path.join(REPO_ROOT, 'resources', 'sample-project'), sample, { recursive: true })
    const stats = await runWithClosedStdout(['stats', sample])
    expect(stats).toEqual({ code: 0, err: '' })
    const help = await runWithClosedStdout(['--help'])
    expect(help).toEqual({ code: 0, err: '' })
    // An export prints as it goes; the files are written all the same.
    const out = path.join(root, 'sample.jsonl')
    expect(
      await runWithClosedStdout(['export', sample, '--format', 'jsonl', '--out', out]),
    ).toEqual({
      code: 0,
      err: '',
    })
    expect(existsSync(`${out}.manifest.json`)).toBe(true)
  })
})
