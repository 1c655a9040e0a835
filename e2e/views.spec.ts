// The view switch: every view stays mounted, and the hidden ones are out of reach — not shown, not
// in the Tab order or the accessibility tree, not copied with the selection — while the article
// keeps its scroll position and its selected span across a trip to another view.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { article, clickHighlight, spanDetails, waitForArticle } from './support/app-actions'
import { saveScreenshot } from './support/screenshots'

/** Where keyboard focus is: the id of the view panel holding it, or null outside the panels. */
function focusedPanel(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.closest('[role=tabpanel]')?.id ?? null)
}

/** Whether the document's selection has an end inside the article's editor. */
function selectionInArticle(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const sel = getSelection()
    const editor = document.querySelector('.ProseMirror')
    return !!sel && sel.rangeCount > 0 && !!editor?.contains(sel.anchorNode)
  })
}

test('a hidden view is out of reach and the article comes back as it was left', async ({ app }) => {
  const page = app.page
  await waitForArticle(page, 'In Washington')
  await clickHighlight(page, 'claim-munitions')
  await expect(spanDetails(page).getByLabel('Note')).toBeVisible()
  const scroller = page.locator('#view-panel-article .article-scroll')
  await scroller.evaluate((el) => el.scrollBy(0, 300))
  const scrolled = await scroller.evaluate((el) => el.scrollTop)
  expect(scrolled).toBeGreaterThan(0)
  // Focus and a text selection inside the article, as left by reading and tagging.
  await article(page).evaluate((el) => {
    el.focus()
    const range = document.createRange()
    range.selectNodeContents(el.querySelector('p')!)
    getSelection()!.removeAllRanges()
    getSelection()!.addRange(range)
  })
  const selected = await page.evaluate(() => getSelection()!.toString())
  expect(selected.length).toBeGreaterThan(0)

  await page.getByRole('tab', { name: 'Claims' }).click()
  const claims = page.getByRole('tabpanel', { name: 'Claims' })
  await expect(claims.getByRole('table')).toBeVisible()
  await expect(page.getByRole('tabpanel', { name: 'Article' })).toBeHidden()
  await expect(article(page)).toBeHidden()
  await expect(spanDetails(page)).toBeHidden()
  // The selection is not left inside the hidden article (where Chromium would walk all of its
  // text for a caret place after each click).
  expect(await selectionInArticle(page)).toBe(false)
  // The article's controls are neither found by role nor reached with Tab.
  await expect(page.getByRole('button', { name: 'Delete span' })).toHaveCount(0)
  await expect(page.getByRole('textbox', { name: 'Note' })).toHaveCount(0)
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab')
    expect(await focusedPanel(page)).not.toBe('view-panel-article')
  }
  // The hidden article's text is not copied with the selection.
  expect(await page.evaluate(() => getSelection()?.toString() ?? '')).toBe('')
  // Clicks land on the view shown, not on the hidden ones stacked under it.
  const row = claims.locator('tbody tr').first()
  const box = (await row.boundingBox())!
  expect(
    await page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.closest('[role=tabpanel]')?.id,
      { x: box.x + box.width / 2, y: box.y + box.height / 2 },
    ),
  ).toBe('view-panel-claims')
  await saveScreenshot(app, 'view-claims-over-hidden-article')

  await page.getByRole('tab', { name: 'Article' }).click()
  await expect(article(page)).toBeVisible()
  await expect(claims).toBeHidden()
  await expect(spanDetails(page).getByLabel('Note')).toBeVisible()
  expect(await scroller.evaluate((el) => el.scrollTop)).toBe(scrolled)
  // The text selected before the trip is selected again.
  expect(await selectionInArticle(page)).toBe(true)
  expect(await page.evaluate(() => getSelection()!.toString())).toBe(selected)
  await saveScreenshot(app, 'view-article-back')
})
