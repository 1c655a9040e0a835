// When the disk refuses: a save that fails shows "Not saved" with the file and the cause and a
// Retry that works once the disk takes writes again, nothing already on disk is lost (issue 8
// item 18); closing with an unsaved change keeps the window and offers Retry, Save a copy
// elsewhere, Quit anyway (item 22); a project whose folder cannot be written opens read-only, the
// window says so and annotating is off (item 19). Tests run as root, where chmod stops no write:
// the harness's StorageFaults makes the project's writes fail as a full disk or a read-only folder
// would. Chromium mode only (the harness's file system cannot be swapped under Electron).
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, test, scratchFolder } from './fixtures'
import {
  documentWith,
  highlight,
  spanDetails,
  spansOnDisk,
  tagAndSave,
  tagPhrase,
  waitForArticle,
} from './support/app-actions'
import { selectPhrase } from './support/text-selection'

const FACE_TO_FACE = 'Russian state media said Putin and Kim spoke face-to-face'
const DEAL = 'The deal was discarded after the collapse of the USSR'

test.beforeEach(async ({ app }) => {
  test.skip(app.mode !== 'chromium', 'swaps the file system under the harness')
  await waitForArticle(app.page, FACE_TO_FACE)
})

test('a failed save says so with the file and cause; Retry saves once the disk has room', async ({
  app,
}) => {
  const page = app.page
  const { dir, docId, span: first } = await tagAndSave(page, FACE_TO_FACE, '1')
  const before = await spansOnDisk(dir, docId)
  app.faults!.failWrites(path.join(dir, 'annotations'), 'ENOSPC')

  await tagPhrase(page, DEAL, '1')
  const status = page.getByRole('alert').filter({ hasText: 'Not saved' })
  await expect(status).toContainText(`${docId}.json`)
  await expect(status).toContainText(/disk is full|ENOSPC/)
  await expect(page.getByRole('banner')).toContainText('Not saved')
  // Nothing on disk changed, and Retry while the disk is still full fails again, saying so.
  expect(await spansOnDisk(dir, docId)).toEqual(before)
  await status.getByRole('button', { name: 'Retry' }).click()
  await expect(status).toContainText('Not saved')
  expect((await spansOnDisk(dir, docId)).map((s) => s.id)).toContain(first.id)

  app.faults!.clear()
  await status.getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByRole('banner').getByRole('status')).toHaveText(/Saved/)
  const after = await spansOnDisk(dir, docId)
  expect(after.map((s) => s.quote.exact)).toEqual(expect.arrayContaining([FACE_TO_FACE, DEAL]))
})

test('closing with an unsaved change keeps the window; Retry, Save a copy, Quit anyway', async ({
  app,
}) => {
  const page = app.page
  const { dir, docId, text } = await documentWith(page, DEAL)
  const before = await spansOnDisk(dir, docId)
  app.faults!.failWrites(path.join(dir, 'annotations'), 'EROFS')
  await tagPhrase(page, DEAL, '1')
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toBeVisible()

  // Cancel (the default answer): the window stays, having said what failed.
  expect(await app.mayClose()).toBe(false)
  // Retry while the file is still unwritable asks again; Quit anyway then lets the window go.
  await app.nextDialog('askUnsaved', 'retry')
  await app.nextDialog('askUnsaved', 'quit')
  expect(await app.mayClose()).toBe(true)
  expect(await spansOnDisk(dir, docId)).toEqual(before)

  // Save a copy elsewhere: the document with the unsaved span, where the user chose.
  const copy = path.join(await scratchFolder('copy'), 'copy.json')
  await app.nextDialog('askUnsaved', 'copy')
  await app.nextDialog('chooseCopyPath', copy)
  expect(await app.mayClose()).toBe(true)
  const written = JSON.parse(await readFile(copy, 'utf8'))
  expect(written.document.id).toBe(docId)
  expect(written.document.text).toBe(text)
  const start = text.indexOf(DEAL)
  expect(written.annotations.spans).toEqual(
    expect.arrayContaining([expect.objectContaining({ start, end: start + DEAL.length })]),
  )
  // Once the file can be written again, closing saves and goes without a question.
  app.faults!.clear()
  expect(await app.mayClose()).toBe(true)
  expect((await spansOnDisk(dir, docId)).length).toBe(before.length + 1)
})

test('a project whose folder cannot be written opens read-only: it says so, annotating is off', async ({
  app,
}) => {
  const page = app.page
  const { dir, docId } = await documentWith(page, FACE_TO_FACE)
  const before = await spansOnDisk(dir, docId)
  await app.restart(() => app.faults!.failWrites(dir, 'EROFS'))
  const window = app.page
  await waitForArticle(window, FACE_TO_FACE)

  const banner = window.getByRole('status').filter({ hasText: 'Read-only.' })
  await expect(banner).toContainText(/read-only file system|EROFS/)
  await expect(window.getByRole('banner').getByRole('status')).toHaveText(/Read-only/)

  // A tag key says why nothing happens; no palette is offered; nothing is written.
  await selectPhrase(window, FACE_TO_FACE)
  await expect(window.getByRole('toolbar', { name: 'Tag selection as' })).toHaveCount(0)
  await window.keyboard.press('1')
  await expect(window.locator('.article-hint')).toContainText('read-only')
  // A span can still be selected and read, but not changed or linked.
  const some = before.find((s) => s.layer === 'claim')!
  await highlight(window, some.id).first().scrollIntoViewIfNeeded()
  await highlight(window, some.id).first().click()
  const panel = spanDetails(window)
  await expect(panel.getByLabel('Quote')).toBeVisible()
  await expect(panel.getByRole('combobox', { name: 'Label' })).toBeDisabled()
  await expect(panel.getByRole('button', { name: /Delete span/ })).toBeDisabled()
  await expect(window.locator('.mg-link-handle')).toBeHidden()
  await window.keyboard.press('Delete')
  await expect(window.locator('.article-hint')).toContainText('read-only')
  expect(await spansOnDisk(dir, docId)).toEqual(before)
})
