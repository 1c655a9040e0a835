// A project folder never reads or writes outside itself through a symbolic link: a linked
// documents/, annotations/, an analyst's annotations/<id>/, changes/ or .marginalia/ is refused
// when the project opens, with an error naming the link, and nothing outside is read or written.
import { mkdir, readdir, rename, symlink } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ProjectError, ProjectStore } from '../../../../src/main/core/storage'
import { annotationsFor, newDocument } from './helpers'
import { tempDir } from './temp-dir'

const ME = { analyst: 'Tester' }

/** A project with one annotated document and one schema change (so changes/tester/ exists). */
async function project(): Promise<string> {
  const dir = await tempDir()
  const store = await ProjectStore.create(dir, { name: 'P', ...ME })
  await store.addDocument({ ...newDocument(), annotations: annotationsFor() })
  await store.setEntities([{ id: 'e1', name: 'Putin', kind: 'person', aliases: [], note: '' }])
  await store.close()
  return dir
}

/** Moves `folder` of the project out to a folder elsewhere and leaves a link in its place. */
async function linkOut(dir: string, folder: string): Promise<string> {
  const outside = path.join(await tempDir(), 'elsewhere')
  await rename(path.join(dir, folder), outside)
  await symlink(outside, path.join(dir, folder), 'dir')
  return outside
}

const listing = async (dir: string) => (await readdir(dir, { recursive: true })).sort()

describe('a project folder with a symbolic link among its folders', () => {
  for (const folder of ['documents', 'annotations', 'annotations/tester', 'changes/tester']) {
    it(`refuses a linked ${folder}/, naming it, in every mode, and writes nothing there`, async () => {
      const dir = await project()
      const outside = await linkOut(dir, folder)
      const before = await listing(outside)
      for (const lock of [true, false, 'if-writable'] as const) {
        const opening = ProjectStore.open(dir, { ...ME, lock })
        await expect(opening).rejects.toBeInstanceOf(ProjectError)
        await expect(opening).rejects.toThrow(
          `${path.join(dir, folder)}: is a symbolic link, and a project folder must not read or write outside itself`,
        )
      }
      expect(await listing(outside)).toEqual(before)
    })
  }

  it('refuses a linked .marginalia/ before taking the lock in it', async () => {
    const dir = await project()
    const outside = await linkOut(dir, '.marginalia')
    await expect(ProjectStore.open(dir, ME)).rejects.toThrow(/\.marginalia: is a symbolic link/)
    expect(await readdir(outside)).not.toContain('lock')
  })

  it('opens as before when a link stands elsewhere (beside the project, not in it)', async () => {
    const dir = await project()
    await mkdir(path.join(dir, 'notes'))
    await symlink(await tempDir(), path.join(dir, 'notes', 'link'), 'dir')
    const store = await ProjectStore.open(dir, ME)
    expect(store.project.documents).toHaveLength(1)
    await store.close()
  })
})
