// @vitest-environment jsdom
// A split-off chunk that cannot be loaded (a damaged install): the shell's notice names what it
// holds and the file the browser named, Try again loads it, a dialog opened again asks again once
// (not in a loop), and a view shows its `failed` placeholder instead of nothing.
import { act, createElement } from 'react'
import { expect, it } from 'vitest'
import { Later, LaterCode } from '../../../src/renderer/src/common/later-code'
import { CodeFailures, codeFailureMessage } from '../../../src/renderer/src/shell/code-failures'
import { panelHarness } from './panel-harness'

const h = panelHarness()
const CHUNK_ERROR =
  'Failed to fetch dynamically imported module: app://renderer/assets/claims-views-Bx1.js'

/** A chunk whose first `failures` loads fail as Chromium reports a missing file. */
function flakyCode(failures: number) {
  let attempts = 0
  const code = new LaterCode('the Claims and Sources views', () =>
    ++attempts <= failures
      ? Promise.reject(new TypeError(CHUNK_ERROR))
      : Promise.resolve({ View: () => createElement('p', null, 'the view') }),
  )
  return { code, attempts: () => attempts }
}

function notices(): HTMLElement[] {
  return [...h.host.querySelectorAll<HTMLElement>('[role=alert]')]
}

function button(label: string): HTMLButtonElement {
  const found = [...h.host.querySelectorAll('button')].find(
    (b) => b.textContent === label || b.getAttribute('aria-label') === label,
  )
  if (!found) throw new Error(`no button ${label}`)
  return found
}

it('names what could not be loaded and the file, and Try again loads it', async () => {
  const { code, attempts } = flakyCode(1)
  await act(async () => h.root.render(createElement(CodeFailures, { codes: [code] })))
  expect(notices()).toHaveLength(0)

  await act(async () => code.load().catch(() => {}))
  expect(notices()).toHaveLength(1)
  const text = notices()[0].textContent ?? ''
  expect(text).toContain('could not load the Claims and Sources views')
  expect(text).toContain('claims-views-Bx1.js')
  expect(text).toContain('Your project is not affected')

  await act(async () => button('Try again').click())
  expect(attempts()).toBe(2)
  expect(code.loaded.get()).not.toBeNull()
  expect(notices()).toHaveLength(0)
})

it('a dismissed notice comes back with the next failure', async () => {
  const { code } = flakyCode(2)
  await act(async () => h.root.render(createElement(CodeFailures, { codes: [code] })))
  await act(async () => code.load().catch(() => {}))
  await act(async () => button('Dismiss message').click())
  expect(notices()).toHaveLength(0)
  await act(async () => code.load().catch(() => {}))
  expect(notices()).toHaveLength(1)
})

it('a dialog opened after a failed load asks again once, and shows once loaded', async () => {
  const { code, attempts } = flakyCode(2)
  await act(async () => code.load().catch(() => {}))
  const dialog = createElement(Later<{ View: () => ReturnType<typeof createElement> }>, {
    code,
    children: (m) => createElement(m.View),
  })
  await act(async () => h.root.render(dialog))
  // Asked again on opening; that load failed too, and it is not asked in a loop.
  expect(attempts()).toBe(2)
  await act(async () => new Promise((resolve) => setTimeout(resolve, 20)))
  expect(attempts()).toBe(2)
  expect(h.host.textContent).toBe('')
  // Opened again: asked again, and shown.
  await act(async () => h.root.render(createElement('div')))
  await act(async () => h.root.render(dialog))
  expect(attempts()).toBe(3)
  expect(h.host.textContent).toBe('the view')
})

it('shows `failed` while the load has failed, `fallback` while it loads, the view once in', async () => {
  const { code } = flakyCode(1)
  const later = createElement(Later<{ View: () => ReturnType<typeof createElement> }>, {
    code,
    load: false,
    fallback: 'waiting',
    failed: 'could not be loaded',
    children: (m) => createElement(m.View),
  })
  await act(async () => h.root.render(later))
  expect(h.host.textContent).toBe('waiting')
  await act(async () => code.load().catch(() => {}))
  expect(h.host.textContent).toBe('could not be loaded')
  await act(async () => code.load())
  expect(h.host.textContent).toBe('the view')
})

it('says what to do when the browser gives no reason', () => {
  expect(codeFailureMessage('the Overview', new Error(''))).toBe(
    'Marginalia could not load the Overview: no reason given. Your project is not affected. ' +
      'If trying again does not help, the installation is damaged: reinstall Marginalia.',
  )
})
