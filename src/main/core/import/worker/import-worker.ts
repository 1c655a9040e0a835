// The import worker's entry (built as out/main/import-worker.js, see electron.vite.config.ts).
// It converts each job of `workerData` into a document, off main's event loop, and posts the
// results; main adds them to the project (the store and its files belong to main alone).
import { parentPort, threadId, workerData } from 'node:worker_threads'
import { convertJob, problemOf } from '../convert'
import type { WorkerInput, WorkerMessage } from './protocol'

const port = parentPort
if (!port) throw new Error('import-worker.ts runs only as a worker thread')
const post = (message: WorkerMessage) => port.postMessage(message)

const { jobs, firstIndex } = workerData as WorkerInput
for (const [i, job] of jobs.entries()) {
  const index = firstIndex + i
  try {
    const converted = await convertJob(job, (done, total) =>
      post({ type: 'progress', index, done, total }),
    )
    post({ type: 'result', index, converted, threadId })
  } catch (error) {
    post({ type: 'failed', index, message: problemOf(error), threadId })
  }
}
