// @vitest-environment jsdom
// At start-up the hidden views are not rendered while the window waits for its document, however
// idle the browser is: they are rendered one per idle callback once the first screen is shown. A
// view shown before that is rendered at once.
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { ValueStore } from '../../../src/renderer/src/common/value-store'
import { startUp } from '../../../src/renderer/src/shell/start-up'
import { ViewPanel, type AppView } from '../../../src/renderer/src/shell/view-tabs'

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean
}

let root: Root
let host: HTMLElement
let idle: (() => void)[] = []
beforeEach(() => {
  idle = []
  globalThis.requestIdleCallback = (f) => idle.push(() => f({} as IdleDeadline))
  globalThis.cancelIdleCallback = (id) => {
    idle[id - 1] = () => {}
  }
  globalThis.IS_REACT_ACT_ENVIRONMENT = true
  host = document.createElement('div')
  root = createRoot(host)
})
afterEach(() => act(async () => root.unmount()))

it('renders the hidden views after the first screen, one per idle callback', async () => {
  const views = new ValueStore<AppView>('article')
  const panel = (view: AppView) =>
    createElement(ViewPanel, { key: view, view, views, children: createElement('p', null, view) })
  await act(async () => root.render([panel('claims'), panel('sources'), panel('overview')]))
  // The browser is idle while the document loads: no view is rendered yet.
  await act(async () => idle.splice(0).forEach((f) => f()))
  expect(host.textContent).toBe('')
  // A view shown meanwhile is rendered at once.
  await act(async () => views.set('overview'))
  expect(host.textContent).toBe('overview')
  await act(async () => views.set('article'))
  // The first screen is shown: one hidden view per idle callback.
  await act(async () => startUp.markShown())
  await act(async () => idle.splice(0).forEach((f) => f()))
  expect(host.textContent).toBe('claimsoverview')
  await act(async () => idle.splice(0).forEach((f) => f()))
  expect(host.textContent).toBe('claimssourcesoverview')
})
