// A folder export's files: written under their folders (made once each), each path once, with the
// digests the manifest lists, and nothing in place until the commit.
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
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

/** A folder export to `name` under the test's root, and the temporary folder it writes into. */
async function openFolder(name: string) {
  const target = path.join(root, name)
  const out = await DiskOut.open(target, 'folder')
  const temp = path.join(
    root,
    (await readdir(root)).find((n) => n.startsWith(`.${name}.`))!,
  )
  return { target, out, temp }
}

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

  it('creates a small file when it is closed (in the background) and a large one as it grows', async () => {
    const { target, out, temp } = await openFolder('held')
    const small = out.file('small.txt')
    small.write('small')
    const large = out.file('large.txt')
    const text = 'large 😀\n'.repeat(200_000) // 2 MB: more than a file is held for
    large.write(text)
    large.write('end')
    // The large file's first megabyte went to disk once it outgrew what is held; the small one
    // waits for its close.
    expect(await readdir(temp)).toEqual(['large.txt'])
    small.close()
    large.close()
    expect(out.digests().map((d) => d.sha256)).toEqual([sha256('small'), sha256(`${text}end`)])
    await out.commit('{}\n', path.join(target, 'manifest.json'))
    expect(await readFile(path.join(target, 'small.txt'), 'utf8')).toBe('small')
    expect(await readFile(path.join(target, 'large.txt'), 'utf8')).toBe(`${text}end`)
  })

  it('fails the commit when a file held until its close cannot be created', async () => {
    const { target, out, temp } = await openFolder('taken')
    await writeFile(path.join(temp, 'a.txt'), 'in the way')
    const file = out.file('a.txt')
    file.write('text')
    file.close()
    await expect(out.commit('{}\n', path.join(target, 'manifest.json'))).rejects.toThrow(/EEXIST/)
    await out.discard()
    expect((await readdir(root)).filter((n) => n.includes('taken'))).toEqual([])
  })
})
