// The task worker's entry (built as out/main/task-worker.js and out/cli/task-worker.js; run-task.ts
// starts it). It runs the one task it was started with, posts progress as it goes, and stops at
// the next safe point when main asks it to cancel. What a task needs is loaded when it runs.
import { parentPort, workerData } from 'node:worker_threads'
import type { FromWorker, TaskName, TaskProgress, TaskStart, Tasks, ToWorker } from './protocol'

const port = parentPort
if (!port) throw new Error('task-worker.ts runs only as a worker thread')
const post = (message: FromWorker) => port.postMessage(message)

type Run<K extends TaskName> = (
  input: Tasks[K]['input'],
  signal: AbortSignal,
  onProgress: (progress: TaskProgress) => void,
) => Promise<Tasks[K]['output']>

const TASKS: { [K in TaskName]: Run<K> } = {
  export: async (job, signal, onProgress) => {
    const { runExport } = await import('../export')
    return runExport(job, { signal, onProgress: (done, total) => onProgress({ done, total }) })
  },
  'annotation-parse': async (job, signal, onProgress) => {
    const { parseAnnotationFiles } = await import('../import-annotations')
    return parseAnnotationFiles(job, { signal, onProgress })
  },
}

const controller = new AbortController()
const onMessage = (message: ToWorker) => {
  if (message.type === 'cancel') controller.abort()
}
port.on('message', onMessage)
const { task, input } = workerData as TaskStart
try {
  const run = TASKS[task] as Run<TaskName>
  const output = await run(input, controller.signal, (progress) =>
    post({ type: 'progress', ...progress }),
  )
  post({ type: 'done', output })
} catch (error) {
  if (controller.signal.aborted) post({ type: 'cancelled' })
  else {
    const { name = 'Error', message = String(error) } = error instanceof Error ? error : {}
    post({ type: 'failed', name, message })
  }
} finally {
  port.off('message', onMessage) // nothing left to wait for: the thread ends
}
