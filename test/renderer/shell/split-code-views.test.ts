// @vitest-environment jsdom
// A view whose code is split off (shell/split-code.ts) and not in yet when its tab is clicked is
// shown once the code is in, with its content from the first commit that shows it: no frame shows
// the view empty. A dialog's code loads when the dialog opens.
import { act, createElement, Fragment, useLayoutEffect } from 'react'
import { expect, it } from 'vitest'
import { Later, LaterCode } from '../../../src/renderer/src/common/later-code'
import { useStoreValue, ValueStore } from '../../../src/renderer/src/common/value-store'
import { viewSwitcher } from '../../../src/renderer/src/shell/split-code'
import { EmptyViewPanel, ViewPanel, type AppView } from '../../../src/renderer/src/shell/view-tabs'
import { panelHarness } from './panel-harness'

const h = panelHarness()

/** A module import the test lets through when it says so. */
function deferredImport<M>(module: M) {
  let release = () => {}
  let calls = 0
  const code = new LaterCode('the test views', () => {
    calls++
    return new Promise<M>((resolve) => {
      release = () => resolve(module)
    })
  })
  return { code, release: () => act(async () => release()), calls: () => calls }
}

/** The claims view's code: its panel with content, as ClaimsViews renders its own panels. */
function claimsModule(views: ValueStore<AppView>) {
  return {
    ClaimsView: () =>
      createElement(ViewPanel, {
        view: 'claims',
        views,
        children: createElement('p', null, 'the table'),
      }),
  }
}

/** What each commit showed: the text of the panel on show ('' if none is, or it is empty). */
function recordCommits(views: ValueStore<AppView>, code: LaterCode<unknown>) {
  const shown: string[] = []
  function Probe() {
    // Re-rendered on every change of either store, so every commit they cause is recorded.
    useStoreValue(views)
    useStoreValue(code.loaded)
    useLayoutEffect(() => {
      shown.push(h.host.querySelector('[data-active="true"]')?.textContent ?? '')
    })
    return null
  }
  return { Probe, shown }
}

function renderClaims(
  views: ValueStore<AppView>,
  code: LaterCode<ReturnType<typeof claimsModule>>,
) {
  const { Probe, shown } = recordCommits(views, code)
  const article = createElement(ViewPanel, { view: 'article', views, children: 'the article' })
  const later = createElement(Later<ReturnType<typeof claimsModule>>, {
    code,
    load: false,
    fallback: createElement(EmptyViewPanel, { view: 'claims' }),
    children: (m) => createElement(m.ClaimsView),
  })
  return { tree: createElement(Fragment, null, article, later, createElement(Probe)), shown }
}

it('shows a view clicked before its code is in once it is, never empty', async () => {
  const views = new ValueStore<AppView>('article')
  const { code, release, calls } = deferredImport(claimsModule(views))
  const { tree, shown } = renderClaims(views, code)
  await act(async () => h.root.render(tree))
  const switchTo = viewSwitcher(
    (v) => views.set(v),
    (v) => (v === 'claims' ? code : null),
  )
  await act(async () => switchTo('claims'))
  expect(shown).not.toContain('')
  // Still on the article while the code loads.
  expect(views.get()).toBe('article')
  expect(calls()).toBe(1)
  await release()
  expect(views.get()).toBe('claims')
  expect(h.host.querySelector('#view-panel-claims')?.textContent).toBe('the table')
  expect(shown).not.toContain('')
  expect(shown.at(-1)).toBe('the table')
})

it('does not show a view whose code came after another view was asked for', async () => {
  const views = new ValueStore<AppView>('article')
  const { code, release } = deferredImport(claimsModule(views))
  await act(async () => h.root.render(renderClaims(views, code).tree))
  const switchTo = viewSwitcher(
    (v) => views.set(v),
    (v) => (v === 'claims' ? code : null),
  )
  await act(async () => switchTo('claims'))
  await act(async () => switchTo('overview'))
  expect(views.get()).toBe('overview')
  await release()
  expect(views.get()).toBe('overview')
  // Its code is in all the same, for the next switch, which is then at once.
  await act(async () => switchTo('claims'))
  expect(views.get()).toBe('claims')
})

it("loads a dialog's code when the dialog opens, and again after a failed load", async () => {
  let attempts = 0
  const code = new LaterCode('the test dialog', () =>
    ++attempts === 1
      ? Promise.reject(new Error('no chunk'))
      : Promise.resolve({ Dialog: () => createElement('p', null, 'the dialog') }),
  )
  await expect(code.load()).rejects.toThrow('no chunk')
  const dialog = createElement(Later<{ Dialog: () => ReturnType<typeof createElement> }>, {
    code,
    children: (m) => createElement(m.Dialog),
  })
  await act(async () => h.root.render(dialog))
  expect(attempts).toBe(2)
  expect(h.host.textContent).toBe('the dialog')
})
