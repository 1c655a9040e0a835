// The README's first command, walked the way a newcomer walks it, without internet: a fresh copy of
// the repository (the files git knows, as they are in the working tree), `npm install`, then
// `npm start` and `npm run dev`. Electron's binary comes from a stand-in release served on
// 127.0.0.1 through ELECTRON_MIRROR (with remote checksums): a zip holding an executable script
// named `electron` that records where and with which arguments it was started. So this proves that
// prestart/predev make Electron download its binary through its own mechanism, that path.txt is
// written, that electron-vite then starts the binary on the built app, and that an impossible
// download ends in one clear line. Nothing here touches this checkout's own node_modules/electron.
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { strToU8, zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..')
const MIRROR_SERVER = path.join(import.meta.dirname, 'fixtures', 'electron-mirror.mjs')
const run = promisify(execFile)

let tmp = ''
let copy = ''
let server: ChildProcess | null = null
let port = 0
let version = ''
const ownElectron = path.join(REPO_ROOT, 'node_modules', 'electron')
const ownPathTxtBefore = existsSync(path.join(ownElectron, 'path.txt'))

// What the stand-in binary writes: one `key=value` line each for its folder, the dev server URL
// electron-vite hands it, and each argument.
const STAND_IN = `#!/bin/sh
{
  printf 'cwd=%s\\n' "$PWD"
  printf 'renderer=%s\\n' "$ELECTRON_RENDERER_URL"
  for arg in "$@"; do printf 'arg=%s\\n' "$arg"; done
} > "$STANDIN_RECORD"
`

/** The variables of a fresh shell: no npm script context, no Electron overrides, no test mode. */
function freshEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const keep = /^npm_config_(cache|registry|userconfig|.*proxy|cafile|strict_ssl)$/i
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) && !keep.test(key)) continue
    if (/^(INIT_CWD|NODE_ENV|NODE_OPTIONS|VITEST.*|TEST|electron_.*|ELECTRON_.*)$/i.test(key)) {
      continue
    }
    env[key] = value
  }
  // Nothing from this checkout: not its node_modules/.bin, which npm test puts on the PATH.
  env['PATH'] = (process.env['PATH'] ?? '')
    .split(path.delimiter)
    .filter((dir) => !dir.startsWith(REPO_ROOT))
    .join(path.delimiter)
  return { ...env, ...extra }
}

/** Copies the files git knows (committed or not, minus ignored ones) as they are on disk. */
async function copyRepository(to: string): Promise<void> {
  const { stdout } = await run(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: REPO_ROOT,
      maxBuffer: 16 * 1024 * 1024,
    },
  )
  for (const file of stdout.split('\0').filter(Boolean)) {
    const from = path.join(REPO_ROOT, file)
    const info = await stat(from).catch(() => null)
    if (!info?.isFile()) continue // deleted in the working tree
    await mkdir(path.dirname(path.join(to, file)), { recursive: true })
    await copyFile(from, path.join(to, file))
    await chmod(path.join(to, file), info.mode)
  }
}

/** A stand-in Electron release for this platform under `<root>/v<version>/`. */
async function makeRelease(root: string): Promise<void> {
  const dir = path.join(root, `v${version}`)
  await mkdir(dir, { recursive: true })
  const name = `electron-v${version}-${process.platform}-${process.arch}.zip`
  const executable = { os: 3, attrs: (0o100755 << 16) >>> 0 } // Unix, -rwxr-xr-x
  const zip = zipSync({
    electron: [strToU8(STAND_IN), executable],
    version: strToU8(`v${version}`),
  })
  await writeFile(path.join(dir, name), zip)
  const sum = createHash('sha256').update(zip).digest('hex')
  await writeFile(path.join(dir, 'SHASUMS256.txt'), `${sum} *${name}\n`)
}

async function startMirror(root: string, log: string): Promise<number> {
  const child = spawn(process.execPath, [MIRROR_SERVER, root, log], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  server = child
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /LISTENING (\d+)/.exec(out)
      if (match) resolve(Number(match[1]))
    })
    child.on('exit', (code) => reject(new Error(`the mirror exited (${code}) before listening`)))
  })
}

interface Ran {
  code: number
  out: string
  err: string
}

function npm(args: string[], env: Record<string, string>): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      args,
      { cwd: copy, env: freshEnv(env), maxBuffer: 64 * 1024 * 1024, timeout: 170_000 },
      (error, out, err) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
        resolve({ code, out, err })
      },
    )
  })
}

/** The stand-in's record: its folder, the renderer URL and its arguments. */
async function standInRecord(
  file: string,
): Promise<{ cwd: string; renderer: string; args: string[] }> {
  const lines = (await readFile(file, 'utf8')).trimEnd().split('\n')
  const value = (key: string) =>
    lines.filter((l) => l.startsWith(`${key}=`)).map((l) => l.slice(key.length + 1))
  return { cwd: value('cwd')[0], renderer: value('renderer')[0], args: value('arg') }
}

const electronEnv = (mirrorPath: string, record: string) => ({
  ELECTRON_MIRROR: `http://127.0.0.1:${port}/${mirrorPath}`,
  electron_use_remote_checksums: '1',
  electron_config_cache: path.join(tmp, 'electron-cache'),
  STANDIN_RECORD: record,
})

let installed: Ran

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'marginalia-newcomer-'))
  copy = path.join(tmp, 'marginalia')
  await copyRepository(copy)
  installed = await npm(['install', '--no-audit', '--no-fund', '--prefer-offline'], {})
  if (installed.code !== 0) throw new Error(`npm install failed:\n${installed.err}`)
  const electronPkg = path.join(copy, 'node_modules', 'electron', 'package.json')
  version = (JSON.parse(await readFile(electronPkg, 'utf8')) as { version: string }).version
  await makeRelease(path.join(tmp, 'mirror'))
  port = await startMirror(path.join(tmp, 'mirror'), path.join(tmp, 'requests.log'))
}, 240_000)

afterAll(async () => {
  if (server?.pid !== undefined && server.exitCode === null) process.kill(server.pid)
  if (tmp) await rm(tmp, { recursive: true, force: true })
})

describe('npm install && npm start in a fresh copy, with Electron from a local mirror', () => {
  const electronDir = () => path.join(copy, 'node_modules', 'electron')

  it('installs without downloading Electron: path.txt is missing, as on a newcomer machine', () => {
    expect(existsSync(path.join(electronDir(), 'path.txt'))).toBe(false)
  })

  it('npm start says in one line that the download failed and how to retry, and starts nothing', async () => {
    const record = path.join(tmp, 'failed.txt')
    const result = await npm(['start'], electronEnv('no-such-release/', record))
    expect(result.code).not.toBe(0)
    const ours = result.err.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('npm '))
    expect(ours).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Could not download Electron ${version} for ${process.platform}-${process.arch} ` +
            `from 127\\.0\\.0\\.1:${port} \\(HTTPError: Response code 404 .*\\); .*then retry: npm start$`,
        ),
      ),
    ])
    expect(existsSync(path.join(electronDir(), 'path.txt'))).toBe(false)
    expect(existsSync(record)).toBe(false)
  }, 120_000)

  it('npm start downloads the binary from the mirror, writes path.txt and starts it on the built main entry', async () => {
    const record = path.join(tmp, 'start.txt')
    const result = await npm(['start'], electronEnv('', record))
    expect(result.code, result.err).toBe(0)
    expect(await readFile(path.join(tmp, 'requests.log'), 'utf8')).toContain(
      `GET /v${version}/electron-v${version}-${process.platform}-${process.arch}.zip\n`,
    )
    expect(await readFile(path.join(electronDir(), 'path.txt'), 'utf8')).toBe('electron')
    const started = await standInRecord(record)
    // Electron is started in the copy with `.`: it runs package.json's "main", which the build wrote.
    expect(started.cwd).toBe(copy)
    expect(started.args).toEqual(['.'])
    expect(started.renderer).toBe('')
    const { main } = JSON.parse(await readFile(path.join(copy, 'package.json'), 'utf8')) as {
      main: string
    }
    expect(path.resolve(copy, main)).toBe(path.join(copy, 'out', 'main', 'index.js'))
    expect(existsSync(path.join(copy, main))).toBe(true)
  }, 120_000)

  it('npm run dev fetches a missing binary too, and starts it against the dev server', async () => {
    await rm(path.join(electronDir(), 'dist'), { recursive: true, force: true })
    await rm(path.join(electronDir(), 'path.txt'), { force: true })
    const record = path.join(tmp, 'dev.txt')
    const result = await npm(['run', 'dev'], electronEnv('', record))
    expect(result.code, result.err).toBe(0)
    expect(existsSync(path.join(electronDir(), 'path.txt'))).toBe(true)
    const started = await standInRecord(record)
    expect(started.cwd).toBe(copy)
    expect(started.args).toEqual(['.'])
    expect(started.renderer).toMatch(/^http:\/\/localhost:\d+\/?$/)
  }, 120_000)

  it('left this checkout’s own node_modules/electron as it was', async () => {
    expect(existsSync(path.join(ownElectron, 'path.txt'))).toBe(ownPathTxtBefore)
    const own = path.join(ownElectron, 'dist', 'electron')
    // A real binary is megabytes; the stand-in script is a few hundred bytes.
    if (existsSync(own)) expect((await stat(own)).size).toBeGreaterThan(100_000)
  })
})
