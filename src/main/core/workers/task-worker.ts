// The task worker's entry (built as out/main/task-worker.js and out/cli/task-worker.js; run-task.ts
// starts it). It runs one task, posts progress as it goes (paced: progress-posts.ts), and stops at
// the next safe point when main asks it to cancel; then it ends. Started for a task, it runs the
// one in its `workerData`. Started ahead as a spare (`prepare`), it loads what that task needs,
// says it is ready, and waits for its one task (a `run` message) or for main to let it go
// (`release`). What a task needs is loaded when it runs, or when the spare prepares it.
import { parentPort, workerData } from 'node:worker_threads'
import type {
  FromWorker,
  TaskName,
  TaskProgress,
  TaskStart,
  Tasks,
  ToWorker,
  WorkerStart,
} from './protocol'
import { paced } from './progress-posts'

const port = parentPort
if (!port) throw new Error('task-worker.ts runs only as a worker thread')
const post = (message: FromWorker) => port.postMessage(message)

type Run<K extends TaskName> = (
  input: Tasks[K]['input'],
  signal: AbortSignal,
  onProgress: (progress: TaskProgress) => void,
) => Promise<Tasks[K]['output']>

/** Loads what each task needs (a module is loaded once: the task's own import finds it). */
const LOAD = {
  export: () => import('../export'),
  'annotation-parse': () => import('../import-annotations'),
  overview: () => import('../report/project-jobs'),
  report: () => import('../report/project-jobs'),
} satisfies { [K in TaskName]: () => Promise<unknown> }

const TASKS: { [K in TaskName]: Run<K> } = {
  export: async (job, signal, onProgress) => {
    const { runExport } = await LOAD.export()
    return runExport(job, { signal, onProgress: (done, total) => onProgress({ done, total }) })
  },
  'annotation-parse': async (job, signal, onProgress) => {
    const { parseAnnotationFiles } = await LOAD['annotation-parse']()
    return parseAnnotationFiles(job, { signal, onProgress })
  },
  overview: async (job, signal) => {
    const { runOverviewJob } = await LOAD.overview()
    return runOverviewJob(job, signal)
  },
  report: async (job, signal) => {
    const { runReportJob } = await LOAD.report()
    return runReportJob(job, signal)
  },
}

const controller = new AbortController()

/** Runs `start`'s task, posts its outcome, and lets the thread end. */
async function runTask({ task, input }: TaskStart): Promise<void> {
  try {
    const run = TASKS[task] as Run<TaskName>
    const output = await run(
      input,
      controller.signal,
      paced((progress) => post({ type: 'progress', ...progress })),
    )
    post({ type: 'done', output })
  } catch (error) {
    if (controller.signal.aborted) post({ type: 'cancelled' })
    else {
      const { name = 'Error', message = String(error) } = error instanceof Error ? error : {}
      post({ type: 'failed', name, message })
    }
  } finally {
    port?.off('message', onMessage) // nothing left to wait for: the thread ends
  }
}

const onMessage = (message: ToWorker) => {
  if (message.type === 'cancel') controller.abort()
  else if (message.type === 'release') port.off('message', onMessage)
  else if (message.type === 'run') void runTask(message)
}
port.on('message', onMessage)

const start = workerData as WorkerStart
if ('prepare' in start) {
  // A failed load is not reported here: the task's own import fails the same way, and says so.
  await LOAD[start.prepare]().catch(() => undefined)
  post({ type: 'ready' })
} else await runTask(start)
