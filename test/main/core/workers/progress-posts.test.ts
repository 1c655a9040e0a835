// A task worker posts its progress at most every 50 ms, and always the first step and the last two
// (the last document's and the end): an export of 1,000 documents no longer wakes main 1,000 times.
import { describe, expect, it } from 'vitest'
import { PROGRESS_EVERY_MS, paced } from '../../../../src/main/core/workers/progress-posts'

/** The steps `paced` posts when `total` steps come `msEach` apart. */
function postedSteps(total: number, msEach: number): number[] {
  let clock = 0
  const posted: number[] = []
  const post = paced(
    (progress) => posted.push(progress.done),
    () => clock,
  )
  for (let done = 1; done <= total; done++) {
    post({ done, total })
    clock += msEach
  }
  return posted
}

describe('progress posts from a worker', () => {
  it('go at most every 50 ms, with the first step and the last two always', () => {
    // 1,000 documents a millisecond each, and the write at the end.
    const every = Array.from({ length: 20 }, (_, i) => 1 + i * PROGRESS_EVERY_MS)
    expect(postedSteps(1001, 1)).toEqual([...every, 1000, 1001])
  })

  it('go at once when steps are slower than 50 ms', () => {
    expect(postedSteps(5, PROGRESS_EVERY_MS)).toEqual([1, 2, 3, 4, 5])
  })
})
