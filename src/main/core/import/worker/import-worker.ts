// The import worker's entry (built as out/main/import-worker.js and out/cli/import-worker.js). It
// converts each job of the batches main posts into a document, off main's event loop, and posts
// the results; main adds them to the project (the store and its files belong to main alone). It
// stays up between batches, so pdf.js, jsdom and mammoth load once; main ends it when idle. A
// cancelled batch stops at its next safe point, and the worker stays up for the next one.
import { parentPort, threadId } from 'node:worker_threads'
import { convertJob, problemOf } from '../convert'
import { prepareDocument } from '../../storage/documents'
import { preAnnotations } from '../pre-annotate'
import type { ToImportWorker, WorkerBatch, WorkerMessage } from './protocol'

const port = parentPort
if (!port) throw new Error('import-worker.ts runs only as a worker thread')
const post = (message: WorkerMessage) => port.postMessage(message)

/** A cancel switch per batch not yet over; batches run one after the other, in number order. */
const cancels = new Map<number, AbortController>()
let lastOver = 0

function cancelOf(batch: number): AbortController {
  let controller = cancels.get(batch)
  if (!controller) cancels.set(batch, (controller = new AbortController()))
  return controller
}

let queue = Promise.resolve()
port.on('message', (message: ToImportWorker) => {
  if (message.type === 'convert') queue = queue.then(() => convertBatch(message))
  // A cancel arrives while its batch runs (or waits): it is heard between two awaits, at once.
  else if (message.batch > lastOver) cancelOf(message.batch).abort()
})

async function convertBatch(input: WorkerBatch): Promise<void> {
  const { batch, jobs, firstIndex, preAnnotate } = input
  const { signal } = cancelOf(batch)
  for (const [i, job] of jobs.entries()) {
    // A cancelled batch stops here, between two files, or within a PDF between two pages: the
    // libraries finish what they started and shut down cleanly (no thread is cut off mid-call).
    if (signal.aborted) break
    const index = firstIndex + i
    try {
      const converted = await convertJob(
        job,
        (done, total) => post({ batch, type: 'progress', index, done, total }),
        signal,
      )
      // Pre-annotation runs here too, so a long document is analysed off main's event loop.
      if (preAnnotate) converted.preAnnotations = preAnnotations(converted.document, preAnnotate)
      // So is the check, hash and serialisation of the document file (main only names and writes
      // it); what fails it fails the file, with the message adding it would have given.
      const { document, preAnnotations: pre } = converted
      converted.prepared = prepareDocument(pre ? { ...document, annotations: pre } : document)
      post({ batch, type: 'result', index, converted, threadId })
    } catch (error) {
      if (signal.aborted) break
      post({ batch, type: 'failed', index, message: problemOf(error), threadId })
    }
  }
  cancels.delete(batch)
  lastOver = batch
  post({ batch, type: 'done' })
}
