// The import worker's entry (built as out/main/import-worker.js and out/cli/import-worker.js). It
// converts each job of the batches main posts into a document, off main's event loop, and posts
// the results; main adds them to the project (the store and its files belong to main alone). It
// stays up between batches, so pdf.js, jsdom and mammoth load once; main ends it when idle.
import { parentPort, threadId } from 'node:worker_threads'
import { convertJob, problemOf } from '../convert'
import { prepareDocument } from '../../storage/documents'
import { preAnnotations } from '../pre-annotate'
import type { WorkerBatch, WorkerMessage } from './protocol'

const port = parentPort
if (!port) throw new Error('import-worker.ts runs only as a worker thread')
const post = (message: WorkerMessage) => port.postMessage(message)

let queue = Promise.resolve()
port.on('message', (input: WorkerBatch) => {
  queue = queue.then(() => convertBatch(input))
})

async function convertBatch(input: WorkerBatch): Promise<void> {
  const { batch, jobs, firstIndex, preAnnotate } = input
  for (const [i, job] of jobs.entries()) {
    const index = firstIndex + i
    try {
      const converted = await convertJob(job, (done, total) =>
        post({ batch, type: 'progress', index, done, total }),
      )
      // Pre-annotation runs here too, so a long document is analysed off main's event loop.
      if (preAnnotate) converted.preAnnotations = preAnnotations(converted.document, preAnnotate)
      // So is the check, hash and serialisation of the document file (main only names and writes
      // it); what fails it fails the file, with the message adding it would have given.
      const { document, preAnnotations: pre } = converted
      converted.prepared = prepareDocument(pre ? { ...document, annotations: pre } : document)
      post({ batch, type: 'result', index, converted, threadId })
    } catch (error) {
      post({ batch, type: 'failed', index, message: problemOf(error), threadId })
    }
  }
  post({ batch, type: 'done' })
}
