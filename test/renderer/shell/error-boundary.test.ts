// @vitest-environment jsdom
// A view that throws while rendering shows the error in its own panel, with Try again; the other
// views stay and still switch. An error outside the views stops at the window's boundary. Without
// them React unmounts the whole root: the window would be left empty.
import { act, createElement, Fragment } from 'react'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { ErrorBoundary } from '../../../src/renderer/src/common/error-boundary'
import { ValueStore } from '../../../src/renderer/src/common/value-store'
import { WindowStopped } from '../../../src/renderer/src/shell/stopped'
import { ViewPanel, type AppView } from '../../../src/renderer/src/shell/view-tabs'
import { panelHarness } from './panel-harness'

const h = panelHarness()
let quiet: ReturnType<typeof vi.spyOn>
beforeEach(() => {
  // React and the boundary report the error on the console; the test reads the panel instead.
  quiet = vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => quiet.mockRestore())

const broken = { now: true }
function Table() {
  if (broken.now) throw new Error('rows out of order')
  return createElement('p', null, 'the table')
}

function tree(views: ValueStore<AppView>) {
  return createElement(
    Fragment,
    null,
    createElement(ViewPanel, { view: 'article', views, children: 'the article' }),
    createElement(ViewPanel, { view: 'claims', views, children: createElement(Table) }),
  )
}

const panel = (view: AppView) => h.host.querySelector(`#view-panel-${view}`)

it('shows the error in the view that threw, keeps the others, and Try again renders it anew', async () => {
  broken.now = true
  const views = new ValueStore<AppView>('article')
  await act(async () => h.root.render(tree(views)))
  await act(async () => views.set('claims'))

  const alert = panel('claims')?.querySelector('[role=alert]')
  expect(alert?.textContent).toContain('The Claims view stopped with an error: rows out of order')
  expect(alert?.textContent).toContain('Your project is not affected')
  expect(alert?.querySelector('pre')?.textContent).toContain('rows out of order')
  // The rest of the window is there, and switching still works.
  expect(panel('article')?.textContent).toBe('the article')
  await act(async () => views.set('article'))
  expect(panel('article')?.getAttribute('data-active')).toBe('true')

  // Fixed meanwhile (say, the data that made it throw changed): Try again shows the view.
  broken.now = false
  await act(async () => views.set('claims'))
  const retry = [...(panel('claims')?.querySelectorAll('button') ?? [])].find(
    (b) => b.textContent === 'Try again',
  )
  await act(async () => retry?.click())
  expect(panel('claims')?.textContent).toBe('the table')
  expect(panel('claims')?.querySelector('[role=alert]')).toBeNull()
})

it('a view that throws again after Try again shows the error again', async () => {
  broken.now = true
  const views = new ValueStore<AppView>('claims')
  await act(async () => h.root.render(tree(views)))
  const retry = () =>
    [...(panel('claims')?.querySelectorAll('button') ?? [])].find(
      (b) => b.textContent === 'Try again',
    )
  await act(async () => retry()?.click())
  expect(panel('claims')?.querySelector('[role=alert]')?.textContent).toContain('rows out of order')
})

it('an error outside the views stops at the window: what happened, and that saved edits are safe', async () => {
  function TopBar(): never {
    throw new Error('no title')
  }
  const app = createElement(ErrorBoundary, {
    label: 'The window',
    fallback: (error: Error) => createElement(WindowStopped, { error }),
    children: createElement(TopBar),
  })
  await act(async () => h.root.render(app))
  const alert = h.host.querySelector('[role=alert]')
  expect(alert?.querySelector('h1')?.textContent).toBe('Marginalia stopped with an error')
  expect(alert?.textContent).toContain('no title')
  expect(alert?.textContent).toContain('everything the status showed as Saved is on disk')
})
