// The messages between main and the import worker. A job is a file (its name and bytes) or a
// clipboard paste; the worker converts each in turn and posts progress and one result per job.
// Only plain data crosses: structured clone copies it, and nothing in a result can run.
import type { ConvertedDocument } from '../converted'

/** A file to import, or a paste (HTML and/or plain text from the clipboard, and a title). */
export type ImportJob =
  | { kind: 'file'; name: string; data: Uint8Array }
  | { kind: 'paste'; html?: string; text?: string; title?: string }

/** What the worker is started with (`workerData`). */
export interface WorkerInput {
  jobs: ImportJob[]
  /** The index of `jobs[0]` in the whole batch (a worker restarted after a crash gets the rest). */
  firstIndex: number
}

/** What the worker posts: progress within a job (pages of a PDF), and each job's outcome. */
export type WorkerMessage =
  | { type: 'progress'; index: number; done: number; total: number }
  | { type: 'result'; index: number; converted: ConvertedDocument; threadId: number }
  | { type: 'failed'; index: number; message: string; threadId: number }
