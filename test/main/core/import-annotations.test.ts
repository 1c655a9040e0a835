// Committing an import into a real project: skipped input changes nothing, a bad record never
// refuses its document (nor is blamed on a project file), and native JSONL keeps its ids.
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportDocuments } from '../../../src/main/core/formats/checked'
import { jsonlFormat } from '../../../src/main/core/formats/jsonl'
import { commitImport, parseImport, previewImport } from '../../../src/main/core/import-annotations'
import { ProjectStore } from '../../../src/main/core/storage'
import type { ProjectFile } from '../../../src/shared/model'
import { tempDir } from './storage/temp-dir'

const line = (value: unknown) => JSON.stringify(value)
const file = (path: string, ...lines: unknown[]) => ({ path, data: lines.map(line).join('\n') })

async function project(): Promise<ProjectStore> {
  return ProjectStore.create(path.join(await tempDir(), 'p'), { name: 'P' })
}

async function projectFile(store: ProjectStore): Promise<string> {
  return readFile(path.join(store.dir, 'project.json'), 'utf8')
}

describe('documents the project already holds', () => {
  it('change nothing: no layer, label, attribute or entity is added for them', async () => {
    const store = await project()
    const text = 'Ana Lopes said taxes will fall.'
    const first = parseImport(
      'doccano',
      [file('a.jsonl', { text, label: [[15, 31, 'Claim']] })],
      store.project,
    )
    await commitImport(store, first, 'add')
    const before = await projectFile(store)

    const again = parseImport(
      'jsonl',
      [
        file('b.jsonl', {
          text,
          spans: [
            {
              id: 's1',
              layer: 'person',
              label: 'PERSON',
              start: 0,
              end: 9,
              text: 'Ana Lopes',
              attributes: { mood: 'odd' },
              entity_id: 'e1',
            },
          ],
          doc_labels: { topic: ['economy'] },
          entities: [{ id: 'e1', name: 'Ana Lopes', kind: 'person', aliases: [], note: '' }],
        }),
      ],
      store.project,
    )
    expect(again.unknownLabels.length).toBeGreaterThan(0)
    const preview = previewImport(again, store.project, {
      token: 't',
      format: 'jsonl',
      sources: [],
    })
    expect(preview.unknownLabels).toEqual([])
    expect(preview.duplicates).toHaveLength(1)
    const report = await commitImport(store, again, 'add')
    expect(report.added).toEqual([])
    expect(report.duplicates).toEqual([
      expect.objectContaining({ file: 'b.jsonl:1', existingTitle: 'a 1' }),
    ])
    expect(report.unknownLabels.labels).toEqual([])
    expect(await projectFile(store)).toBe(before)
    await store.close()
  })

  it('a document repeated within one import is added once, and its repeat reported', async () => {
    const store = await project()
    const result = parseImport(
      'doccano',
      [
        file(
          'a.jsonl',
          { text: 'Same text.', label: [] },
          { text: 'Same text.', label: [[0, 4, 'NEW']] },
        ),
      ],
      store.project,
    )
    const report = await commitImport(store, result, 'add')
    expect(report.added.map((a) => a.file)).toEqual(['a.jsonl:1'])
    expect(report.duplicates.map((d) => d.file)).toEqual(['a.jsonl:2'])
    expect(store.project.schema.layers.some((l) => l.labels.some((d) => d.name === 'NEW'))).toBe(
      false,
    )
    await store.close()
  })
})

describe('a bad record', () => {
  it('is left out of its document, which is added; no error names a project or document file', async () => {
    const store = await project()
    const text = 'Kim 🚀 said the launch went well.'
    const at = (s: string) => text.indexOf(s)
    const rocket = at('🚀')
    const result = parseImport(
      'jsonl',
      [
        file('data.jsonl', {
          text,
          spans: [
            { id: 's1', layer: 'claim', label: 'Claim', start: at('the'), end: text.length - 1 },
            { id: 's2', layer: 'source', label: 'Source', start: rocket + 1, end: rocket + 6 },
            { id: 's3', layer: 'source', label: 'Source', start: 0, end: 3, entity_id: 'e-x' },
            { id: 's4', layer: 7, label: 'Claim', start: 0, end: 3 },
          ],
          relations: [
            { id: 'r1', type: 'attributed_to', from: 's1', to: 's1' },
            { id: 'r2', type: 'attributed_to', from: 's1', to: 's3' },
            { id: 'r3', type: 12, from: 's1', to: 's3' },
          ],
        }),
      ],
      store.project,
    )
    const report = await commitImport(store, result, 'add')
    expect(report.errors).toEqual([])
    expect(report.added).toEqual([
      expect.objectContaining({ file: 'data.jsonl:1', spans: 2, relations: 1 }),
    ])
    const messages = result.problems.map((p) => `${p.file}: ${p.message}`).join('\n')
    expect(messages).not.toMatch(/project\.json|documents\//)
    expect(result.problems.every((p) => p.file === 'data.jsonl:1')).toBe(true)
    expect(result.problems).toHaveLength(5)
    await store.close()
  })
})

describe('native JSONL ids', () => {
  const text = 'Ana Lopes said taxes will fall.'
  const exported = () =>
    exportDocuments(
      jsonlFormat,
      {
        format: 'marginalia-project',
        version: 2,
        id: 'p0',
        name: 'Source',
        createdAt: '2024-05-01T10:00:00.000Z',
        updatedAt: '2024-05-01T10:00:00.000Z',
        schema: { name: 'x', layers: [], relationTypes: [], labelSets: [] },
        documents: [],
        entities: [],
      },
      [
        {
          format: 'marginalia-document',
          version: 2,
          document: {
            id: 'doc-7',
            title: 'Taxes',
            metadata: {},
            text,
            blocks: [],
            contentHash: `sha256:${'0'.repeat(64)}`,
          },
          annotations: {
            spans: [
              {
                id: 'span-a',
                layer: 'source',
                label: 'Source',
                start: 0,
                end: 9,
                quote: { exact: 'Ana Lopes', prefix: '', suffix: ' said taxes will fall.' },
                attributes: {},
                annotator: 'ana',
                createdAt: '2024-05-01T10:00:00.000Z',
                updatedAt: '2024-05-01T10:00:00.000Z',
              },
              {
                id: 'span-b',
                layer: 'claim',
                label: 'Claim',
                start: 15,
                end: 31,
                quote: { exact: 'taxes will fall.', prefix: 'Ana Lopes said ', suffix: '' },
                attributes: {},
                annotator: 'ana',
                createdAt: '2024-05-01T10:00:00.000Z',
                updatedAt: '2024-05-01T10:00:00.000Z',
              },
            ],
            relations: [
              {
                id: 'rel-1',
                type: 'attributed_to',
                from: 'span-b',
                to: 'span-a',
                attributes: {},
                annotator: 'ana',
                createdAt: '2024-05-01T10:00:00.000Z',
                updatedAt: '2024-05-01T10:00:00.000Z',
              },
            ],
            docLabels: {},
          },
        },
      ],
    ).files[0]

  it('keeps document, span and relation ids; a document id already taken gets a new one, said so', async () => {
    const store = await project()
    const first = await commitImport(
      store,
      parseImport('jsonl', [exported()], store.project),
      'add',
    )
    expect(first.added.map((a) => [a.id, a.requestedId])).toEqual([['doc-7', undefined]])
    const doc = await store.loadDocument('doc-7')
    expect(doc.annotations.spans.map((s) => s.id)).toEqual(['span-a', 'span-b'])
    expect(doc.annotations.relations.map((r) => [r.id, r.from, r.to])).toEqual([
      ['rel-1', 'span-b', 'span-a'],
    ])

    // The same ids on another text: the document id is taken, so it gets a new one.
    const other = exported()
    other.data = String(other.data).replace(
      `"text":"${text}"`,
      `"text":"${text.replace('said', 'says')}"`,
    )
    const result = parseImport('jsonl', [other], store.project)
    const preview = previewImport(result, store.project, {
      token: 't',
      format: 'jsonl',
      sources: [],
    })
    expect(preview.problems).toEqual([
      {
        file: 'Source.jsonl:1',
        message: 'document id doc-7 is already used in the project; it will get a new id',
      },
    ])
    const second = await commitImport(store, result, 'add')
    expect(second.added).toEqual([expect.objectContaining({ requestedId: 'doc-7' })])
    expect(second.added[0].id).not.toBe('doc-7')
    const renamed = await store.loadDocument(second.added[0].id)
    expect(renamed.annotations.spans.map((s) => s.id)).toEqual(['span-a', 'span-b'])
    await store.close()
  })

  it('never writes over a file of that name that the index does not list', async () => {
    const store = await project()
    const stray = path.join(store.dir, 'documents', 'doc-7.json')
    await writeFile(stray, 'not ours')
    const report = await commitImport(
      store,
      parseImport('jsonl', [exported()], store.project),
      'add',
    )
    expect(report.added).toEqual([expect.objectContaining({ requestedId: 'doc-7' })])
    expect(await readFile(stray, 'utf8')).toBe('not ours')
    await store.close()
  })

  it('a span id used twice in one line gets a new id, and relations follow the first', () => {
    const spans = [
      { id: 'x', layer: 'claim', label: 'Claim', start: 0, end: 3 },
      { id: 'x', layer: 'claim', label: 'Claim', start: 4, end: 9 },
      { id: 'bad id!', layer: 'source', label: 'Source', start: 10, end: 15 },
    ]
    const relations = [{ id: 'r', type: 'said', from: 'x', to: 'bad id!' }]
    const bare = {
      schema: { name: 'x', layers: [], relationTypes: [], labelSets: [] },
      entities: [],
    } as unknown as ProjectFile
    const data = file('d.jsonl', { text: 'one three; Bobby', spans, relations })
    const result = parseImport('jsonl', [data], bare)
    const ids = result.documents[0].annotations.spans.map((s) => s.id)
    const [relation] = result.documents[0].annotations.relations
    expect([relation.from, relation.to]).toEqual([ids[0], ids[2]])
    expect(ids[0]).toBe('x')
    expect(ids[1]).toMatch(/^s-/)
    expect(ids[2]).toMatch(/^s-/)
    expect(result.problems.map((p) => p.message)).toEqual([
      `span x: id "x" is used twice in this document; given ${ids[1]}`,
      `span bad id!: id "bad id!" is not a valid id; given ${ids[2]}`,
    ])
  })
})
