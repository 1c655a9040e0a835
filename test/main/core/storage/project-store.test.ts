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
import { zDocumentJson, zProjectJson } from '../../../../src/shared/model-files'
import { readSetFile, setFile } from '../../fixtures/set-files'
import { TEXT, annotationsFor, newDocument } from './helpers'
import { isWriteCall, spyFs, type FsCall } from './spy-fs'
import { tempDir } from './temp-dir'

async function added(store: ProjectStore, d: NewDocument = newDocument()) {
  const result = await store.addDocument(d)
  if (result.status !== 'added') throw new Error('expected a new document')
  return result.entry
}

const ME = { analyst: 'Tester' }

describe('ProjectStore', () => {
  it('creates a project folder with project.json and a .gitignore for .marginalia/', async () => {
    const dir = path.join(await tempDir(), 'new')
    const store = await ProjectStore.create(dir, { name: 'Alliance', ...ME })
    const onDisk = zProjectJson.parse(
      JSON.parse(await readFile(path.join(dir, 'project.json'), 'utf8')),
    )
    expect(onDisk.name).toBe('Alliance')
    expect(onDisk.schema).toEqual(defaultSchema())
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toMatch(/^\/\.marginalia\/$/m)
    expect((await stat(path.join(dir, '.marginalia', 'lock'))).isFile()).toBe(true)
    expect(store.project).toMatchObject({ id: onDisk.id, name: 'Alliance', documents: [] })
    expect(store.project.entities).toEqual([])
    expect(store.analyst).toEqual({ id: 'tester', name: 'Tester' })
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

  it('round-trips documents and the analyst’s annotations through close and open', async () => {
    const dir = await tempDir()
    const store = await ProjectStore.create(dir, { name: 'P', ...ME })
    const entry = await added(store)
    expect(entry.contentHash).toBe(contentHash(TEXT))
    expect(entry.file).toBe(`documents/${entry.id}.json`)
    expect(entry.addedBy).toBe('Tester')
    const summary = await store.saveAnnotations(entry.id, annotationsFor())
    expect(summary).toEqual({
      id: entry.id,
      title: 'Test article',
      spanCount: 3,
      relationCount: 1,
    })
    await store.close()

    const reopened = await ProjectStore.open(dir, ME)
    expect(reopened.summaries()).toEqual([summary])
    expect(reopened.problems).toEqual([])
    const file = await reopened.loadDocument(entry.id)
    expect(file.document.text).toBe(TEXT)
    expect(file.document.metadata).toEqual({ outlet: 'Test' })
    expect(file.set).toBe('tester')
    const { docLabelMeta, ...annotations } = file.annotations
    expect(annotations).toEqual(annotationsFor())
    expect(docLabelMeta?.overall_sentiment.annotator).toBe('Tester')
    const onDisk = await readSetFile(dir, 'tester', entry.id)
    expect(onDisk.annotations).toEqual(file.annotations)
    expect(onDisk.analyst).toBe('Tester')
    const doc = zDocumentJson.parse(JSON.parse(await readFile(path.join(dir, entry.file), 'utf8')))
    expect(doc.document).toMatchObject({ id: entry.id, addedBy: 'Tester', text: TEXT })
    expect('annotations' in doc).toBe(false)
    await reopened.close()
  })

  it('another analyst opening the project sees the document, not my annotations as theirs', async () => {
    const dir = await tempDir()
    const store = await ProjectStore.create(dir, { name: 'P', ...ME })
    const entry = await added(store, { ...newDocument(), annotations: annotationsFor() })
    await store.close()
    const other = await ProjectStore.open(dir, { analyst: 'Ada Lovelace' })
    expect((await other.loadDocument(entry.id)).annotations.spans).toEqual([])
    expect(other.summaries()[0]).toEqual({
      id: entry.id,
      title: 'Test article',
      spanCount: 0,
      relationCount: 0,
    })
    expect((await other.loadAnnotations(entry.id, 'tester'))?.annotations.spans).toHaveLength(3)
    expect(other.listAnalysts().map((a) => [a.id, a.name, a.documents])).toEqual([
      ['ada-lovelace', 'Ada Lovelace', 0],
      ['tester', 'Tester', 1],
    ])
    expect(other.listAnalysts(entry.id).map((a) => a.id)).toEqual(['tester'])
    await other.saveAnnotations(entry.id, { spans: [], relations: [], docLabels: {} })
    await other.close()
    expect((await readSetFile(dir, 'tester', entry.id)).annotations.spans).toHaveLength(3)
    expect((await readSetFile(dir, 'ada-lovelace', entry.id)).annotations.spans).toEqual([])
  })

  it('stamps each document label set with who chose its values and when', async () => {
    const dir = await tempDir()
    let now = new Date('2024-01-01T00:00:00.000Z')
    const env = {
      now: () => now,
      newId: (p: string) => `${p}-${Math.random().toString(16).slice(2)}`,
    }
    const store = await ProjectStore.create(dir, { name: 'P', ...ME, env })
    const entry = await added(store)
    await store.loadDocument(entry.id)
    const a = { ...annotationsFor(), docLabels: { overall_sentiment: ['positive'] } }
    await store.saveAnnotations(entry.id, a)
    now = new Date('2024-02-01T00:00:00.000Z')
    await store.saveAnnotations(entry.id, { ...a, spans: [], relations: [] }) // labels unchanged
    let saved = await readSetFile(dir, 'tester', entry.id)
    expect(saved.annotations.docLabelMeta).toEqual({
      overall_sentiment: { annotator: 'Tester', updatedAt: '2024-01-01T00:00:00.000Z' },
    })
    store.setAnalyst('Tester') // same analyst
    await store.saveAnnotations(entry.id, { ...a, docLabels: { overall_sentiment: ['mixed'] } })
    saved = await readSetFile(dir, 'tester', entry.id)
    expect(saved.annotations.docLabelMeta?.overall_sentiment.updatedAt).toBe(
      '2024-02-01T00:00:00.000Z',
    )
    await store.close()
  })

  it('keeps the suggestions an analyst rejected in their set, saved and reopened', async () => {
    const dir = await tempDir()
    const store = await ProjectStore.create(dir, { name: 'P', ...ME })
    const entry = await added(store)
    const suggestions = { rejected: ['sg-cue-1', 'sg-claim-2'] }
    await store.saveAnnotations(entry.id, { ...annotationsFor(), suggestions })
    await store.close()
    expect((await readSetFile(dir, 'tester', entry.id)).annotations.suggestions).toEqual(
      suggestions,
    )
    const reopened = await ProjectStore.open(dir, ME)
    expect((await reopened.loadDocument(entry.id)).annotations.suggestions).toEqual(suggestions)
    await reopened.close()
  })

  it('tells the window each document once: the summaries, not the project’s document entries', async () => {
    const dir = await tempDir()
    const store = await ProjectStore.create(dir, { name: 'P', ...ME })
    const first = await added(store)
    const second = await added(store, newDocument(`${TEXT}\n\nMore.`, 'Second'))
    const snapshot = store.snapshot()
    expect(snapshot.documents.map((d) => [d.id, d.title])).toEqual([
      [first.id, 'Test article'],
      [second.id, 'Second'],
    ])
    expect(snapshot.project).not.toHaveProperty('documents')
    expect(JSON.stringify(snapshot)).not.toContain(first.contentHash)
    expect(snapshot.project).toMatchObject({ id: store.project.id, name: 'P' })
    expect(snapshot.project.schema).toEqual(store.project.schema)
    expect(snapshot.project.schema).not.toBe(store.project.schema) // a copy
    expect(store.project.documents).toHaveLength(2) // the store keeps its entries
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

  it('saving one document rewrites only the analyst’s annotation file of it', async () => {
    const dir = await tempDir()
    const store = await ProjectStore.create(dir, { name: 'P', ...ME })
    const a = await added(store)
    const b = await added(store, {
      ...newDocument('Other text, with Putin.'),
      annotations: { spans: [], relations: [], docLabels: { overall_sentiment: ['neutral'] } },
    })
    const files = [
      path.join(dir, 'project.json'),
      path.join(dir, a.file),
      path.join(dir, b.file),
      setFile(dir, 'tester', b.id),
    ]
    const before = await Promise.all(files.map((f) => readFile(f)))
    await store.saveAnnotations(a.id, annotationsFor())
    expect(await Promise.all(files.map((f) => readFile(f)))).toEqual(before)
    expect((await readSetFile(dir, 'tester', a.id)).annotations.spans).toHaveLength(3)
    await store.close()
  })

  it('writes annotation files one span per line, in a fixed field order', async () => {
    const dir = await tempDir()
    const store = await ProjectStore.create(dir, { name: 'P', ...ME })
    const entry = await added(store)
    const a = annotationsFor()
    // Fields in another order, and one the format does not know: written canonically, without it.
    a.spans[0] = { ...Object.fromEntries(Object.entries(a.spans[0]).reverse()), extra: 1 } as never
    await store.saveAnnotations(entry.id, a)
    const text = await readFile(setFile(dir, 'tester', entry.id), 'utf8')
    const spanLines = text.split('\n').filter((l) => l.trimStart().startsWith('{"id":"s'))
    expect(spanLines).toHaveLength(3)
    for (const line of spanLines) expect(line).toMatch(/^ {6}\{"id":"s\d","layer":/)
    expect(text).not.toContain('"extra"')
    await store.close()
  })

  it('a save reaches the disk only through the durable write, its temp file in .marginalia/tmp', async () => {
    const dir = await tempDir()
    const calls: FsCall[] = []
    const store = await ProjectStore.create(dir, { name: 'P', fs: spyFs(calls), ...ME })
    const entry = await added(store)
    await store.saveAnnotations(entry.id, annotationsFor())
    calls.length = 0
    await store.saveAnnotations(entry.id, { ...annotationsFor(), docLabels: {} })
    const file = setFile(dir, 'tester', entry.id)
    const temp = calls.find((c) => c.op === 'open' && c.other === 'wx')?.path ?? '(none)'
    expect(path.dirname(temp)).toBe(path.join(dir, '.marginalia', 'tmp'))
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
    const store = await ProjectStore.create(dir, { name: 'P', ...ME })
    const entry = await added(store)
    const file = setFile(dir, 'tester', entry.id)
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
    await expect(readFile(file)).rejects.toThrow(/ENOENT/)
    expect(store.summaries()[0].spanCount).toBe(0)
    await store.close()
  })

  it('removes a document with a tombstone: its files stay until a purge', async () => {
    const dir = await tempDir()
    const store = await ProjectStore.create(dir, { name: 'P', ...ME })
    const a = await added(store, { ...newDocument(), annotations: annotationsFor() })
    const b = await added(store, newDocument('Second.'))
    await store.removeDocument(a.id)
    expect(store.project.documents.map((d) => d.id)).toEqual([b.id])
    expect((await readdir(path.join(dir, 'documents'))).sort()).toEqual(
      [`${a.id}.json`, `${b.id}.json`].sort(),
    )
    await expect(store.loadDocument(a.id)).rejects.toThrow(/no document with id/)
    expect(store.removedFiles()).toEqual([`annotations/tester/${a.id}.json`, a.file])
    await store.close()
    const reopened = await ProjectStore.open(dir, ME)
    expect(reopened.summaries().map((s) => s.id)).toEqual([b.id])
    expect(await reopened.purge()).toEqual([`annotations/tester/${a.id}.json`, a.file])
    expect(await readdir(path.join(dir, 'documents'))).toEqual([`${b.id}.json`])
    expect(reopened.summaries().map((s) => s.id)).toEqual([b.id])
    await reopened.close()
  })

  it('renames a document with a change; the document file is not rewritten', async () => {
    const dir = await tempDir()
    const store = await ProjectStore.create(dir, { name: 'P', ...ME })
    const a = await added(store)
    const before = await readFile(path.join(dir, a.file))
    await store.renameDocument(a.id, 'A better title')
    expect(store.summaries()[0].title).toBe('A better title')
    expect((await store.loadDocument(a.id)).document.title).toBe('A better title')
    expect(await readFile(path.join(dir, a.file))).toEqual(before)
    await store.close()
    const reopened = await ProjectStore.open(dir, { lock: false })
    expect(reopened.project.documents[0].title).toBe('A better title')
    await reopened.close()
  })

  it('sets the schema (additions and cosmetic edits only) and the entities', async () => {
    const dir = await tempDir()
    const store = await ProjectStore.create(dir, { name: 'P' })
    const schema = defaultSchema()
    schema.layers[0].labels.push({ name: 'Prediction' })
    schema.layers[0].color = '#000000'
    await store.setSchema(schema)
    const broken = defaultSchema()
    broken.relationTypes[0].to = ['nobody']
    await expect(store.setSchema(broken)).rejects.toThrow(
      /project\.json: schema\.relationTypes\[0\]\.to\[0\]: unknown layer "nobody"/,
    )
    await expect(store.setSchema({ ...schema, layers: [] })).rejects.toThrow(/schema\.layers/)
    // Removing what annotations may use is refused, naming it.
    const fewer = structuredClone(schema)
    fewer.layers[0].labels.pop()
    await expect(store.setSchema(fewer)).rejects.toThrow(
      /schema: the schema can only grow: layer "claim" › label "Prediction" was removed/,
    )
    const entity = {
      id: 'e1',
      name: 'Vladimir Putin',
      kind: 'person',
      aliases: ['Putin'],
      note: '',
    }
    await store.setEntities([entity])
    await expect(store.setEntities([entity, entity])).rejects.toThrow(
      /entities: duplicate entity id "e1"/,
    )
    await store.setEntities([{ ...entity, note: 'President' }])
    await store.close()

    const reopened = await ProjectStore.open(dir, { lock: false })
    expect(reopened.project.schema).toEqual(schema)
    expect(reopened.project.entities).toEqual([{ ...entity, note: 'President' }])
    expect(reopened.conflicts).toEqual([])
    expect(await readFile(path.join(dir, 'project.json'), 'utf8')).toContain('"name": "News')
    // project.json still holds the schema it was created with: the edits are change files.
    expect(JSON.parse(await readFile(path.join(dir, 'project.json'), 'utf8')).schema).toEqual(
      defaultSchema(),
    )
    await reopened.close()
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

  it('a merged entity redirects every analyst’s spans when read, rewriting no file', async () => {
    const dir = await tempDir()
    const store = await ProjectStore.create(dir, { name: 'P', ...ME })
    const entities = [
      { id: 'e1', name: 'Putin', kind: 'person', aliases: [], note: '' },
      { id: 'e2', name: 'Vladimir Putin', kind: 'person', aliases: [], note: '' },
    ]
    await store.setEntities(entities)
    const a = annotationsFor()
    a.spans[1].entityId = 'e1'
    const entry = await added(store, { ...newDocument(), annotations: a })
    const before = await readFile(setFile(dir, 'tester', entry.id))
    await store.removeEntity('e1', 'e2')
    expect(store.project.entities).toEqual([{ ...entities[1], aliases: ['Putin'] }])
    expect((await store.loadDocument(entry.id)).annotations.spans[1].entityId).toBe('e2')
    expect(await readFile(setFile(dir, 'tester', entry.id))).toEqual(before)
    // Saving what was loaded (or what an older window still holds) stores the target.
    await store.saveAnnotations(entry.id, a)
    expect((await readSetFile(dir, 'tester', entry.id)).annotations.spans[1].entityId).toBe('e2')
    await store.removeEntity('e2')
    expect((await store.loadDocument(entry.id)).annotations.spans[1].entityId).toBeUndefined()
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
    await expect(reader.removeDocument(entry.id)).rejects.toThrow(/read-only/)
    await reader.close()
  })

  it('flush waits for saves that were not awaited; the last content wins', async () => {
    const dir = await tempDir()
    const store = await ProjectStore.create(dir, { name: 'P', ...ME })
    const entry = await added(store)
    const versions = [0, 1, 2, 3].map((n) => {
      const a = annotationsFor()
      a.spans = a.spans.slice(0, n)
      a.relations = []
      a.docLabels = {}
      return a
    })
    const saves = versions.map((v) => store.saveAnnotations(entry.id, v))
    await store.flush()
    expect((await readSetFile(dir, 'tester', entry.id)).annotations).toEqual(versions[3])
    await Promise.all(saves)
    expect(await readdir(path.join(dir, '.marginalia', 'tmp'))).toEqual([])
    await store.close()
  })

  it('open fails with a ProjectError when the folder is not a project, leaving it as it was', async () => {
    const dir = await tempDir()
    await expect(ProjectStore.open(dir)).rejects.toThrow(
      `${path.join(dir, 'project.json')}: not a Marginalia project`,
    )
    await expect(ProjectStore.open(path.join(dir, 'nope'))).rejects.toThrow(
      /no such project folder/,
    )
    expect(await readdir(dir)).toEqual([])
  })
})
