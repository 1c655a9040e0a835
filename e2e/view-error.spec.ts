// A view that throws while rendering (a bug, or data it did not expect) shows the error in its own
// panel with Try again, while the rest of the window works and edits are saved. Before, React
// unmounted the whole window: an empty page until a restart. The fault is injected from outside
// our code: the browser's Intl.Collator, which the Claims and Sources tables sort with, made to
// throw while the page's `__failCollation` flag is set. Chromium mode only.
import { expect, test } from './fixtures'
import { tagAndSave, waitForArticle } from './support/app-actions'
import { saveScreenshot } from './support/screenshots'

const COLLATION_FAULT = `(() => {
  const compare = Object.getOwnPropertyDescriptor(Intl.Collator.prototype, 'compare')
  Object.defineProperty(Intl.Collator.prototype, 'compare', {
    configurable: true,
    get() {
      const real = compare.get.call(this)
      return (a, b) => {
        if (window.__failCollation) throw new Error('collation failed')
        return real(a, b)
      }
    },
  })
})()`

test('a view that throws shows the error in its panel; the rest works; Try again shows it', async ({
  app,
}) => {
  test.skip(app.mode !== 'chromium', 'needs the Chromium harness to inject the fault')
  app.initScripts!.push(COLLATION_FAULT)
  await app.restart()
  const page = app.page
  await waitForArticle(page, 'In Washington')
  await page.evaluate(
    () => ((window as unknown as { __failCollation: boolean }).__failCollation = true),
  )

  // The Sources table loads its rows when shown, and sorts them: it throws.
  await page.getByRole('tab', { name: 'Sources' }).click()
  const sources = page.getByRole('tabpanel', { name: 'Sources' })
  const stopped = sources.getByRole('alert')
  await expect(stopped).toContainText('The Sources view stopped with an error: collation failed')
  await expect(stopped).toContainText('Your project is not affected')
  await saveScreenshot(app, 'view-error')

  // The window is still there: the top bar, the tabs, the article, and autosave.
  await page.getByRole('tab', { name: 'Article' }).click()
  await tagAndSave(page, 'In Washington', '1')

  // The cause gone, Try again shows the view.
  await page.evaluate(
    () => ((window as unknown as { __failCollation: boolean }).__failCollation = false),
  )
  await page.getByRole('tab', { name: 'Sources' }).click()
  await stopped.getByRole('button', { name: 'Try again' }).click()
  await expect(sources.getByRole('table')).toBeVisible()
  await expect(sources.getByRole('alert')).toHaveCount(0)
  // Caught by the view's boundary: nothing reached the page as an uncaught error.
  expect(app.pageErrors).toEqual([])
})
