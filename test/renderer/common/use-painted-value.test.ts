// @vitest-environment jsdom
// usePaintedValue: a change reaches the component only after the frame that follows it has been
// painted (so a slow render of it cannot delay that frame), and always ends at the latest value.
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { usePaintedValue } from '../../../src/renderer/src/common/use-painted-value'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}

let frames: FrameRequestCallback[] = []
let root: Root
let host: HTMLElement
const seen: string[] = []

function Shown({ value }: { value: string }) {
  const shown = usePaintedValue(value)
  seen.push(shown)
  return createElement('p', null, shown)
}

const render = (value: string) => act(async () => root.render(createElement(Shown, { value })))
/** The browser paints a frame, then runs the tasks queued after it. */
const paint = () =>
  act(async () => {
    frames.splice(0).forEach((f) => f(performance.now()))
    await vi.runAllTimersAsync()
  })

beforeEach(() => {
  vi.useFakeTimers()
  frames = []
  seen.length = 0
  globalThis.requestAnimationFrame = (f) => frames.push(f)
  globalThis.cancelAnimationFrame = (id) => {
    frames[id - 1] = () => {}
  }
  globalThis.IS_REACT_ACT_ENVIRONMENT = true
  host = document.createElement('div')
  root = createRoot(host)
})

afterEach(async () => {
  await act(async () => root.unmount())
  vi.useRealTimers()
})

it('shows the first value at once', async () => {
  await render('a')
  expect(host.textContent).toBe('a')
  expect(frames).toHaveLength(0)
})

it('shows a change only after the next frame is painted', async () => {
  await render('a')
  await render('b')
  // The render of the change itself, and nothing more before the frame: still the old value.
  expect(host.textContent).toBe('a')
  await act(async () => vi.runAllTimersAsync())
  expect(host.textContent).toBe('a')
  await paint()
  expect(host.textContent).toBe('b')
  expect(seen.at(-1)).toBe('b')
})

it('ends at the latest of several changes made before the frame', async () => {
  await render('a')
  await render('b')
  await render('c')
  await paint()
  expect(host.textContent).toBe('c')
  await paint()
  expect(host.textContent).toBe('c')
  expect(frames).toHaveLength(0)
})

it('asks for no frame when the value comes back before it', async () => {
  await render('a')
  await render('b')
  await render('a')
  await paint()
  expect(host.textContent).toBe('a')
  expect(seen).not.toContain('b')
})
