// The Overview's data and the analyst report's HTML as tasks of their own, for the task worker
// (workers/read-tasks.ts): the project folder opened without the lock (read-only, as an export's
// worker reads it), its documents loaded with the chosen annotations, and counted as main would.
import type { FileProblem, OverviewResult } from '../../../shared/ipc-contract'
import type { OverviewOptions } from '../../../shared/overview/overview-data'
import type { SetChoice } from '../set-choice'
import { ProjectStore } from '../storage'
import { loadDocuments, loadReportData, overviewOf, type ReportData } from './report-data'
import { reportHtml } from './report-html'

/** What every job names: plain data, as the worker is given it. */
interface ReadJob {
  /** The project folder. */
  dir: string
  /** The working analyst's name (whose annotations `mine` means). */
  analyst: string
  /** Only this document, or null: every document. */
  docId: string | null
}

export interface OverviewJob extends ReadJob {
  options: OverviewOptions
}

export interface ReportJob extends ReadJob {
  sets?: SetChoice
  /** "Marginalia 0.1.0". */
  generator: string
  /** When the report was made, ISO 8601. */
  now: string
}

/** A report's HTML and what the caller says of it. */
export interface BuiltReport {
  html: string
  documents: number
  claims: number
  /** Documents left out because they could not be read. */
  problems: FileProblem[]
}

/** The Overview of the job's project; stops before counting when `signal` is aborted. */
export function runOverviewJob(job: OverviewJob, signal?: AbortSignal): Promise<OverviewResult> {
  return withReader(job, async (store) => {
    const loaded = await loadDocuments(store, job.docId)
    signal?.throwIfAborted()
    return overviewOf(loaded, job.options)
  })
}

/** The report of the job's project; stops before writing its HTML when `signal` is aborted. */
export function runReportJob(job: ReportJob, signal?: AbortSignal): Promise<BuiltReport> {
  return withReader(job, async (store) => {
    const options = { ...job, now: new Date(job.now) }
    const data = await loadReportData(store, options)
    signal?.throwIfAborted()
    return builtReport(data)
  })
}

/** The HTML of a report's data. */
export function builtReport(data: ReportData): BuiltReport {
  return {
    html: reportHtml(data),
    documents: data.documents.length,
    claims: data.rows.length,
    problems: data.problems,
  }
}

async function withReader<T>(job: ReadJob, read: (store: ProjectStore) => Promise<T>): Promise<T> {
  const store = await ProjectStore.open(job.dir, { lock: false, analyst: job.analyst })
  try {
    return await read(store)
  } finally {
    await store.close()
  }
}
