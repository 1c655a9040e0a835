// @vitest-environment jsdom
// At start-up the hidden views are not rendered while the window waits for its document, however
// idle the browser is: they are rendered one per idle callback once the first screen is shown. A
// view shown before that is rendered at once.
import { act, createElement } from 'react'
import { expect, it } from 'vitest'
import { ValueStore } from '../../../src/renderer/src/common/value-store'
import { startUp } from '../../../src/renderer/src/shell/start-up'
import { ViewPanel, type AppView } from '../../../src/renderer/src/shell/view-tabs'
import { panelHarness } from './panel-harness'

const h = panelHarness()

it('renders the hidden views after the first screen, one per idle callback', async () => {
  const views = new ValueStore<AppView>('article')
  const panel = (view: AppView) =>
    createElement(ViewPanel, { key: view, view, views, children: createElement('p', null, view) })
  await act(async () => h.root.render([panel('claims'), panel('sources'), panel('overview')]))
  // The browser is idle while the document loads: no view is rendered yet.
  await h.runIdle()
  expect(h.host.textContent).toBe('')
  // A view shown meanwhile is rendered at once.
  await act(async () => views.set('overview'))
  expect(h.host.textContent).toBe('overview')
  await act(async () => views.set('article'))
  // The first screen is shown: one hidden view per idle callback.
  await act(async () => startUp.markShown())
  await h.runIdle()
  expect(h.host.textContent).toBe('claimsoverview')
  await h.runIdle()
  expect(h.host.textContent).toBe('claimssourcesoverview')
})
