// The index cache (.marginalia/index.json): an open of an unchanged project reads none of its
// document or annotation files, and what another copy brought in (a git pull, a sync: files added
// or replaced, which changes their folder's time) is read and shown all the same.
import { mkdir, readFile, rename, stat, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ProjectStore, contentHash } from '../../../../src/main/core/storage'
import { readSetFile, writeSetFile } from '../../fixtures/set-files'
import { TEXT, annotationsFor, newDocument } from './helpers'
import { spyFs, type FsCall } from './spy-fs'
import { tempDir } from './temp-dir'

const HOUR_AGO = new Date(Date.now() - 3_600_000)

/** Sets every folder of the project an hour back, as for a project last changed before today. */
async function age(dir: string, ...folders: string[]): Promise<void> {
  for (const folder of folders) await utimes(path.join(dir, folder), HOUR_AGO, HOUR_AGO)
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
  return { dir, ids }
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
    cache.sets.ana.mtimeMs = (await stat(folder)).mtimeMs
    await writeFile(cacheFile, JSON.stringify(cache))
    const reopened = await ProjectStore.open(dir, { analyst: 'Ana', lock: false })
    expect(reopened.summaries().map((s) => s.spanCount)).toEqual([0])
    await reopened.close()
  })
})
