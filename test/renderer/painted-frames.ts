// Frames for a jsdom test of work deferred until after a paint (afterPaint, usePaintedValue): fake
// timers, requestAnimationFrame callbacks held until `paint`, and a React root (made before each
// test, unmounted after it). `harness.host` and `harness.root` are the current test's.
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, vi } from 'vitest'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}

export interface PaintedFrames {
  root: Root
  host: HTMLElement
  /** Animation frame callbacks waiting for the next frame. */
  frames: FrameRequestCallback[]
  /** The browser paints a frame, then runs the tasks queued after it. */
  paint(): Promise<void>
}

/** Registers the set-up around each test of the file. */
export function paintedFrames(): PaintedFrames {
  const harness: PaintedFrames = {
    root: null as unknown as Root,
    host: null as unknown as HTMLElement,
    frames: [],
    paint: () =>
      act(async () => {
        harness.frames.splice(0).forEach((f) => f(performance.now()))
        await vi.runAllTimersAsync()
      }),
  }
  beforeEach(() => {
    vi.useFakeTimers()
    harness.frames.length = 0
    globalThis.requestAnimationFrame = (f) => harness.frames.push(f)
    globalThis.cancelAnimationFrame = (id) => {
      harness.frames[id - 1] = () => {}
    }
    globalThis.IS_REACT_ACT_ENVIRONMENT = true
    harness.host = document.createElement('div')
    harness.root = createRoot(harness.host)
  })
  afterEach(async () => {
    await act(async () => harness.root.unmount())
    vi.useRealTimers()
  })
  return harness
}
