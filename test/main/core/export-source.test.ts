// What an export reads of each document (export-source.ts, set-choice.ts): the document file and
// the chosen sets, each once; the working analyst's own set only when it is one of them. The
// export worker's own reads (no store given) read the same and report the same problems.
import { rm, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportSource, loadDocuments, type Loaded } from '../../../src/main/core/export-source'
import type { SetChoice } from '../../../src/main/core/set-choice'
import { ProjectStore } from '../../../src/main/core/storage'
import { annotationsFor, newDocument } from './storage/helpers'
import { spyFs, type FsCall } from './storage/spy-fs'
import { tempDir } from './storage/temp-dir'

/** A document annotated by Ana (the working analyst), by Bo, and curated (gold). */
async function teamProject() {
  const dir = await tempDir()
  const ana = await ProjectStore.create(dir, { name: 'P', analyst: 'Ana' })
  const added = await ana.addDocument({ ...newDocument(), annotations: annotationsFor() })
  if (added.status !== 'added') throw new Error('not added')
  const docId = added.entry.id
  const fewer = annotationsFor()
  await ana.saveAnnotations(docId, { ...fewer, spans: fewer.spans.slice(0, 1), relations: [] })
  await ana.saveAnnotations(docId, annotationsFor(), { set: 'gold' })
  await ana.close()
  const bo = await ProjectStore.open(dir, { analyst: 'Bo' })
  await bo.saveAnnotations(docId, { ...fewer, spans: fewer.spans.slice(1, 3), relations: [] })
  await bo.close()
  return { dir, docId }
}

/** Loads every document for `choice` as Ana, through a file system that records each open. */
async function load(dir: string, choice: SetChoice) {
  const calls: FsCall[] = []
  const store = await ProjectStore.open(dir, { lock: false, analyst: 'Ana', fs: spyFs(calls) })
  calls.length = 0
  const loaded: Loaded[] = []
  for await (const one of loadDocuments(exportSource(store, undefined, choice), store)) {
    loaded.push(one)
  }
  await store.close()
  const opened = calls
    .filter((c) => c.op === 'open')
    .map((c) => path.relative(dir, c.path).split(path.sep).join('/'))
  return { loaded, opened }
}

describe('an export reads', () => {
  it('the document and the chosen set once each, not the working analyst’s set', async () => {
    const { dir, docId } = await teamProject()
    const gold = await load(dir, 'gold')
    expect(gold.opened).toEqual([`documents/${docId}.json`, `annotations/gold/${docId}.json`])
    expect(gold.loaded[0].records.map((r) => [r.set, r.annotations.spans.length])).toEqual([
      ['gold', 3],
    ])
    const bo = await load(dir, { analyst: 'bo' })
    expect(bo.opened).toEqual([`documents/${docId}.json`, `annotations/bo/${docId}.json`])
    expect(bo.loaded[0].records.map((r) => [r.set, r.annotations.spans.length])).toEqual([
      ['bo', 2],
    ])
    const all = await load(dir, 'all')
    expect(all.opened).toEqual([
      `documents/${docId}.json`,
      `annotations/ana/${docId}.json`,
      `annotations/bo/${docId}.json`,
      `annotations/gold/${docId}.json`,
    ])
    expect(all.loaded[0].records.map((r) => [r.document.id, r.annotations.spans.length])).toEqual([
      [`${docId}--ana`, 1],
      [`${docId}--bo`, 2],
      [`${docId}--gold`, 3],
    ])
    const own = await load(dir, 'mine')
    expect(own.opened).toEqual([`documents/${docId}.json`, `annotations/ana/${docId}.json`])
    expect(own.loaded[0].records.map((r) => [r.set, r.annotations.spans.length])).toEqual([
      ['ana', 1],
    ])
  })

  it('a broken set file it reads is reported by name; one it does not read does not matter', async () => {
    const { dir, docId } = await teamProject()
    await writeFile(path.join(dir, 'annotations', 'ana', `${docId}.json`), '{"format": ')
    const gold = await load(dir, 'gold')
    expect(gold.loaded[0].problems).toEqual([])
    expect(gold.loaded[0].records.map((r) => r.set)).toEqual(['gold'])
    for (const choice of ['mine', 'all'] as const) {
      const { loaded } = await load(dir, choice)
      expect(loaded[0].records).toEqual([])
      expect(loaded[0].problems).toEqual([
        {
          file: `annotations/ana/${docId}.json`,
          message: expect.stringMatching(/invalid JSON/),
        },
      ])
    }
  })
})

describe('the export worker’s reads (no store: each file read at once)', () => {
  /** Every document for `choice` as Ana, read as the export worker reads them. */
  async function loadAlone(dir: string, choice: SetChoice): Promise<Loaded[]> {
    const store = await ProjectStore.open(dir, { lock: false, analyst: 'Ana' })
    const source = exportSource(store, undefined, choice)
    await store.close()
    const loaded: Loaded[] = []
    for await (const one of loadDocuments(source)) loaded.push(one)
    return loaded
  }

  it('load what main’s store loads, and name the files they cannot read as it does', async () => {
    const { dir, docId } = await teamProject()
    const choices: SetChoice[] = ['gold', 'mine', { analyst: 'bo' }, 'all']
    for (const choice of choices) {
      expect(await loadAlone(dir, choice)).toEqual((await load(dir, choice)).loaded)
    }
    // A broken set file, and one that is a symbolic link (never followed).
    const set = (id: string) => path.join(dir, 'annotations', id, `${docId}.json`)
    await writeFile(set('ana'), '{"format": ')
    await rm(set('bo'))
    await symlink(set('gold'), set('bo'))
    const problems = async (choice: SetChoice) => (await loadAlone(dir, choice))[0].problems
    expect(await problems('mine')).toEqual([
      { file: `annotations/ana/${docId}.json`, message: expect.stringMatching(/invalid JSON/) },
    ])
    expect(await problems({ analyst: 'bo' })).toEqual([
      { file: `annotations/bo/${docId}.json`, message: expect.stringMatching(/symbolic link/) },
    ])
    // A document file broken.
    await writeFile(path.join(dir, 'documents', `${docId}.json`), '{"format": "marginalia-docu')
    expect(await problems('gold')).toEqual([
      { file: `documents/${docId}.json`, message: expect.stringMatching(/invalid JSON/) },
    ])
    for (const choice of choices) {
      expect(await loadAlone(dir, choice)).toEqual((await load(dir, choice)).loaded)
    }
  })

  // Between documents the worker's thread must come back to its event loop: the output files'
  // syncs move on in their callbacks, and a Cancel arrives as a message. Reads done at once
  // never give it a turn by themselves.
  it('give the event loop a turn between documents', async () => {
    const dir = await tempDir()
    const ana = await ProjectStore.create(dir, { name: 'P', analyst: 'Ana' })
    for (const text of ['One.', 'Two.', 'Three.']) await ana.addDocument(newDocument(text))
    const source = exportSource(ana, undefined, 'mine')
    await ana.close()
    let turns = 0
    const seen: number[] = []
    for await (const one of loadDocuments(source)) {
      expect(one.problems).toEqual([])
      seen.push(turns)
      setImmediate(() => turns++)
    }
    expect(seen).toEqual([0, 1, 2])
  })
})
