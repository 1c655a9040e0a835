// A process killed in the middle of a change, at every point where it writes. The kill is
// simulated exactly: the injected file system holds the chosen call (and every call after it)
// forever, so what reached the disk before it is there and nothing after it is, as after a SIGKILL.
// The dead store is abandoned and its lock deleted (taking over a dead process's lock is
// lock.test.ts's subject). After each kill the project must open, and be either as it was before
// the change or as it is after it: never half of it, and never a file lost.
import { readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { removeEntity } from '../../../../src/main/core/entity-registry'
import { LOCK_FILE, ProjectStore, type StorageFs } from '../../../../src/main/core/storage'
import { defaultSchema } from '../../../../src/shared/default-schema'
import { cli } from '../../cli/run-cli'
import { annotationsFor, newDocument } from './helpers'
import { isWriteCall, spyFs, type FsCall } from './spy-fs'
import { tempDir } from './temp-dir'

const ME = { analyst: 'Tester' }

/**
 * A file system that, once armed, dies at its `n`-th write call (creating, writing, renaming,
 * removing a file). Armed after the store is open, so the kill falls inside the change.
 */
function mortalFs(n: number): {
  fs: StorageFs
  died: Promise<void>
  arm(on?: boolean): void
  dead(): boolean
} {
  let writes = 0
  let armed = false
  let dead = false
  let reached = () => {}
  const died = new Promise<void>((resolve) => (reached = resolve))
  const fs = spyFs([], (call: FsCall) => {
    if (armed && !dead && isWriteCall(call) && ++writes === n) {
      dead = true
      reached()
    }
    return dead ? new Promise<void>(() => {}) : undefined // never, once the process is gone
  })
  return { fs, died, arm: (on = true) => (armed = on), dead: () => dead }
}

/**
 * Runs `change` on a fresh project (made by `setup`) killed at each of its write calls in turn,
 * until a run completes; `check` gets the reopened store and whether the change had completed.
 * Returns how many kill points were tried.
 */
async function atEveryKillPoint(
  setup: (dir: string) => Promise<void>,
  change: (store: ProjectStore) => Promise<unknown>,
  check: (store: ProjectStore, dir: string) => Promise<void>,
): Promise<number> {
  for (let n = 1; ; n++) {
    const dir = await tempDir()
    await setup(dir)
    const life = mortalFs(n)
    const store = await ProjectStore.open(dir, { ...ME, fs: life.fs })
    await store.flush()
    life.arm()
    const done = change(store).then(
      () => true,
      () => true,
    )
    const finished = await Promise.race([done, life.died.then(() => false)])
    if (finished && !life.dead()) {
      life.arm(false) // the change is done: closing is not under test
      await store.close()
      return n - 1
    }
    await rm(path.join(dir, LOCK_FILE))
    const reopened = await ProjectStore.open(dir, ME)
    try {
      await check(reopened, dir)
    } finally {
      await reopened.close()
    }
  }
}

async function withOneDocument(dir: string): Promise<void> {
  const store = await ProjectStore.create(dir, { name: 'P', ...ME })
  await store.addDocument({ ...newDocument(), annotations: annotationsFor() })
  await store.close()
}

describe('a change killed at any point leaves the project as before or as after', () => {
  it('adding a document with annotations: annotation file, then the document file', async () => {
    const text = 'A second article about Putin.'
    const second = {
      ...newDocument(text),
      annotations: { spans: [], relations: [], docLabels: { overall_sentiment: ['neutral'] } },
    }
    let orphans = 0
    const points = await atEveryKillPoint(
      withOneDocument,
      (store) => store.addDocument(second),
      async (store) => {
        const docs = store.project.documents
        expect(docs.length === 1 || docs.length === 2).toBe(true)
        if (docs.length === 2) {
          const added = await store.loadDocument(docs[1].id)
          expect(added.document.text).toBe(text)
          expect(added.annotations.docLabels).toEqual(second.annotations.docLabels)
          expect(store.problems).toEqual([])
        } else if (store.problems.length > 0) {
          // Killed between the two files: the annotations are kept and named, never deleted.
          orphans++
          expect(store.problems).toEqual([
            {
              file: expect.stringMatching(/annotations[/\\]tester[/\\]d-.*\.json$/),
              message: expect.stringMatching(/^annotations of a document the project does not/),
            },
          ])
        }
        // Whatever happened, the first document is whole, and no temp file is left.
        expect((await store.loadDocument(docs[0].id)).annotations.spans).toHaveLength(3)
      },
    )
    expect(points).toBeGreaterThan(4)
    expect(orphans).toBeGreaterThan(0)
  })

  it('saving annotations: the old set or the new one', async () => {
    const fewer = { ...annotationsFor(), spans: annotationsFor().spans.slice(0, 1), relations: [] }
    const points = await atEveryKillPoint(
      withOneDocument,
      async (store) => {
        const [doc] = store.project.documents
        await store.loadDocument(doc.id)
        await store.saveAnnotations(doc.id, fewer)
      },
      async (store) => {
        const [doc] = store.project.documents
        const spans = (await store.loadDocument(doc.id)).annotations.spans
        expect([1, 3]).toContain(spans.length)
        expect(store.problems).toEqual([])
      },
    )
    expect(points).toBeGreaterThan(1)
  })

  it('removing a document, editing the schema or the registry: one change file or none', async () => {
    const schema = defaultSchema()
    schema.layers[0].labels.push({ name: 'Rumour' })
    const entity = { id: 'e1', name: 'Putin', kind: 'person', aliases: [], note: '' }
    const points = await atEveryKillPoint(
      withOneDocument,
      async (store) => {
        await store.setSchema(schema)
        await store.setEntities([entity])
        await store.removeDocument(store.project.documents[0].id)
      },
      async (store, dir) => {
        const labels = store.project.schema.layers[0].labels.map((l) => l.name)
        const changes = await readdir(path.join(dir, 'changes', 'tester')).catch(() => [])
        expect(labels.includes('Rumour')).toBe(changes.length >= 1)
        expect(store.project.entities).toEqual(changes.length >= 2 ? [entity] : [])
        expect(store.project.documents).toHaveLength(changes.length >= 3 ? 0 : 1)
        expect(store.problems).toEqual([])
        // A removed document's files stay: nothing was deleted.
        expect(await readdir(path.join(dir, 'documents'))).toHaveLength(1)
      },
    )
    expect(points).toBeGreaterThan(5)
  })

  it('removing or merging a linked entity: the entity and its links, or neither', async () => {
    const putin = { id: 'e1', name: 'Putin', kind: 'person', aliases: [], note: '' }
    const vlad = { id: 'e2', name: 'Vladimir Putin', kind: 'person', aliases: [], note: '' }
    const linked = async (dir: string) => {
      const store = await ProjectStore.create(dir, { name: 'P', ...ME })
      await store.setEntities([putin, vlad])
      const annotations = annotationsFor()
      annotations.spans[1].entityId = 'e1'
      await store.addDocument({ ...newDocument(), annotations })
      await store.close()
    }
    for (const into of [undefined, 'e2']) {
      const points = await atEveryKillPoint(
        linked,
        (store) => removeEntity(store, 'e1', into),
        async (store) => {
          const [doc] = store.project.documents
          const ids = store.project.entities.map((e) => e.id)
          const source = (await store.loadDocument(doc.id)).annotations.spans[1]
          expect(store.problems).toEqual([])
          // Never a span linked to an entity the registry lacks, never a half-merged entity.
          if (ids.includes('e1')) expect(source.entityId).toBe('e1')
          else expect(source.entityId).toBe(into)
          const merged = store.project.entities.find((e) => e.id === 'e2')!
          expect(merged.aliases.includes('Putin')).toBe(into !== undefined && !ids.includes('e1'))
        },
      )
      expect(points).toBeGreaterThan(1)
    }
  })

  it('temp files of killed writers are deleted by the next open, and validate passes', async () => {
    const dir = await tempDir()
    await withOneDocument(dir)
    const life = mortalFs(3) // inside the first durable write of the save: after the temp file
    const store = await ProjectStore.open(dir, { ...ME, fs: life.fs })
    await store.flush()
    life.arm()
    const [doc] = store.project.documents
    void store.saveAnnotations(doc.id, annotationsFor()).catch(() => undefined)
    await life.died
    await rm(path.join(dir, LOCK_FILE))
    const tmp = path.join(dir, '.marginalia', 'tmp')
    const left = await readdir(tmp)
    expect(left.length).toBeGreaterThan(0)
    // The dead writer's pid is ours (same process): rename them as a dead process's would be.
    const { rename } = await import('node:fs/promises')
    for (const name of left) {
      await rename(path.join(tmp, name), path.join(tmp, name.replace(/\.\d+\./, '.999999999.')))
    }
    const reopened = await ProjectStore.open(dir, ME)
    await reopened.close()
    expect(await readdir(tmp)).toEqual([])
    expect((await cli('validate', dir)).code).toBe(0)
  })
})
