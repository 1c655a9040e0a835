// A project of thousands of claims: the claims table draws only the rows near its viewport, and
// an analyst still reaches every row, from the keyboard (one tab stop; the arrows, Home, End, Page
// Up and Page Down move; Enter opens) and by the filters, while a screen reader hears each row's
// place in the whole table (aria-rowcount, aria-rowindex). The Sources view of such a project draws
// its rows the same way, and a source quoted in every document lists a few, with more on demand.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { waitForArticle } from './support/app-actions'
import { restartOnGenerated } from './support/generated-project'

const DOCUMENTS = 200
const CLAIMS_PER_DOCUMENT = 10
const CLAIMS = DOCUMENTS * CLAIMS_PER_DOCUMENT

const panel = (page: Page) => page.getByRole('tabpanel', { name: 'Claims' })

/** The focused row's place in the table (its aria-rowindex) and its document. */
const focusedRow = (page: Page) =>
  page.evaluate(() => {
    const row = document.activeElement?.closest('tr')
    return row ? `${row.getAttribute('aria-rowindex')} ${row.dataset['documentId']}` : null
  })

test('a table of 2,000 claims draws a few rows, and every one is reached by the keys and the filters', async ({
  app,
}) => {
  test.slow() // 200 documents are generated and read once, on a shared machine
  await restartOnGenerated(app, 'many-claims', {
    documents: DOCUMENTS,
    spansPerDocument: CLAIMS_PER_DOCUMENT,
  })
  const page = app.page
  await page.getByRole('tab', { name: 'Claims' }).click()
  // The generated claims are analyst "bench"'s.
  await panel(page).getByLabel('Annotations').selectOption('a:bench')
  const table = panel(page).getByRole('table')
  await expect(panel(page).getByRole('heading', { name: /Claims/ })).toContainText(
    `${CLAIMS} claims`,
  )

  // Only the rows near the viewport are drawn, each telling its place among all the rows.
  await expect(table).toHaveAttribute('aria-rowcount', String(CLAIMS + 1))
  const rows = table.locator('tbody tr.claim-row')
  await expect(rows.first()).toHaveAttribute('aria-rowindex', '2')
  expect(await rows.count()).toBeLessThan(60)
  const stops = table.locator('tbody tr[tabindex="0"]')
  await expect(stops).toHaveCount(1)

  // From the keyboard: the last row, then back, by pages and by one.
  await stops.focus()
  await page.keyboard.press('End')
  await expect.poll(() => focusedRow(page)).toBe(`${CLAIMS + 1} d-000199`)
  await expect(table.locator('tbody tr.claim-row:focus')).toBeInViewport()
  await page.keyboard.press('Home')
  await expect.poll(() => focusedRow(page)).toBe('2 d-000000')
  await page.keyboard.press('PageDown')
  await page.keyboard.press('PageDown')
  await page.keyboard.press('ArrowDown')
  await expect.poll(() => focusedRow(page)).toBe('23 d-000002')
  expect(await rows.count()).toBeLessThan(60)
  await expect(stops).toHaveCount(1)

  // By scrolling: the rows drawn follow the pane.
  await panel(page)
    .locator('.claims-scroll')
    .evaluate((el) => (el.scrollTop = el.scrollHeight / 2))
  await expect
    .poll(async () => Number(await rows.last().getAttribute('aria-rowindex')))
    .toBeGreaterThan(CLAIMS / 3)
  expect(await rows.count()).toBeLessThan(60)

  // By the filters: the last document's claims, all drawn, and the last one opens in the article.
  await panel(page)
    .getByRole('search', { name: 'Filter claims' })
    .getByLabel('Document')
    .selectOption({ label: `Article ${DOCUMENTS - 1} (${CLAIMS_PER_DOCUMENT})` })
  await expect(panel(page).getByRole('heading', { name: /Claims/ })).toContainText(
    `${CLAIMS_PER_DOCUMENT} of ${CLAIMS} claims`,
  )
  await expect(table).toHaveAttribute('aria-rowcount', String(CLAIMS_PER_DOCUMENT + 1))
  await expect(rows).toHaveCount(CLAIMS_PER_DOCUMENT)
  await rows.last().click()
  await waitForArticle(page, `Document ${DOCUMENTS - 1}.`)
  await expect(page.getByRole('tab', { name: 'Article' })).toHaveAttribute('aria-selected', 'true')
})

test('the Sources view of 200 documents draws a few rows, and a source in all of them lists more on demand', async ({
  app,
}) => {
  test.slow() // 200 documents are generated and read once, on a shared machine
  await restartOnGenerated(app, 'many-sources', {
    documents: DOCUMENTS,
    spansPerDocument: CLAIMS_PER_DOCUMENT,
    sources: true,
  })
  const page = app.page
  await page.getByRole('tab', { name: 'Sources' }).click()
  const sources = page.getByRole('tabpanel', { name: 'Sources' })
  await sources.getByLabel('Annotations').selectOption('a:bench')
  // "said" in every document, and "Document <n>" in its own: 201 sources.
  await expect(sources.getByRole('heading', { name: /Sources/ })).toContainText('201 sources')
  const table = sources.getByRole('table')
  await expect(table).toHaveAttribute('aria-rowcount', String(201 + 1))
  const rows = table.locator('tbody tr:not(.claims-spacer)')
  expect(await rows.count()).toBeLessThan(60)

  // The source with the most claims first: 1,000 claims in 200 documents, three of them listed.
  const said = rows.first()
  await expect(said.getByRole('rowheader')).toHaveText(/^said/)
  await expect(said.getByRole('cell').first()).toHaveText('1000')
  const docs = said.getByRole('button', { name: /^Article / })
  await expect(docs).toHaveCount(3)
  await page.screenshot({ path: test.info().outputPath('sources.png') })
  await said.getByRole('button', { name: 'Show 50 more (of 197 not shown)' }).click()
  await expect(docs).toHaveCount(53)
  await expect(said.getByRole('button', { name: 'Show fewer' })).toBeVisible()

  // The rows drawn follow the pane; the last source is reached and its document opens.
  await sources.locator('.claims-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight))
  const last = table.locator('tbody tr[aria-rowindex="202"]')
  await expect(last).toBeVisible()
  expect(await rows.count()).toBeLessThan(60)
  const article = last.getByRole('button', { name: /^Article / })
  const title = (await article.textContent()) ?? ''
  await article.click()
  await waitForArticle(page, `Document ${title.replace('Article ', '')}.`)

  // The Overview of 200 documents is counted in a worker (main's thread stays free), and shown.
  await page.getByRole('tab', { name: 'Overview' }).click()
  await expect(page.getByRole('tabpanel', { name: 'Overview' })).toContainText('in 200 documents')
})
