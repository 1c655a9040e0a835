// The view panel tests' set-up: a React root in a detached element, and the browser's idle
// callbacks queued until the test runs them (`runIdle`: the browser is idle now).
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach } from 'vitest'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}

export interface PanelHarness {
  root: Root
  host: HTMLElement
  /** Runs the idle callbacks asked for so far. */
  runIdle(): Promise<void>
}

/** Registers the set-up around each test; `before` runs first in it (e.g. a first screen shown). */
export function panelHarness(before?: () => void): PanelHarness {
  let idle: (() => void)[] = []
  const harness = {
    root: null as unknown as Root,
    host: null as unknown as HTMLElement,
    runIdle: () => act(async () => idle.splice(0).forEach((f) => f())),
  }
  beforeEach(() => {
    idle = []
    globalThis.requestIdleCallback = (f) => idle.push(() => f({} as IdleDeadline))
    globalThis.cancelIdleCallback = (id) => {
      idle[id - 1] = () => {}
    }
    globalThis.IS_REACT_ACT_ENVIRONMENT = true
    before?.()
    harness.host = document.createElement('div')
    harness.root = createRoot(harness.host)
  })
  afterEach(() => act(async () => harness.root.unmount()))
  return harness
}
