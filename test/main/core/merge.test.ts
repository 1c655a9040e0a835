// Merge without sync: another copy's analysts' annotations (a project folder, of format 3 or 2, or
// a native JSONL export) added to a project, documents matched by their text, the newer of two
// versions of one analyst's set kept; and the exports that choose whose annotations they hold.
import { cp, readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { exportProject } from '../../../src/main/core/export'
import { mergeInto } from '../../../src/main/core/merge'
import { ProjectStore, type StoreEnv } from '../../../src/main/core/storage'
import type { Annotations } from '../../../src/shared/model'
import { cli } from '../cli/run-cli'
import { spanAt } from '../fixtures/span-at'
import { newDocument } from './storage/helpers'
import { tempDir } from './storage/temp-dir'

const TEXT = 'Putin said the deal was historic.'
const v2Sample = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'storage',
  'fixtures',
  'v2-sample',
)

function clockAt(minute: number): StoreEnv {
  let tick = 0
  return {
    now: () => new Date(Date.UTC(2024, 5, 19, 12, minute, tick++)),
    newId: (prefix) => `${prefix}-${globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 20)}`,
  }
}

function claim(annotator: string, exact = 'the deal was historic'): Annotations {
  return {
    spans: [spanAt(TEXT, 's1', 'claim', 'Claim', exact, { annotator })],
    relations: [],
    docLabels: {},
  }
}

/** A project with the article, and a copy of it (as sent to a colleague) at `copy`. */
async function projectAndCopy() {
  const root = await tempDir()
  const mine = path.join(root, 'mine')
  const store = await ProjectStore.create(mine, { name: 'P', analyst: 'Ana', env: clockAt(0) })
  const added = await store.addDocument({ ...newDocument(TEXT), annotations: claim('Ana') })
  if (added.status !== 'added') throw new Error('not added')
  await store.close()
  const copy = path.join(root, 'copy')
  await cp(mine, copy, { recursive: true })
  return { root, mine, copy, docId: added.entry.id }
}

describe('merging another copy of a project', () => {
  it('adds its analysts’ sets, its documents, schema additions and entities', async () => {
    const { mine, copy, docId } = await projectAndCopy()
    const bo = await ProjectStore.open(copy, { analyst: 'Bo', env: clockAt(10) })
    await bo.saveAnnotations(docId, claim('Bo', 'deal was historic'))
    await bo.addDocument(newDocument('Only in the copy.'))
    const schema = structuredClone(bo.project.schema)
    schema.layers[0].labels.push({ name: 'Rumour' })
    await bo.setSchema(schema)
    await bo.setEntities([{ id: 'e-bo', name: 'Bo entity', kind: 'person', aliases: [], note: '' }])
    await bo.close()

    const store = await ProjectStore.open(mine, { analyst: 'Ana', env: clockAt(20) })
    const report = await mergeInto(store, copy)
    expect(report.documentsAdded.map((d) => d.title)).toEqual(['Test article'])
    expect(report.sets.map((s) => [s.set, s.outcome])).toEqual([
      ['ana', 'same'],
      ['bo', 'added'],
    ])
    expect(report.entitiesAdded).toBe(1)
    expect(report.problems).toEqual([])
    expect(store.listAnalysts(docId).map((a) => a.id)).toEqual(['ana', 'bo'])
    expect((await store.loadAnnotations(docId, 'bo'))?.annotations.spans[0].quote.exact).toBe(
      'deal was historic',
    )
    expect(store.project.schema.layers[0].labels.map((l) => l.name)).toContain('Rumour')
    // Merging again changes nothing.
    const again = await mergeInto(store, copy)
    expect(again.sets.every((s) => s.outcome === 'same')).toBe(true)
    expect(again.documentsAdded).toEqual([])
    await store.close()
  })

  it('keeps the newer of two versions of one analyst’s set, and says which', async () => {
    const { mine, copy, docId } = await projectAndCopy()
    // Ana edits her set in the copy later than in her own project: the copy's is newer.
    const older = await ProjectStore.open(mine, { analyst: 'Ana', env: clockAt(10) })
    await older.saveAnnotations(docId, claim('Ana', 'deal'))
    await older.close()
    const newer = await ProjectStore.open(copy, { analyst: 'Ana', env: clockAt(20) })
    await newer.saveAnnotations(docId, claim('Ana', 'historic'))
    await newer.close()
    const store = await ProjectStore.open(mine, { analyst: 'Ana' })
    expect((await mergeInto(store, copy)).sets).toEqual([
      { docId, title: 'Test article', set: 'ana', outcome: 'replaced' },
    ])
    expect((await store.loadDocument(docId)).annotations.spans[0].quote.exact).toBe('historic')
    await store.close()
    // The other way round, this project's set is the newer one and stays.
    const back = await ProjectStore.open(copy, { analyst: 'Ana', env: clockAt(30) })
    await back.saveAnnotations(docId, claim('Ana', 'said'))
    await back.close()
    const older2 = await ProjectStore.open(mine, { analyst: 'Ana', env: clockAt(40) })
    await older2.saveAnnotations(docId, claim('Ana', 'Putin'))
    const report = await mergeInto(older2, copy)
    expect(report.sets.map((s) => s.outcome)).toEqual(['kept'])
    expect(report.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^set "ana": this project's copy is newer .* and is kept$/),
    ])
    await older2.close()
  })

  it('merges a format-2 copy (migrated in memory) as its analyst’s set', async () => {
    const root = await tempDir()
    const old = path.join(root, 'old')
    await cp(v2Sample, old, { recursive: true })
    const before = (await readdir(old, { recursive: true })).sort()
    const store = await ProjectStore.create(path.join(root, 'new'), { name: 'New', analyst: 'Ana' })
    const report = await mergeInto(store, old)
    expect(report.sets.map((s) => [s.set, s.outcome])).toEqual([['sample', 'added']])
    expect(report.entitiesAdded).toBe(4)
    const [doc] = store.project.documents
    expect((await store.loadAnnotations(doc.id, 'sample'))?.annotations.spans).toHaveLength(25)
    await store.close()
    expect((await readdir(old, { recursive: true })).sort()).toEqual(before) // read, not written
  })

  it('merges a JSONL export of all analysts; a line that names none is refused, naming it', async () => {
    const { root, mine, copy, docId } = await projectAndCopy()
    const bo = await ProjectStore.open(copy, { analyst: 'Bo', env: clockAt(10) })
    await bo.saveAnnotations(docId, claim('Bo', 'deal was historic'))
    const out = path.join(root, 'all.jsonl')
    const { manifest } = await exportProject(bo, 'jsonl', out, { sets: 'all' })
    await bo.close()
    expect(manifest.annotationSets).toEqual({
      mode: 'all',
      sets: ['ana', 'bo'],
      carried: 'each line\'s "analyst" field, and its id: <document id>--<set>',
    })
    const lines = (await readFile(out, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines.map((l) => [l.id, l.analyst])).toEqual([
      [`${docId}--ana`, 'ana'],
      [`${docId}--bo`, 'bo'],
    ])

    const store = await ProjectStore.open(mine, { analyst: 'Ana', env: clockAt(20) })
    const report = await mergeInto(store, out)
    expect(report.sets.map((s) => [s.docId, s.set, s.outcome])).toEqual([
      [docId, 'ana', 'same'],
      [docId, 'bo', 'added'],
    ])
    await store.close()

    // An export that names no analyst (written by hand, or by an older Marginalia).
    const bare = path.join(root, 'bare.jsonl')
    const { writeFile } = await import('node:fs/promises')
    await writeFile(bare, `${JSON.stringify({ ...lines[0], analyst: undefined })}\n`)
    const again = await ProjectStore.open(mine, { analyst: 'Ana' })
    const refused = await mergeInto(again, bare)
    expect(refused.problems).toEqual([
      { file: `${bare}:1`, message: expect.stringMatching(/names no analyst/) },
    ])
    await again.close()
  })

  it('the command line merges and reports each set; exit 1 when something could not be', async () => {
    const { mine, copy, docId } = await projectAndCopy()
    const bo = await ProjectStore.open(copy, { analyst: 'Bo' })
    await bo.saveAnnotations(docId, claim('Bo'))
    await bo.close()
    const result = await cli('--annotator', 'Ana', 'merge', mine, copy)
    expect(result.code).toBe(0)
    expect(result.out).toContain(`added bo's annotations of "Test article"`)
    expect(result.out).toMatch(/annotation sets: 1 added, 0 replaced by newer ones, 0 kept/)
    expect((await cli('merge', mine, mine)).err).toMatch(/this is the project itself/)
  })
})

describe('exports choose whose annotations', () => {
  async function team() {
    const { mine, copy, docId } = await projectAndCopy()
    const bo = await ProjectStore.open(copy, { analyst: 'Bo' })
    await bo.saveAnnotations(docId, claim('Bo', 'deal'))
    await bo.close()
    const store = await ProjectStore.open(mine, { analyst: 'Ana' })
    await mergeInto(store, copy)
    return { store, docId, root: path.dirname(mine) }
  }

  it('by default the analyst’s own; one analyst; all; gold once curated (uncurated left out)', async () => {
    const { store, docId, root } = await team()
    const spansOf = async (
      sets?: Parameters<typeof exportProject>[3] extends infer O ? O : never,
    ) => {
      const out = path.join(root, `x-${Math.random()}.jsonl`)
      const { manifest } = await exportProject(store, 'jsonl', out, sets)
      const lines = (await readFile(out, 'utf8')).trim().split('\n').filter(Boolean)
      return { manifest, lines: lines.map((l) => JSON.parse(l)) }
    }
    const own = await spansOf()
    expect(own.manifest.annotationSets).toMatchObject({ mode: 'analyst', sets: ['ana'] })
    expect(own.lines[0].spans[0].text).toBe('the deal was historic')
    const bo = await spansOf({ sets: { analyst: 'bo' } })
    expect(bo.lines[0]).toMatchObject({ analyst: 'bo', id: docId })
    expect(bo.lines[0].spans[0].text).toBe('deal')
    const all = await spansOf({ sets: 'all' })
    expect(all.lines.map((l) => l.analyst)).toEqual(['ana', 'bo'])

    // Curated: the gold set becomes the default; a document without one is left out, named.
    const second = await store.addDocument(newDocument('Not curated yet.'))
    if (second.status !== 'added') throw new Error('not added')
    await store.saveAnnotations(docId, claim('Ana'), { set: 'gold' })
    const gold = await spansOf()
    expect(gold.manifest.annotationSets).toMatchObject({ mode: 'gold', sets: ['gold'] })
    expect(gold.lines.map((l) => [l.id, l.analyst])).toEqual([[docId, 'gold']])
    expect(gold.manifest.problems).toEqual([
      {
        file: `documents/${second.entry.id}.json`,
        message: 'left out: it has no gold annotations yet (not curated)',
      },
    ])
    await expect(spansOf({ sets: { analyst: 'nobody' } })).rejects.toThrow(
      /no annotations of analyst "nobody"/,
    )
    await store.close()
  })

  it('with several analysts and neither gold nor one’s own, the default asks to choose', async () => {
    const { store, root } = await team()
    store.setAnalyst('Cy') // someone who annotated nothing
    await expect(exportProject(store, 'jsonl', path.join(root, 'x.jsonl'))).rejects.toThrow(
      /several analysts \(ana, bo\) and no gold set: choose one analyst, gold or all/,
    )
    await store.close()
  })
})
