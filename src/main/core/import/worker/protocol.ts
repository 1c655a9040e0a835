// The messages between main and the import worker. A job is a file (its name and bytes) or a
// clipboard paste; main posts a batch of jobs, and the worker converts each in turn, posting
// progress and one result per job, then 'done'. The worker stays up between batches. A cancel
// makes the worker stop the batch at its next safe point (between two files, or two pages of a
// PDF) and post 'done'; main never cuts a busy worker off (see run-imports.ts for why).
// Only plain data crosses: structured clone copies it, and nothing in a result can run.
import type { ConvertedDocument } from '../converted'
import type { PreAnnotate } from '../pre-annotate-settings'

/** A file to import, or a paste (HTML and/or plain text from the clipboard, and a title). */
export type ImportJob =
  | { kind: 'file'; name: string; data: Uint8Array }
  | { kind: 'paste'; html?: string; text?: string; title?: string }

/** A batch of jobs posted to the worker; it answers with messages carrying the same `batch`. */
export interface WorkerBatch {
  type: 'convert'
  batch: number
  jobs: ImportJob[]
  /** The index of `jobs[0]` in the whole import (a worker restarted after a crash gets the rest). */
  firstIndex: number
  /** Accept the suggestion engine's proposals into each document (the project's setting). */
  preAnnotate?: PreAnnotate
}

/** Stop batch `batch` at the next safe point (it may be running, queued or already over). */
export interface WorkerCancel {
  type: 'cancel'
  batch: number
}

/** What main posts to the worker. */
export type ToImportWorker = WorkerBatch | WorkerCancel

/** What the worker posts: progress within a job (pages of a PDF), each job's outcome, the end. */
export type WorkerMessage = { batch: number } & (
  | { type: 'progress'; index: number; done: number; total: number }
  | { type: 'result'; index: number; converted: ConvertedDocument; threadId: number }
  | { type: 'failed'; index: number; message: string; threadId: number }
  /** The batch is over: every job done, or stopped by a cancel. The worker can take another. */
  | { type: 'done' }
)
