// One writer per file, so saves of a file never overlap: a save that arrives while another is on
// its way to disk waits, and if several arrive meanwhile only the latest content is written
// (the ones it replaced resolve when it lands). This is steno's scheme, over a durable write.
import { writeFileDurable } from './durable-write'
import { nodeFs, type StorageFs } from './storage-fs'

interface Pending {
  text: string
  promise: Promise<void>
  resolve: () => void
  reject: (error: unknown) => void
}

/** Serialises and coalesces durable writes of one file. */
export class SerialWriter {
  #running: Promise<void> | null = null
  #next: Pending | null = null
  #lastError: { error: unknown } | null = null

  constructor(
    readonly file: string,
    private readonly fs: StorageFs = nodeFs,
    /** Where temp files go (see writeFileDurable); beside the file when absent. */
    private readonly tempDir?: string,
  ) {}

  /** Writes `text`; resolves when it (or newer content that replaced it) is on disk. */
  write(text: string): Promise<void> {
    if (this.#next) {
      this.#next.text = text
      return this.#next.promise
    }
    if (!this.#running) return this.#start(text)
    let resolve!: () => void
    let reject!: (error: unknown) => void
    const promise = new Promise<void>((res, rej) => {
      resolve = res
      reject = rej
    })
    this.#next = { text, promise, resolve, reject }
    return promise
  }

  /**
   * Resolves when nothing is waiting to be written. Rejects when the latest write failed, since the
   * latest content is then not on disk.
   */
  async flush(): Promise<void> {
    while (this.#running) await this.#running.catch(() => undefined)
    if (this.#lastError) throw this.#lastError.error
  }

  #start(text: string): Promise<void> {
    const run = writeFileDurable(this.file, text, this.fs, this.tempDir).then(
      () => {
        this.#lastError = null
      },
      (error: unknown) => {
        this.#lastError = { error }
        throw error
      },
    )
    const done = run.finally(() => {
      this.#running = null
      const next = this.#next
      if (next) {
        this.#next = null
        this.#start(next.text).then(next.resolve, next.reject)
      }
    })
    this.#running = done
    return done
  }
}
