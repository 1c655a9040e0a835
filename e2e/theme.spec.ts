// The theme follows the system: with a dark colour scheme the workbench is dark, the article light
// on dark, and highlights keep their layer colours.
import { expect, test } from './fixtures'
import { clickHighlight, waitForArticle } from './support/app-actions'
import { findDocument, openProjectDir } from './support/project-files'
import { luminance, textColours } from './support/contrast'
import { saveScreenshot } from './support/screenshots'

test.use({ colorScheme: 'dark' })

test('with a dark system theme the workbench is dark and the text readable', async ({ app }) => {
  const page = app.page
  await waitForArticle(page)
  const colours = await textColours(page.locator('.ProseMirror'))
  expect(luminance(colours.background)).toBeLessThan(0.1)
  expect(luminance(colours.text)).toBeGreaterThan(0.5)

  const sample = await findDocument(await openProjectDir(page))
  const source = sample.annotations.spans.find((s) => s.layer === 'source')!
  await clickHighlight(page, source.id)
  await expect(
    page.getByRole('region', { name: 'Annotations' }).getByRole('heading', { name: /Source/ }),
  ).toBeVisible()
  await saveScreenshot(app, 'dark-theme')
})
