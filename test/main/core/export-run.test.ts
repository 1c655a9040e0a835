// The export runner as it streams: a cancelled export writes nothing and leaves the earlier one as
// it was, in main's thread and in the worker thread the app and the command line use; the worker
// writes the same bytes; a format whose first guess about the documents was wrong starts over and
// writes what it would have written knowing everything.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { Worker } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { exportProject, runExport } from '../../../src/main/core/export'
import { exportSource } from '../../../src/main/core/export-source'
import { importDocumentFile } from '../../../src/main/core/import'
import { ProjectStore } from '../../../src/main/core/storage'
import { exportInWorker } from '../../../src/main/core/workers/export-task'
import { TaskCancelled } from '../../../src/main/core/workers/run-task'
import type { DocumentFile } from '../../../src/shared/model'
import { docWithSpans } from './formats/native-fixture'

const DOCUMENTS = 40
let root: string
let projectDir: string
let store: ProjectStore

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'marginalia-export-run-'))
  projectDir = path.join(root, 'project')
  store = await ProjectStore.create(projectDir, { name: 'Run' })
  for (let i = 0; i < DOCUMENTS; i++) {
    const source = `Putin said the talks went well ${i}. Reuters reported it.`
    const imported = importDocumentFile(`d${i}.txt`, new TextEncoder().encode(source))
    const { annotations } = docWithSpans('x', source, [
      { id: 's1', layer: 'claim', label: 'Claim', find: 'the talks went well' },
      { id: 's2', layer: 'source', label: 'Source', find: 'Putin' },
    ])
    annotations.relations = [
      {
        ...{ id: 'r1', type: 'attributed_to', from: 's1', to: 's2', attributes: {} },
        ...{ annotator: 'ana', createdAt: '2024-05-01T10:00:00.000Z' },
        updatedAt: '2024-05-01T10:00:00.000Z',
      },
    ]
    const added = await store.addDocument({ ...imported, annotations })
    if (added.status !== 'added') throw new Error('duplicate fixture')
  }
})
afterAll(async () => {
  await store.close()
  await rm(root, { recursive: true, force: true })
})

/** Every file under `dir` (relative path → bytes as text). */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) {
      const full = path.join(e.parentPath, e.name)
      out[path.relative(dir, full)] = await readFile(full, 'latin1')
    }
  }
  return out
}

/** Aborts the export at its second document (by the progress it reports). */
function abortAtSecond(): { signal: AbortSignal; onProgress: (done: number) => void } {
  const controller = new AbortController()
  return { signal: controller.signal, onProgress: (done) => done >= 2 && controller.abort() }
}

describe('a cancelled export', () => {
  it.each([
    ['jsonl', 'data.jsonl'],
    ['brat', 'brat-out'],
    ['xlsx', 'spans.xlsx'],
  ])(
    '%s: leaves the earlier export exactly as it was, and no temporary file',
    async (format, name) => {
      const dir = await mkdtemp(path.join(root, `cancel-${format}-`))
      const out = path.join(dir, name)
      await exportProject(store, format, out, {
        docIds: store.project.documents.map((d) => d.id).slice(0, 3),
      })
      const before = await snapshot(dir)
      await expect(exportProject(store, format, out, abortAtSecond())).rejects.toThrow(/abort/i)
      expect(await snapshot(dir)).toEqual(before)
    },
  )

  // The worker's runner, here in this thread: a folder export's reads are done at once, so the
  // Cancel (a message, in the worker) is heard only because the runner turns the event loop
  // between documents.
  it('in the worker’s runner: a cancel arriving between documents stops it there', async () => {
    const dir = await mkdtemp(path.join(root, 'cancel-runner-'))
    const out = path.join(dir, 'brat-out')
    await exportProject(store, 'brat', out, { docIds: [store.project.documents[0].id] })
    const before = await snapshot(dir)
    await store.flush()
    const controller = new AbortController()
    const progress: number[] = []
    const job = { source: exportSource(store), format: 'brat', outPath: out }
    const onProgress = (done: number) => {
      progress.push(done)
      if (done === 2) setImmediate(() => controller.abort())
    }
    await expect(runExport(job, { signal: controller.signal, onProgress })).rejects.toThrow(
      /abort/i,
    )
    expect(progress).toEqual([1, 2])
    expect(await snapshot(dir)).toEqual(before)
  })

  // Cancelled as it starts: a worker runs through 40 small documents faster than a message from
  // a busy main thread reaches it, so a cancel half-way cannot be timed here; the runner's own
  // checks between documents (above) are what the worker runs.
  it('in the worker: rejects with TaskCancelled and writes nothing', async () => {
    const dir = await mkdtemp(path.join(root, 'cancel-worker-'))
    const out = path.join(dir, 'data.jsonl')
    await writeFile(out, 'the earlier export\n')
    const cancelled = new AbortController()
    cancelled.abort()
    const error: unknown = await exportInWorker(store, 'jsonl', out, cancelled).catch(
      (e: unknown) => e,
    )
    expect(error, String(error)).toBeInstanceOf(TaskCancelled)
    expect(await readdir(dir)).toEqual(['data.jsonl'])
    expect(await readFile(out, 'utf8')).toBe('the earlier export\n')
  })
})

describe('the worker thread', () => {
  it('writes the same files as the runner in main, with progress to the end', async () => {
    for (const format of ['csv', 'qdpx', 'conll']) {
      const dir = await mkdtemp(path.join(root, `same-${format}-`))
      const ext = format === 'conll' ? '' : `.${format}`
      const here = await exportProject(store, format, path.join(dir, 'here', `out${ext}`))
      const progress: [number, number][] = []
      const there = await exportInWorker(store, format, path.join(dir, 'there', `out${ext}`), {
        onProgress: (done, total) => progress.push([done, total]),
      })
      expect(there.manifest.files).toEqual(here.manifest.files)
      expect(there.read).toEqual(here.read)
      expect(progress.at(-1)).toEqual([DOCUMENTS + 1, DOCUMENTS + 1])
    }
  })

  // Terminating a thread mid-call can abort the whole process in Node's cleanup (a zlib stream cut
  // off during its set-up); in the app that is Electron's main process. The export worker is
  // never cut off: it exits by itself once it has answered, or once a cancel has stopped it.
  it('ends by itself, after finishing and after a cancel: it is never terminated', async () => {
    const terminate = vi.spyOn(Worker.prototype, 'terminate')
    try {
      const dir = await mkdtemp(path.join(root, 'ends-'))
      await exportInWorker(store, 'qdpx', path.join(dir, 'done.qdpx'))
      for (const format of ['qdpx', 'jsonl', 'conll']) {
        const controller = new AbortController()
        const outcome = await exportInWorker(store, format, path.join(dir, `cancelled-${format}`), {
          signal: controller.signal,
          onProgress: () => controller.abort(),
        }).then(
          () => 'finished first',
          (error: unknown) => error,
        )
        // A worker can finish 40 documents before the cancel reaches it; either way it stopped
        // itself (TaskCancelled.forced is false).
        if (outcome !== 'finished first') {
          expect(outcome).toBeInstanceOf(TaskCancelled)
          expect((outcome as TaskCancelled).forced).toBe(false)
        }
      }
      expect(terminate).not.toHaveBeenCalled()
    } finally {
      terminate.mockRestore()
    }
  })
})

describe('a format that starts over', () => {
  async function withBrokenFile(
    edit: (file: DocumentFile) => void,
    run: (s: ProjectStore) => Promise<void>,
  ) {
    const dir = await mkdtemp(path.join(root, 'over-'))
    const copy = path.join(dir, 'project')
    await store.flush()
    const { cp } = await import('node:fs/promises')
    await cp(projectDir, copy, { recursive: true, filter: (f) => !f.endsWith('.marginalia.lock') })
    const id = store.project.documents[DOCUMENTS - 1].id
    // Format 3: the annotations are in the analyst's set file (its `annotations` are edited).
    const file = path.join(copy, 'annotations', store.analyst.id, `${id}.json`)
    const data = JSON.parse(await readFile(file, 'utf8')) as DocumentFile
    edit(data)
    await writeFile(file, JSON.stringify(data))
    const opened = await ProjectStore.open(copy, { lock: false })
    try {
      await run(opened)
    } finally {
      await opened.close()
    }
  }

  it('CSV: an attribute the schema no longer has gets its column, in every row', async () => {
    await withBrokenFile(
      (file) => (file.annotations.spans[0].attributes = { stale: 'kept' }),
      async (copy) => {
        const out = path.join(root, 'stale.csv')
        const progress: number[] = []
        await exportProject(copy, 'csv', out, { onProgress: (done) => progress.push(done) })
        const rows: string[][] = parse(await readFile(out, 'utf8'), { bom: true })
        const header = rows[0]
        expect(header).toContain('stale')
        expect(rows.map((r) => r.length)).toEqual(rows.map(() => header.length))
        const column = header.indexOf('stale')
        expect(rows.filter((r) => r[column] === 'kept')).toHaveLength(1)
        expect(progress).toEqual([...progress].sort((a, b) => a - b)) // never goes back
      },
    )
  })

  it('doccano: when the check leaves no relation, the plain form, as if none were listed', async () => {
    await withBrokenFile(
      () => undefined,
      async (copy) => {
        // Every relation's claim span fails its check: no relation can be written.
        for (const entry of copy.project.documents) {
          const file = path.join(copy.dir, 'annotations', store.analyst.id, `${entry.id}.json`)
          const data = JSON.parse(await readFile(file, 'utf8')) as DocumentFile
          data.annotations.spans[0].quote.exact = 'no longer there'
          await writeFile(file, JSON.stringify(data))
        }
        const out = path.join(root, 'plain.jsonl')
        const { manifest } = await exportProject(copy, 'doccano', out)
        const lines = (await readFile(out, 'utf8'))
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l))
        expect(lines).toHaveLength(DOCUMENTS)
        for (const line of lines)
          expect(Object.keys(line).sort()).toEqual(['id', 'label', 'marginalia', 'text'])
        expect(manifest.counts.relations).toBe(0)
      },
    )
  })
})
