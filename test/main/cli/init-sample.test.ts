import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SAMPLE_PROJECT_DIR, initCommand } from '../../../src/main/cli/commands/init'
import { importDocumentFile } from '../../../src/main/core/import'
import { ProjectStore } from '../../../src/main/core/storage'
import { spanAt } from '../fixtures/span-at'
import { cli } from './run-cli'

let root: string
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'marginalia-init-'))
})
afterEach(() => rm(root, { recursive: true, force: true }))

const quiet = { stdout: () => undefined, stderr: () => undefined }

/** A small "sample" project: one article with a claim, a source, a relation and an entity. */
async function makeSample(dir: string): Promise<void> {
  const store = await ProjectStore.create(dir, { name: 'Sample' })
  const doc = importDocumentFile(
    'talks.txt',
    new TextEncoder().encode('Putin said the talks went well.'),
  )
  const T = '2024-06-19T10:00:00.000Z'
  const span = (id: string, layer: string, label: string, exact: string, entityId?: string) =>
    spanAt(doc.text, id, layer, label, exact, {
      annotator: 'demo',
      createdAt: T,
      updatedAt: T,
      ...(entityId ? { entityId } : {}),
    })
  await store.setEntities([
    { id: 'e-putin', name: 'Vladimir Putin', kind: 'person', aliases: ['Putin'], note: '' },
  ])
  await store.addDocument({
    ...doc,
    annotations: {
      spans: [
        span('s1', 'claim', 'Claim', 'the talks went well'),
        span('s2', 'source', 'Source', 'Putin', 'e-putin'),
      ],
      relations: [
        {
          id: 'r1',
          type: 'attributed_to',
          from: 's1',
          to: 's2',
          attributes: {},
          annotator: 'demo',
          createdAt: T,
          updatedAt: T,
        },
      ],
      docLabels: {},
    },
  })
  await store.close()
}

describe('init --sample', () => {
  it('copies the sample documents with their annotations into a new project of its own', async () => {
    const sampleDir = path.join(root, 'sample')
    await makeSample(sampleDir)
    const sampleBefore = await readFile(path.join(sampleDir, 'project.json'), 'utf8')
    const listing = async () => (await readdir(sampleDir, { recursive: true })).sort()
    const filesBefore = await listing()
    let out = ''
    const dir = path.join(root, 'mine')
    const code = await initCommand(
      dir,
      { sample: true, name: 'Mine', sampleDir },
      { stdout: (t) => (out += t), stderr: () => undefined },
    )
    expect(code).toBe(0)
    expect(out).toBe(`Created project "Mine" in ${dir} with 1 sample document\n`)

    const copy = await ProjectStore.open(dir, { lock: false })
    const sample = await ProjectStore.open(sampleDir, { lock: false })
    try {
      expect(copy.project.name).toBe('Mine')
      expect(copy.project.id).not.toBe(sample.project.id)
      expect(copy.project.entities).toEqual(sample.project.entities)
      expect(copy.project.schema).toEqual(sample.project.schema)
      const [original] = sample.project.documents
      const [copied] = copy.project.documents
      const a = await sample.loadDocument(original.id)
      const b = await copy.loadDocument(copied.id)
      expect(b.document.text).toBe(a.document.text)
      expect(b.document.contentHash).toBe(a.document.contentHash)
      expect(b.annotations).toEqual(a.annotations)
    } finally {
      await copy.close()
      await sample.close()
    }
    // The sample is read, never written or locked.
    expect(await readFile(path.join(sampleDir, 'project.json'), 'utf8')).toBe(sampleBefore)
    expect(await listing()).toEqual(filesBefore)
  })

  it('fails with one line, creating nothing, when the sample project is missing', async () => {
    const dir = path.join(root, 'mine')
    await expect(
      initCommand(dir, { sample: true, sampleDir: path.join(root, 'none') }, quiet),
    ).rejects.toThrow(/none: the sample project is missing/)
    expect(existsSync(dir)).toBe(false)
  })

  it.skipIf(!existsSync(path.join(SAMPLE_PROJECT_DIR, 'project.json')))(
    'works with the sample project shipped in resources/',
    async () => {
      const dir = path.join(root, 'shipped')
      const result = await cli('init', dir, '--sample')
      expect(result.code).toBe(0)
      expect(result.out).toMatch(/with [1-9]\d* sample documents?\n$/)
      expect((await cli('validate', dir)).code).toBe(0)
    },
  )
})
