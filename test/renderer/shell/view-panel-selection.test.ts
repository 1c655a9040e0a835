// @vitest-environment jsdom
// A hidden view panel holds no part of the document's selection (left in a skipped subtree, Chromium
// walks all of the panel's text for a caret place after every click), and the selection comes back,
// in its direction, when the panel is shown again, unless the user selected something else or
// focused the panel meanwhile.
import { act, createElement } from 'react'
import { expect, it } from 'vitest'
import { ValueStore } from '../../../src/renderer/src/common/value-store'
import { startUp } from '../../../src/renderer/src/shell/start-up'
import { ViewPanel, type AppView } from '../../../src/renderer/src/shell/view-tabs'
import { panelHarness } from './panel-harness'

const h = panelHarness(() => startUp.markShown())

const TEXT = 'North Korea is providing munitions'

/** The article's panel, shown, in the document (a selection needs attached nodes). */
async function articlePanel() {
  document.body.replaceChildren(h.host)
  const views = new ValueStore<AppView>('article')
  const paragraph = createElement('p', { tabIndex: -1 }, TEXT)
  await act(async () =>
    h.root.render(createElement(ViewPanel, { view: 'article', views, children: paragraph })),
  )
  const text = h.host.querySelector('p')!.firstChild!
  const outside = document.createElement('button')
  outside.textContent = 'Claims'
  document.body.append(outside)
  return { views, text, outside, p: h.host.querySelector('p')! }
}

it('takes the selection out of a hidden panel and puts it back, backward, when shown', async () => {
  const { views, text } = await articlePanel()
  getSelection()!.setBaseAndExtent(text, 24, text, 15)
  expect(getSelection()!.toString()).toBe('providing')

  await act(async () => views.set('claims'))
  expect(getSelection()!.rangeCount).toBe(0)

  await act(async () => views.set('article'))
  const sel = getSelection()!
  expect(sel.toString()).toBe('providing')
  expect([sel.anchorNode, sel.anchorOffset, sel.focusNode, sel.focusOffset]).toEqual([
    text,
    24,
    text,
    15,
  ])
})

it('leaves a selection outside the panel alone, and keeps one made meanwhile', async () => {
  const { views, text, outside } = await articlePanel()
  const label = outside.firstChild!
  getSelection()!.setBaseAndExtent(label, 0, label, 3)
  await act(async () => views.set('claims'))
  expect(getSelection()!.toString()).toBe('Cla')
  await act(async () => views.set('article'))

  getSelection()!.setBaseAndExtent(text, 0, text, 5)
  await act(async () => views.set('claims'))
  expect(getSelection()!.rangeCount).toBe(0)
  // The user selects text in the view on show: that selection stays when the article comes back.
  getSelection()!.setBaseAndExtent(label, 0, label, 6)
  await act(async () => views.set('article'))
  expect(getSelection()!.toString()).toBe('Claims')
})

it('does not restore over focus put inside the panel on purpose', async () => {
  const { views, text, p } = await articlePanel()
  getSelection()!.setBaseAndExtent(text, 0, text, 5)
  await act(async () => views.set('claims'))
  expect(getSelection()!.rangeCount).toBe(0)
  // E.g. a claim opened in the article: the editor takes focus and places its own selection.
  p.focus()
  getSelection()!.setBaseAndExtent(text, 12, text, 12)
  await act(async () => views.set('article'))
  expect(getSelection()!.anchorOffset).toBe(12)
  expect(getSelection()!.isCollapsed).toBe(true)
})
