// A React root for a jsdom test: made before each test in an element attached to the document,
// unmounted (inside act) and detached after it. `harness.root` and `harness.host` are the current
// test's.
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach } from 'vitest'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}

export interface ReactRoot {
  root: Root
  host: HTMLElement
}

/** Registers the set-up around each test of the file; `before` runs first in it. */
export function reactRoot(before?: () => void): ReactRoot {
  const harness = { root: null as unknown as Root, host: null as unknown as HTMLElement }
  beforeEach(() => {
    globalThis.IS_REACT_ACT_ENVIRONMENT = true
    before?.()
    harness.host = document.createElement('div')
    document.body.append(harness.host)
    harness.root = createRoot(harness.host)
  })
  afterEach(async () => {
    await act(async () => harness.root.unmount())
    harness.host.remove()
  })
  return harness
}
