// The steps of a zip being written (output/zip-out.ts) that depend on compressed bytes: each piece
// compressed, then handed on, in the order the writer asked for them. In memory every step runs at
// once. Writing to disk, a piece is compressed on libuv's thread pool while the export goes on
// with the next document, and a step runs once every step before it has run: zlib took 0.15 s
// (XLSX) to 0.4 s (REFI-QDA) of the export's thread for 100,000 spans, and the machine has a
// second core. The steps run between documents, when the export waits for its next read.
import { deflateRaw, deflateRawSync } from 'node:zlib'

/**
 * Pieces compressed on the pool and not yet handed on, at most: past this, a piece is compressed
 * in the export's thread, so a writer faster than the pool holds no more than about this many
 * pieces in memory.
 */
const MOST_IN_FLIGHT = 4

/**
 * Pieces smaller than this are compressed in the export's thread: handing a piece to the pool
 * costs the thread about twice what compressing 4 kB costs (zlib's stream, its callbacks), which
 * is what most of REFI-QDA's 1,000 source texts are.
 */
const POOLED_FROM = 1 << 16

/** A compressed piece (a Buffer over an ArrayBuffer of its own). */
type Compressed = ReturnType<typeof deflateRawSync>

/** Steps run in order: at once (`pooled` false), or each after the one before it. */
export class DeflateSteps {
  private last: Promise<void> = Promise.resolve()
  private failure: { error: unknown } | null = null
  private inFlight = 0

  constructor(
    private readonly level: number,
    private readonly pooled: boolean,
  ) {}

  /** Compresses `input` (kept unchanged until then) and gives the result to `take`, in order. */
  deflate(input: Uint8Array, finishFlush: number, take: (compressed: Compressed) => void): void {
    const options = { level: this.level, finishFlush }
    if (!this.pooled || input.length < POOLED_FROM || this.inFlight >= MOST_IN_FLIGHT) {
      const compressed = deflateRawSync(input, options)
      this.then(() => take(compressed))
      return
    }
    this.inFlight++
    const job = new Promise<Compressed>((resolve, reject) => {
      deflateRaw(input, options, (error, compressed) => {
        if (error) reject(error)
        else resolve(compressed)
      })
    })
    job.catch(() => undefined) // a failure is reported by `settled`, once
    this.then(async () => {
      const compressed = await job
      this.inFlight--
      take(compressed)
    })
  }

  /** Runs `step` after every step asked for before it (at once when not pooled). */
  then(step: () => void | Promise<void>): void {
    if (!this.pooled) {
      void step() // only `deflate` makes asynchronous steps, and only when pooled
      return
    }
    this.last = this.last
      .then(async () => {
        if (!this.failure) await step()
      })
      .catch((error: unknown) => {
        this.failure ??= { error }
      })
  }

  /** Resolves once every step has run; rejects with the first step's failure. */
  async settled(): Promise<void> {
    await this.last
    if (this.failure) throw this.failure.error
  }
}
