// The document imports running for one window, so that `import:cancel` can stop them, and the
// events that show a run to the renderer file by file: `import-start` with the files' names,
// `progress` within and across files, and `import-file` as each file ends. Like handlers.ts this
// module must not import Electron (the e2e harness runs it in plain Node).
import type { ImportFileOutcome, MainEvent } from '../shared/ipc-contract'
import type { ImportOptions, ImportProgress } from './core/import'

/** What one run reports to the window. */
export interface ImportRun {
  signal: AbortSignal
  /** Tells the window which files the run reads (call once, before any other event). */
  start(files: string[]): void
  /** Reports file `index` (of the names given to `start`) as ended. */
  ended(index: number, outcome: ImportFileOutcome): void
  /**
   * Options for the core's import: the signal, progress and each file's outcome. `indexes` maps
   * the core's file indexes onto those given to `start` (the same by default).
   */
  options(indexes?: number[]): Pick<ImportOptions, 'signal' | 'onProgress' | 'onFile'>
}

/** The runs of one window: each gets an AbortController that `cancel` aborts. */
export class ImportRuns {
  private readonly running = new Set<AbortController>()

  constructor(private readonly emit: (event: MainEvent) => void) {}

  /**
   * Runs `work` as a cancellable import that reports to the window; `until` (the project's
   * signal: it closed) cancels it too.
   */
  async run<T>(work: (run: ImportRun) => Promise<T>, until?: AbortSignal): Promise<T> {
    const controller = new AbortController()
    const stop = () => controller.abort()
    if (until?.aborted) stop()
    until?.addEventListener('abort', stop, { once: true })
    this.running.add(controller)
    try {
      return await work(this.newRun(controller.signal))
    } finally {
      this.running.delete(controller)
      until?.removeEventListener('abort', stop)
    }
  }

  /** Aborts every running import; true when there was one. */
  cancel(): boolean {
    const any = this.running.size > 0
    for (const controller of this.running) controller.abort()
    return any
  }

  private newRun(signal: AbortSignal): ImportRun {
    const emit = this.emit
    let files: string[] = []
    let ended = 0
    const progress = (file: string, part?: ImportProgress['part']) =>
      emit({
        type: 'progress',
        task: 'import',
        done: ended,
        total: files.length,
        file,
        ...(part ? { part } : {}),
      })
    const run: ImportRun = {
      signal,
      start(names) {
        files = names
        emit({ type: 'import-start', files: names })
      },
      ended(index, outcome) {
        ended++
        emit({ type: 'import-file', index, file: files[index] ?? '', outcome })
      },
      options: (indexes) => {
        const at = (index: number) => indexes?.[index] ?? index
        return {
          signal,
          // The core counts its own files; the window is told about all of them.
          onProgress: ({ file, part }: ImportProgress) => progress(file, part),
          onFile: (index, outcome) => run.ended(at(index), outcome),
        }
      },
    }
    return run
  }
}
