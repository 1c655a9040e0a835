// A project of thousands of documents: the document list draws only the items near its viewport,
// and an analyst still reaches every document, by scrolling or from the keyboard (one tab stop for
// the list; the arrows, Home, End, Page Up and Page Down move in it; Enter opens), while a screen
// reader hears each item's place in the whole list.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { waitForArticle } from './support/app-actions'
import { restartOnGenerated } from './support/generated-project'

const DOCUMENTS = 2_000

const list = (page: Page) => page.getByRole('navigation', { name: 'Documents' })

/** The title of the focused element (a document's button). */
const focusedTitle = (page: Page) =>
  page.evaluate(() => document.activeElement?.querySelector('.document-item-title')?.textContent)

test('a list of 2,000 documents draws a few, and every one is reached by scrolling or the keys', async ({
  app,
}, testInfo) => {
  test.slow() // 2,000 documents are generated and scanned once, on a shared machine
  await restartOnGenerated(app, 'large-project', { documents: DOCUMENTS, spansPerDocument: 1 })
  const page = app.page
  await expect(list(page).locator('.pane-title')).toHaveText(`Documents ${DOCUMENTS}`)

  // Only the items near the viewport are drawn, each telling its place in the whole list.
  const items = list(page).getByRole('listitem')
  await expect(items.first()).toHaveAttribute('aria-setsize', String(DOCUMENTS))
  await expect(items.first()).toHaveAttribute('aria-posinset', '1')
  expect(await items.count()).toBeLessThan(100)
  // One tab stop: the open document's button.
  const stops = list(page).locator('button.document-item:not([tabindex="-1"])')
  await expect(stops).toHaveCount(1)
  await expect(stops).toHaveAttribute('aria-current', 'page')

  // From the keyboard: the end of the list, then Enter opens that document.
  await stops.focus()
  await page.keyboard.press('End')
  await expect.poll(() => focusedTitle(page)).toBe(`Article ${DOCUMENTS - 1}`)
  await page.keyboard.press('Enter')
  await waitForArticle(page, `Document ${DOCUMENTS - 1}.`)
  const last = list(page).getByRole('button', { name: `Article ${DOCUMENTS - 1}` })
  await expect(last).toHaveAttribute('aria-current', 'page')
  await expect(last).toBeInViewport()
  await expect(last.locator('xpath=..')).toHaveAttribute('aria-posinset', String(DOCUMENTS))
  await page.keyboard.press('Home')
  await expect.poll(() => focusedTitle(page)).toBe('Article 0')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('PageDown')
  await expect.poll(() => focusedTitle(page)).toBe('Article 11')
  await page.keyboard.press('ArrowUp')
  await expect.poll(() => focusedTitle(page)).toBe('Article 10')
  await expect(stops).toHaveCount(1)

  // Tab leaves the list and Shift+Tab comes back to the item last focused.
  await page.keyboard.press('Tab')
  await expect.poll(() => focusedTitle(page)).not.toBe('Article 10')
  await page.keyboard.press('Shift+Tab')
  await expect.poll(() => focusedTitle(page)).toBe('Article 10')

  // By scrolling: the middle of the list is drawn where it is scrolled to, and opens on a click.
  await list(page).evaluate((el) => (el.scrollTop = el.scrollHeight / 2))
  await expect
    .poll(async () => Number(await items.last().getAttribute('aria-posinset')))
    .toBeGreaterThan(DOCUMENTS / 4)
  const middle = items.nth(Math.floor((await items.count()) / 2))
  const at = Number(await middle.getAttribute('aria-posinset'))
  await expect(middle).toBeInViewport()
  await expect(middle).toContainText(`Article ${at - 1}`)
  await middle.getByRole('button').click()
  await waitForArticle(page, `Document ${at - 1}.`)
  await page.screenshot({ path: testInfo.outputPath('document-list.png') })

  // A document opened from elsewhere (here a claim of the Claims view) is brought into the list's
  // view, far from where the list was scrolled.
  const far = at + 400
  await page.getByRole('tab', { name: 'Claims' }).click()
  const claims = page.getByRole('tabpanel', { name: 'Claims' })
  await claims.getByRole('radio', { name: 'Whole project' }).check()
  await claims.getByRole('combobox', { name: 'Annotations' }).selectOption({ label: 'bench' })
  await claims
    .getByRole('combobox', { name: 'Document' })
    .selectOption({ label: `Article ${far} (1)` })
  await expect(claims.getByRole('table').locator('tbody tr')).toHaveCount(1)
  await claims.getByRole('table').locator('tbody tr').click()
  await waitForArticle(page, `Document ${far}.`)
  const opened = list(page).getByRole('button', { name: new RegExp(`^Article ${far} `) })
  await expect(opened).toHaveAttribute('aria-current', 'page')
  await expect(opened).toBeInViewport()
})
