// A first start installs the sample project and opens its article with the example highlights.
import { expect, test } from './fixtures'
import { highlight, waitForArticle } from './support/app-actions'
import { findDocument, openProjectDir, readProjectFile } from './support/project-files'
import { highlightedSpanIds } from './support/text-selection'
import { saveScreenshot } from './support/screenshots'

test('first start shows the sample article with its highlights', async ({ app }) => {
  const page = app.page
  await waitForArticle(page, 'Russian President Vladimir Putin and North Korean leader Kim Jong Un')

  // The sample was copied into the user-data folder, not opened in place.
  const dir = await openProjectDir(page)
  expect(dir.startsWith(app.userDataDir)).toBe(true)
  const project = await readProjectFile(dir)
  const sample = await findDocument(dir)
  expect(sample.annotations.spans.length).toBeGreaterThanOrEqual(3)

  // The sidebar lists the document with its span count.
  const documents = page.getByRole('navigation', { name: 'Documents' })
  await expect(documents.getByRole('button', { name: /Russia and North Korea/ })).toContainText(
    `${sample.annotations.spans.length} spans`,
  )
  await expect(page.getByRole('banner')).toContainText(project.name)

  // Every example span is drawn, over exactly its quoted text.
  for (const span of sample.annotations.spans) {
    const el = highlight(page, span.id)
    await expect(el.first()).toBeAttached()
    const drawn = (await el.allTextContents()).join('')
    expect(drawn.replace(/\s+/g, ' ')).toBe(span.quote.exact.replace(/\s+/g, ' '))
  }
  expect((await highlightedSpanIds(page)).sort()).toEqual(
    sample.annotations.spans.map((s) => s.id).sort(),
  )
  // Each layer has its own look.
  const layers = await page.evaluate(() =>
    [...document.querySelectorAll('.ProseMirror [data-layer]')].map((el) => {
      const style = getComputedStyle(el)
      return `${el.getAttribute('data-layer')}|${style.textDecorationStyle}|${style.backgroundColor}`
    }),
  )
  const looks = new Map(layers.map((l) => [l.split('|')[0], l]))
  expect(looks.size).toBe(new Set(sample.annotations.spans.map((s) => s.layer)).size)
  expect(new Set(looks.values()).size).toBe(looks.size)

  // The article opens at its beginning: the title (once, as the text's heading), then the first
  // paragraphs and their highlights.
  const scroller = page.locator('.article-scroll')
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBe(0)
  await expect(page.locator('.ProseMirror h1')).toHaveText(sample.document.title)
  await expect(page.locator('.article-title')).toHaveCount(0)
  await saveScreenshot(app, 'first-start')
})
