// The Overview's data (and the charts and network it exports), counted where it does not stall
// main: a project of 10,000 documents took 4-5 s of main's thread to count, during which nothing
// else main does (saving an edit, answering the window) could run. A small project is counted
// in main at once (a worker's start would cost more than the counting); from
// OVERVIEW_IN_WORKER_FROM documents, in a task worker of its own, after every saved change is on
// disk, from the same files with the same code (report/overview-job.ts).
import type { OverviewResult } from '../../../shared/ipc-contract'
import type { OverviewOptions } from '../../../shared/overview/overview-data'
import type { ProjectStore } from '../storage'
import { runTask } from './run-task'

/** Projects of this many documents or more are counted in a worker. */
export const OVERVIEW_IN_WORKER_FROM = 100

/** The Overview of `store`'s project, or of its document `docId`. */
export async function overviewData(
  store: ProjectStore,
  docId: string | null,
  options: OverviewOptions,
): Promise<OverviewResult> {
  const documents = docId ? 1 : store.project.documents.length
  if (documents < OVERVIEW_IN_WORKER_FROM) {
    const { loadDocuments, overviewOf } = await import('../report/report-data')
    return overviewOf(await loadDocuments(store, docId), options)
  }
  await store.flush()
  const job = { dir: store.dir, analyst: store.analyst.name, docId, options }
  return runTask('overview', job, { what: 'the overview' })
}
