// The Overview's data as a task of its own, for the task worker (workers/overview-task.ts): the
// project folder opened without the lock (read-only, as an export's worker reads it), its
// documents loaded with the working analyst's own annotations, and counted as main would.
import type { OverviewResult } from '../../../shared/ipc-contract'
import type { OverviewOptions } from '../../../shared/overview/overview-data'
import { ProjectStore } from '../storage'
import { loadDocuments, overviewOf } from './report-data'

/** What the worker is given: plain data. */
export interface OverviewJob {
  /** The project folder. */
  dir: string
  /** The working analyst's name (whose annotations the Overview counts). */
  analyst: string
  /** Only this document, or null: every document. */
  docId: string | null
  options: OverviewOptions
}

/** The Overview of the job's project; stops before counting when `signal` is aborted. */
export async function runOverviewJob(
  job: OverviewJob,
  signal?: AbortSignal,
): Promise<OverviewResult> {
  const store = await ProjectStore.open(job.dir, { lock: false, analyst: job.analyst })
  try {
    const loaded = await loadDocuments(store, job.docId)
    signal?.throwIfAborted()
    return overviewOf(loaded, job.options)
  } finally {
    await store.close()
  }
}
