// Nothing is lost when switching documents or when the app quits and starts again on the same
// user-data folder: spans and document labels are on disk and drawn again.
import { expect, test } from './fixtures'
import {
  closeImportReport,
  dropFiles,
  highlight,
  openDocumentByTitle,
  tagAndSave,
  waitForArticle,
} from './support/app-actions'
import { openProjectDir, readDocumentFile } from './support/project-files'

const NOTES =
  'Harbour board minutes\n\n' +
  'The board agreed to dredge the northern channel before the autumn storms arrive.\n\n' +
  'Members asked the engineer to report on the cost of repairing the old breakwater.\n'

test('switching documents and reopening the project keeps every span and label', async ({
  app,
}) => {
  let page = app.page
  await waitForArticle(page, 'Russian state media said')
  const sample = await tagAndSave(page, 'Russian state media said Putin and Kim', '1')

  // A second document, tagged too, with a document label.
  await dropFiles(page, [{ name: 'minutes.txt', data: NOTES }])
  await closeImportReport(page, '1 document added')
  await openDocumentByTitle(page, /Harbour board minutes/)
  await waitForArticle(page, 'dredge the northern channel')
  const minutes = await tagAndSave(page, 'dredge the northern channel', '2')
  await page
    .getByRole('region', { name: 'Annotations' })
    .getByLabel('Overall sentiment')
    .selectOption('neutral')

  // Back and forth: each document shows its own spans.
  await openDocumentByTitle(page, /Russia and North Korea/)
  await waitForArticle(page, 'Russian state media said')
  await expect(highlight(page, sample.span.id).first()).toBeVisible()
  await openDocumentByTitle(page, /Harbour board minutes/)
  await waitForArticle(page, 'dredge the northern channel')
  await expect(highlight(page, minutes.span.id).first()).toBeVisible()
  await expect(page.getByLabel('Overall sentiment')).toHaveValue('neutral')

  // Quit and start again: the same project opens, with everything on disk and on screen.
  const dir = await openProjectDir(page)
  await app.restart()
  page = app.page
  await waitForArticle(page)
  expect(await openProjectDir(page)).toBe(dir)

  const sampleFile = await readDocumentFile(dir, sample.docId)
  const minutesFile = await readDocumentFile(dir, minutes.docId)
  expect(sampleFile.annotations.spans.map((s) => s.id)).toContain(sample.span.id)
  expect(minutesFile.annotations.spans).toEqual([minutes.span])
  expect(minutesFile.annotations.docLabels).toEqual({ overall_sentiment: ['neutral'] })

  await openDocumentByTitle(page, /Russia and North Korea/)
  await waitForArticle(page, 'Russian state media said')
  await expect(highlight(page, sample.span.id).first()).toBeVisible()
  await openDocumentByTitle(page, /Harbour board minutes/)
  await waitForArticle(page, 'dredge the northern channel')
  await expect(highlight(page, minutes.span.id).first()).toBeVisible()
  await expect(page.getByLabel('Overall sentiment')).toHaveValue('neutral')
})
