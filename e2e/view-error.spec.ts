// A view or a dialog that throws while rendering (a bug, or data it did not expect) shows the error
// in its place, while the rest of the window works and edits are saved. Before, React unmounted the
// whole window: an empty page until a restart. The faults are injected from outside our code: the
// browser's Intl.Collator (the Claims and Sources tables sort with it) or String's localeCompare
// (the registry's search sorts with it), made to throw while the page's `__failCollation` flag is
// set. Chromium mode only.
import type { Page } from '@playwright/test'
import { expect, test, type AppDriver } from './fixtures'
import { tagAndSave, waitForArticle } from './support/app-actions'
import { expectNoViolations } from './support/axe'
import { saveScreenshot } from './support/screenshots'

const COLLATION_FAULT = `(() => {
  const localeCompare = String.prototype.localeCompare
  String.prototype.localeCompare = function (...args) {
    if (window.__failCollation) throw new Error('collation failed')
    return localeCompare.apply(this, args)
  }
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

function setFault(page: Page, on: boolean) {
  return page.evaluate(
    (value) => ((window as unknown as { __failCollation: boolean }).__failCollation = value),
    on,
  )
}

/** Restarts the app with the fault ready (off until `setFault`), on the sample's article. */
async function startWithFault(app: AppDriver): Promise<Page> {
  test.skip(app.mode !== 'chromium', 'needs the Chromium harness to inject the fault')
  app.initScripts!.push(COLLATION_FAULT)
  await app.restart()
  await waitForArticle(app.page, 'In Washington')
  return app.page
}

test('a view that throws shows the error in its panel; the rest works; Try again shows it', async ({
  app,
}) => {
  const page = await startWithFault(app)
  await setFault(page, true)

  // The Sources table loads its rows when shown, and sorts them: it throws.
  await page.getByRole('tab', { name: 'Sources' }).click()
  const sources = page.getByRole('tabpanel', { name: 'Sources' })
  const stopped = sources.getByRole('alert')
  await expect(stopped).toContainText('The Sources view stopped with an error: collation failed')
  await expect(stopped).toContainText('Your project is not affected')
  await saveScreenshot(app, 'view-error')
  await expectNoViolations(page, 'a view that stopped')

  // The window is still there: the top bar, the tabs, the article, and autosave.
  await page.getByRole('tab', { name: 'Article' }).click()
  await tagAndSave(page, 'In Washington', '1')

  // The cause gone, Try again shows the view.
  await setFault(page, false)
  await page.getByRole('tab', { name: 'Sources' }).click()
  await stopped.getByRole('button', { name: 'Try again' }).click()
  await expect(sources.getByRole('table')).toBeVisible()
  // Focus, on Try again, goes to the view's tab, not to the page's body.
  await expect(page.getByRole('tab', { name: 'Sources' })).toBeFocused()
  await expect(sources.getByRole('alert')).toHaveCount(0)
  // Caught by the view's boundary: nothing reached the page as an uncaught error.
  expect(app.pageErrors).toEqual([])
})

test('a dialog that throws is replaced by one saying so; closed, the app goes on', async ({
  app,
}) => {
  const page = await startWithFault(app)
  await page.getByRole('button', { name: 'Source registry…' }).click()
  const registry = page.getByRole('dialog', { name: 'Source registry' })
  await expect(registry).toBeVisible()

  // The registry's search sorts what it finds (names alike in rank by localeCompare): it throws.
  await setFault(page, true)
  await registry.getByLabel('Filter entities').fill('a')
  const stopped = page.getByRole('dialog', { name: 'Source registry stopped' })
  await expect(stopped.getByRole('alert')).toContainText(
    'The Source registry dialog stopped with an error: collation failed',
  )
  await setFault(page, false)
  await saveScreenshot(app, 'dialog-error')
  await expectNoViolations(page, 'a dialog that stopped', 'dialog[open]')
  await stopped.getByRole('button', { name: 'Close' }).click()
  await expect(stopped).toHaveCount(0)

  // The window goes on: the article tags and saves, and the dialog opens again and works.
  await tagAndSave(page, 'In Washington', '1')
  await page.getByRole('button', { name: 'Source registry…' }).click()
  await registry.getByLabel('Filter entities').fill('ta')
  await expect(registry.getByRole('button', { name: /^TASS/ })).toBeVisible()
  expect(app.pageErrors).toEqual([])
})
