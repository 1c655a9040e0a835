// Relative paths mean the folder the user typed the command in, for every argument that is a path:
// in process (the `cwd` a run is given), and for real through `npm --prefix <repo> run cli` from
// another folder, where npm starts the script in the repository and leaves the user's folder in
// INIT_CWD.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { userFolder } from '../../../src/main/cli/paths'
import { cliIn } from './run-cli'

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..')

let root: string
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'marginalia-paths-'))
})
afterEach(() => rm(root, { recursive: true, force: true }))

describe('userFolder', () => {
  const pkg = path.join(REPO_ROOT, 'package.json')
  it('is INIT_CWD when npm moved the process to the package root to run a script', () => {
    const env = { INIT_CWD: '/home/ana/work', npm_package_json: pkg }
    expect(userFolder(env, REPO_ROOT)).toBe('/home/ana/work')
  })
  it('is the working folder otherwise', () => {
    expect(userFolder({}, '/home/ana/work')).toBe('/home/ana/work')
    // A script that changed folder on purpose keeps its own.
    const env = { INIT_CWD: '/home/ana', npm_package_json: pkg }
    expect(userFolder(env, '/srv/elsewhere')).toBe('/srv/elsewhere')
  })
})

describe('relative paths, in process', () => {
  it('init, add, import, validate, stats, export and claims all resolve against the run’s folder', async () => {
    const work = path.join(root, 'work')
    await mkdir(path.join(work, 'in'), { recursive: true })
    await writeFile(path.join(work, 'in', 'note.txt'), 'Harbour talks\n\nThe minister said so.\n')
    await writeFile(
      path.join(work, 'in', 'labelled.jsonl'),
      `${JSON.stringify({ text: 'Officials said the port reopens.', label: [[0, 9, 'Source']] })}\n`,
    )
    const run = (...args: string[]) => cliIn(work, ...args)
    expect((await run('init', 'proj')).code).toBe(0)
    expect((await run('add', 'proj', 'in/note.txt')).code).toBe(0)
    const imported = await run('import', 'proj', '--format', 'doccano', 'in/labelled.jsonl')
    expect(imported.code, imported.err).toBe(0)
    expect((await run('validate', 'proj')).code).toBe(0)
    expect(JSON.parse((await run('stats', 'proj', '--json')).out).documents).toBe(2)
    expect((await run('export', 'proj', '--format', 'jsonl', '--out', 'out/demo.jsonl')).code).toBe(
      0,
    )
    expect((await run('claims', 'proj', '--out', 'out/claims.csv')).code).toBe(0)
    for (const made of ['proj/project.json', 'out/demo.jsonl', 'out/claims.csv']) {
      expect(existsSync(path.join(work, made)), made).toBe(true)
    }
  })
})

/** The `npm` of a fresh shell: no variables of the npm script that runs this test. */
function npmFrom(cwd: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|INIT_CWD$)/i.test(key) && !/^npm_config_(cache|registry|userconfig)$/i.test(key)) {
      continue
    }
    env[key] = value
  }
  return new Promise((resolve) => {
    execFile('npm', args, { cwd, env }, (error, out, err) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, out, err })
    })
  })
}

describe('npm run cli from another folder', () => {
  it('writes the project and the export in the folder the user is in, not the repository', async () => {
    const cli = (...args: string[]) =>
      npmFrom(root, ['--prefix', REPO_ROOT, 'run', '-s', 'cli', '--', ...args])
    const init = await cli('init', 'demo', '--sample')
    expect(init.code, init.err).toBe(0)
    expect(init.out).toContain(`in ${path.join(root, 'demo')} with 1 sample document`)
    const exported = await cli('export', 'demo', '--format', 'jsonl', '--out', 'demo.jsonl')
    expect(exported.code, exported.err).toBe(0)
    expect((await readFile(path.join(root, 'demo.jsonl'), 'utf8')).length).toBeGreaterThan(0)
    expect(existsSync(path.join(REPO_ROOT, 'demo'))).toBe(false)
    expect(existsSync(path.join(REPO_ROOT, 'demo.jsonl'))).toBe(false)
  }, 60_000)
})
