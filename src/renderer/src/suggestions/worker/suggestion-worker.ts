// The renderer's side of the suggestion Web Worker: one worker for the window (started on first
// use, built by electron-vite as a file of its own, so the strict CSP's `worker-src 'self'` allows
// it), requests that supersede each other, and results delivered per phase.
import type { AnnotationSchema, Block, Entity } from '../../../../shared/model'
import type { Suggestion } from '../../../../shared/suggest'
import type { SuggestReply, SuggestRequest } from './protocol'
import { SharedStrings } from './shared-strings'

export interface SuggestionJob {
  text: string
  blocks: Block[]
  schema: AnnotationSchema
  entities: Entity[]
}

export interface SuggestionListener {
  onResult(suggestions: Suggestion[], phase: 'rules' | 'names', ms: number): void
  onError(message: string): void
}

/** Talks to the worker; `start` is how the worker is made (tests pass their own). */
export class SuggestionWorker {
  #worker: Worker | null = null
  #seq = 0
  #listener: SuggestionListener | null = null
  /** The latest job's shared strings (see shared-strings.ts). */
  #strings: SharedStrings | null = null
  /** The parts of the result arriving. */
  #parts: { key: string; suggestions: Suggestion[] } | null = null

  constructor(
    private readonly start: () => Worker = () =>
      new Worker(new URL('./suggest-worker.ts', import.meta.url), {
        type: 'module',
        name: 'suggestions',
      }),
  ) {}

  /** Computes `job`'s suggestions; the listener hears of this job only (a later one replaces it). */
  request(job: SuggestionJob, listener: SuggestionListener): () => void {
    const worker = this.#ensure()
    const id = ++this.#seq
    this.#listener = listener
    this.#strings = new SharedStrings(job.text)
    const message: SuggestRequest = { type: 'suggest', id, ...job }
    worker.postMessage(message)
    return () => {
      if (this.#seq === id) this.#listener = null
    }
  }

  /** Stops the worker (a new one starts on the next request). */
  dispose(): void {
    this.#worker?.terminate()
    this.#worker = null
    this.#listener = null
    this.#strings = null
  }

  #ensure(): Worker {
    if (this.#worker) return this.#worker
    const worker = this.start()
    worker.onmessage = (event: MessageEvent<SuggestReply>) => {
      const reply = event.data
      if (reply.id !== this.#seq || !this.#listener) return
      if (reply.type === 'error') return this.#listener.onError(reply.message)
      // The parts of a result gather here until its last part arrives (see SuggestReply).
      const key = `${reply.id} ${reply.phase}`
      if (this.#parts?.key !== key) this.#parts = { key, suggestions: [] }
      const gathered = this.#parts.suggestions
      for (const s of reply.suggestions) {
        this.#strings?.share(s)
        gathered.push(s)
      }
      if (reply.type === 'part') return
      this.#parts = null
      this.#listener.onResult(gathered, reply.phase, reply.ms)
    }
    worker.onerror = (event) => {
      event.preventDefault()
      this.#listener?.onError(event.message || 'the suggestion worker stopped')
      this.dispose()
    }
    this.#worker = worker
    return worker
  }
}
