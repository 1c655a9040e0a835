// The Overview's data (and the charts and network it exports) and the analyst report's HTML,
// made where they do not stall main: 10,000 documents held main's thread for 4-5 s for the
// Overview alone, during which nothing else main does (saving an edit, answering the window)
// could run. A small project, or one document, is read in main at once (a worker's start would
// cost more than the work); from IN_WORKER_FROM documents, in a task worker of its own, after
// every change asked for is on disk, from the same files with the same code
// (report/project-jobs.ts).
import type { OverviewResult } from '../../../shared/ipc-contract'
import type { OverviewOptions } from '../../../shared/overview/overview-data'
import type { BuiltReport } from '../report/project-jobs'
import type { SetChoice } from '../set-choice'
import type { ProjectStore } from '../storage'
import { runTask } from './run-task'

/** Projects of this many documents or more are read in a worker. */
export const IN_WORKER_FROM = 100

/** Whether reading `docId` (null: every document) of `store`'s project goes to a worker. */
function inWorker(store: ProjectStore, docId: string | null): boolean {
  return docId === null && store.project.documents.length >= IN_WORKER_FROM
}

/** What a worker needs to open the project as `store` has it. */
async function readJob(store: ProjectStore, docId: string | null) {
  await store.flush()
  return { dir: store.dir, analyst: store.analyst.name, docId }
}

/** The Overview of `store`'s project, or of its document `docId`. */
export async function overviewData(
  store: ProjectStore,
  docId: string | null,
  options: OverviewOptions,
): Promise<OverviewResult> {
  if (!inWorker(store, docId)) {
    const { loadDocuments, overviewOf } = await import('../report/report-data')
    return overviewOf(await loadDocuments(store, docId), options)
  }
  const job = { ...(await readJob(store, docId)), options }
  return runTask('overview', job, { what: 'the overview' })
}

export interface ReportChoice {
  docId?: string | null
  /** Whose annotations (set-choice.ts); default: the working analyst's own. */
  sets?: SetChoice
  /** "Marginalia 0.1.0". */
  generator: string
  /** When the report was made (default: now). */
  now?: Date
}

/** The report of `store`'s project (or one document) as HTML. */
export async function buildReport(store: ProjectStore, choice: ReportChoice): Promise<BuiltReport> {
  const docId = choice.docId ?? null
  const now = choice.now ?? new Date()
  if (!inWorker(store, docId)) {
    const { loadReportData } = await import('../report/report-data')
    const { builtReport } = await import('../report/project-jobs')
    return builtReport(await loadReportData(store, { ...choice, now }))
  }
  const job = {
    ...(await readJob(store, docId)),
    sets: choice.sets,
    generator: choice.generator,
    now: now.toISOString(),
  }
  return runTask('report', job, { what: 'the report' })
}
