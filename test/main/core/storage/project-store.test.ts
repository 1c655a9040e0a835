import { readFile, readdir, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  ProjectError,
  ProjectStore,
  contentHash,
  type NewDocument,
} from '../../../../src/main/core/storage'
import { defaultSchema } from '../../../../src/shared/default-schema'
import { zDocumentFile, zProjectFile } from '../../../../src/shared/model'
import { TEXT, annotationsFor, newDocument } from './helpers'
import { isWriteCall, spyFs, type FsCall } from './spy-fs'
import { tempDir } from './temp-dir'

async function added(store: ProjectStore, d: NewDocument = newDocument()) {
  const result = await store.addDocument(d)
  if (result.status !== 'added') throw new Error('expected a new document')
  return result.entry
}

describe('ProjectStore', () => {
  it('creates a project folder with project.json and documents/', async () => {
    const dir = path.join(await tempDir(), 'new')
    const store = await ProjectStore.create(dir, { name: 'Alliance' })
    const onDisk = zProjectFile.parse(
      JSON.parse(await readFile(path.join(dir, 'project.json'), 'utf8')),
    )
    expect(onDisk.name).toBe('Alliance')
    expect(onDisk.schema).toEqual(defaultSchema())
    expect((await stat(path.join(dir, 'documents'))).isDirectory()).toBe(true)
    expect(store.project).toEqual(onDisk)
    await store.close()
  })

  it('refuses to create a project in a folder that is not empty', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, 'notes.txt'), 'mine')
    await expect(ProjectStore.create(dir, { name: 'X' })).rejects.toThrow(
      /not empty \(notes\.txt\)/,
    )
    expect(await readdir(dir)).toEqual(['notes.txt'])
  })

  it('round-trips documents and annotations through close and open', async () => {
    const dir = await tempDir()
    const store = await ProjectStore.create(dir, { name: 'P' })
    const entry = await added(store)
    expect(entry.contentHash).toBe(contentHash(TEXT))
    expect(entry.file).toBe(`documents/${entry.id}.json`)
    const summary = await store.saveAnnotations(entry.id, annotationsFor())
    expect(summary).toEqual({ id: entry.id, title: 'Test article', spanCount: 3, relationCount: 1 })
    await store.close()

    const reopened = await ProjectStore.open(dir)
    expect(reopened.summaries()).toEqual([summary])
    expect(reopened.problems).toEqual([])
    const file = await reopened.loadDocument(entry.id)
    expect(file.document.text).toBe(TEXT)
    expect(file.document.metadata).toEqual({ outlet: 'Test' })
    expect(file.annotations).toEqual(annotationsFor())
    const onDisk = zDocumentFile.parse(
      JSON.parse(await readFile(path.join(dir, entry.file), 'utf8')),
    )
    expect(onDisk).toEqual(file)
    await reopened.close()
  })

  it('stores a document added with annotations', async () => {
    const dir = await tempDir()
    const store = await ProjectStore.create(dir, { name: 'P' })
    const entry = await added(store, { ...newDocument(), annotations: annotationsFor() })
    expect(store.summaries()[0].spanCount).toBe(3)
    expect((await store.loadDocument(entry.id)).annotations).toEqual(annotationsFor())
    await store.close()
  })

  it('reports a document with the same text as a duplicate and adds nothing', async () => {
    const dir = await tempDir()
    const store = await ProjectStore.create(dir, { name: 'P' })
    const first = await added(store)
    const again = await store.addDocument({ ...newDocument(), title: 'Copy' })
    expect(again).toEqual({ status: 'duplicate', existing: first })
    // Concurrent imports of one text: one is added, one is a duplicate.
    const text = 'Another article.'
    const both = await Promise.all([
      store.addDocument(newDocument(text)),
      store.addDocument(newDocument(text)),
    ])
    expect(both.map((r) => r.status).sort()).toEqual(['added', 'duplicate'])
    expect(store.project.documents).toHaveLength(2)
    expect(await readdir(path.join(dir, 'documents'))).toHaveLength(2)
    await store.close()
  })

  it('saving one document rewrites only that document file', async () => {
    const dir = await tempDir()
    const store = await ProjectStore.create(dir, { name: 'P' })
    const a = await added(store)
    const b = await added(store, newDocument('Other text, with Putin.'))
    const projectBefore = await readFile(path.join(dir, 'project.json'))
    const bBefore = await readFile(path.join(dir, b.file))
    await store.saveAnnotations(a.id, annotationsFor())
    expect(await readFile(path.join(dir, 'project.json'))).toEqual(projectBefore)
    expect(await readFile(path.join(dir, b.file))).toEqual(bBefore)
    expect(
      JSON.parse(await readFile(path.join(dir, a.file), 'utf8')).annotations.spans,
    ).toHaveLength(3)
    await store.close()
  })

  it('a save reaches the disk only through the durable write (temp, fsync, rename, folder)', async () => {
    const dir = await tempDir()
    const calls: FsCall[] = []
    const store = await ProjectStore.create(dir, { name: 'P', fs: spyFs(calls) })
    const entry = await added(store)
    calls.length = 0
    await store.saveAnnotations(entry.id, annotationsFor())
    const file = path.join(dir, entry.file)
    const temp = calls.find((c) => c.op === 'open' && c.other === 'wx')?.path ?? '(none)'
    expect(path.basename(temp)).toMatch(
      new RegExp(`^\\.${entry.id}\\.json\\.\\d+\\.[0-9a-f]{12}\\.tmp$`),
    )
    expect(calls.filter(isWriteCall).map((c) => [c.op, c.path, c.other])).toEqual([
      ['open', temp, 'wx'],
      ['write', temp, undefined],
      ['rename', temp, file],
    ])
    const order = calls.map((c) => `${c.op} ${c.path}`)
    expect(order.indexOf(`sync ${temp}`)).toBeGreaterThan(order.indexOf(`write ${temp}`))
    expect(order.indexOf(`sync ${temp}`)).toBeLessThan(order.indexOf(`rename ${temp}`))
    if (process.platform !== 'win32') {
      expect(order.lastIndexOf(`sync ${path.dirname(file)}`)).toBeGreaterThan(
        order.indexOf(`rename ${temp}`),
      )
    }
    await store.close()
  })

  it('rejects annotations that break the schema or the text, naming file and field', async () => {
    const dir = await tempDir()
    const store = await ProjectStore.create(dir, { name: 'P' })
    const entry = await added(store)
    const file = path.join(dir, entry.file)
    const before = await readFile(file)
    const bad = annotationsFor()
    bad.spans[2].attributes.intensity = 7
    bad.spans[0].start = 1
    const error = await store.saveAnnotations(entry.id, bad).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ProjectError)
    expect((error as ProjectError).file).toBe(file)
    expect((error as Error).message).toMatch(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: annotations\\.spans\\[0\\]: `),
    )
    expect((error as Error).message).toContain(
      'annotations.spans[2].attributes.intensity: 7 is above',
    )
    // Shape errors (e.g. from an untrusted caller) name the field too.
    const shape = annotationsFor() as unknown as { spans: { start: unknown }[] }
    shape.spans[1].start = 'two'
    await expect(store.saveAnnotations(entry.id, shape as never)).rejects.toThrow(
      /annotations\.spans\[1\]\.start: .*expected number/,
    )
    expect(await readFile(file)).toEqual(before)
    expect(store.summaries()[0].spanCount).toBe(0)
    await store.close()
  })

  it('removes a document from the index and deletes its file', async () => {
    const dir = await tempDir()
    const store = await ProjectStore.create(dir, { name: 'P' })
    const a = await added(store)
    const b = await added(store, newDocument('Second.'))
    await store.removeDocument(a.id)
    expect(store.project.documents.map((d) => d.id)).toEqual([b.id])
    expect(await readdir(path.join(dir, 'documents'))).toEqual([`${b.id}.json`])
    await expect(store.loadDocument(a.id)).rejects.toThrow(/no document with id/)
    await store.close()
    const reopened = await ProjectStore.open(dir, { lock: false })
    expect(reopened.summaries().map((s) => s.id)).toEqual([b.id])
  })

  it('sets the schema and the entities, refusing inconsistent ones', async () => {
    const dir = await tempDir()
    const store = await ProjectStore.create(dir, { name: 'P' })
    const schema = defaultSchema()
    schema.layers[0].labels.push({ name: 'Prediction' })
    await store.setSchema(schema)
    const broken = defaultSchema()
    broken.relationTypes[0].to = ['nobody']
    await expect(store.setSchema(broken)).rejects.toThrow(
      /project\.json: schema\.relationTypes\[0\]\.to\[0\]: unknown layer "nobody"/,
    )
    await expect(store.setSchema({ ...schema, layers: [] })).rejects.toThrow(/schema\.layers/)
    const entity = {
      id: 'e1',
      name: 'Vladimir Putin',
      kind: 'person',
      aliases: ['Putin'],
      note: '',
    }
    await store.setEntities([entity])
    await expect(store.setEntities([entity, entity])).rejects.toThrow(
      /entities\[1\]\.id: duplicate/,
    )
    await store.close()

    const reopened = await ProjectStore.open(dir, { lock: false })
    expect(reopened.project.schema).toEqual(schema)
    expect(reopened.project.entities).toEqual([entity])
  })

  it('checks span entity ids against the registry when saving', async () => {
    const dir = await tempDir()
    const store = await ProjectStore.create(dir, { name: 'P' })
    const entry = await added(store)
    const a = annotationsFor()
    a.spans[1].entityId = 'e1'
    await expect(store.saveAnnotations(entry.id, a)).rejects.toThrow(/unknown entity "e1"/)
    await store.setEntities([{ id: 'e1', name: 'Putin', kind: 'person', aliases: [], note: '' }])
    await store.saveAnnotations(entry.id, a)
    await store.close()
  })

  it('refuses text that is not canonical or blocks outside the text', async () => {
    const dir = await tempDir()
    const store = await ProjectStore.create(dir, { name: 'P' })
    const crlf = { ...newDocument('a\r\nb'), metadata: { importedFrom: 'a.txt' } }
    await expect(store.addDocument(crlf)).rejects.toThrow(
      /^a\.txt: document\.text: contains a carriage return/,
    )
    const outside = newDocument('short')
    outside.blocks = [{ type: 'paragraph', start: 0, end: 50 }]
    await expect(store.addDocument(outside)).rejects.toThrow(/document\.blocks\[0\]: range 0–50/)
    expect(store.project.documents).toEqual([])
    await store.close()
  })

  it('a read-only store reads but refuses to write', async () => {
    const dir = await tempDir()
    const store = await ProjectStore.create(dir, { name: 'P' })
    const entry = await added(store)
    await store.close()
    const reader = await ProjectStore.open(dir, { lock: false })
    expect((await reader.loadDocument(entry.id)).document.id).toBe(entry.id)
    await expect(reader.saveAnnotations(entry.id, annotationsFor())).rejects.toThrow(/read-only/)
    await expect(reader.addDocument(newDocument('x'))).rejects.toThrow(/read-only/)
    await reader.close()
  })

  it('flush waits for saves that were not awaited; the last content wins', async () => {
    const dir = await tempDir()
    const store = await ProjectStore.create(dir, { name: 'P' })
    const entry = await added(store)
    const versions = [0, 1, 2, 3].map((n) => {
      const a = annotationsFor()
      a.spans = a.spans.slice(0, n)
      a.relations = []
      return a
    })
    const saves = versions.map((v) => store.saveAnnotations(entry.id, v))
    await store.flush()
    const onDisk = JSON.parse(await readFile(path.join(dir, entry.file), 'utf8'))
    expect(onDisk.annotations).toEqual(versions[3])
    await Promise.all(saves)
    expect((await readdir(path.join(dir, 'documents'))).filter((n) => n.endsWith('.tmp'))).toEqual(
      [],
    )
    await store.close()
  })

  it('open fails with a ProjectError when the folder is not a project', async () => {
    const dir = await tempDir()
    await expect(ProjectStore.open(dir)).rejects.toThrow(
      `${path.join(dir, 'project.json')}: not a Marginalia project`,
    )
    await expect(ProjectStore.open(path.join(dir, 'nope'))).rejects.toThrow(
      /no such project folder/,
    )
    // A failed open leaves no lock behind.
    expect(await readdir(dir)).toEqual([])
  })
})
