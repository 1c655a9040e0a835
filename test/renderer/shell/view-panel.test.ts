// @vitest-environment jsdom
// A view's panel renders a hidden view once when the browser is idle (or when shown), and not again
// while it is hidden (an edit in the article re-renders the shell and every panel's parent): the
// view catches up with its parent's latest props when shown again.
import { act, createElement } from 'react'
import { expect, it } from 'vitest'
import { ValueStore } from '../../../src/renderer/src/common/value-store'
import { startUp } from '../../../src/renderer/src/shell/start-up'
import { ViewPanel, type AppView } from '../../../src/renderer/src/shell/view-tabs'
import { panelHarness } from './panel-harness'

// The window's first screen is shown (start-up-queue.test.ts covers the wait for it).
const h = panelHarness(() => startUp.markShown())

it('renders a view when first shown, and not while hidden, then shows the latest props', async () => {
  const views = new ValueStore<AppView>('article')
  const renders: number[] = []
  function Counted({ edit }: { edit: number }) {
    renders.push(edit)
    return createElement('p', null, `edit ${edit}`)
  }
  const render = (edit: number) =>
    act(async () =>
      h.root.render(
        createElement(ViewPanel, {
          view: 'claims',
          views,
          children: createElement(Counted, { edit }),
        }),
      ),
    )
  // Hidden from the start: not rendered with its parent's first renders...
  await render(1)
  await render(2)
  expect(renders).toEqual([])
  expect(h.host.textContent).toBe('')
  // ...but once, when the browser is idle, so its first showing does not mount it.
  await h.runIdle()
  expect(renders).toEqual([2])
  await render(3)
  expect(renders).toEqual([2])
  // Shown: rendered with the latest props, and re-rendered with its parent.
  await act(async () => views.set('claims'))
  await render(4)
  expect(renders).toEqual([2, 3, 4])
  // Hidden again: its parent's renders pass it by; it keeps what it showed.
  await act(async () => views.set('article'))
  await render(5)
  await render(6)
  expect(renders).toEqual([2, 3, 4])
  expect(h.host.textContent).toBe('edit 4')
  expect(h.host.querySelector('section')?.getAttribute('aria-hidden')).toBe('true')
  // Shown again: it catches up.
  await act(async () => views.set('claims'))
  expect(renders).toEqual([2, 3, 4, 6])
  expect(h.host.textContent).toBe('edit 6')
})
