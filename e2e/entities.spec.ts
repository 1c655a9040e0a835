// The source registry in the annotator: a source span is assigned to an entity by a suggestion,
// by search, or to a new entity made from its text (saved to project.json before the span that
// refers to it), undoably; the registry manager edits and deletes entities. Checked on disk.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import {
  documentWith,
  spanDetails,
  spansOnDisk,
  tagPhrase,
  waitForArticle,
  waitForNewSpanOnDisk,
} from './support/app-actions'
import { readProjectFile } from './support/project-files'
import { saveScreenshot } from './support/screenshots'

const VISIT = 'Putin’s visit comes amid growing concerns'
const STOLTENBERG = 'NATO chief Jens Stoltenberg'

test.beforeEach(async ({ app }) => {
  await waitForArticle(app.page, VISIT)
})

/** Tags (as a Source) the first occurrence of `phrase` inside `context`; returns the saved span. */
async function tagWithin(page: Page, phrase: string, context: string) {
  const { dir, docId, text } = await documentWith(page, context)
  const at = text.indexOf(context) + context.indexOf(phrase)
  const occurrence = text.slice(0, at).split(phrase).length - 1
  const before = await spansOnDisk(dir, docId)
  await tagPhrase(page, phrase, '2', 'select', occurrence)
  const span = await waitForNewSpanOnDisk(dir, docId, before)
  return { dir, docId, span }
}

/** Waits until the span's entity on disk is `entityId` (undefined: none). */
async function expectEntityOnDisk(dir: string, docId: string, spanId: string, entityId?: string) {
  await expect
    .poll(async () => (await spansOnDisk(dir, docId)).find((s) => s.id === spanId)?.entityId, {
      message: `entity of ${spanId} on disk`,
      timeout: 10_000,
    })
    .toBe(entityId)
}

test('a suggestion click assigns the source span to the registry entity, on disk', async ({
  app,
}) => {
  const page = app.page
  const { dir, docId, span } = await tagWithin(page, 'Putin', VISIT)
  const field = spanDetails(page).getByRole('region', { name: 'Entity' })
  const suggestions = field.getByRole('group', { name: 'Suggested entities' })
  await expect(suggestions.getByRole('button').first()).toHaveText(/Vladimir Putin/)
  await page.mouse.move(5, 5)
  await saveScreenshot(app, 'entity-field')

  await suggestions.getByRole('button', { name: /Vladimir Putin/ }).click()
  await expectEntityOnDisk(dir, docId, span.id, 'e-vladimir-putin')
  await expect(field.locator('.entity-chip')).toContainText('Vladimir Putin')
  const project = await readProjectFile(dir)
  expect(project.entities.find((e) => e.id === 'e-vladimir-putin')?.name).toBe('Vladimir Putin')

  // Undo unlinks it again.
  await page.keyboard.press('Control+z')
  await expectEntityOnDisk(dir, docId, span.id, undefined)
})

test('"New entity from this text" saves the entity to project.json and links the span', async ({
  app,
}) => {
  const page = app.page
  const { dir, docId, span } = await tagWithin(page, STOLTENBERG, STOLTENBERG)
  const panel = spanDetails(page)
  await panel.getByLabel('Kind').selectOption('person')
  await panel.getByRole('button', { name: 'New entity from this text' }).click()

  let entityId: string | undefined
  await expect
    .poll(async () => {
      entityId = (await spansOnDisk(dir, docId)).find((s) => s.id === span.id)?.entityId
      return entityId
    })
    .toBeTruthy()
  const entity = (await readProjectFile(dir)).entities.find((e) => e.id === entityId)
  expect(entity).toMatchObject({ name: STOLTENBERG, kind: 'person' })
  await expect(panel.locator('.entity-chip')).toContainText(STOLTENBERG)
})

test('the search finds an entity by part of its name; assigning adds the text as an alias', async ({
  app,
}) => {
  const page = app.page
  const { dir, docId, span } = await tagWithin(page, 'Kremlin', 'According to the Kremlin')
  const field = spanDetails(page).getByRole('region', { name: 'Entity' })
  const search = field.getByRole('combobox', { name: 'Find an entity' })
  await search.fill('putin')
  await expect(field.getByRole('option', { name: /Vladimir Putin/ })).toBeVisible()
  await search.press('Enter')
  await expectEntityOnDisk(dir, docId, span.id, 'e-vladimir-putin')
  const putin = (await readProjectFile(dir)).entities.find((e) => e.id === 'e-vladimir-putin')
  expect(putin?.aliases).toContain('Kremlin')
})

test('the registry manager edits an entity, and refuses to delete one a span refers to', async ({
  app,
}) => {
  const page = app.page
  const dir = (await documentWith(page, VISIT)).dir
  await page.getByRole('button', { name: 'Source registry…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Source registry' })
  await dialog.getByRole('button', { name: /^TASS/ }).click()
  await dialog.getByLabel('Note').fill('State-owned news agency of Russia.')
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await expect
    .poll(async () => (await readProjectFile(dir)).entities.find((e) => e.id === 'e-tass')?.note)
    .toBe('State-owned news agency of Russia.')

  await dialog.getByRole('button', { name: 'Delete…' }).click()
  await dialog.getByRole('button', { name: 'Delete “TASS”' }).click()
  await expect(dialog.getByRole('status')).toContainText('refer to it')
  expect((await readProjectFile(dir)).entities.some((e) => e.id === 'e-tass')).toBe(true)

  // A new entity nothing refers to can be added and deleted.
  await dialog.getByRole('button', { name: 'New entity' }).click()
  await dialog.getByLabel('Name').fill('Jens Stoltenberg')
  await dialog.getByRole('button', { name: 'Add entity' }).click()
  await expect
    .poll(async () => (await readProjectFile(dir)).entities.map((e) => e.name))
    .toContain('Jens Stoltenberg')
  await dialog.getByRole('button', { name: 'Delete…' }).click()
  await dialog.getByRole('button', { name: 'Delete “Jens Stoltenberg”' }).click()
  await expect
    .poll(async () => (await readProjectFile(dir)).entities.map((e) => e.name))
    .not.toContain('Jens Stoltenberg')
  await dialog.getByRole('button', { name: 'Close' }).click()
})
