// Format version 1 → 2 on a real version-1 project: fixtures/v1-sample is the sample project as
// Marginalia 1 wrote it. It must open with the attribution frame added and every span and relation
// kept: read-only, migrated in memory (through 2 to the current format) without writing a byte;
// for writing, migrated on disk (migrate-v3.test.ts covers that step). A custom schema must come
// through exactly as its author made it.
import { cp, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ProjectStore } from '../../../../src/main/core/storage'
import { migrate } from '../../../../src/main/core/storage/migrate'
import { projectV1toV2 } from '../../../../src/main/core/storage/migrate-v2'
import { quoteOf } from '../../../../src/shared/anchor'
import { DEFAULT_FRAME } from '../../../../src/shared/claims'
import { defaultSchema } from '../../../../src/shared/default-schema'
import { FORMAT_VERSION, type AnnotationSchema } from '../../../../src/shared/model'
import { validateAnnotations, validateProject } from '../../../../src/shared/validate'
import { tempDir } from './temp-dir'

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'v1-sample')
const DOC = 'russia-north-korea-alliance'

async function v1Project(edit?: (project: Record<string, unknown>) => void): Promise<string> {
  const dir = await tempDir()
  await cp(fixture, dir, { recursive: true })
  if (edit) {
    const file = path.join(dir, 'project.json')
    const project = JSON.parse(await readFile(file, 'utf8'))
    edit(project)
    await writeFile(file, `${JSON.stringify(project, null, 2)}\n`)
  }
  return dir
}

const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8'))

describe('format 1 → 2', () => {
  it('the fixture is a real version-1 project of the default schema', async () => {
    const project = await readJson(path.join(fixture, 'project.json'))
    const doc = await readJson(path.join(fixture, 'documents', `${DOC}.json`))
    expect(FORMAT_VERSION).toBe(3)
    expect([project.version, doc.version]).toEqual([1, 1])
    expect(project.schema.layers.map((l: { id: string }) => l.id)).toEqual([
      'claim',
      'source',
      'sentiment',
    ])
    expect(project.schema.frame).toBeUndefined()
  })

  it('opens the v1 sample read-only, migrated in memory, keeping every annotation', async () => {
    const dir = await v1Project()
    const projectFile = path.join(dir, 'project.json')
    const docFile = path.join(dir, 'documents', `${DOC}.json`)
    const before = { project: await readFile(projectFile), doc: await readFile(docFile) }
    const v1Doc = await readJson(docFile)

    const store = await ProjectStore.open(dir, { lock: false, analyst: 'sample' })
    expect(store.problems).toEqual([])
    expect(store.project.version).toBe(FORMAT_VERSION)
    // The default-like v1 schema becomes exactly today's default schema.
    expect(store.project.schema).toEqual(defaultSchema())
    expect(validateProject(store.project)).toEqual([])
    const file = await store.loadDocument(DOC)
    expect(file.set).toBe('sample')
    expect(file.annotations).toEqual(v1Doc.annotations)
    expect(validateAnnotations(store.project.schema, file.document, file.annotations, [])).toEqual(
      [],
    )
    await store.close()
    // Opening wrote nothing.
    expect(await readFile(projectFile)).toEqual(before.project)
    expect(await readFile(docFile)).toEqual(before.doc)
  })

  it('migrated for writing, the new Cue layer can be used at once', async () => {
    const dir = await v1Project()
    const store = await ProjectStore.open(dir, { analyst: 'sample' })
    const { document, annotations } = await store.loadDocument(DOC)
    const claim = annotations.spans.find((s) => s.id === 'claim-mutual-assistance')!
    const at = document.text.indexOf('said', claim.end)
    annotations.spans.push({
      ...claim,
      id: 'cue-said',
      layer: 'cue',
      label: 'Cue',
      start: at,
      end: at + 4,
      quote: quoteOf(document.text, at, at + 4),
      attributes: {},
    })
    annotations.relations.push({
      ...annotations.relations[0],
      id: 'rel-cue',
      type: 'cue_of',
      from: 'cue-said',
      to: claim.id,
    })
    annotations.relations[0].attributes = { attribution: 'direct_quote', stance: 'asserts' }
    await store.saveAnnotations(DOC, annotations)
    await store.close()
    const savedProject = await readJson(path.join(dir, 'project.json'))
    expect(savedProject.version).toBe(FORMAT_VERSION)
    expect(savedProject.schema).toEqual(defaultSchema())

    const again = await ProjectStore.open(dir, { analyst: 'sample' })
    expect(again.project.schema).toEqual(defaultSchema())
    const saved = (await again.loadDocument(DOC)).annotations
    expect(saved.spans).toEqual(annotations.spans)
    expect(saved.relations).toEqual(annotations.relations)
    await again.close()
  })

  it('leaves a custom schema exactly as its author made it', async () => {
    let custom: AnnotationSchema | null = null
    const dir = await v1Project((project) => {
      const schema = project.schema as AnnotationSchema
      // A "speaker" layer instead of "source": not the default's claim → source setup.
      schema.layers[1].id = 'speaker'
      schema.relationTypes[0] = { ...schema.relationTypes[0], id: 'said_by', to: ['speaker'] }
      custom = structuredClone(schema)
    })
    const store = await ProjectStore.open(dir)
    expect(store.project.schema).toEqual(custom)
    expect(store.project.schema.frame).toBeUndefined()
    await store.close()
    const saved = await readJson(path.join(dir, 'project.json'))
    expect(saved.version).toBe(FORMAT_VERSION)
    expect(saved.schema).toEqual(custom)
  })

  it('adds only what is absent: a free shortcut and colour, the missing attribute, no 2nd cue', async () => {
    const dir = await v1Project((project) => {
      const schema = project.schema as AnnotationSchema
      schema.layers[2].shortcut = '4' // sentiment took the Cue's default key
      schema.layers[2].color = '#0d9488' // and its colour
      schema.relationTypes[0].attributes = [
        { name: 'attribution', type: 'enum', values: ['quoted', 'reported'] },
      ]
    })
    const store = await ProjectStore.open(dir, { lock: false })
    const { layers, relationTypes, frame } = store.project.schema
    const cue = layers.find((l) => l.id === 'cue')!
    expect(cue.shortcut).toBe('5')
    expect(cue.color).not.toBe('#0d9488')
    expect(relationTypes[0].attributes).toEqual([
      { name: 'attribution', type: 'enum', values: ['quoted', 'reported'] },
      { name: 'stance', type: 'enum', values: ['asserts', 'denies', 'questions', 'reports'] },
    ])
    expect(relationTypes.map((t) => t.id)).toEqual(['attributed_to', 'cue_of'])
    expect(frame).toEqual(DEFAULT_FRAME)
    expect(store.problems).toEqual([])
    await store.close()

    // A schema that already has a `cue` layer and `cue_of` keeps them as they are.
    const own = defaultSchema()
    own.layers[3] = { ...own.layers[3], name: 'Speech verb', shortcut: 'v' }
    own.frame = undefined
    const migrated = projectV1toV2({ version: 1, schema: structuredClone(own) })
    const schema = migrated.schema as AnnotationSchema
    expect(schema.layers).toEqual(own.layers)
    expect(schema.relationTypes).toEqual(own.relationTypes)
    expect(schema.frame).toEqual(DEFAULT_FRAME)
  })

  it('gives the frame no sentiment role when there is no sentiment layer', () => {
    const schema = defaultSchema()
    schema.layers = schema.layers.filter((l) => l.id === 'claim' || l.id === 'source')
    schema.relationTypes = schema.relationTypes.filter((t) => t.id === 'attributed_to')
    delete schema.frame
    const { file } = migrate('project', { version: 1, schema }, 2)
    const { frame, layers } = (file as { schema: AnnotationSchema }).schema
    expect(layers.map((l) => l.id)).toEqual(['claim', 'source', 'cue'])
    expect(frame).toEqual({
      claimLayer: 'claim',
      sourceLayer: 'source',
      cueLayer: 'cue',
      attribution: 'attributed_to',
      cueRelation: 'cue_of',
    })
  })

  it('leaves malformed schemas for validation to report, and documents unchanged', () => {
    for (const schema of [undefined, 'x', { layers: 'claim' }, { layers: [], relationTypes: 1 }]) {
      expect(migrate('project', { version: 1, schema }, 2).file).toEqual({ version: 2, schema })
    }
    const doc = { version: 1, annotations: { spans: [{ id: 's' }] } }
    expect(migrate('document', doc, 2)).toEqual({ file: { ...doc, version: 2 }, migratedFrom: 1 })
  })
})
