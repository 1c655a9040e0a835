// Importing articles: a .txt dropped onto the window (bytes → import:data) and an .html chosen in
// the Import dialog (a path → import:dialog); both become documents on disk and in the article.
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, test, scratchFolder } from './fixtures'
import {
  article,
  chooseImport,
  closeImportReport,
  dropFiles,
  openDocumentByTitle,
  waitForArticle,
} from './support/app-actions'
import { findDocument, openProjectDir, readProjectFile } from './support/project-files'
import { saveScreenshot } from './support/screenshots'

// UTF-8 with a BOM, CRLF line ends and non-ASCII text: what a Windows editor saves.
const TXT =
  '\uFEFFCafé owners protest the new quay tax\r\n\r\n' +
  'The naïve plan, critics say, would cost every café on the harbour €1,200 a year.\r\n\r\n' +
  '“We were never asked,” said Zoë Ångström, who runs the bakery — since 1987 — on the quay.\r\n'

const HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Council approves river crossing | The Ledger</title>
<meta property="og:site_name" content="The Ledger">
<meta name="author" content="Priya Raman">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Council approves river crossing</h1>
<p class="byline">By Priya Raman</p>
<p>The city council approved the new river crossing on Tuesday by nine votes to four, ending a
debate that has run for more than a decade and divided the two halves of the town.</p>
<h2>Costs</h2>
<p>The bridge is expected to cost 48 million euros, of which the regional government will pay
half. Opponents said the estimate left out the cost of moving the ferry terminal.</p>
<blockquote>We have waited long enough for this bridge, and now we will build it.</blockquote>
<p>Construction is due to start next spring and to take three years, the council's planning
office said in a statement published after the vote on its website.</p>
</article>
<footer>© The Ledger</footer>
</body></html>`

test('a .txt dropped onto the window is imported with its text intact', async ({ app }) => {
  const page = app.page
  await waitForArticle(page)
  await dropFiles(page, [{ name: 'quay-tax.txt', data: Buffer.from(TXT, 'utf8') }])
  await closeImportReport(page, '1 document added')

  const dir = await openProjectDir(page)
  const doc = await findDocument(dir, 'Café owners protest')
  expect(doc.document.text).not.toContain('\r')
  expect(doc.document.text).not.toContain('\uFEFF')
  expect(doc.document.text).toContain('€1,200')
  expect(doc.document.text).toContain('Zoë Ångström')
  expect(doc.document.metadata.importedFrom).toBe('quay-tax.txt')
  expect(doc.document.blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'paragraph'])

  await openDocumentByTitle(page, /Café owners protest/)
  await waitForArticle(page, '“We were never asked,” said Zoë Ångström')
  // The first line is the title: shown once, as the article's heading, then two paragraphs.
  await expect(article(page).locator('h1')).toHaveText('Café owners protest the new quay tax')
  await expect(article(page).locator('p')).toHaveCount(2)
  await expect(page.locator('.article-title')).toHaveCount(0)

  // Dropping the same file again is reported as a duplicate, not added twice.
  await dropFiles(page, [{ name: 'quay-tax-copy.txt', data: Buffer.from(TXT, 'utf8') }])
  await closeImportReport(page, '1 duplicate skipped')
  expect((await readProjectFile(dir)).documents).toHaveLength(2)
})

test('a dropped file that cannot be read is reported, and nothing is imported', async ({ app }) => {
  const page = app.page
  await waitForArticle(page)
  const before = (await readProjectFile(await openProjectDir(page))).documents.length
  // As when the file was moved or deleted between the drag and the drop.
  await page.evaluate(() => {
    File.prototype.arrayBuffer = () =>
      Promise.reject(new DOMException('The file could not be read.', 'NotReadableError'))
  })
  await dropFiles(page, [{ name: 'gone.txt', data: 'Gone before it was read.' }])
  await expect(page.getByRole('alert')).toContainText('Import failed: The file could not be read.')
  expect((await readProjectFile(await openProjectDir(page))).documents).toHaveLength(before)
})

test('an .html article chosen in the Import dialog keeps its headings and quotes', async ({
  app,
}) => {
  const page = app.page
  await waitForArticle(page)
  const folder = await scratchFolder('import')
  const file = path.join(folder, 'river-crossing.html')
  await writeFile(file, HTML)
  await app.nextDialog('chooseImportFiles', [file])
  await chooseImport(page, 'Documents')

  const report = page.getByRole('dialog', { name: 'Import finished' })
  await expect(report).toContainText('Council approves river crossing')
  await saveScreenshot(app, 'import-result')
  await closeImportReport(page, '1 document added')

  const dir = await openProjectDir(page)
  const doc = await findDocument(dir, 'Council approves river crossing')
  // The page title's "| The Ledger" (the site's name) is left out of the document's title.
  expect(doc.document.title).toBe('Council approves river crossing')
  expect(doc.document.metadata.siteName).toBe('The Ledger')
  expect(doc.document.metadata.importedFrom).toBe('river-crossing.html')
  expect(doc.document.text).toContain('nine votes to four')
  expect(doc.document.text).not.toMatch(/Home|News|© The Ledger/)
  expect(doc.document.blocks.map((b) => b.type)).toEqual(
    expect.arrayContaining(['heading', 'paragraph', 'blockquote']),
  )

  await openDocumentByTitle(page, /Council approves river crossing/)
  await waitForArticle(page, 'ending a debate')
  await expect(article(page).locator('blockquote')).toContainText('We have waited long enough')
  await expect(article(page).locator('h1, h2, h3, h4').filter({ hasText: 'Costs' })).toBeVisible()
})

test('the Import menu works from the keyboard: arrows, Enter, Escape', async ({ app }) => {
  const page = app.page
  await waitForArticle(page)
  const button = page.getByRole('banner').getByRole('button', { name: 'Import', exact: true })
  const menu = page.getByRole('menu', { name: 'Import' })
  await expect(button).toHaveAttribute('aria-haspopup', 'menu')
  await expect(button).toHaveAttribute('aria-expanded', 'false')

  // ArrowDown opens it on the first item; the arrows wrap; Escape closes it and refocuses.
  await button.focus()
  await page.keyboard.press('ArrowDown')
  await expect(menu).toBeVisible()
  await expect(button).toHaveAttribute('aria-expanded', 'true')
  const items = menu.getByRole('menuitem')
  await expect(items).toHaveText([
    'Documents (.pdf, .docx, .html, .md, .txt)…',
    'Pasted article…',
    'Annotations from another tool…',
  ])
  // After them, the checkable "Pre-annotate on import" (the project's setting).
  const preAnnotate = menu.getByRole('menuitemcheckbox', { name: 'Pre-annotate on import' })
  await expect(items.first()).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(items.nth(1)).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(items.nth(2)).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(preAnnotate).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(items.first()).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await expect(preAnnotate).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()
  await expect(button).toBeFocused()

  // ArrowUp opens it on the last item; Enter runs "Annotations…": its import dialog opens.
  await page.keyboard.press('ArrowUp')
  await expect(preAnnotate).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await expect(items.nth(2)).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(menu).toBeHidden()
  const dialog = page.getByRole('dialog', { name: 'Import annotations' })
  await expect(dialog).toBeVisible()
})
