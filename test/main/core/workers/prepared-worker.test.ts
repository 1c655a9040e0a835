// A worker started ahead (run-task.ts `prepareTask`, as the app does while its save dialog is open)
// runs the next export of that task instead of a new one, and still behaves as a worker started
// for the export: one job, then it ends by itself (its memory goes with it), a cancel stops it and
// leaves the earlier export as it was, and one job's failure does not reach the next. A spare
// nobody takes is let go and ends by itself; it is never terminated.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { exportProject } from '../../../../src/main/core/export'
import { importDocumentFile } from '../../../../src/main/core/import'
import { ProjectStore } from '../../../../src/main/core/storage'
import { exportInWorker } from '../../../../src/main/core/workers/export-task'
import * as startModule from '../../../../src/main/core/workers/start-worker'
import {
  TaskCancelled,
  prepareTask,
  releaseSpare,
} from '../../../../src/main/core/workers/run-task'
import { docWithSpans } from '../formats/native-fixture'

vi.mock('../../../../src/main/core/workers/start-worker', async (original) => {
  const actual = await original<typeof startModule>()
  return { ...actual, startWorker: vi.fn(actual.startWorker) }
})
const startWorker = vi.mocked(startModule.startWorker)

let root: string
let store: ProjectStore

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'marginalia-prepared-'))
  store = await ProjectStore.create(path.join(root, 'project'), { name: 'Prepared' })
  for (let i = 0; i < 12; i++) {
    const source = `Putin said the talks went well ${i}. Reuters reported it.`
    const imported = importDocumentFile(`d${i}.txt`, new TextEncoder().encode(source))
    const { annotations } = docWithSpans('x', source, [
      { id: 's1', layer: 'claim', label: 'Claim', find: 'the talks went well' },
      { id: 's2', layer: 'source', label: 'Source', find: 'Putin' },
    ])
    await store.addDocument({ ...imported, annotations })
  }
})
afterEach(() => {
  releaseSpare()
  startWorker.mockClear()
})
afterAll(async () => {
  await store.close()
  await rm(root, { recursive: true, force: true })
})

/** The workers started since the last clear, each with what it was started with. */
function started(): { worker: Worker; data: unknown }[] {
  return startWorker.mock.calls.map(([, data], i) => ({
    worker: startWorker.mock.results[i].value as Worker,
    data,
  }))
}

const exited = (worker: Worker) =>
  new Promise<number>((resolve) => worker.once('exit', (code) => resolve(code)))

describe('a prepared export worker', () => {
  it('runs the next export, writes what main writes, and ends after it', async () => {
    const dir = await mkdtemp(path.join(root, 'same-'))
    await prepareTask('export')
    const [spare] = started()
    expect(spare.data).toEqual({ prepare: 'export' })
    const end = exited(spare.worker)
    const progress: number[] = []
    const there = await exportInWorker(store, 'qdpx', path.join(dir, 'there', 'out.qdpx'), {
      onProgress: (done) => progress.push(done),
    })
    expect(started()).toHaveLength(1) // no worker of its own: the spare ran it
    expect(await end).toBe(0)
    const here = await exportProject(store, 'qdpx', path.join(dir, 'here', 'out.qdpx'))
    expect(there.manifest.files).toEqual(here.manifest.files)
    expect(progress.at(-1)).toBe(13)
    // The next export has no spare: it starts a worker of its own.
    await exportInWorker(store, 'jsonl', path.join(dir, 'next.jsonl'))
    expect(started().map((s) => s.data)).toEqual([
      { prepare: 'export' },
      expect.objectContaining({ task: 'export' }),
    ])
  })

  it('is cancelled like any export worker: it stops itself, and nothing is written', async () => {
    const terminate = vi.spyOn(Worker.prototype, 'terminate')
    const controller = new AbortController()
    // The cancel goes right behind the job: the worker has it before its first check.
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the worker as this
    const postMessage = Worker.prototype.postMessage
    const post = vi.spyOn(Worker.prototype, 'postMessage').mockImplementation(function (
      this: Worker,
      message: unknown,
    ) {
      postMessage.call(this, message)
      if ((message as { type: string }).type === 'run') controller.abort()
    })
    try {
      const dir = await mkdtemp(path.join(root, 'cancel-'))
      const out = path.join(dir, 'data.jsonl')
      await writeFile(out, 'the earlier export\n')
      await prepareTask('export')
      const end = exited(started()[0].worker)
      const running = exportInWorker(store, 'jsonl', out, { signal: controller.signal })
      const error = await running.catch((e: unknown) => e)
      expect(post.mock.calls.map(([m]) => (m as { type: string }).type)).toEqual(['run', 'cancel'])
      expect(error).toBeInstanceOf(TaskCancelled)
      expect((error as TaskCancelled).forced).toBe(false)
      expect(await end).toBe(0)
      expect(await readdir(dir)).toEqual(['data.jsonl'])
      expect(await readFile(out, 'utf8')).toBe('the earlier export\n')
      expect(terminate).not.toHaveBeenCalled()
    } finally {
      terminate.mockRestore()
      post.mockRestore()
    }
  })

  it("a failed export's worker ends, and the next prepared worker exports", async () => {
    await prepareTask('export')
    const end = exited(started()[0].worker)
    // Inside the project folder: the worker's runner refuses it.
    const inside = path.join(store.dir, 'out.jsonl')
    await expect(exportInWorker(store, 'jsonl', inside)).rejects.toThrow(/inside the project/)
    expect(await end).toBe(0)
    await prepareTask('export')
    const dir = await mkdtemp(path.join(root, 'after-failure-'))
    const run = await exportInWorker(store, 'jsonl', path.join(dir, 'data.jsonl'))
    expect(run.manifest.counts.documents).toBe(12)
    expect(started()).toHaveLength(2)
  })

  it('is let go, and ends by itself, when nobody takes it', async () => {
    const terminate = vi.spyOn(Worker.prototype, 'terminate')
    try {
      await prepareTask('export', 50) // let go after 50 ms untaken
      expect(await exited(started()[0].worker)).toBe(0)
      await prepareTask('export')
      await prepareTask('export') // already waiting: the same one
      expect(started()).toHaveLength(2)
      const second = exited(started()[1].worker)
      releaseSpare()
      expect(await second).toBe(0)
      await prepareTask('annotation-parse')
      const third = exited(started()[2].worker)
      await prepareTask('export') // one spare at most: the other task's is let go
      expect(await third).toBe(0)
      expect(terminate).not.toHaveBeenCalled()
    } finally {
      terminate.mockRestore()
    }
  })
})
