// The tasks main runs in a worker thread, and the messages between main and the worker. Only plain
// data crosses (structured clone): a task's input and result, progress, and a cancel request.
import type { ExportJob, ExportRun } from '../export'
import type { AnnotationParseJob, AnnotationParseResult } from '../import-annotations'

/** Each task: what it is given and what it gives back. */
export interface Tasks {
  /** An export, written to disk by the worker (export.ts `runExport`). */
  export: { input: ExportJob; output: ExportRun }
  /** Reading and parsing files of annotations (import-annotations.ts `parseAnnotationFiles`). */
  'annotation-parse': { input: AnnotationParseJob; output: AnnotationParseResult }
}

export type TaskName = keyof Tasks

/** How far a task is: `done` of `total` steps (documents, files). */
export interface TaskProgress {
  done: number
  total: number
}

/** What the worker is started with (`workerData`). */
export interface TaskStart<K extends TaskName = TaskName> {
  task: K
  input: Tasks[K]['input']
}

/** Main to worker: stop at the next safe point. */
export type ToWorker = { type: 'cancel' }

/** Worker to main. */
export type FromWorker =
  | ({ type: 'progress' } & TaskProgress)
  | { type: 'done'; output: unknown }
  | { type: 'cancelled' }
  | { type: 'failed'; name: string; message: string }
