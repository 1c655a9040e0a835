// The index cache (.marginalia/index.json): an open of an unchanged project reads none of its
// document or annotation files, and what another copy brought in (a git pull, a sync: files added
// or replaced, which changes their folder's time) is read and shown all the same.
import { mkdir, readdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ProjectStore, contentHash } from '../../../../src/main/core/storage'
import { readSetFile, writeSetFile } from '../../fixtures/set-files'
import { TEXT, annotationsFor, newDocument } from './helpers'
import { settled } from './settled-cache'
import { spyFs, type FsCall } from './spy-fs'
import { nodeFs, type StorageFs } from '../../../../src/main/core/storage'
import { tempDir } from './temp-dir'

const HOUR_AGO = new Date(Date.now() - 3_600_000)

/**
 * Sets folders of the project and their files an hour back, as for a project last changed before
 * today (a whole millisecond, which utimes can put back exactly).
 */
async function age(dir: string, ...folders: string[]): Promise<void> {
  for (const folder of folders) {
    for (const name of await readdir(path.join(dir, folder))) {
      await utimes(path.join(dir, folder, name), HOUR_AGO, HOUR_AGO)
    }
    await utimes(path.join(dir, folder), HOUR_AGO, HOUR_AGO)
  }
}

/** A project of two annotated documents whose cache records trusted folder times. */
async function cachedProject(): Promise<{ dir: string; ids: string[] }> {
  const dir = path.join(await tempDir(), 'p')
  const store = await ProjectStore.create(dir, { name: 'P', analyst: 'Ana' })
  const ids: string[] = []
  for (const text of [`${TEXT} One.`, `${TEXT} Two.`]) {
    const added = await store.addDocument({
      ...newDocument(text),
      annotations: annotationsFor(text),
    })
    if (added.status !== 'added') throw new Error('not added')
    ids.push(added.entry.id)
  }
  await store.close()
  await age(dir, 'documents', 'annotations/ana')
  await (await ProjectStore.open(dir, { analyst: 'Ana' })).close() // the cache, with those times
  await settled(dir)
  return { dir, ids }
}

/**
 * Writes `text` over `file` padded with spaces (JSON allows them) to the old size, then puts the old
 * modification time back: a change that size and modification time cannot tell (a sync client or
 * an archive restoring times). `inPlace` writes into the same file (its folder's time stays).
 */
async function sameSizeAndTime(file: string, text: string, inPlace: boolean): Promise<void> {
  const before = await stat(file)
  if (Buffer.byteLength(text) > before.size) throw new Error('the new text is longer')
  const padded = text + ' '.repeat(before.size - Buffer.byteLength(text))
  if (inPlace) await writeFile(file, padded)
  else {
    await writeFile(`${file}.new`, padded)
    await rename(`${file}.new`, file)
  }
  await utimes(file, before.atime, before.mtime)
  expect((await stat(file)).mtimeMs).toBe(before.mtimeMs)
}

/**
 * Node's file system on a clock whose tick has not ended: every file and folder is stamped with one
 * time, a minute ahead (a coarse clock, or a share's clock ahead of ours). A file replaced with the
 * same size within that tick looks, by its size and times, exactly as recorded.
 */
function sameTickFs(): StorageFs {
  const tick = Math.floor(Date.now() / 1000) * 1000 + 60_000
  const stamped = async (stat: Promise<Awaited<ReturnType<StorageFs['lstat']>>>) => {
    const info = await stat
    return Object.assign(Object.create(info) as typeof info, { mtimeMs: tick, ctimeMs: tick })
  }
  return {
    ...nodeFs,
    stat: (file) => stamped(nodeFs.stat(file)),
    lstat: (file) => stamped(nodeFs.lstat(file)),
  }
}

/** Replaces `file` with `text` padded with spaces to the old size (as a sync replaces files). */
async function replaceKeepingSize(file: string, text: string): Promise<void> {
  const size = (await stat(file)).size
  if (Buffer.byteLength(text) > size) throw new Error('the new text is longer')
  await writeFile(`${file}.new`, text + ' '.repeat(size - Buffer.byteLength(text)))
  await rename(`${file}.new`, file)
}

const projectFileReads = (calls: FsCall[]) =>
  calls
    .filter((c) => c.op === 'open' && /[/\\](documents|annotations)[/\\]/.test(c.path))
    .map((c) => c.path)

describe('the index cache', () => {
  it('an open of an unchanged project reads no document or annotation file', async () => {
    const { dir, ids } = await cachedProject()
    const calls: FsCall[] = []
    const store = await ProjectStore.open(dir, { analyst: 'Ana', fs: spyFs(calls) })
    expect(store.summaries().map((s) => [s.id, s.spanCount])).toEqual([
      [ids[0], 3],
      [ids[1], 3],
    ])
    expect(projectFileReads(calls)).toEqual([])
    // A document is read when it is opened, and only then.
    await store.loadDocument(ids[1])
    expect(projectFileReads(calls).map((f) => path.basename(path.dirname(f)))).toEqual([
      'documents',
      'ana',
    ])
    await store.close()
  })

  it('files another copy added or replaced are read and shown', async () => {
    const { dir, ids } = await cachedProject()
    // What a pull brings: Bob's annotations of the first document, a document Bob added, and Ana's
    // own set of the second document replaced (as git and sync clients replace files).
    await mkdir(path.join(dir, 'annotations', 'bob'))
    const bobs = annotationsFor(`${TEXT} One.`)
    await writeSetFile(
      dir,
      'bob',
      ids[0],
      { ...bobs, spans: bobs.spans.slice(2), relations: [] },
      'Bob',
    )
    const added = JSON.parse(await readFile(path.join(dir, 'documents', `${ids[0]}.json`), 'utf8'))
    const text = 'A third article, added by Bob.'
    added.document = {
      ...added.document,
      id: 'd-bob',
      title: 'From Bob',
      text,
      blocks: [{ type: 'paragraph', start: 0, end: text.length }],
      contentHash: contentHash(text),
      addedAt: '2030-01-01T00:00:00.000Z',
      addedBy: 'Bob',
    }
    await writeFile(path.join(dir, 'documents', 'd-bob.json'), JSON.stringify(added))
    const file = path.join(dir, 'annotations', 'ana', `${ids[1]}.json`)
    const mine = await readSetFile(dir, 'ana', ids[1])
    const emptied = { ...mine, annotations: { ...mine.annotations, spans: [], relations: [] } }
    await writeFile(`${file}.new`, JSON.stringify(emptied))
    await rename(`${file}.new`, file)

    const store = await ProjectStore.open(dir, { analyst: 'Ana', lock: false })
    expect(store.project.documents.map((d) => d.title)).toEqual([
      'Test article',
      'Test article',
      'From Bob',
    ])
    expect(store.listAnalysts(ids[0]).map((a) => [a.id, a.name])).toEqual([
      ['ana', 'Ana'],
      ['bob', 'Bob'],
    ])
    expect(store.summaries().map((s) => s.spanCount)).toEqual([3, 0, 0])
    expect((await store.loadAnnotations(ids[0], 'bob'))?.annotations.spans).toHaveLength(1)
    await store.close()
  })

  it('a file replaced in the same clock tick as our own last save is still noticed', async () => {
    const dir = path.join(await tempDir(), 'p')
    const store = await ProjectStore.create(dir, { name: 'P', analyst: 'Ana' })
    const added = await store.addDocument({ ...newDocument(), annotations: annotationsFor() })
    if (added.status !== 'added') throw new Error('not added')
    await store.close()
    const folder = path.join(dir, 'annotations', 'ana')
    // A pull replaces the file at once, and the folder is stamped with the time the cache holds
    // (a coarse clock gives both the same tick: set here by writing it into the cache).
    const file = path.join(folder, `${added.entry.id}.json`)
    const mine = await readSetFile(dir, 'ana', added.entry.id)
    const emptied = { ...mine, annotations: { ...mine.annotations, spans: [], relations: [] } }
    await writeFile(`${file}.new`, JSON.stringify(emptied))
    await rename(`${file}.new`, file)
    const cacheFile = path.join(dir, '.marginalia', 'index.json')
    const cache = JSON.parse(await readFile(cacheFile, 'utf8'))
    const now = await stat(folder)
    Object.assign(cache.sets.ana, { mtimeMs: now.mtimeMs, ctimeMs: now.ctimeMs })
    await writeFile(cacheFile, JSON.stringify(cache))
    const reopened = await ProjectStore.open(dir, { analyst: 'Ana', lock: false })
    expect(reopened.summaries().map((s) => s.spanCount)).toEqual([0])
    await reopened.close()
  })

  it('files replaced in the clock tick their records were taken in are read again, not served from the cache', async () => {
    const fs = sameTickFs()
    const dir = path.join(await tempDir(), 'p')
    const store = await ProjectStore.create(dir, { name: 'P', analyst: 'Ana', fs })
    const added = await store.addDocument({ ...newDocument(), annotations: annotationsFor() })
    if (added.status !== 'added') throw new Error('not added')
    await store.close()
    const once = await ProjectStore.open(dir, { analyst: 'Ana', fs })
    expect(once.summaries().map((s) => [s.title, s.spanCount])).toEqual([['Test article', 3]])
    await once.close() // the cache, written with every record of this tick
    const docFile = path.join(dir, 'documents', `${added.entry.id}.json`)
    const doc = JSON.parse(await readFile(docFile, 'utf8'))
    doc.document.title = 'Renamed'
    await replaceKeepingSize(docFile, JSON.stringify(doc))
    const setFile = path.join(dir, 'annotations', 'ana', `${added.entry.id}.json`)
    const set = JSON.parse(await readFile(setFile, 'utf8'))
    set.annotations.spans = set.annotations.spans.slice(2)
    set.annotations.relations = []
    await replaceKeepingSize(setFile, JSON.stringify(set))
    const reopened = await ProjectStore.open(dir, { analyst: 'Ana', fs, lock: false })
    expect(reopened.summaries().map((s) => [s.title, s.spanCount])).toEqual([['Renamed', 1]])
    await reopened.close()
  })

  it('a cache of the previous version is rebuilt from the files, never read as this one', async () => {
    const { dir, ids } = await cachedProject()
    const cacheFile = path.join(dir, '.marginalia', 'index.json')
    const cache = JSON.parse(await readFile(cacheFile, 'utf8'))
    // Version 3 kept each file's size and times as number columns; its summaries here are stale.
    const v3Columns = (c: { id: string[] }) => ({
      ...c,
      size: c.id.map(() => 1),
      mtimeMs: c.id.map(() => 1),
      ctimeMs: c.id.map(() => 1),
    })
    cache.cache = 3
    cache.documents = { ...v3Columns(cache.documents), title: ['Stale', 'Stale'] }
    cache.sets.ana.files = { ...v3Columns(cache.sets.ana.files), spans: [9, 9] }
    await writeFile(cacheFile, JSON.stringify(cache))
    const store = await ProjectStore.open(dir, { analyst: 'Ana' })
    expect(store.summaries().map((s) => [s.id, s.title, s.spanCount])).toEqual([
      [ids[0], 'Test article', 3],
      [ids[1], 'Test article', 3],
    ])
    await store.close()
    expect(JSON.parse(await readFile(cacheFile, 'utf8')).cache).toBe(4)
  })

  it('a broken cache, or one whose stamps are not text, is rebuilt', async () => {
    const { dir, ids } = await cachedProject()
    const cacheFile = path.join(dir, '.marginalia', 'index.json')
    const good = JSON.parse(await readFile(cacheFile, 'utf8'))
    const stale = { ...good, documents: { ...good.documents, title: ['Stale', 'Stale'] } }
    for (const text of [
      JSON.stringify(stale).slice(0, -20),
      JSON.stringify({ ...stale, documents: { ...stale.documents, stamps: [1, 2] } }),
    ]) {
      await writeFile(cacheFile, text)
      const store = await ProjectStore.open(dir, { analyst: 'Ana' })
      expect(store.summaries().map((s) => [s.id, s.title])).toEqual([
        [ids[0], 'Test article'],
        [ids[1], 'Test article'],
      ])
      await store.close()
      expect(JSON.parse(await readFile(cacheFile, 'utf8')).documents.stamps).toEqual(
        expect.any(String),
      )
    }
  })

  it('a file replaced with its old size and modification time is read again', async () => {
    const { dir, ids } = await cachedProject()
    const docFile = path.join(dir, 'documents', `${ids[0]}.json`)
    const doc = JSON.parse(await readFile(docFile, 'utf8'))
    doc.document.title = 'Renamed'
    await sameSizeAndTime(docFile, JSON.stringify(doc), false)
    const setFile = path.join(dir, 'annotations', 'ana', `${ids[1]}.json`)
    const set = JSON.parse(await readFile(setFile, 'utf8'))
    set.annotations.spans = set.annotations.spans.slice(1)
    set.annotations.relations = []
    await sameSizeAndTime(setFile, JSON.stringify(set), false)
    const store = await ProjectStore.open(dir, { analyst: 'Ana', lock: false })
    expect(store.summaries().map((s) => [s.title, s.spanCount])).toEqual([
      ['Renamed', 3],
      ['Test article', 2],
    ])
    await store.close()
  })

  it('a file edited in place with its old size and time, in a folder that changed, is read again', async () => {
    const { dir, ids } = await cachedProject()
    const setFile = path.join(dir, 'annotations', 'ana', `${ids[0]}.json`)
    const set = JSON.parse(await readFile(setFile, 'utf8'))
    set.annotations.spans = []
    set.annotations.relations = []
    await sameSizeAndTime(setFile, JSON.stringify(set), true)
    // Something else arrives in the folder too, so its time moves and its files are checked.
    await writeFile(path.join(dir, 'annotations', 'ana', 'notes.txt'), 'x')
    const store = await ProjectStore.open(dir, { analyst: 'Ana', lock: false })
    expect(store.summaries().map((s) => s.spanCount)).toEqual([0, 3])
    await store.close()
  })

  it('a folder whose old modification time a sync put back is checked all the same', async () => {
    const { dir, ids } = await cachedProject()
    // rsync -a, cp -a and archives set a folder's time to the source's after changing its files.
    const folder = path.join(dir, 'annotations', 'ana')
    const before = await stat(folder)
    const setFile = path.join(folder, `${ids[0]}.json`)
    const set = JSON.parse(await readFile(setFile, 'utf8'))
    set.annotations.spans = set.annotations.spans.slice(2)
    set.annotations.relations = []
    await writeFile(`${setFile}.new`, JSON.stringify(set))
    await rename(`${setFile}.new`, setFile)
    await utimes(folder, before.atime, before.mtime)
    expect((await stat(folder)).mtimeMs).toBe(before.mtimeMs)
    const store = await ProjectStore.open(dir, { analyst: 'Ana', lock: false })
    expect(store.summaries().map((s) => s.spanCount)).toEqual([1, 3])
    await store.close()
  })

  it('files another copy removed are no longer listed or counted', async () => {
    const { dir, ids } = await cachedProject()
    await unlink(path.join(dir, 'documents', `${ids[1]}.json`))
    await unlink(path.join(dir, 'annotations', 'ana', `${ids[0]}.json`))
    const store = await ProjectStore.open(dir, { analyst: 'Ana', lock: false })
    expect(store.summaries().map((s) => [s.id, s.spanCount])).toEqual([[ids[0], 0]])
    expect(store.problems.map((p) => path.basename(p.file))).toEqual([`${ids[1]}.json`])
    await store.close()
  })

  it('an open from the cache shows what an open without it shows', async () => {
    const dir = path.join(await tempDir(), 'p')
    const store = await ProjectStore.create(dir, { name: 'P', analyst: 'Ana' })
    // Ids that are names on every object, and a set saved again.
    for (const [id, text] of [
      ['__proto__', `${TEXT} One.`],
      ['constructor', `${TEXT} Two.`],
      ['plain', `${TEXT} Three.`],
    ]) {
      const added = await store.addDocument(
        { ...newDocument(text), annotations: annotationsFor(text) },
        { id },
      )
      if (added.status !== 'added' || added.entry.id !== id) throw new Error(`${id} not added`)
    }
    const a = annotationsFor(`${TEXT} Two.`)
    await store.saveAnnotations('constructor', { ...a, spans: a.spans.slice(1), relations: [] })
    await store.flush()
    const shown = (s: ProjectStore) => ({
      documents: s.project.documents,
      summaries: s.summaries(),
      analysts: s.listAnalysts(),
      problems: s.problems,
    })
    const expected = shown(store)
    await store.close()
    await settled(dir)
    const warm = await ProjectStore.open(dir, { analyst: 'Ana', lock: false })
    expect(shown(warm)).toEqual(expected)
    await warm.close()
    await unlink(path.join(dir, '.marginalia', 'index.json'))
    const cold = await ProjectStore.open(dir, { analyst: 'Ana', lock: false })
    expect(shown(cold)).toEqual(expected)
    await cold.close()
  })
})
