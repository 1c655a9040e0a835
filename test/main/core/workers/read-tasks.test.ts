// The Overview and the report of a large project are made in a worker (workers/read-tasks.ts), so
// main's thread stays free to save edits and answer the window: the same result as in main, from
// files that hold every change saved so far; a small project, or one document, is read in main.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest'
import { generateProject } from '../../../../scripts/bench-project-files'
import { builtReport } from '../../../../src/main/core/report/project-jobs'
import {
  loadDocuments,
  loadReportData,
  overviewOf,
} from '../../../../src/main/core/report/report-data'
import { ProjectStore } from '../../../../src/main/core/storage'
import {
  IN_WORKER_FROM,
  buildReport,
  overviewData,
} from '../../../../src/main/core/workers/read-tasks'
import * as startModule from '../../../../src/main/core/workers/start-worker'

vi.mock('../../../../src/main/core/workers/start-worker', async (original) => {
  const actual = await original<typeof startModule>()
  return { ...actual, startWorker: vi.fn(actual.startWorker) }
})
const startWorker = vi.mocked(startModule.startWorker)

const DOCUMENTS = IN_WORKER_FROM + 20
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

it(`writes the report of ${DOCUMENTS} documents in a worker, the same HTML as main writes`, async () => {
  const now = new Date('2025-03-01T12:00:00.000Z')
  const choice = { generator: 'Marginalia test', now, sets: 'mine' as const }
  const inWorker = await buildReport(store, choice)
  expect(tasksStarted()).toEqual(['report'])
  const inMain = builtReport(await loadReportData(store, choice))
  expect(inWorker).toEqual(inMain)
  expect(inWorker.documents).toBe(DOCUMENTS)
  expect(inWorker.html).toContain('Marginalia test')
}, 60_000)
