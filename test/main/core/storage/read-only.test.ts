// A project folder that cannot be written (a read-only disk or share, no write permission) opens
// read-only in the app and is refused, naming the folder, by commands that must write. As root
// (these tests' usual user here), chmod does not stop writes, so the folder is made read-only by a
// file system that refuses every write under it as the kernel would (EROFS, EACCES); where the
// tests run as another user, the chmod case runs for real as well.
import { chmod, readFile, readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  LOCK_FILE,
  ProjectStore,
  ReadOnlyFileError,
  ReadOnlyProjectError,
  type StorageFs,
} from '../../../../src/main/core/storage'
import { annotationsFor, newDocument } from './helpers'
import { fsError, isWriteCall, spyFs, type FsCall } from './spy-fs'
import { tempDir } from './temp-dir'

/** A closed project with one annotated document. */
async function project() {
  const dir = await tempDir()
  const store = await ProjectStore.create(dir, { name: 'P', analyst: 'Tester' })
  const result = await store.addDocument({ ...newDocument(), annotations: annotationsFor() })
  if (result.status !== 'added') throw new Error('not added')
  await store.close()
  return { dir, id: result.entry.id }
}

/** A file system on which every write under `dir` fails with `code`; records the calls. */
function readOnlyFs(dir: string, code: 'EROFS' | 'EACCES', calls: FsCall[]): StorageFs {
  return spyFs(calls, (call) => {
    if (isWriteCall(call) && call.path.startsWith(dir)) throw fsError(code, call)
  })
}

/** Every file of the folder with its bytes. */
async function contents(dir: string) {
  const names = await readdir(dir, { recursive: true })
  return Promise.all(names.map(async (n) => [n, await readFile(path.join(dir, n)).catch(() => '')]))
}

const cases = [
  { code: 'EROFS', reason: 'the folder is on a read-only file system (EROFS)' },
  { code: 'EACCES', reason: 'you do not have permission to write in the folder (EACCES)' },
] as const

describe('a project folder that cannot be written', () => {
  for (const { code, reason } of cases) {
    it(`opens read-only in the app, saying why, and writes nothing (${code})`, async () => {
      const { dir, id } = await project()
      const before = await contents(dir)
      const calls: FsCall[] = []
      const store = await ProjectStore.open(dir, {
        lock: 'if-writable',
        fs: readOnlyFs(dir, code, calls),
        analyst: 'Tester',
      })
      expect(store.readOnly).toBe(reason)
      expect(store.snapshot().readOnly).toBe(reason)
      expect(store.snapshot().documents).toEqual([
        { id, title: 'Test article', spanCount: 3, relationCount: 1 },
      ])
      expect((await store.loadDocument(id)).annotations).toEqual(annotationsFor())
      await expect(store.saveAnnotations(id, annotationsFor())).rejects.toThrow(
        `${dir}: the project is open read-only: ${reason}`,
      )
      await expect(store.addDocument(newDocument('Other.'))).rejects.toThrow(/open read-only/)
      await store.close()
      // One attempt to create the lock, nothing else: no cleanup, no lock, no temp file.
      expect(calls.filter(isWriteCall)).toHaveLength(1)
      expect(await contents(dir)).toEqual(before)
    })

    it(`a command that must write is refused naming the folder, not a lock temp file (${code})`, async () => {
      const { dir } = await project()
      const error = await ProjectStore.open(dir, { fs: readOnlyFs(dir, code, []) }).catch(
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(ReadOnlyProjectError)
      expect((error as ReadOnlyProjectError).file).toBe(dir)
      expect((error as Error).message).toBe(
        `${dir}: cannot open the project for writing: ${reason}`,
      )
      expect((error as Error).message).not.toContain(LOCK_FILE)
    })
  }

  it('a writable project says so in its snapshot', async () => {
    const { dir } = await project()
    const store = await ProjectStore.open(dir, { lock: 'if-writable' })
    expect(store.readOnly).toBeNull()
    expect(store.snapshot().readOnly).toBeNull()
    await store.close()
  })

  const root = process.getuid?.() === 0
  it.skipIf(root)('a folder without write permission, for real (not as root)', async () => {
    const { dir, id } = await project()
    const folders = ['documents', 'annotations', 'annotations/tester', '.marginalia', '.']
    for (const f of folders) await chmod(path.join(dir, f), 0o555)
    try {
      const store = await ProjectStore.open(dir, { lock: 'if-writable' })
      expect(store.readOnly).toMatch(/^you do not have permission to write in the folder \(E/)
      await expect(store.saveAnnotations(id, annotationsFor())).rejects.toThrow(/read-only/)
      await store.close()
      await expect(ProjectStore.open(dir)).rejects.toThrow(
        `${dir}: cannot open the project for writing`,
      )
    } finally {
      for (const f of [...folders].reverse()) await chmod(path.join(dir, f), 0o755)
    }
  })
})

describe('a read-only file in a writable project folder', () => {
  it('is never replaced: the save is refused, naming the file, and nothing is lost', async () => {
    const { dir, id } = await project()
    const file = path.join(dir, 'annotations', 'tester', `${id}.json`)
    const before = await readFile(file, 'utf8')
    await chmod(file, 0o444)
    const store = await ProjectStore.open(dir, { analyst: 'Tester' })
    try {
      const fewer = {
        ...annotationsFor(),
        spans: annotationsFor().spans.slice(0, 1),
        relations: [],
      }
      const saving = store.saveAnnotations(id, fewer)
      await expect(saving).rejects.toBeInstanceOf(ReadOnlyFileError)
      await expect(saving).rejects.toThrow(
        `${file}: could not be written: the file is read-only (its permissions allow no writing)`,
      )
      expect(await readFile(file, 'utf8')).toBe(before)
      expect((await stat(file)).mode & 0o777).toBe(0o444)
      const temps = await readdir(path.join(dir, '.marginalia', 'tmp')).catch(() => [])
      expect(temps.filter((name) => name.startsWith(`.${id}.json.`))).toEqual([])
      // Made writable again, the same save goes through.
      await chmod(file, 0o644)
      await store.saveAnnotations(id, fewer)
      expect((await store.loadDocument(id)).annotations.spans).toHaveLength(1)
    } finally {
      await store.close()
    }
  })
})
