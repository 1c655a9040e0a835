// A damaged install: a chunk of the renderer's code that the first screen leaves out (a view, the
// dialogs, the Overview; shell/split-code.ts) cannot be loaded. The analyst is told which part and
// which file, the article keeps working, and Try again loads it once the file is back, without a
// restart. Chromium mode only: the harness serves the file as missing.
import type { Page } from '@playwright/test'
import { expect, test, type AppDriver } from './fixtures'
import { tagAndSave, waitForArticle } from './support/app-actions'
import { expectNoViolations } from './support/axe'
import { saveScreenshot } from './support/screenshots'

/** Restarts the app with the files matching `pattern` missing. */
async function startWithout(app: AppDriver, pattern: RegExp): Promise<Page> {
  test.skip(
    app.mode !== 'chromium',
    'needs the Chromium harness to serve a renderer file as missing',
  )
  app.missingFiles!.push(pattern)
  await app.restart()
  await waitForArticle(app.page, 'In Washington')
  return app.page
}

function noticeAbout(page: Page, what: string) {
  return page.getByRole('alert').filter({ hasText: `could not load ${what}` })
}

test('a view whose code is missing says so; the article works; Try again brings the view', async ({
  app,
}) => {
  const page = await startWithout(app, /^\/assets\/claims-views-[^/]*\.js$/)
  // The preload after the first screen met the missing file: the notice names the part and file.
  const notice = noticeAbout(page, 'the Claims and Sources views')
  await expect(notice).toBeVisible()
  await expect(notice).toContainText(/claims-views-[^/]*\.js/)
  await expect(notice).toContainText('Your project is not affected')

  // The tab is not dead: the view is shown, saying it could not be loaded.
  await page.getByRole('tab', { name: 'Claims' }).click()
  const claims = page.getByRole('tabpanel', { name: 'Claims' })
  await expect(claims).toContainText('This view could not be loaded')
  await saveScreenshot(app, 'missing-code')
  await expectNoViolations(page, 'the notice and the view that could not be loaded')

  // The article still tags and saves.
  await page.getByRole('tab', { name: 'Article' }).click()
  await tagAndSave(page, 'In Washington', '1')

  // The file is back (reinstalled): Try again loads the view in this window.
  app.missingFiles!.length = 0
  await notice.getByRole('button', { name: 'Try again' }).click()
  await expect(notice).toHaveCount(0)
  // Focus, on the notice's button, goes to the tab of the view on show, not to the page's body.
  await expect(page.getByRole('tab', { name: 'Article' })).toBeFocused()
  await page.getByRole('tab', { name: 'Claims' }).click()
  await expect(claims.getByRole('table')).toBeVisible()
  expect(app.pageErrors).toEqual([])
})

test('the dialogs missing: opening one asks again and says so; Try again opens it', async ({
  app,
}) => {
  const page = await startWithout(app, /^\/assets\/later-dialogs-[^/]*\.js$/)
  const notice = noticeAbout(page, 'the dialogs')
  await expect(notice).toBeVisible()
  await notice.getByRole('button', { name: 'Dismiss message' }).click()
  await expect(notice).toHaveCount(0)
  await expect(page.getByRole('tab', { name: 'Article' })).toBeFocused()

  // Export… asks for the code again: still missing, so the notice is back and no dialog opens.
  await page.getByRole('banner').getByRole('button', { name: 'Export…' }).click()
  await expect(notice).toBeVisible()
  await expect(page.getByRole('dialog', { name: 'Export dataset' })).toHaveCount(0)

  app.missingFiles!.length = 0
  await notice.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByRole('dialog', { name: 'Export dataset' })).toBeVisible()
  await expect(notice).toHaveCount(0)
  expect(app.pageErrors).toEqual([])
})

test('the Overview missing: its panel says so and the rest of the window stays', async ({
  app,
}) => {
  const page = await startWithout(app, /^\/assets\/overview-view-[^/]*\.js$/)
  await page.getByRole('tab', { name: 'Overview' }).click()
  const overview = page.getByRole('tabpanel', { name: 'Overview' })
  await expect(overview).toContainText('The Overview could not be loaded')
  const notice = noticeAbout(page, 'the Overview')
  await expect(notice).toContainText(/overview-view-[^/]*\.js/)
  // The window is still there: the tabs switch and the article is shown.
  await page.getByRole('tab', { name: 'Article' }).click()
  await waitForArticle(page, 'In Washington')

  app.missingFiles!.length = 0
  await notice.getByRole('button', { name: 'Try again' }).click()
  await page.getByRole('tab', { name: 'Overview' }).click()
  await expect(overview.locator('svg').first()).toBeVisible()
  expect(app.pageErrors).toEqual([])
})
