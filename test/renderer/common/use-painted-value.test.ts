// @vitest-environment jsdom
// usePaintedValue: a change reaches the component only after the frame that follows it has been
// painted (so a slow render of it cannot delay that frame), and always ends at the latest value.
import { act, createElement } from 'react'
import { beforeEach, expect, it, vi } from 'vitest'
import { usePaintedValue } from '../../../src/renderer/src/common/use-painted-value'
import { paintedFrames } from '../painted-frames'

const harness = paintedFrames()
const seen: string[] = []
beforeEach(() => {
  seen.length = 0
})

function Shown({ value }: { value: string }) {
  const shown = usePaintedValue(value)
  seen.push(shown)
  return createElement('p', null, shown)
}

const render = (value: string) =>
  act(async () => harness.root.render(createElement(Shown, { value })))
const paint = () => harness.paint()

it('shows the first value at once', async () => {
  await render('a')
  expect(harness.host.textContent).toBe('a')
  expect(harness.frames).toHaveLength(0)
})

it('shows a change only after the next frame is painted', async () => {
  await render('a')
  await render('b')
  // The render of the change itself, and nothing more before the frame: still the old value.
  expect(harness.host.textContent).toBe('a')
  await act(async () => vi.runAllTimersAsync())
  expect(harness.host.textContent).toBe('a')
  await paint()
  expect(harness.host.textContent).toBe('b')
  expect(seen.at(-1)).toBe('b')
})

it('ends at the latest of several changes made before the frame', async () => {
  await render('a')
  await render('b')
  await render('c')
  await paint()
  expect(harness.host.textContent).toBe('c')
  await paint()
  expect(harness.host.textContent).toBe('c')
  expect(harness.frames).toHaveLength(0)
})

it('asks for no frame when the value comes back before it', async () => {
  await render('a')
  await render('b')
  await render('a')
  await paint()
  expect(harness.host.textContent).toBe('a')
  expect(seen).not.toContain('b')
})
