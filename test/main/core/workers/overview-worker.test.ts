// The Overview of a large project is counted in a worker (workers/overview-task.ts), so main's
// thread stays free to save edits and answer the window: the same result as counting in main, from
// files that hold every change saved so far; a small project, or one document, is counted in main.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest'
import { generateProject } from '../../../../scripts/bench-project-files'
import { loadDocuments, overviewOf } from '../../../../src/main/core/report/report-data'
import { ProjectStore } from '../../../../src/main/core/storage'
import {
  OVERVIEW_IN_WORKER_FROM,
  overviewData,
} from '../../../../src/main/core/workers/overview-task'
import * as startModule from '../../../../src/main/core/workers/start-worker'

vi.mock('../../../../src/main/core/workers/start-worker', async (original) => {
  const actual = await original<typeof startModule>()
  return { ...actual, startWorker: vi.fn(actual.startWorker) }
})
const startWorker = vi.mocked(startModule.startWorker)

const DOCUMENTS = OVERVIEW_IN_WORKER_FROM + 20
let root: string
let store: ProjectStore

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'marginalia-overview-worker-'))
  const dir = path.join(root, 'project')
  await generateProject(dir, { documents: DOCUMENTS, spansPerDocument: 4, sources: true })
  store = await ProjectStore.open(dir, { analyst: 'bench' })
})
afterEach(() => startWorker.mockClear())
afterAll(async () => {
  await store.close()
  await rm(root, { recursive: true, force: true })
})

/** The tasks of the workers started since the last clear. */
const tasksStarted = () => startWorker.mock.calls.map(([, data]) => (data as { task: string }).task)

it(`counts a project of ${DOCUMENTS} documents in a worker, as main would`, async () => {
  const inWorker = await overviewData(store, null, { networkMode: 'claims' })
  expect(tasksStarted()).toEqual(['overview'])
  const inMain = overviewOf(await loadDocuments(store), { networkMode: 'claims' })
  expect(inWorker).toEqual(inMain)
  // Every document's claims, attributed to "said" and to each document's own source.
  expect(inWorker.totals).toMatchObject({ documents: DOCUMENTS })
  expect(inWorker.network.nodes.length).toBeGreaterThan(DOCUMENTS / 2)
}, 60_000)

it('counts a change still being written when it is asked for', async () => {
  const id = store.project.documents[0].id
  const doc = await store.loadDocument(id)
  const claims = doc.annotations.spans.filter((s) => s.layer === 'claim')
  // Asked for and not yet written when the Overview is asked for (an autosave in flight).
  const saving = store.saveAnnotations(id, {
    ...doc.annotations,
    spans: doc.annotations.spans.filter((s) => s !== claims[0]),
    relations: doc.annotations.relations.filter((r) => r.from !== claims[0].id),
  })
  const inWorker = await overviewData(store, null, {})
  await saving
  expect(tasksStarted()).toEqual(['overview'])
  expect(inWorker).toEqual(overviewOf(await loadDocuments(store), {}))
  expect(inWorker.totals.claims).toBe(DOCUMENTS * 4 - 1)
}, 60_000)

it('counts one document, or a small project, in main', async () => {
  const id = store.project.documents[3].id
  const one = await overviewData(store, id, { docId: id })
  expect(one.totals).toMatchObject({ documents: 1, claims: 4 })
  expect(tasksStarted()).toEqual([])
})
