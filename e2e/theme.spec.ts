// The theme follows the system: with a dark colour scheme the workbench is dark, the article light
// on dark, and highlights keep their layer colours.
import { expect, test } from './fixtures'
import { clickHighlight, waitForArticle } from './support/app-actions'
import { findDocument, openProjectDir } from './support/project-files'
import { saveScreenshot } from './support/screenshots'

test.use({ colorScheme: 'dark' })

/** Relative luminance (0 black … 1 white) of a CSS rgb()/rgba() colour. */
function luminance(css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map(Number)
  const lin = (c: number) => {
    const v = c / 255
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

test('with a dark system theme the workbench is dark and the text readable', async ({ app }) => {
  const page = app.page
  await waitForArticle(page)
  const colours = await page.evaluate(() => {
    const article = document.querySelector('.ProseMirror')!
    // The first ancestor with a non-transparent background is what the text is read against.
    let el: Element | null = article
    let background = 'rgba(0, 0, 0, 0)'
    while (el && /rgba\(0, 0, 0, 0\)|transparent/.test(background)) {
      background = getComputedStyle(el).backgroundColor
      el = el.parentElement
    }
    return { text: getComputedStyle(article).color, background }
  })
  expect(luminance(colours.background)).toBeLessThan(0.1)
  expect(luminance(colours.text)).toBeGreaterThan(0.5)

  const sample = await findDocument(await openProjectDir(page))
  const source = sample.annotations.spans.find((s) => s.layer === 'source')!
  await clickHighlight(page, source.id)
  await expect(
    page
      .getByRole('complementary', { name: 'Annotations' })
      .getByRole('heading', { name: /Source/ }),
  ).toBeVisible()
  await saveScreenshot(app, 'dark-theme')
})
