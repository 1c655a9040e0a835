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

/**
 * The output buffer of a piece compressed on the pool: zlib comes back to the thread each time
 * one is full, so one that holds a whole compressed piece (a 1 MB piece gave 60-150 kB) makes
 * one trip, not ten at the default 16 kB.
 */
const POOLED_OUTPUT = 1 << 18

/** A compressed piece (a Buffer over an ArrayBuffer of its own). */
type Compressed = ReturnType<typeof deflateRawSync>

/** Steps run in order: at once (`pooled` false), or each after the one before it. */
export class DeflateSteps {
  private last: Promise<void> = Promise.resolve()
  private failure: { error: unknown } | null = null
  private inFlight = 0
  /**
   * Input buffers whose pieces are compressed, for the next pieces: a new 2 MB buffer per piece
   * cost the thread its page faults and the collector its external memory.
   */
  private readonly spare: Buffer[] = []

  constructor(
    private readonly level: number,
    private readonly pooled: boolean,
  ) {}

  /** A buffer of at least `size` bytes for a piece's input: a spare one when it is big enough. */
  buffer(size: number): Buffer {
    const spare = this.spare.pop()
    return spare && spare.length >= size ? spare : Buffer.allocUnsafe(size)
  }

  /**
   * Compresses the first `length` bytes of `buffer` (from `buffer()`, left unchanged until then,
   * then kept for a next piece) and gives the result to `take`, in order.
   */
  deflate(
    buffer: Buffer,
    length: number,
    finishFlush: number,
    take: (compressed: Compressed) => void,
  ): void {
    const input = buffer.subarray(0, length)
    const options = { level: this.level, finishFlush }
    if (!this.pooled || length < POOLED_FROM || this.inFlight >= MOST_IN_FLIGHT) {
      const compressed = deflateRawSync(input, options)
      this.reuse(buffer)
      this.then(() => take(compressed))
      return
    }
    this.inFlight++
    const job = new Promise<Compressed>((resolve, reject) => {
      deflateRaw(input, { ...options, chunkSize: POOLED_OUTPUT }, (error, compressed) => {
        this.reuse(buffer)
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

  private reuse(buffer: Buffer): void {
    if (buffer.length > 0 && this.spare.length <= MOST_IN_FLIGHT) this.spare.push(buffer)
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
