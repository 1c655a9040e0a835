// Importing many documents and pasting an article, against the real handlers and import worker:
// the Paste article dialog (clipboard HTML with a script that never runs, the title from the first
// heading), the per-file progress of an import of several files made here (a .docx with a comment,
// a long two-page-per-second PDF, a scanned PDF, a duplicate), its report, and Cancel.
import { readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { buildDocx, para } from '../test/main/core/import/docx-fixtures'
import { buildPdf } from '../test/main/core/import/pdf-fixtures'
import { expect, test, scratchFolder } from './fixtures'
import { article, chooseImport, openDocumentByTitle, waitForArticle } from './support/app-actions'
import { findDocument, openProjectDir, readProjectFile } from './support/project-files'
import { expectNoViolations } from './support/axe'
import { saveScreenshot } from './support/screenshots'

const PASTED_HTML = `<meta charset="utf-8"><div class="story">
<h1>Port strike enters its second week</h1>
<p>Dock workers in the northern port stayed out on Monday, and the operator said talks
would resume on Thursday.</p>
<script>window.__pasteRan = (window.__pasteRan || 0) + 1</script>
<img src="x" onerror="window.__pasteRan = 'onerror'">
<blockquote>“We will not go back for less,” the union’s chair told reporters.</blockquote>
<p>Shipping lines have begun to divert cargo to the south.</p>
</div>`

/** Pastes `html` (and its text) into the focused element, as a browser's Ctrl+V would. */
async function pasteInto(page: Page, selector: string, html: string, text: string): Promise<void> {
  await page.locator(selector).focus()
  await page.evaluate(
    ([sel, h, t]) => {
      const data = new DataTransfer()
      data.setData('text/html', h)
      data.setData('text/plain', t)
      const event = new ClipboardEvent('paste', {
        clipboardData: data,
        bubbles: true,
        cancelable: true,
      })
      document.querySelector(sel)!.dispatchEvent(event)
    },
    [selector, html, text] as const,
  )
}

/**
 * A PDF of `pages` pages; `subject` makes its text differ from another long PDF's (no duplicate);
 * `filler` lines of body text per page make it slow enough to convert that a Cancel can land in it.
 */
function longPdf(pages: number, subject = 'harbour contract', filler = 0): Promise<Uint8Array> {
  return buildPdf(
    Array.from({ length: pages }, (_, p) => ({
      lines: [
        { text: `Section ${p + 1}`, x: 72, y: 760, size: 16 },
        {
          text: `The inquiry heard its ${p + 1}th witness on the ${subject}.`,
          x: 72,
          y: 720,
        },
        // Lines that repeat on every page but for a number are running heads, dropped by the
        // import: this one, the same on every page, is the text that tells two such PDFs apart.
        { text: `Officials said the ${subject} figures would be published.`, x: 72, y: 706 },
        ...Array.from({ length: filler }, (_, i) => ({
          text: `Witness ${p + 1} answered question ${i + 1} about the ${subject} at length.`,
          x: 72,
          y: 680 - i * 14,
        })),
      ],
    })),
  )
}

/** A Word file with a heading, two paragraphs and one comment (which the import leaves out). */
function commentedDocx(): Uint8Array {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
  return buildDocx({
    body:
      para('Ferry timetable review', 'Heading1') +
      para('The ferry operator will cut the winter timetable to four sailings a day.') +
      para('Councillors asked for the change to be delayed until the spring.'),
    rels: [['rIdComments', 'comments', 'comments.xml', false]],
    extraParts: {
      'word/comments.xml': `<?xml version="1.0"?><w:comments xmlns:w="${W}"><w:comment w:id="0" w:author="Ed"><w:p><w:r><w:t>Check the figure</w:t></w:r></w:p></w:comment></w:comments>`,
    },
  })
}

/** Writes the files into a new temp folder and returns their paths, in order. */
async function writeFiles(files: [string, Uint8Array | string][]): Promise<string[]> {
  const folder = await scratchFolder('import-many')
  const paths: string[] = []
  for (const [name, data] of files) {
    await writeFile(path.join(folder, name), data)
    paths.push(path.join(folder, name))
  }
  return paths
}

test('a pasted web article is cleaned, titled from its heading, and its script never runs', async ({
  app,
}) => {
  const page = app.page
  await waitForArticle(page)
  await chooseImport(page, 'Pasted article')
  const dialog = page.getByRole('dialog', { name: 'Paste article' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Import' })).toBeDisabled()

  const text = 'Port strike enters its second week\nDock workers in the northern port stayed out.'
  await pasteInto(page, '.paste-box', PASTED_HTML, text)
  // Main's preview (in the import worker, cold on the first import) prefills the title.
  await expect(dialog.getByLabel('Title')).toHaveValue('Port strike enters its second week', {
    timeout: 30_000,
  })
  const preview = dialog.getByRole('region', { name: 'What will be imported' })
  await expect(preview).toContainText('the operator said talks would resume on Thursday')
  await expect(preview).not.toContainText('__pasteRan')
  await expect(dialog).toContainText('Pasted from a web page')
  await saveScreenshot(app, 'paste-dialog')
  await expectNoViolations(page, 'the Paste article dialog', 'dialog[open]')

  await dialog.getByRole('button', { name: 'Import' }).click()
  await expect(dialog).toBeHidden()
  const report = page.getByRole('dialog', { name: 'Import finished' })
  await expect(report).toContainText('1 document added')
  await expect(report).toContainText('Port strike enters its second week')
  await report.getByRole('button', { name: 'Close' }).click()

  const dir = await openProjectDir(page)
  const doc = await findDocument(dir, 'Port strike enters its second week')
  expect(doc.document.metadata.importedFrom).toBe('clipboard')
  expect(doc.document.text).toContain('“We will not go back for less,” the union’s chair')
  expect(doc.document.text).not.toMatch(/__pasteRan|onerror|<script/)
  expect(doc.document.blocks.map((b) => b.type)).toEqual(
    expect.arrayContaining(['heading', 'paragraph', 'blockquote']),
  )
  await openDocumentByTitle(page, /Port strike enters its second week/)
  await waitForArticle(page, 'Shipping lines have begun')
  await expect(article(page).locator('script, img')).toHaveCount(0)
  expect(await page.evaluate(() => (window as { __pasteRan?: unknown }).__pasteRan)).toBeUndefined()
})

test('Ctrl+V on the article opens Paste article with the clipboard; plain text names its error', async ({
  app,
}) => {
  const page = app.page
  await waitForArticle(page)
  // A paste on the (read-only) article is an article to import, not an edit.
  await pasteInto(page, '.ProseMirror', '', 'Budget vote delayed\n\nThe vote moved to May.')
  const dialog = page.getByRole('dialog', { name: 'Paste article' })
  await expect(dialog.getByLabel('Title')).toHaveValue('Budget vote delayed', { timeout: 30_000 })
  await expect(dialog).toContainText('Plain text')
  // Emptying the box names the problem and keeps Import off.
  await dialog.getByLabel('Article').fill('   ')
  await expect(dialog.getByRole('button', { name: 'Import' })).toBeDisabled()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()

  // Ctrl+Shift+V opens it empty; a paste of only a picture's HTML is named, nothing imported.
  await article(page).click()
  await page.keyboard.press('Control+Shift+V')
  await expect(dialog).toBeVisible()
  await pasteInto(page, '.paste-box', '<img src="chart.png"><script>x()</script>', '')
  await expect(dialog.getByRole('alert')).toHaveText('clipboard: has no readable text', {
    timeout: 30_000,
  })
  await expect(dialog.getByRole('button', { name: 'Import' })).toBeDisabled()
})

test('several files: each file’s progress, then a report with notes, duplicates and failures', async ({
  app,
}) => {
  test.slow() // a 200-page PDF and axe, on a shared machine
  const page = app.page
  await waitForArticle(page)
  const dir = await openProjectDir(page)
  const before = (await readProjectFile(dir)).documents.length
  const note = 'Harbour dues to rise\n\nThe harbour board approved a rise in dues.'
  const paths = await writeFiles([
    // Lines enough that reading its pages outlasts the longest poll of the check below (1 s):
    // 200 short pages were read in 0.9-1.1 s here, and once in CI the progress was missed between
    // two polls (a run of 659a6e5); with 40 lines a page, 1.6-1.7 s.
    ['inquiry.pdf', await longPdf(200, 'harbour contract', 40)],
    ['ferry.docx', commentedDocx()],
    ['scan.pdf', await buildPdf([{ image: true }])],
    ['dues.txt', note],
    ['dues-copy.txt', note],
  ])
  await app.nextDialog('chooseImportFiles', paths)
  await chooseImport(page, 'Documents')

  const progress = page.getByRole('dialog', { name: 'Importing documents' })
  const files = progress.getByRole('list', { name: 'Files' }).getByRole('listitem')
  await expect(files).toHaveCount(5)
  // Files are read in order: the last waits behind the 200-page PDF. Checked first, as on a calm
  // machine the PDF's pages can all be read within a poll of the check below (the dialog was gone).
  await expect(files.nth(4)).toContainText(/dues-copy\.txt\s*waiting/)
  // The first page comes once the worker has loaded pdf.js (slow on a cold, busy machine).
  await expect(files.nth(0)).toContainText(/inquiry\.pdf\s*reading page \d+ of 200/, {
    timeout: 60_000,
  })
  await saveScreenshot(app, 'import-progress')
  await expectNoViolations(page, 'the import progress dialog', 'dialog[open]')

  const report = page.getByRole('dialog', { name: 'Import finished' })
  await expect(report).toBeVisible({ timeout: 120_000 })
  await expect(progress).toBeHidden()
  await expect(report).toContainText(
    '3 documents added, 1 duplicate skipped, 1 file could not be imported.',
  )
  const added = report.getByRole('region', { name: 'Added' })
  await expect(added).toContainText('Ferry timetable review from ferry.docx')
  await expect(added.getByRole('list', { name: 'Notes' })).toHaveText(
    '1 comment left out (comments are not article text)',
  )
  await expect(report.getByRole('region', { name: 'Duplicates' })).toContainText('dues-copy.txt')
  await expect(report.getByRole('alert')).toContainText(/scan\.pdf: has no text layer/)
  await saveScreenshot(app, 'import-report')
  await expectNoViolations(page, 'the import report with notes', 'dialog[open]')
  await report.getByRole('button', { name: 'Close' }).click()
  expect((await readProjectFile(dir)).documents).toHaveLength(before + 3)
})

test('Cancel stops the import inside a long PDF; nothing of it or later files is left', async ({
  app,
}) => {
  test.slow() // two long PDFs on a shared machine
  const page = app.page
  await waitForArticle(page)
  const dir = await openProjectDir(page)
  const before = (await readProjectFile(dir)).documents.length
  // Two long PDFs before the .docx: however late the Cancel lands (events can lag behind the
  // worker on a loaded machine), it lands before the last file.
  const paths = await writeFiles([
    ['first.txt', 'Imported before the cancel\n\nThis one is kept.'],
    ['inquiry.pdf', await longPdf(300, 'harbour contract', 40)],
    ['hearing.pdf', await longPdf(300, 'ferry tender', 40)],
    ['ferry.docx', commentedDocx()],
  ])
  await app.nextDialog('chooseImportFiles', paths)
  await chooseImport(page, 'Documents')
  const progress = page.getByRole('dialog', { name: 'Importing documents' })
  const files = progress.getByRole('list', { name: 'Files' }).getByRole('listitem')
  // Cancel as soon as the import shows: the two long PDFs take seconds, so the cancel lands in
  // them or before them, never after the last file (waiting for a later state could miss it on a
  // fast machine, where the whole import ends within a second or two).
  await expect(files).toHaveCount(4)
  await progress.getByRole('button', { name: 'Cancel' }).click()

  const report = page.getByRole('dialog', { name: 'Import finished' })
  await expect(report).toContainText(
    /^Import finished\d+ documents? added, \d files? not imported \(cancelled\)\./,
    {
      timeout: 60_000,
    },
  )
  const cancelled = report.getByRole('region', { name: 'Cancelled' })
  await expect(cancelled).toContainText('ferry.docx')
  await expect(report.getByRole('alert')).toHaveCount(0)
  const added = report.getByRole('region', { name: 'Added' }).getByRole('listitem')
  const addedCount = await added.count()
  // What was added came before what was cancelled, in the order chosen, and the .docx never is.
  const order = ['first.txt', 'inquiry.pdf', 'hearing.pdf']
  for (const [i, name] of order.slice(0, addedCount).entries()) {
    await expect(added.nth(i)).toContainText(`from ${name}`)
  }
  await report.getByRole('button', { name: 'Close' }).click()
  const project = await readProjectFile(dir)
  expect(project.documents).toHaveLength(before + addedCount)
  // Every file in the documents folder is a document the project lists: nothing half-written.
  const stored = (await readdir(path.join(dir, 'documents'))).sort()
  expect(stored).toEqual(project.documents.map((d) => path.basename(d.file)).sort())
})

test.describe('in a dark theme', () => {
  test.use({ colorScheme: 'dark' })

  test('the Paste, progress and report dialogs are readable', async ({ app }) => {
    test.slow() // two imports and axe, on a shared machine
    const page = app.page
    await waitForArticle(page)
    await page.keyboard.press('Control+Shift+V')
    const paste = page.getByRole('dialog', { name: 'Paste article' })
    await pasteInto(page, '.paste-box', PASTED_HTML, 'Port strike enters its second week')
    await expect(paste.getByRole('region', { name: 'What will be imported' })).toBeVisible({
      timeout: 30_000,
    })
    await saveScreenshot(app, 'paste-dialog-dark')
    await expectNoViolations(page, 'the Paste article dialog (dark)', 'dialog[open]')
    await paste.getByRole('button', { name: 'Cancel' }).click()

    // A PDF long enough to be seen being read: the Paste preview above left the import worker up
    // with pdf.js loaded, and a warm worker reads 120 short pages before the dialog is drawn on
    // a loaded machine (the state the screenshot wants was over by the first look).
    const paths = await writeFiles([
      ['inquiry.pdf', await longPdf(300, 'harbour contract', 40)],
      ['ferry.docx', commentedDocx()],
      ['scan.pdf', await buildPdf([{ image: true }])],
    ])
    await app.nextDialog('chooseImportFiles', paths)
    await chooseImport(page, 'Documents')
    const progress = page.getByRole('dialog', { name: 'Importing documents' })
    await expect(progress).toContainText(/inquiry\.pdf\s*reading page \d+ of 300/, {
      timeout: 60_000,
    })
    await saveScreenshot(app, 'import-progress-dark')
    await expectNoViolations(page, 'the import progress dialog (dark)', 'dialog[open]')
    const report = page.getByRole('dialog', { name: 'Import finished' })
    await expect(report).toContainText('2 documents added, 1 file could not be imported.', {
      timeout: 120_000,
    })
    await saveScreenshot(app, 'import-report-dark')
  })
})
