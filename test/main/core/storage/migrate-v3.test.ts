// Format 2 → 3 on the real format-2 sample (fixtures/v2-sample, the sample project as format 2
// wrote it): read-only it is migrated in memory and nothing is written; for writing it is migrated
// on disk, its annotations becoming the set of the analyst named in their `annotator` fields. A
// kill at any point of the migration leaves a project that opens, read-only or for writing, with
// every document, annotation and entity; the next open for writing finishes the job.
import { cp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { LOCK_FILE, ProjectStore, type StorageFs } from '../../../../src/main/core/storage'
import { FORMAT_VERSION } from '../../../../src/shared/model'
import { cli } from '../../cli/run-cli'
import { isWriteCall, spyFs } from './spy-fs'
import { tempDir } from './temp-dir'

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'v2-sample')
const DOC = 'russia-north-korea-alliance'

async function v2Project(): Promise<string> {
  const dir = await tempDir()
  await cp(fixture, dir, { recursive: true })
  return dir
}

const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8'))

/** Every file of a folder (recursive, sorted), without this machine's .marginalia/. */
async function files(dir: string): Promise<string[]> {
  const all = await readdir(dir, { recursive: true, withFileTypes: true })
  return all
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((f) => !f.startsWith('.marginalia/'))
    .sort()
}

/** What a project holds, as a reader sees it: enough to tell a migration lost nothing. */
async function content(store: ProjectStore) {
  const docs = []
  for (const entry of store.project.documents) {
    const sets = []
    for (const { id } of store.listAnalysts(entry.id)) {
      sets.push([id, (await store.loadAnnotations(entry.id, id))?.annotations])
    }
    const { document } = await store.loadDocument(entry.id)
    docs.push({ entry, text: document.text, sets })
  }
  const { schema, entities, name, id } = store.project
  return { id, name, schema, entities, docs }
}

describe('format 2 → 3', () => {
  it('read-only: migrated in memory, nothing written', async () => {
    const dir = await v2Project()
    const before = await files(dir)
    const bytes = await readFile(path.join(dir, 'documents', `${DOC}.json`))
    const v2 = await readJson(path.join(dir, 'documents', `${DOC}.json`))
    const store = await ProjectStore.open(dir, { lock: false })
    expect(store.project.version).toBe(FORMAT_VERSION)
    expect(store.project.entities.map((e) => e.id)).toEqual(
      (await readJson(path.join(dir, 'project.json'))).entities.map((e: { id: string }) => e.id),
    )
    expect(store.listAnalysts().map((a) => [a.id, a.documents])).toEqual(
      [
        ['root', 0],
        ['sample', 1],
      ].filter(([id]) => id === 'sample' || id === store.analyst.id),
    )
    expect((await store.loadAnnotations(DOC, 'sample'))?.annotations).toEqual(v2.annotations)
    await store.close()
    expect(await files(dir)).toEqual(before)
    expect(await readFile(path.join(dir, 'documents', `${DOC}.json`))).toEqual(bytes)
  })

  it('for writing: new files first, project.json last; the annotations become the sample analyst’s', async () => {
    const dir = await v2Project()
    const v2Project_ = await readJson(path.join(dir, 'project.json'))
    const v2Doc = await readJson(path.join(dir, 'documents', `${DOC}.json`))
    const store = await ProjectStore.open(dir, { analyst: 'Someone Else' })
    expect(store.recovered).toEqual([
      {
        file: path.join(dir, 'project.json'),
        message:
          'migrated from format 2 to 3: the annotations are now the set of analyst "sample" ' +
          '(annotations/sample/)',
      },
    ])
    const migrated = await content(store)
    await store.close()
    expect(await files(dir)).toEqual([
      '.gitignore',
      `annotations/sample/${DOC}.json`,
      'changes/sample/20240619T120000000Z-format-2-entities.json',
      `documents/${DOC}.json`,
      'project.json',
    ])
    const project = await readJson(path.join(dir, 'project.json'))
    expect(project).toEqual({
      format: 'marginalia-project',
      version: FORMAT_VERSION,
      id: v2Project_.id,
      name: v2Project_.name,
      createdAt: v2Project_.createdAt,
      schema: v2Project_.schema,
    })
    const doc = await readJson(path.join(dir, 'documents', `${DOC}.json`))
    expect(doc.document).toEqual({
      ...v2Doc.document,
      addedAt: v2Project_.documents[0].addedAt,
      addedBy: 'sample',
    })
    expect(migrated.entities).toEqual(v2Project_.entities)
    expect(migrated.docs[0].sets).toEqual([['sample', v2Doc.annotations]])
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toContain('/.marginalia/')
    expect((await cli('validate', dir)).code).toBe(0)
  })

  it('a kill at any point leaves a project that opens whole, and the next open finishes', async () => {
    const reference = await (async () => {
      const dir = await v2Project()
      const store = await ProjectStore.open(dir, { lock: false, analyst: 'x' })
      const value = await content(store)
      await store.close()
      return value
    })()
    let points = 0
    for (let n = 1; ; n++) {
      const dir = await v2Project()
      let writes = 0
      let armed = true
      let dead = false
      let died = () => {}
      const death = new Promise<void>((resolve) => (died = resolve))
      const fs: StorageFs = spyFs([], (call) => {
        if (armed && !dead && isWriteCall(call) && ++writes === n) {
          dead = true
          died()
        }
        return dead ? new Promise<void>(() => {}) : undefined
      })
      const opening = ProjectStore.open(dir, { fs, analyst: 'x' })
      const opened = await Promise.race([opening, death.then(() => null)])
      if (opened && !dead) {
        armed = false // migrated and open: closing it is not under test
        await opened.close()
        break
      }
      points++
      await rm(path.join(dir, LOCK_FILE), { force: true })
      // Read-only, as `validate` or `export` would open it: everything is there.
      const reader = await ProjectStore.open(dir, { lock: false, analyst: 'x' })
      expect(await content(reader), `killed at write ${n}`).toEqual(reference)
      expect(reader.problems, `killed at write ${n}`).toEqual([])
      await reader.close()
      // For writing: migrated (or finished), whole, and nothing of format 2 is left.
      const writer = await ProjectStore.open(dir, { analyst: 'x' })
      expect(await content(writer), `killed at write ${n}`).toEqual(reference)
      await writer.close()
      expect((await readJson(path.join(dir, 'project.json'))).version).toBe(FORMAT_VERSION)
      expect(await readdir(path.join(dir, '.marginalia', 'migration', 'documents'))).toEqual([])
      expect((await cli('validate', dir)).code, `killed at write ${n}`).toBe(0)
    }
    expect(points).toBeGreaterThan(8)
  }, 60_000)

  it('settles format 2’s leftovers: a removal undone, an add that was interrupted, a broken file', async () => {
    const dir = await v2Project()
    const documents = path.join(dir, 'documents')
    // A removal interrupted before project.json changed: the file sits aside, still listed.
    await rename(path.join(documents, `${DOC}.json`), path.join(documents, `${DOC}.json.removed`))
    // An add interrupted before project.json listed it: complete, with a text of its own.
    const v2Doc = await readJson(path.join(documents, `${DOC}.json.removed`))
    const text = 'An article that was being added.'
    const { createHash } = await import('node:crypto')
    const hash = `sha256:${createHash('sha256').update(text).digest('hex')}`
    const unlisted = {
      ...v2Doc,
      document: {
        ...v2Doc.document,
        id: 'd-unlisted',
        title: 'Unlisted',
        text,
        blocks: [],
        contentHash: hash,
      },
      annotations: { spans: [], relations: [], docLabels: {} },
    }
    await writeFile(path.join(documents, 'd-unlisted.json'), JSON.stringify(unlisted))
    await writeFile(path.join(documents, 'd-broken.json'), '{ "format": "marginalia-document"')

    const store = await ProjectStore.open(dir, { analyst: 'x' })
    expect(store.project.documents.map((d) => d.id)).toEqual([DOC, 'd-unlisted'])
    expect((await store.loadAnnotations(DOC, 'sample'))?.annotations).toEqual(v2Doc.annotations)
    expect(store.problems).toEqual([
      {
        file: path.join(documents, 'd-broken.json'),
        message: expect.stringMatching(/^invalid JSON/),
      },
    ])
    await store.close()
    const names = (await readdir(documents)).sort()
    expect(names).toEqual(['d-broken.json', 'd-unlisted.json', `${DOC}.json`])
  })
})
