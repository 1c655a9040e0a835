// The full disk and the read-only folder for real, where the machine allows it: a child process in
// a private mount namespace (`unshare -m`, root with CAP_SYS_ADMIN) meets the kernel's own ENOSPC
// on a 256 kB tmpfs and EROFS on a read-only bind mount, so nothing is mounted outside it and the
// mounts vanish with it. Elsewhere these tests skip; disk-full.test.ts and read-only.test.ts cover
// the same behaviour through the injected file system on every machine.
import { execFile, spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProjectStore } from '../../../../src/main/core/storage'
import { newDocument } from './helpers'
import { tempDir } from './temp-dir'

const here = path.dirname(fileURLToPath(import.meta.url))
const run = promisify(execFile)

/** Whether this process may mount a tmpfs in a private mount namespace. */
function canMount(): boolean {
  if (process.platform !== 'linux') return false
  const probe = spawnSync(
    'unshare',
    [
      '-m',
      '--propagation',
      'private',
      'sh',
      '-c',
      'mount -t tmpfs -o size=64k tmpfs "$1"',
      'sh',
      os.tmpdir(),
    ],
    { stdio: 'ignore' },
  )
  return probe.status === 0
}

const mounting = canMount()
let bundleDir = ''
let child = ''

beforeAll(async () => {
  if (!mounting) return
  bundleDir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-real-fs-child-'))
  child = path.join(bundleDir, 'real-fs-child.mjs')
  await build({
    entryPoints: [path.join(here, 'fixtures', 'real-fs-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: child,
    logLevel: 'warning',
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  })
})

afterAll(async () => {
  if (bundleDir) await rm(bundleDir, { recursive: true, force: true })
})

/** Runs the child's `scenario` on `dir` after `mount` (a shell line using "$1") in a namespace. */
async function inNamespace(mount: string, scenario: string, dir: string) {
  const { stdout } = await run('unshare', [
    '-m',
    '--propagation',
    'private',
    'sh',
    '-c',
    `${mount} && exec "$2" "$3" "$4" "$1"`,
    'sh',
    dir,
    process.execPath,
    child,
    scenario,
  ])
  return JSON.parse(stdout) as Record<string, unknown>
}

describe.skipIf(!mounting)('on a real file system (private mount namespace)', () => {
  it('a full tmpfs: the save names the file and the cause, the disk and the store agree, Retry works', async () => {
    const dir = await tempDir()
    const seen = await inNamespace('mount -t tmpfs -o size=256k tmpfs "$1"', 'disk-full', dir)
    expect(seen.error).toBe(
      `${String(seen.file)}: could not be written: the disk is full (ENOSPC). Nothing on disk was ` +
        'changed; free some space and try again.',
    )
    expect(seen).toMatchObject({
      loaded: 3,
      onDiskAfterFailure: 3,
      temps: [],
      retried: 1,
      onDisk: 1,
    })
  })

  it('a read-only mount: the app opens it read-only saying why, add is refused naming the folder', async () => {
    const dir = await tempDir()
    const store = await ProjectStore.create(dir, { name: 'P' })
    await store.addDocument(newDocument())
    await store.close()
    const mount = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1"'
    const seen = await inNamespace(mount, 'read-only', dir)
    const reason = 'the folder is on a read-only file system (EROFS)'
    expect(seen).toEqual({
      readOnly: reason,
      documents: 1,
      save: `${dir}: the project is open read-only: ${reason}`,
      forWriting: `${dir}: cannot open the project for writing: ${reason}`,
    })
  })
})
