// The tasks main runs in a worker thread, and the messages between main and the worker. Only plain
// data crosses (structured clone): a task's input and result, progress, and a cancel request.
import type { ExportJob, ExportRun } from '../export'
import type { AnnotationParseJob, AnnotationParseResult } from '../import-annotations'
import type { OverviewResult } from '../../../shared/ipc-contract'
import type { BuiltReport, OverviewJob, ReportJob } from '../report/project-jobs'

/** Each task: what it is given and what it gives back. */
export interface Tasks {
  /** An export, written to disk by the worker (export.ts `runExport`). */
  export: { input: ExportJob; output: ExportRun }
  /** Reading and parsing files of annotations (import-annotations.ts `parseAnnotationFiles`). */
  'annotation-parse': { input: AnnotationParseJob; output: AnnotationParseResult }
  /** The Overview of a large project (report/project-jobs.ts `runOverviewJob`). */
  overview: { input: OverviewJob; output: OverviewResult }
  /** The analyst report's HTML of a large project (report/project-jobs.ts `runReportJob`). */
  report: { input: ReportJob; output: BuiltReport }
}

export type TaskName = keyof Tasks

/** How far a task is: `done` of `total` steps (documents, files). */
export interface TaskProgress {
  done: number
  total: number
}

/** A task and its input: what a worker started for it is given (`workerData`), or a spare. */
export interface TaskStart<K extends TaskName = TaskName> {
  task: K
  input: Tasks[K]['input']
}

/** What a worker is started with: its task, or (a spare) the task to load ahead and wait for. */
export type WorkerStart = TaskStart | { prepare: TaskName }

/**
 * Main to worker: `cancel` stops the task at the next safe point; a spare is given its task by
 * `run`, or let go (it ends) by `release`.
 */
export type ToWorker = { type: 'cancel' } | ({ type: 'run' } & TaskStart) | { type: 'release' }

/** Worker to main. */
export type FromWorker =
  | ({ type: 'progress' } & TaskProgress)
  | { type: 'done'; output: unknown }
  | { type: 'cancelled' }
  /** A spare has loaded what its task needs. */
  | { type: 'ready' }
  | { type: 'failed'; name: string; message: string }
