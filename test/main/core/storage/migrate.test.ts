import { cp, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { ProjectStore, registerMigration, type Migration } from '../../../../src/main/core/storage'
import {
  migrate,
  MigrationError,
  type MigrationTable,
} from '../../../../src/main/core/storage/migrate'
import { FORMAT_VERSION } from '../../../../src/shared/model'
import { tempDir } from './temp-dir'

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'v0-project')

// The synthetic version 0 → 1 steps (see fixtures/README.md).
const projectV0: Migration = ({ title, ...rest }) => ({
  ...rest,
  name: title,
  updatedAt: rest.createdAt,
  entities: [],
})
const documentV0: Migration = (file) => {
  const { marks, ...annotations } = file.annotations as Record<string, unknown>
  return { ...file, annotations: { ...annotations, spans: marks, docLabels: {} } }
}

const undo: (() => void)[] = []
afterEach(() => {
  while (undo.length > 0) undo.pop()!()
})

async function v0Project(): Promise<string> {
  const dir = await tempDir()
  await cp(fixture, dir, { recursive: true })
  return dir
}

describe('migration', () => {
  it('is needed: without the 0→1 steps the old project does not open', async () => {
    const dir = await v0Project()
    await expect(ProjectStore.open(dir)).rejects.toThrow(
      /project\.json: version: no migration of a project file from format version 0 to 1/,
    )
  })

  it('opens an older project through the table and writes nothing until a save', async () => {
    undo.push(
      registerMigration('project', 0, projectV0),
      registerMigration('document', 0, documentV0),
    )
    const dir = await v0Project()
    const projectFile = path.join(dir, 'project.json')
    const docFile = path.join(dir, 'documents', 'd-old.json')
    const projectBytes = await readFile(projectFile)
    const docBytes = await readFile(docFile)

    const store = await ProjectStore.open(dir)
    expect(store.problems).toEqual([])
    expect(store.project.version).toBe(FORMAT_VERSION)
    expect(store.project.name).toBe('Old project')
    expect(store.summaries()).toEqual([
      { id: 'd-old', title: 'Old article', spanCount: 1, relationCount: 0 },
    ])
    const doc = await store.loadDocument('d-old')
    expect(doc.annotations.spans[0].quote.exact).toBe('the deal was historic')
    expect(doc.annotations.docLabels).toEqual({})
    await store.close()
    expect(await readFile(projectFile)).toEqual(projectBytes)
    expect(await readFile(docFile)).toEqual(docBytes)

    // A save writes the document in the current version; project.json waits for its own change.
    const again = await ProjectStore.open(dir)
    await again.saveAnnotations('d-old', doc.annotations)
    const saved = JSON.parse(await readFile(docFile, 'utf8'))
    expect(saved.version).toBe(FORMAT_VERSION)
    expect(saved.annotations.spans).toEqual(doc.annotations.spans)
    expect('marks' in saved.annotations).toBe(false)
    expect(await readFile(projectFile)).toEqual(projectBytes)
    await again.setEntities([])
    const project = JSON.parse(await readFile(projectFile, 'utf8'))
    expect(project.version).toBe(FORMAT_VERSION)
    expect(project.name).toBe('Old project')
    expect('title' in project).toBe(false)
    await again.close()
  })

  it('refuses a file written by a newer Marginalia and does not touch it', async () => {
    const dir = await v0Project()
    const docFile = path.join(dir, 'documents', 'd-old.json')
    const doc = JSON.parse(await readFile(docFile, 'utf8'))
    undo.push(registerMigration('project', 0, projectV0))
    await writeFile(docFile, JSON.stringify({ ...doc, version: FORMAT_VERSION + 1 }))
    const bytes = await readFile(docFile)
    const store = await ProjectStore.open(dir)
    expect(store.problems).toEqual([
      {
        file: docFile,
        message: expect.stringMatching(
          new RegExp(
            `^version: written by a newer Marginalia \\(format version ${FORMAT_VERSION + 1};`,
          ),
        ),
      },
    ])
    await expect(
      store.saveAnnotations('d-old', { spans: [], relations: [], docLabels: {} }),
    ).rejects.toThrow(/not saved/)
    await store.close()
    expect(await readFile(docFile)).toEqual(bytes)
  })

  it('applies the steps in order from the file version to the current one', () => {
    // As when a later version adds a layer in step 1→2 and renames it in step 2→3.
    const table: MigrationTable = {
      project: new Map([
        [1, (p) => ({ ...p, layers: [...(p.layers as string[]), 'cue'] })],
        [2, (p) => ({ ...p, layers: (p.layers as string[]).map((l) => l.toUpperCase()) })],
      ]),
      document: new Map(),
    }
    expect(migrate('project', { version: 1, layers: ['claim'] }, 3, table)).toEqual({
      file: { version: 3, layers: ['CLAIM', 'CUE'] },
      migratedFrom: 1,
    })
    expect(migrate('project', { version: 2, layers: ['claim'] }, 3, table).file).toEqual({
      version: 3,
      layers: ['CLAIM'],
    })
    expect(migrate('project', { version: 3, layers: ['x'] }, 3, table)).toEqual({
      file: { version: 3, layers: ['x'] },
      migratedFrom: null,
    })
    expect(() => migrate('document', { version: 1 }, 3, table)).toThrow(MigrationError)
    // A step never mutates the object it is given (a failed migration leaves the input as read).
    const input = { version: 1, layers: ['claim'] }
    migrate('project', input, 3, table)
    expect(input).toEqual({ version: 1, layers: ['claim'] })
  })
})
