// Changes to a project take effect in the order they were asked for, whatever the disk's timing:
// a save that is still reading its document when a removal or a schema change arrives must not be
// overtaken by it (each test reopens the project, so the save has to read the file first).
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ProjectStore } from '../../../../src/main/core/storage'
import { defaultSchema } from '../../../../src/shared/default-schema'
import { annotationsFor, newDocument } from './helpers'
import { tempDir } from './temp-dir'

/** A project with one document, closed; returns its folder and the document's id. */
async function oneDocument() {
  const dir = await tempDir()
  const store = await ProjectStore.create(dir, { name: 'P' })
  const result = await store.addDocument(newDocument())
  if (result.status !== 'added') throw new Error('not added')
  await store.close()
  return { dir, id: result.entry.id }
}

describe('one queue for every change', () => {
  it('a save asked for before a removal is saved in full, then the document is removed', async () => {
    const { dir, id } = await oneDocument()
    const store = await ProjectStore.open(dir)
    const save = store.saveAnnotations(id, annotationsFor())
    const remove = store.removeDocument(id)
    // The save answers for the document as it was when asked: its title, its counts.
    expect(await save).toEqual({ id, title: 'Test article', spanCount: 3, relationCount: 1 })
    await remove
    expect(store.project.documents).toEqual([])
    expect(await readdir(path.join(dir, 'documents'))).toEqual([])
    await store.close()
  })

  it('a save asked for after a removal is refused and does not bring the file back', async () => {
    const { dir, id } = await oneDocument()
    const store = await ProjectStore.open(dir)
    const remove = store.removeDocument(id)
    const save = store.saveAnnotations(id, annotationsFor())
    await remove
    await expect(save).rejects.toThrow(`no document with id "${id}"`)
    await store.flush()
    expect(await readdir(path.join(dir, 'documents'))).toEqual([])
    await store.close()
  })

  it('a save is checked against the schema in force when it was asked for', async () => {
    const { dir, id } = await oneDocument()
    const store = await ProjectStore.open(dir)
    const withPrediction = defaultSchema()
    withPrediction.layers[0].labels.push({ name: 'Prediction' })
    await store.setSchema(withPrediction)
    const a = annotationsFor()
    a.spans[0].label = 'Prediction'
    const save = store.saveAnnotations(id, a)
    const change = store.setSchema(defaultSchema()) // drops Prediction again
    expect((await save).spanCount).toBe(3)
    await change
    await store.close()
  })
})
