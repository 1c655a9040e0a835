// @vitest-environment jsdom
// The Sources view at project scale: thousands of sources draw only the rows near the viewport,
// and a source named in thousands of documents lists a few with buttons for more and for fewer.
import { act, createElement } from 'react'
import { beforeEach, expect, it, onTestFinished } from 'vitest'
import type { SourceSummary } from '../../../src/shared/claims'
import { SourceSummaryTable } from '../../../src/renderer/src/claims/source-summary'
import { reactRoot } from '../react-root'

const react = reactRoot()
beforeEach(() => {
  // The pane the table scrolls in, 600 px high, its rows 48 px (jsdom lays nothing out).
  Object.defineProperty(react.host, 'clientHeight', { value: 600, configurable: true })
  Object.defineProperty(HTMLTableRowElement.prototype, 'offsetHeight', {
    value: 48,
    configurable: true,
  })
  onTestFinished(() => {
    delete (HTMLTableRowElement.prototype as { offsetHeight?: number }).offsetHeight
  })
})

function source(i: number, documents: number): SourceSummary {
  return {
    entityId: `e${i}`,
    name: `Source ${String(i).padStart(5, '0')}`,
    claims: documents,
    checkability: { factual: documents },
    sentiment: {},
    documents: Array.from({ length: documents }, (_, d) => ({ id: `d${d}`, title: `Doc ${d}` })),
  }
}

async function show(summaries: SourceSummary[], opened: string[] = []) {
  await act(async () =>
    react.root.render(
      createElement(SourceSummaryTable, {
        summaries,
        unsourced: 0,
        onOpenDocument: (id: string) => opened.push(id),
        scroller: { current: react.host },
      }),
    ),
  )
}

const bodyRows = () => [...react.host.querySelectorAll('tbody tr:not(.claims-spacer)')]
const buttons = (row: Element) => [...row.querySelectorAll('button')].map((b) => b.textContent)

it('draws the rows near the viewport of 5,000 sources, and says how many there are', async () => {
  await show(Array.from({ length: 5000 }, (_, i) => source(i, 1)))
  const table = react.host.querySelector('table')
  expect(table?.getAttribute('aria-rowcount')).toBe('5001')
  const rows = bodyRows()
  expect(rows.length).toBeGreaterThan(5)
  expect(rows.length).toBeLessThan(40)
  // The first rows, in the default order (most claims, then by name), with their row index.
  expect(rows[0].querySelector('th')?.textContent).toBe('Source 00000')
  expect(rows[0].getAttribute('aria-rowindex')).toBe('2')
  // The rest of the scroll height is a spacer standing for the rows not drawn.
  const spacer = react.host.querySelector<HTMLElement>('tbody tr.claims-spacer')
  expect(spacer?.getAttribute('aria-hidden')).toBe('true')
  expect(parseFloat(spacer?.style.height ?? '0')).toBeGreaterThan(4900 * 40)
})

it('lists a few of 10,000 documents, shows 50 more at a time and fewer again', async () => {
  const opened: string[] = []
  await show([source(1, 10_000), source(2, 2)], opened)
  const [big, small] = bodyRows()
  expect(buttons(small)).toEqual(['Doc 0', 'Doc 1'])
  expect(buttons(big)).toEqual(['Doc 0', 'Doc 1', 'Doc 2', 'Show 50 more (of 9,997 not shown)'])

  const more = [...big.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Show'))
  await act(async () => more?.click())
  const expanded = buttons(bodyRows()[0])
  expect(expanded).toHaveLength(53 + 2)
  expect(expanded.slice(-2)).toEqual(['Show 50 more (of 9,947 not shown)', 'Show fewer'])

  // A document button opens its document.
  const doc = [...bodyRows()[0].querySelectorAll('button')].find((b) => b.textContent === 'Doc 52')
  await act(async () => doc?.click())
  expect(opened).toEqual(['d52'])

  // Still expanded after the table renders again (a new table from main, the same sources).
  await show([source(1, 10_000), source(2, 2)], opened)
  expect(buttons(bodyRows()[0])).toHaveLength(55)

  const fewer = [...bodyRows()[0].querySelectorAll('button')].find(
    (b) => b.textContent === 'Show fewer',
  )
  await act(async () => fewer?.click())
  expect(buttons(bodyRows()[0])).toEqual([
    'Doc 0',
    'Doc 1',
    'Doc 2',
    'Show 50 more (of 9,997 not shown)',
  ])
})

it('says exactly how many remain when they fit in one step', async () => {
  await show([source(1, 4), source(2, 30)])
  const [thirty, four] = bodyRows()
  expect(buttons(four).at(-1)).toBe('Show 1 more document')
  expect(buttons(thirty).at(-1)).toBe('Show 27 more documents')
})

it('keeps the focus on the cell when the button pressed goes away', async () => {
  await show([source(1, 40)])
  const button = (name: string) =>
    [...bodyRows()[0].querySelectorAll('button')].find((b) => b.textContent === name)!
  // All 40 listed: "more" goes, and the focus moves to "Show fewer".
  button('Show 37 more documents').focus()
  await act(async () => button('Show 37 more documents').click())
  expect(document.activeElement).toBe(button('Show fewer'))
  // Back to three: "Show fewer" goes, and the focus moves to "more".
  await act(async () => button('Show fewer').click())
  expect(document.activeElement).toBe(button('Show 37 more documents'))
})
