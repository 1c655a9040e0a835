import { describe, expect, it } from 'vitest'
import {
  AutosaveScheduler,
  type SaveState,
  type Timers,
} from '../../../src/renderer/src/shell/autosave'

/** A manual clock: timers run only when the test advances time. */
class FakeClock implements Timers {
  time = 0
  private nextId = 1
  private tasks = new Map<number, { at: number; fn: () => void }>()
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++
    this.tasks.set(id, { at: this.time + ms, fn })
    return id
  }
  clearTimeout(handle: unknown): void {
    this.tasks.delete(handle as number)
  }
  now(): number {
    return this.time
  }
  advance(ms: number): void {
    const end = this.time + ms
    for (;;) {
      const next = [...this.tasks.entries()]
        .filter(([, t]) => t.at <= end)
        .sort((a, b) => a[1].at - b[1].at)[0]
      if (!next) break
      this.tasks.delete(next[0])
      this.time = next[1].at
      next[1].fn()
    }
    this.time = end
  }
}

/** A save function whose calls the test resolves or rejects by hand. */
function manualSave() {
  const calls: { value: string; resolve: (at: string) => void; reject: (e: Error) => void }[] = []
  let active = 0
  let maxActive = 0
  const save = (value: string) =>
    new Promise<string>((resolve, reject) => {
      active++
      maxActive = Math.max(maxActive, active)
      const done = () => active--
      calls.push({
        value,
        resolve: (at) => (done(), resolve(at)),
        reject: (e) => (done(), reject(e)),
      })
    })
  return { save, calls, maxActive: () => maxActive }
}

const settle = () => new Promise((r) => setTimeout(r, 0))

function setup() {
  const clock = new FakeClock()
  const io = manualSave()
  const states: SaveState[] = []
  const saver = new AutosaveScheduler<string>({
    save: io.save,
    timers: clock,
    onState: (s) => states.push(s),
  })
  return { clock, io, states, saver }
}

describe('AutosaveScheduler', () => {
  it('saves the latest value once changes pause for the debounce time', () => {
    const { clock, io, saver } = setup()
    saver.schedule('a')
    clock.advance(200)
    saver.schedule('b')
    clock.advance(399)
    expect(io.calls).toHaveLength(0)
    clock.advance(1)
    expect(io.calls.map((c) => c.value)).toEqual(['b'])
  })

  it('saves within the max wait even while changes keep coming', () => {
    const { clock, io, saver } = setup()
    for (let t = 0; t < 1000; t += 100) {
      saver.schedule(`v${t}`)
      clock.advance(100)
    }
    expect(io.calls).toHaveLength(1)
    expect(io.calls[0].value).toBe('v900')
  })

  it('never has two saves in flight and coalesces changes made during a save', async () => {
    const { clock, io, saver } = setup()
    saver.schedule('a')
    clock.advance(400)
    expect(io.calls).toHaveLength(1)
    saver.schedule('b')
    saver.schedule('c')
    clock.advance(1000)
    expect(io.calls).toHaveLength(1)
    io.calls[0].resolve('t1')
    await settle()
    expect(io.calls.map((c) => c.value)).toEqual(['a', 'c'])
    expect(io.maxActive()).toBe(1)
    io.calls[1].resolve('t2')
    await settle()
    expect(saver.state).toEqual({ kind: 'saved', savedAt: 't2' })
  })

  it('reports pending, saving and saved states in order', async () => {
    const { clock, io, states, saver } = setup()
    saver.schedule('a')
    clock.advance(400)
    io.calls[0].resolve('t1')
    await settle()
    expect(states.map((s) => s.kind)).toEqual(['pending', 'saving', 'saved'])
  })

  it('flush writes a waiting change at once and resolves when it is saved', async () => {
    const { io, saver } = setup()
    saver.schedule('a')
    const flushed = saver.flush()
    expect(io.calls.map((c) => c.value)).toEqual(['a'])
    let done = false
    void flushed.then(() => (done = true))
    await settle()
    expect(done).toBe(false)
    io.calls[0].resolve('t1')
    await flushed
    expect(saver.dirty).toBe(false)
  })

  it('flush waits for the save in flight and then writes the newer change', async () => {
    const { clock, io, saver } = setup()
    saver.schedule('a')
    clock.advance(400)
    saver.schedule('b')
    const flushed = saver.flush()
    await settle()
    expect(io.calls).toHaveLength(1)
    io.calls[0].resolve('t1')
    await settle()
    expect(io.calls.map((c) => c.value)).toEqual(['a', 'b'])
    io.calls[1].resolve('t2')
    await flushed
    expect(io.maxActive()).toBe(1)
  })

  it('keeps a failed value, shows the error, and writes it on retry', async () => {
    const { clock, io, saver } = setup()
    saver.schedule('a')
    clock.advance(400)
    io.calls[0].reject(new Error('disk full'))
    await settle()
    expect(saver.state).toEqual({ kind: 'error', message: 'disk full' })
    expect(saver.dirty).toBe(true)
    const retried = saver.retry()
    expect(io.calls.map((c) => c.value)).toEqual(['a', 'a'])
    io.calls[1].resolve('t2')
    await retried
    expect(saver.state).toEqual({ kind: 'saved', savedAt: 't2' })
  })

  it('retries with the newest value when a change arrived after the failure', async () => {
    const { clock, io, saver } = setup()
    saver.schedule('a')
    clock.advance(400)
    saver.schedule('b')
    io.calls[0].reject(new Error('locked'))
    await settle()
    const retried = saver.retry()
    expect(io.calls.map((c) => c.value)).toEqual(['a', 'b'])
    io.calls[1].resolve('t2')
    await retried
  })

  it('flush rejects when the save fails, so a caller does not move on and lose the change', async () => {
    const { io, saver } = setup()
    saver.schedule('a')
    const flushed = saver.flush()
    io.calls[0].reject(new Error('permission denied'))
    await expect(flushed).rejects.toThrow('permission denied')
  })

  it('ignores changes after dispose', () => {
    const { clock, io, saver } = setup()
    saver.dispose()
    saver.schedule('a')
    clock.advance(2000)
    expect(io.calls).toHaveLength(0)
  })
})
