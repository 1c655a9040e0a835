// A process killed between the writes of one change. The kill is simulated at an exact point: the
// injected file system holds the call at that point (and every call after it) forever, so what
// reached the disk before it is there and nothing after it is, as after a SIGKILL. The dead store
// is abandoned and its lock deleted (taking over a dead process's lock is lock.test.ts's subject).
import { readFile, readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { LOCK_FILE, ProjectStore, type StorageFs } from '../../../../src/main/core/storage'
import type { DocumentFile } from '../../../../src/shared/model'
import { cli } from '../../cli/run-cli'
import { annotationsFor, newDocument } from './helpers'
import { spyFs, type FsCall } from './spy-fs'
import { tempDir } from './temp-dir'

/** A file system that can be made to die at a chosen call. */
function mortalFs(): { fs: StorageFs; dieAt(point: (call: FsCall) => boolean): Promise<void> } {
  let point: ((call: FsCall) => boolean) | null = null
  let dead = false
  let reached = () => {}
  const fs = spyFs([], (call) => {
    if (!dead && point?.(call)) {
      dead = true
      reached()
    }
    return dead ? new Promise<void>(() => {}) : undefined // never, once the process is gone
  })
  return {
    fs,
    dieAt(at) {
      point = at
      return new Promise<void>((resolve) => (reached = resolve))
    },
  }
}

/** A project with one document, open on a file system that can die; the process's lock is ours. */
async function project() {
  const dir = await tempDir()
  const life = mortalFs()
  const store = await ProjectStore.create(dir, { name: 'P', fs: life.fs })
  const first = await store.addDocument(newDocument())
  if (first.status !== 'added') throw new Error('not added')
  const projectFile = path.join(dir, 'project.json')
  const documents = path.join(dir, 'documents')
  /** Runs `change`, kills the process at `point`, and clears the dead process's lock. */
  const killDuring = async (change: () => Promise<unknown>, point: (c: FsCall) => boolean) => {
    const reached = life.dieAt(point)
    void change().catch(() => undefined) // never settles: the process died in it
    await reached
    await rm(path.join(dir, LOCK_FILE))
  }
  return { dir, store, first: first.entry, projectFile, documents, killDuring }
}

const writingIndex = (projectFile: string) => (c: FsCall) =>
  c.op === 'rename' && c.other === projectFile

describe('an add killed between the document file and project.json', () => {
  it('leaves a document that validate reports and the next open lists again', async () => {
    const { dir, store, first, projectFile, documents, killDuring } = await project()
    const second = { ...newDocument('A second article.'), annotations: annotationsFor() }
    second.annotations.spans = [] // its text has none of the quotes
    second.annotations.relations = []
    await killDuring(() => store.addDocument(second), writingIndex(projectFile))
    const orphanName = (await readdir(documents)).find((n) => n !== `${first.id}.json`)!
    const orphan = path.join(documents, orphanName)
    const orphanId = orphanName.replace(/\.json$/, '')
    expect(JSON.parse(await readFile(projectFile, 'utf8')).documents).toHaveLength(1)

    // Read-only (validate, export): reported, not repaired.
    const reader = await ProjectStore.open(dir, { lock: false })
    const unlisted = {
      file: orphan,
      message:
        'not listed in project.json (left by an interrupted add, or copied in); opening the ' +
        'project for writing lists it again',
    }
    expect(reader.unlisted).toEqual([unlisted])
    expect(reader.problems).toEqual([unlisted])
    expect(reader.project.documents).toHaveLength(1)
    await reader.close()
    const validate = await cli('validate', dir)
    expect(validate.code).toBe(1)
    expect(validate.out).toBe(`${orphan}: ${unlisted.message}\n`)

    // Open for writing: listed again, reported once.
    const reopened = await ProjectStore.open(dir)
    expect(reopened.recovered).toEqual([
      {
        file: orphan,
        message:
          'listed again as "Test article": it was in documents/ but not in project.json (an add ' +
          'was interrupted)',
      },
    ])
    expect(reopened.snapshot().recovered).toEqual(reopened.recovered)
    expect(reopened.problems).toEqual([])
    expect(reopened.project.documents.map((d) => d.id)).toEqual([first.id, orphanId])
    expect((await reopened.loadDocument(orphanId)).document.text).toBe('A second article.')
    await reopened.close()
    const again = await ProjectStore.open(dir)
    expect(again.recovered).toEqual([])
    await again.close()
    expect((await cli('validate', dir)).code).toBe(0)
  })

  it('an unlisted file that is broken, or repeats a listed text, is reported and left alone', async () => {
    const { dir, store, first, documents } = await project()
    await store.close()
    const broken = path.join(documents, 'd-broken.json')
    await writeFile(broken, '{ "format": "marginalia-document", ')
    const copy = JSON.parse(await readFile(path.join(dir, first.file), 'utf8')) as DocumentFile
    copy.document.id = 'd-copy'
    const duplicate = path.join(documents, 'd-copy.json')
    await writeFile(duplicate, JSON.stringify(copy))
    await writeFile(path.join(documents, 'notes.txt'), 'not a document')
    const before = await Promise.all([broken, duplicate].map((f) => readFile(f)))

    const reopened = await ProjectStore.open(dir)
    expect(reopened.recovered).toEqual([])
    expect(reopened.unlisted).toEqual([
      {
        file: broken,
        message: expect.stringMatching(
          /^not listed in project\.json: it cannot be read \(invalid JSON/,
        ),
      },
      {
        file: duplicate,
        message: `not listed in project.json: its text is already in the project as ${first.id} "Test article"`,
      },
    ])
    expect(reopened.project.documents).toHaveLength(1)
    await reopened.close()
    expect(await Promise.all([broken, duplicate].map((f) => readFile(f)))).toEqual(before)
  })
})

describe('a removal killed half-way', () => {
  it('before project.json changed: the document is kept, whole', async () => {
    const { dir, store, first, projectFile, documents, killDuring } = await project()
    await store.saveAnnotations(first.id, annotationsFor())
    await killDuring(() => store.removeDocument(first.id), writingIndex(projectFile))
    const reopened = await ProjectStore.open(dir)
    expect(reopened.project.documents.map((d) => d.id)).toEqual([first.id])
    expect((await reopened.loadDocument(first.id)).annotations).toEqual(annotationsFor())
    expect(reopened.problems).toEqual([])
    await reopened.close()
    expect(await readdir(documents)).toEqual([`${first.id}.json`])
  })

  it('after project.json changed: the document stays removed, never listed again', async () => {
    const { dir, store, first, documents, killDuring } = await project()
    await killDuring(
      () => store.removeDocument(first.id),
      (c) => c.op === 'unlink' && c.path.startsWith(documents),
    )
    const reader = await ProjectStore.open(dir, { lock: false })
    expect(reader.project.documents).toEqual([])
    expect(reader.problems).toEqual([])
    await reader.close()
    const reopened = await ProjectStore.open(dir)
    expect(reopened.project.documents).toEqual([])
    expect(reopened.recovered).toEqual([])
    await reopened.close()
    expect(await readdir(documents)).toEqual([])
  })
})
