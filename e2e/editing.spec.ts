// Editing spans from the panel and the keyboard: attribute edits, delete, undo and redo, each
// checked on disk after autosave.
import { expect, test } from './fixtures'
import {
  clickHighlight,
  highlight,
  spanDetails,
  tagAndSave,
  waitForArticle,
  waitForSpanOnDisk,
} from './support/app-actions'
import { saveScreenshot } from './support/screenshots'

const PHRASE = 'Kim has used similar language in the past'

test.beforeEach(async ({ app }) => {
  await waitForArticle(app.page, PHRASE)
})

test('attribute edits in the panel are saved', async ({ app }) => {
  const page = app.page
  const { dir, docId, span } = await tagAndSave(page, PHRASE, '1')
  await clickHighlight(page, span.id)
  const panel = spanDetails(page)
  await panel.getByLabel('Checkability').selectOption('opinion')
  await panel.getByLabel('Note').fill('Compare with his 2023 speech.')
  await panel.getByLabel('Note').blur()

  await expect
    .poll(async () => (await waitForSpanOnDisk(dir, docId, span.id, true))?.attributes, {
      timeout: 10_000,
    })
    .toEqual({ checkability: 'opinion', note: 'Compare with his 2023 speech.' })

  // Sentiment's number attribute keeps to its range: 2 is saved, 7 is refused.
  const sentiment = await tagAndSave(page, 'consistently saying North Korea supports', '3')
  await clickHighlight(page, sentiment.span.id)
  await panel.getByLabel('Polarity').selectOption('negative')
  const intensity = panel.getByLabel(/Intensity/)
  await intensity.fill('7')
  await expect(intensity).toHaveAttribute('aria-invalid', 'true')
  await intensity.fill('2')
  await intensity.press('Enter')
  await expect
    .poll(async () => (await waitForSpanOnDisk(dir, docId, sentiment.span.id, true))?.attributes, {
      timeout: 10_000,
    })
    .toEqual({ polarity: 'negative', intensity: 2 })
})

test('Delete removes the selected span from the article and from disk', async ({ app }) => {
  const page = app.page
  const { dir, docId, span } = await tagAndSave(page, PHRASE, '2')
  await clickHighlight(page, span.id)
  await expect(spanDetails(page).getByRole('heading', { name: /Source/ })).toBeVisible()
  await page.keyboard.press('Delete')
  await expect(highlight(page, span.id)).toHaveCount(0)
  await waitForSpanOnDisk(dir, docId, span.id, false)

  // The panel's button does the same.
  const again = await tagAndSave(page, PHRASE, '1')
  await clickHighlight(page, again.span.id)
  await spanDetails(page)
    .getByRole('button', { name: /Delete span/ })
    .click()
  await expect(highlight(page, again.span.id)).toHaveCount(0)
  await waitForSpanOnDisk(dir, docId, again.span.id, false)
})

test('the span list is out of sight and reach while a span is selected, and back after Delete', async ({
  app,
}) => {
  const page = app.page
  const panel = spanDetails(page)
  const other = await tagAndSave(page, 'consistently saying North Korea supports', '3')
  await page.keyboard.press('Escape')
  const spansHeading = panel.getByRole('heading', { name: 'Spans', exact: true })
  const otherItem = panel.getByRole('button', { name: new RegExp(other.span.quote.exact) })
  await expect(spansHeading).toBeVisible()
  await expect(otherItem).toBeVisible()

  // A new span is selected: the list is kept (hidden), but neither seen, nor in the
  // accessibility tree, nor reached by Tab, and it takes no room above the span's details.
  const { span } = await tagAndSave(page, PHRASE, '1')
  await expect(panel.getByRole('heading', { name: /Claim/ })).toBeVisible()
  await expect(spansHeading).toHaveCount(0)
  await expect(otherItem).toHaveCount(0)
  await expect(panel.locator('.span-item').first()).toBeHidden()
  expect((await panel.locator('.span-list-holder').boundingBox())?.height ?? 0).toBe(0)
  await panel.getByRole('button', { name: /All spans/ }).focus()
  await page.keyboard.press('Shift+Tab')
  await expect(panel.locator('.span-list-holder :focus')).toHaveCount(0)

  // Deleting it shows the list again, as it was.
  await page.locator('.ProseMirror').focus()
  await page.keyboard.press('Delete')
  await expect(highlight(page, span.id)).toHaveCount(0)
  await expect(spansHeading).toBeVisible()
  await expect(otherItem).toBeVisible()
  await expect(panel.getByRole('button', { name: new RegExp(PHRASE) })).toHaveCount(0)
})

test('undo and redo cover adding a span and editing its attributes', async ({ app }) => {
  const page = app.page
  const mod = process.platform === 'darwin' && app.mode === 'electron' ? 'Meta' : 'Control'
  const { dir, docId, span } = await tagAndSave(page, PHRASE, '1')

  await clickHighlight(page, span.id)
  await spanDetails(page).getByLabel('Checkability').selectOption('factual')
  await expect
    .poll(async () => (await waitForSpanOnDisk(dir, docId, span.id, true))?.attributes)
    .toEqual({ checkability: 'factual' })
  await page.locator('.ProseMirror').focus()

  // Undo the attribute edit, then the span itself.
  await page.keyboard.press(`${mod}+z`)
  await expect
    .poll(async () => (await waitForSpanOnDisk(dir, docId, span.id, true))?.attributes)
    .toEqual({})
  await page.keyboard.press(`${mod}+z`)
  await expect(highlight(page, span.id)).toHaveCount(0)
  await waitForSpanOnDisk(dir, docId, span.id, false)

  // Redo brings back the same span, then its attribute.
  await page.keyboard.press(`${mod}+Shift+z`)
  await expect(highlight(page, span.id).first()).toBeVisible()
  await waitForSpanOnDisk(dir, docId, span.id, true)
  await page.keyboard.press(`${mod}+Shift+z`)
  await expect
    .poll(async () => (await waitForSpanOnDisk(dir, docId, span.id, true))?.attributes)
    .toEqual({ checkability: 'factual' })

  // The Edit menu's Undo (an event from main) undoes too.
  await app.emit({ type: 'menu', command: 'undo' })
  await expect
    .poll(async () => (await waitForSpanOnDisk(dir, docId, span.id, true))?.attributes)
    .toEqual({})
})

test('the article shows a focus ring for keyboard focus only, just inside the pane', async ({
  app,
}) => {
  const page = app.page
  const pane = page.locator('.article-scroll')
  const ring = () => pane.evaluate((el) => getComputedStyle(el).outlineStyle)
  const docRing = () =>
    page.locator('.ProseMirror').evaluate((el) => getComputedStyle(el).outlineStyle)

  // A click in the text focuses it without framing the column.
  await page.locator('.ProseMirror p').first().click()
  await expect(page.locator('.ProseMirror')).toBeFocused()
  expect(await ring()).toBe('none')
  expect(await docRing()).toBe('none')

  // Tabbing in from the toolbar (its last button) frames the pane; leaving removes the frame.
  await page.getByRole('button', { name: 'Schema…' }).focus()
  await page.keyboard.press('Tab')
  await expect(page.locator('.ProseMirror')).toBeFocused()
  await expect(pane).toHaveAttribute('data-keyboard-focus', '')
  expect(await ring()).toBe('solid')
  expect(await docRing()).toBe('none')
  await saveScreenshot(app, 'article-keyboard-focus')
  await page.keyboard.press('Shift+Tab')
  await expect(pane).not.toHaveAttribute('data-keyboard-focus')
  expect(await ring()).toBe('none')
})
