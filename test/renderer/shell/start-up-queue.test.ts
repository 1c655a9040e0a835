// The start-up queue: work deferred until the window's first screen is shown (the hidden views'
// first renders), then run one piece per idle callback; the wait for the first screen is bounded.
import { describe, expect, it } from 'vitest'
import {
  FIRST_SCREEN_WAIT_MS,
  StartUpQueue,
  type IdleScheduler,
} from '../../../src/renderer/src/shell/start-up'

/** Idle callbacks and delays run when the test says so. */
function fakeIdle() {
  const idle: (() => void)[] = []
  const delays: { f: () => void; ms: number; cancelled: boolean }[] = []
  const scheduler: IdleScheduler = {
    request(f) {
      let live = true
      idle.push(() => live && f())
      return () => {
        live = false
      }
    },
    delay(f, ms) {
      const entry = { f, ms, cancelled: false }
      delays.push(entry)
      return () => {
        entry.cancelled = true
      }
    },
  }
  /** Runs the idle callbacks asked for so far (one idle period); returns how many ran. */
  const idlePeriod = () => {
    const now = idle.splice(0)
    now.forEach((f) => f())
    return now.length
  }
  return { scheduler, idle, delays, idlePeriod }
}

describe('StartUpQueue', () => {
  it('holds the work until the first screen is shown, then runs one piece per idle callback', () => {
    const { scheduler, idle, idlePeriod } = fakeIdle()
    const queue = new StartUpQueue(scheduler)
    const ran: string[] = []
    queue.whenIdle(() => ran.push('claims'))
    queue.whenIdle(() => ran.push('sources'))
    // The browser is idle while the document is read: nothing runs before the first screen.
    expect(idle).toHaveLength(0)
    expect(ran).toEqual([])
    queue.markShown()
    expect(idlePeriod()).toBe(1)
    expect(ran).toEqual(['claims'])
    expect(idlePeriod()).toBe(1)
    expect(ran).toEqual(['claims', 'sources'])
    expect(idlePeriod()).toBe(0)
    // Work asked for later runs in the next idle callback.
    queue.whenIdle(() => ran.push('overview'))
    idlePeriod()
    expect(ran).toEqual(['claims', 'sources', 'overview'])
  })

  it('drops cancelled work, queued or not yet started', () => {
    const { scheduler, idlePeriod } = fakeIdle()
    const queue = new StartUpQueue(scheduler)
    const ran: string[] = []
    const cancelClaims = queue.whenIdle(() => ran.push('claims'))
    queue.whenIdle(() => ran.push('sources'))
    cancelClaims()
    queue.markShown()
    const cancelAgreement = queue.whenIdle(() => ran.push('agreement'))
    idlePeriod()
    cancelAgreement()
    while (idlePeriod() > 0);
    expect(ran).toEqual(['sources'])
  })

  it('stops waiting for a first screen that is never reported', () => {
    const { scheduler, delays, idlePeriod } = fakeIdle()
    const queue = new StartUpQueue(scheduler)
    const ran: string[] = []
    queue.whenIdle(() => ran.push('claims'))
    queue.whenIdle(() => ran.push('sources'))
    expect(delays.map((d) => d.ms)).toEqual([FIRST_SCREEN_WAIT_MS])
    delays[0].f()
    expect(queue.started).toBe(true)
    while (idlePeriod() > 0);
    expect(ran).toEqual(['claims', 'sources'])
  })

  it('no longer waits once the first screen is shown', () => {
    const { scheduler, delays } = fakeIdle()
    const queue = new StartUpQueue(scheduler)
    queue.whenIdle(() => {})
    queue.markShown()
    expect(delays[0].cancelled).toBe(true)
  })
})
