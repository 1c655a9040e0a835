// A folder export's files: written under their folders (made once each), each path once, with the
// digests the manifest lists, and nothing in place until the commit.
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DiskOut } from '../../../../src/main/core/output/disk-out'

let root: string
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'marginalia-disk-out-'))
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

describe('DiskOut, a folder export', () => {
  it('writes files in nested folders and lists each with its digest, in order', async () => {
    const target = path.join(root, 'out')
    const out = await DiskOut.open(target, 'folder')
    const names = ['a.txt', 'docs/b.txt', 'docs/c.txt', 'docs/deep/d.txt', 'e.txt']
    for (const name of names) {
      const file = out.file(name)
      file.write(`text of ${name}`)
      file.close()
    }
    expect(out.digests()).toEqual(
      names.map((name) => ({
        path: name,
        bytes: `text of ${name}`.length,
        sha256: sha256(`text of ${name}`),
      })),
    )
    await out.commit('{}\n', path.join(target, 'manifest.json'))
    expect(await readFile(path.join(target, 'docs/deep/d.txt'), 'utf8')).toBe(
      'text of docs/deep/d.txt',
    )
    expect((await readdir(path.join(target, 'docs'))).sort()).toEqual(['b.txt', 'c.txt', 'deep'])
  })

  it('refuses a path written twice, and leaves nothing behind when discarded', async () => {
    const target = path.join(root, 'twice')
    const out = await DiskOut.open(target, 'folder')
    out.file('docs/a.txt').close()
    out.file('docs/b.txt').close()
    expect(() => out.file('docs/a.txt')).toThrow('export file docs/a.txt written twice')
    await out.discard()
    expect(await readdir(root)).not.toContain('twice')
    expect((await readdir(root)).filter((n) => n.includes('twice'))).toEqual([])
  })
})
