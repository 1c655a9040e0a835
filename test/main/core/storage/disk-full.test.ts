// A full disk, simulated by a file system that answers ENOSPC to every write while `full` is set
// (as a real one does: Node's message names no file). A save that fails must say which file and
// why, leave every file on disk as it was, leave the store answering with what is on disk, and
// succeed when tried again once there is room.
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ProjectError, ProjectStore } from '../../../../src/main/core/storage'
import { defaultSchema } from '../../../../src/shared/default-schema'
import { annotationsFor, newDocument } from './helpers'
import { fsError, spyFs } from './spy-fs'
import { tempDir } from './temp-dir'

/** Every file of the project folder with its bytes. */
async function contents(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (const name of await readdir(dir, { recursive: true })) {
    const bytes = await readFile(path.join(dir, name)).catch(() => null) // folders
    if (bytes) out.set(name, bytes.toString('utf8'))
  }
  return out
}

/** A project whose disk fills up when `disk.full` is set. */
async function projectOnDisk() {
  const dir = await tempDir()
  const disk = { full: false }
  const fs = spyFs([], (call) => {
    if (disk.full && call.op === 'write') throw fsError('ENOSPC', call)
  })
  const store = await ProjectStore.create(dir, { name: 'P', fs })
  const result = await store.addDocument(newDocument())
  if (result.status !== 'added') throw new Error('not added')
  await store.saveAnnotations(result.entry.id, annotationsFor())
  return { dir, disk, store, id: result.entry.id, file: path.join(dir, result.entry.file) }
}

describe('a full disk', () => {
  it('a failed save names the file and the cause, and loading shows what is on disk', async () => {
    const { dir, disk, store, id, file } = await projectOnDisk()
    const before = await contents(dir)
    disk.full = true
    const fewer = annotationsFor()
    fewer.spans = fewer.spans.slice(2)
    fewer.relations = []
    const error = await store.saveAnnotations(id, fewer).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ProjectError)
    expect((error as ProjectError).file).toBe(file)
    expect((error as Error).message).toBe(
      `${file}: could not be written: the disk is full (ENOSPC). Nothing on disk was changed; ` +
        'free some space and try again.',
    )
    // The store answers with what is on disk, not with what it failed to save.
    expect((await store.loadDocument(id)).annotations).toEqual(annotationsFor())
    expect(store.summaries()[0]).toMatchObject({ spanCount: 3, relationCount: 1 })
    expect(await contents(dir)).toEqual(before) // no temp file left, nothing changed

    // Retry, once there is room.
    disk.full = false
    expect(await store.saveAnnotations(id, fewer)).toMatchObject({ spanCount: 1, relationCount: 0 })
    expect(JSON.parse(await readFile(file, 'utf8')).annotations).toEqual(fewer)
    expect((await store.loadDocument(id)).annotations).toEqual(fewer)
    await store.close()
  })

  it('adding a document, or changing the schema, on a full disk changes nothing', async () => {
    const { dir, disk, store } = await projectOnDisk()
    const before = await contents(dir)
    const schema = defaultSchema()
    schema.layers[0].labels.push({ name: 'Prediction' })
    disk.full = true
    await expect(store.addDocument(newDocument('Another article.'))).rejects.toThrow(
      /documents\/d-[^/]+\.json: could not be written: the disk is full \(ENOSPC\)/,
    )
    await expect(store.setSchema(schema)).rejects.toThrow(
      `${path.join(dir, 'project.json')}: could not be written: the disk is full (ENOSPC)`,
    )
    expect(store.project.schema).toEqual(defaultSchema())
    expect(store.project.documents).toHaveLength(1)
    expect(await contents(dir)).toEqual(before)

    disk.full = false
    expect((await store.addDocument(newDocument('Another article.'))).status).toBe('added')
    await store.setSchema(schema)
    await store.close()
    const reopened = await ProjectStore.open(dir, { lock: false })
    expect(reopened.project.schema).toEqual(schema)
    expect(reopened.project.documents).toHaveLength(2)
    await reopened.close()
  })

  it('a failed save does not stop the project from closing; nothing is left pending', async () => {
    const { disk, store, id } = await projectOnDisk()
    disk.full = true
    await expect(store.saveAnnotations(id, annotationsFor())).rejects.toThrow(/disk is full/)
    await store.close() // the failure was the save's to report; the disk holds what the store holds
  })
})
