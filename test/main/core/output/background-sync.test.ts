// An export's files are synced as each is written (background-sync.ts), and the output is moved into
// place only once every one is on disk: a file under the output's name is complete. A sync that
// fails fails the export, which then leaves the earlier one as it was.
import * as fs from 'node:fs'
import * as fsPromises from 'node:fs/promises'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { BackgroundSync } from '../../../../src/main/core/output/background-sync'
import { DiskOut } from '../../../../src/main/core/output/disk-out'

/** What happened, in order: each fsync as it finished (its descriptor) and each rename. */
const events: string[] = []

vi.mock('node:fs', async (original) => {
  const actual = await original<typeof fs>()
  // Each sync finishes a little later, as a disk's would: a rename must still wait for it.
  const fsync = vi.fn((fd: number, done: (error: NodeJS.ErrnoException | null) => void) =>
    setTimeout(() => actual.fsync(fd, (error) => (events.push('sync'), done(error))), 30),
  )
  // Creating a file in the background goes through `open`: a test may make one fail.
  const open = vi.fn(actual.open)
  return { ...actual, fsync, open }
})
vi.mock('node:fs/promises', async (original) => {
  const actual = await original<typeof fsPromises>()
  const rename = vi.fn(
    (from: string, to: string) => (events.push('rename'), actual.rename(from, to)),
  )
  return { ...actual, rename }
})

let root: string
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'marginalia-background-sync-'))
})
afterEach(() => {
  events.length = 0
  vi.mocked(fs.fsync).mockClear()
  vi.mocked(fs.open).mockClear()
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

/** Descriptors this process has open (Linux). */
const openDescriptors = () => fs.readdirSync('/proc/self/fd').length

/** Writes `count` files into `dir`, handing each to `syncs` as an export does once it is closed. */
function addFiles(syncs: BackgroundSync, dir: string, count: number): BackgroundSync {
  for (let i = 0; i < count; i++) {
    const full = path.join(dir, `${i}.txt`)
    const fd = fs.openSync(full, 'wx')
    fs.writeSync(fd, `file ${i}`)
    syncs.add(full, fd)
  }
  return syncs
}

describe('BackgroundSync', () => {
  it('syncs and closes every file, more than it keeps open at once', async () => {
    const dir = await mkdtemp(path.join(root, 'many-'))
    const before = openDescriptors()
    const syncs = addFiles(new BackgroundSync(), dir, 100)
    await syncs.done()
    expect(fs.fsync).toHaveBeenCalledTimes(100)
    expect(events).toEqual(Array(100).fill('sync'))
    expect(openDescriptors()).toBe(before)
    await syncs.done() // nothing left: at once
  })

  it('keeps four syncs under way while files wait, never more (the pool has four)', async () => {
    const dir = await mkdtemp(path.join(root, 'at-once-'))
    let running = 0
    let most = 0
    const fsync = vi.mocked(fs.fsync)
    const slow = fsync.getMockImplementation()!
    fsync.mockImplementation((fd, done) => {
      most = Math.max(most, ++running)
      slow(fd, (error) => (running--, done(error)))
    })
    try {
      await addFiles(new BackgroundSync(), dir, 12).done()
    } finally {
      fsync.mockImplementation(slow)
    }
    expect(most).toBe(4)
    expect(events).toEqual(Array(12).fill('sync'))
  })

  it('rejects, naming the file, when a sync fails', async () => {
    const full = path.join(root, 'failing.txt')
    const fd = fs.openSync(full, 'wx')
    vi.mocked(fs.fsync).mockImplementationOnce((_fd, done) =>
      done(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' })),
    )
    const syncs = new BackgroundSync()
    syncs.add(full, fd)
    await expect(syncs.done()).rejects.toThrow(`${full}: EIO: i/o error, fsync`)
  })
})

describe('DiskOut with background syncs', () => {
  it.each(['folder', 'file'] as const)(
    'a %s export is moved into place only after every file is synced',
    async (kind) => {
      const target = path.join(root, `out-${kind}`)
      const out = await DiskOut.open(target, kind)
      for (const name of kind === 'folder' ? ['a.txt', 'docs/b.txt'] : []) {
        const file = out.file(name)
        file.write(`text of ${name}`)
        file.close()
      }
      // A zip with a part: the part's compressed bytes wait in a scratch file, never synced.
      const zip = out.zip(kind === 'folder' ? 'c.zip' : 'one.zip', new Date(2024, 0, 1))
      const part = zip.part()
      part.write('kept aside')
      part.close()
      const entry = zip.entry('e.txt')
      entry.write('head, then ')
      entry.append(part)
      entry.close()
      zip.close()
      const manifest = kind === 'folder' ? path.join(target, 'manifest.json') : `${target}.m.json`
      await out.commit('{}\n', manifest)
      const syncs = kind === 'folder' ? 3 : 1
      expect(events.slice(0, syncs)).toEqual(Array(syncs).fill('sync'))
      expect(events.slice(syncs)).not.toContain('sync')
      expect(events).toContain('rename')
      expect((await readdir(root)).filter((n) => n.includes(`out-${kind}.`))).toEqual(
        kind === 'file' ? [`out-${kind}.m.json`] : [],
      )
    },
  )

  it('a failed sync fails the commit, and the earlier export stays as it was', async () => {
    const target = path.join(root, 'kept.txt')
    await writeFile(target, 'the earlier export\n')
    const out = await DiskOut.open(target, 'file')
    vi.mocked(fs.fsync).mockImplementationOnce((_fd, done) =>
      done(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' })),
    )
    const file = out.file('kept.txt')
    file.write('the new export\n')
    file.close()
    await expect(out.commit('{}\n', `${target}.manifest.json`)).rejects.toThrow(/EIO/)
    await out.discard()
    expect(await readFile(target, 'utf8')).toBe('the earlier export\n')
    expect((await readdir(root)).filter((n) => n.startsWith('kept'))).toEqual(['kept.txt'])
  })

  it('creates small files in the background, a few at once, and bounds the bytes waiting', async () => {
    // The export's thread hands each closed file on without creating it: while it goes on without
    // yielding, at most the four under way can exist, still empty. Past 16 MB waiting it writes
    // the next files itself, so what waits in memory stays bounded.
    const target = path.join(root, 'held')
    const out = await DiskOut.open(target, 'folder')
    const piece = 'x'.repeat(1 << 20)
    for (let i = 0; i < 20; i++) {
      const file = out.file(`${i}.txt`)
      file.write(piece)
      file.close()
    }
    // Looked at before the thread yields: nothing created on the pool has been written yet.
    const temp = path.join(
      root,
      fs.readdirSync(root).find((n) => n.startsWith('.held.'))!,
    )
    const sizes = (names: string[]) => names.map((n) => fs.statSync(path.join(temp, n)).size)
    const early = fs.readdirSync(temp).filter((n) => Number.parseInt(n) < 16)
    expect(early.length).toBeLessThanOrEqual(4)
    expect(sizes(early)).toEqual(early.map(() => 0))
    expect(sizes(['16.txt', '17.txt', '18.txt', '19.txt'])).toEqual(Array(4).fill(1 << 20))
    await out.commit('{}\n', path.join(target, 'manifest.json'))
    expect(events.filter((e) => e === 'sync')).toHaveLength(20)
    for (let i = 0; i < 20; i++) {
      expect(await readFile(path.join(target, `${i}.txt`), 'utf8')).toBe(piece)
    }
  })

  it('a file that cannot be created stops the export at the next file, naming it', async () => {
    const target = path.join(root, 'refused')
    const out = await DiskOut.open(target, 'folder')
    const refused = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })
    vi.mocked(fs.open).mockImplementationOnce((...args: unknown[]) =>
      (args.at(-1) as (error: Error) => void)(refused),
    )
    const file = out.file('a.txt')
    file.write('text')
    file.close()
    expect(() => out.file('b.txt')).toThrow(/[/\\]a\.txt: EACCES: permission denied$/)
    await expect(out.commit('{}\n', path.join(target, 'manifest.json'))).rejects.toThrow(/a\.txt/)
    await out.discard()
    expect((await readdir(root)).filter((n) => n.includes('refused'))).toEqual([])
  })

  it('a discarded export creates none of the files still waiting, and leaves nothing', async () => {
    const target = path.join(root, 'dropped')
    const out = await DiskOut.open(target, 'folder')
    for (let i = 0; i < 40; i++) {
      const file = out.file(`${i}.txt`)
      file.write(`file ${i}`)
      file.close()
    }
    out.file('open.txt').write('never closed')
    await out.discard()
    expect(vi.mocked(fs.open).mock.calls.length).toBeLessThanOrEqual(4)
    expect((await readdir(root)).filter((n) => n.includes('dropped'))).toEqual([])
  })
})
