// @vitest-environment jsdom
// The claims table draws a few of its thousands of rows; a render with the same rows (a scroll
// step, a sort header's re-render, showing the view again) must not walk all of them: the
// virtualizer measures every row again whenever it is given a new key function.
import { act, createElement } from 'react'
import { expect, it, onTestFinished } from 'vitest'
import type { ClaimRow } from '../../../src/shared/claims'
import { ClaimsTable } from '../../../src/renderer/src/claims/claims-table'
import { reactRoot } from '../react-root'

const react = reactRoot()

const ROWS = 10_000

function claim(i: number): ClaimRow {
  return {
    documentId: 'doc',
    documentTitle: 'Doc',
    claimId: `c${i}`,
    claimText: `claim ${i}`,
    start: i,
    end: i + 1,
    checkability: null,
    sources: [],
    cues: [],
    sentiments: [],
  }
}

it('renders again with the same rows without reading every row', async () => {
  let reads = 0
  const rows = new Proxy(
    Array.from({ length: ROWS }, (_, i) => claim(i)),
    {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++
        return Reflect.get(target, key, receiver) as unknown
      },
    },
  )
  // The pane the table scrolls in, 600 px high, its rows 56 px (jsdom lays nothing out).
  Object.defineProperty(react.host, 'clientHeight', { value: 600, configurable: true })
  Object.defineProperty(HTMLTableRowElement.prototype, 'offsetHeight', {
    value: 56,
    configurable: true,
  })
  onTestFinished(() => {
    delete (HTMLTableRowElement.prototype as { offsetHeight?: number }).offsetHeight
  })
  const scroller = { current: react.host }
  const render = (dir: 'asc' | 'desc') =>
    act(async () =>
      react.root.render(
        createElement(ClaimsTable, {
          rows,
          sort: { column: 'claim', dir },
          onSort: () => {},
          onOpen: () => {},
          scroller,
        }),
      ),
    )
  await render('asc')
  // The first render measures every row once.
  expect(reads).toBeGreaterThanOrEqual(ROWS)
  const drawn = react.host.querySelectorAll('tr.claim-row').length
  expect(drawn).toBeGreaterThan(0)
  expect(drawn).toBeLessThan(100)
  reads = 0
  await render('desc')
  expect(reads).toBeLessThan(ROWS / 10)
})
