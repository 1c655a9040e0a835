import { cp, readFile, rename, writeFile } from 'node:fs/promises'
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

  it('opens an older project through the table: in memory read-only, on disk for writing', async () => {
    undo.push(
      registerMigration('project', 0, projectV0),
      registerMigration('document', 0, documentV0),
    )
    const dir = await v0Project()
    const projectFile = path.join(dir, 'project.json')
    const docFile = path.join(dir, 'documents', 'd-old.json')
    const projectBytes = await readFile(projectFile)
    const docBytes = await readFile(docFile)

    const reader = await ProjectStore.open(dir, { lock: false })
    expect(reader.problems).toEqual([])
    expect(reader.project.version).toBe(FORMAT_VERSION)
    expect(reader.project.name).toBe('Old project')
    expect(reader.summaries()).toEqual([
      { id: 'd-old', title: 'Old article', spanCount: 0, relationCount: 0 },
    ])
    const doc = await reader.loadAnnotations('d-old', 'old')
    expect(doc?.annotations.spans[0].quote.exact).toBe('the deal was historic')
    expect(doc?.annotations.docLabels).toEqual({})
    await reader.close()
    expect(await readFile(projectFile)).toEqual(projectBytes)
    expect(await readFile(docFile)).toEqual(docBytes)

    // Opened for writing: migrated through every step to the current format, on disk.
    const writer = await ProjectStore.open(dir, { analyst: 'old' })
    expect(writer.recovered.map((r) => r.message)).toEqual([
      expect.stringMatching(/^migrated from format 0 to 3: the annotations are now the set of/),
    ])
    expect((await writer.loadDocument('d-old')).annotations).toEqual(doc?.annotations)
    await writer.close()
    const project = JSON.parse(await readFile(projectFile, 'utf8'))
    expect(project.version).toBe(FORMAT_VERSION)
    expect(project.name).toBe('Old project')
    expect('title' in project).toBe(false)
    const saved = JSON.parse(await readFile(docFile, 'utf8'))
    expect(saved.version).toBe(FORMAT_VERSION)
    expect('annotations' in saved).toBe(false)
  })

  it('refuses a file written by a newer Marginalia and does not touch it', async () => {
    const dir = await tempDir()
    const store = await ProjectStore.create(dir, { name: 'P', analyst: 'Tester' })
    const added = await store.addDocument({
      title: 'T',
      metadata: {},
      text: 'Some text.',
      blocks: [],
      annotations: { spans: [], relations: [], docLabels: { overall_sentiment: ['neutral'] } },
    })
    if (added.status !== 'added') throw new Error('not added')
    await store.close()
    const setFile = path.join(dir, 'annotations', 'tester', `${added.entry.id}.json`)
    const set = JSON.parse(await readFile(setFile, 'utf8'))
    // Replaced, as a sync client brings a newer copy's file.
    await writeFile(`${setFile}.new`, JSON.stringify({ ...set, version: FORMAT_VERSION + 1 }))
    await rename(`${setFile}.new`, setFile)
    const bytes = await readFile(setFile)
    const reopened = await ProjectStore.open(dir, { analyst: 'Tester' })
    expect(reopened.problems).toEqual([
      {
        file: setFile,
        message: expect.stringMatching(
          new RegExp(
            `^version: written by a newer Marginalia \\(format version ${FORMAT_VERSION + 1}; ` +
              `this one reads up to ${FORMAT_VERSION}\\)`,
          ),
        ),
      },
    ])
    await expect(
      reopened.saveAnnotations(added.entry.id, { spans: [], relations: [], docLabels: {} }),
    ).rejects.toThrow(/not saved/)
    await reopened.close()
    expect(await readFile(setFile)).toEqual(bytes)
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
