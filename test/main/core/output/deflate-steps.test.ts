// The pooled compression's bounds: a writer faster than the thread pool never has more than four
// pieces waiting on it (past that a piece is compressed in the export's thread, so the memory held
// stays bounded), small pieces are never sent to the pool, and whichever way a piece went, the
// pieces are handed on in the order they were asked for, as the same bytes.
import { inflateRawSync } from 'node:zlib'
import { beforeEach, describe, expect, it, vi } from 'vitest'

const pooled = vi.hoisted(() => ({ calls: 0 }))
vi.mock('node:zlib', async (importOriginal) => {
  const zlib = await importOriginal<typeof import('node:zlib')>()
  return {
    ...zlib,
    deflateRaw: (...args: Parameters<typeof zlib.deflateRaw>) => {
      pooled.calls++
      return zlib.deflateRaw(...args)
    },
  }
})

const { DeflateSteps } = await import('../../../../src/main/core/output/deflate-steps')
const { constants } = await import('node:zlib')

/** The bytes of a piece compressed with a sync flush (a stream not yet ended). */
const inflate = (bytes: Buffer) => inflateRawSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH })

/** A piece of `size` bytes, different for each `n` (so the order can be checked). */
function piece(steps: InstanceType<typeof DeflateSteps>, n: number, size: number): Buffer {
  const buffer = steps.buffer(size)
  for (let i = 0; i < size; i++) buffer[i] = (n * 31 + (i % 251)) & 0xff
  return buffer
}

describe('DeflateSteps', () => {
  beforeEach(() => {
    pooled.calls = 0
  })

  it('keeps at most four pieces on the pool; the rest are compressed in the thread, in order', async () => {
    const steps = new DeflateSteps(1, true)
    const size = 1 << 17
    const got: { n: number; bytes: Buffer }[] = []
    const expected: Buffer[] = []
    for (let n = 0; n < 12; n++) {
      const buffer = piece(steps, n, size)
      expected.push(Buffer.from(buffer.subarray(0, size)))
      steps.deflate(buffer, size, constants.Z_SYNC_FLUSH, (c) => got.push({ n, bytes: c }))
    }
    // Twelve pieces asked for without the thread yielding once: four went to the pool.
    expect(pooled.calls).toBe(4)
    await steps.settled()
    expect(got.map((g) => g.n)).toEqual([...Array(12).keys()])
    got.forEach((g, i) => expect(inflate(g.bytes).equals(expected[i])).toBe(true))
    // Once the pool's pieces are handed on, the next ones go to the pool again.
    steps.deflate(piece(steps, 12, size), size, constants.Z_SYNC_FLUSH, () => undefined)
    expect(pooled.calls).toBe(5)
    await steps.settled()
  })

  it('compresses a piece under 64 kB in the thread, and everything in the thread when not pooled', async () => {
    const small = new DeflateSteps(1, true)
    small.deflate(piece(small, 0, 4096), 4096, constants.Z_SYNC_FLUSH, () => undefined)
    const inMemory = new DeflateSteps(1, false)
    let taken = false
    inMemory.deflate(piece(inMemory, 1, 1 << 17), 1 << 17, constants.Z_SYNC_FLUSH, () => {
      taken = true
    })
    expect(taken).toBe(true) // at once, not after a turn of the event loop
    await small.settled()
    expect(pooled.calls).toBe(0)
  })
})
