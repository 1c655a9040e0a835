// Documents read a few at once still come in the order asked for; no more than `ahead` reads are
// under way; a failed read is thrown where it comes, and the reads begun after it are not left
// as unhandled rejections (which end a Node process such as the command line).
import { expect, it } from 'vitest'
import { readAhead } from '../../../src/main/core/read-ahead'

const later = (ms: number) => new Promise((r) => setTimeout(r, ms))

it('yields in order, with at most `ahead` reads under way', async () => {
  let running = 0
  let most = 0
  const read = async (n: number) => {
    running++
    most = Math.max(most, running)
    await later((10 - n) * 2) // the later ones finish first
    running--
    return n * 10
  }
  const got: number[] = []
  for await (const v of readAhead([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 3, read)) got.push(v)
  expect(got).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90])
  expect(most).toBe(3)
})

it('throws a failed read where it comes, leaving no rejection unhandled', async () => {
  const unhandled: unknown[] = []
  const onUnhandled = (reason: unknown) => unhandled.push(reason)
  process.on('unhandledRejection', onUnhandled)
  try {
    const read = async (n: number) => {
      await later(n === 1 ? 5 : 1)
      if (n >= 1) throw new Error(`read ${n} failed`)
      return n
    }
    const got: number[] = []
    await expect(async () => {
      for await (const v of readAhead([0, 1, 2, 3], 4, read)) got.push(v)
    }).rejects.toThrow('read 1 failed')
    expect(got).toEqual([0])
    await later(20)
    expect(unhandled).toEqual([])
  } finally {
    process.off('unhandledRejection', onUnhandled)
  }
})
