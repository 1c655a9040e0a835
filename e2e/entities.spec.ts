// The source registry in the annotator: a source span is assigned to an entity by a suggestion,
// by search, or to a new entity made from its text (saved to project.json before the span that
// refers to it), undoably; the registry manager edits, deletes and merges entities (main rewrites
// every document; the open one follows). Checked on disk.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import {
  clickHighlight,
  documentWith,
  spanDetails,
  spansOnDisk,
  tagPhrase,
  waitForArticle,
  waitForNewSpanOnDisk,
} from './support/app-actions'
import { readAllDocuments, readProjectFile } from './support/project-files'
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

/** Waits until the span refers to an entity on disk, and returns that entity of project.json. */
async function newEntityOnDisk(dir: string, docId: string, spanId: string) {
  let entityId: string | undefined
  await expect
    .poll(async () => {
      entityId = (await spansOnDisk(dir, docId)).find((s) => s.id === spanId)?.entityId
      return entityId
    })
    .toBeTruthy()
  return (await readProjectFile(dir)).entities.find((e) => e.id === entityId)
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

  const entity = await newEntityOnDisk(dir, docId, span.id)
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
  const aliasesOnDisk = async () =>
    (await readProjectFile(dir)).entities.find((e) => e.id === 'e-vladimir-putin')?.aliases
  expect(await aliasesOnDisk()).toContain('Kremlin')

  // Undo takes back everything the assignment changed: the link and the alias it added.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.keyboard.press('Control+z')
  await expectEntityOnDisk(dir, docId, span.id, undefined)
  await expect.poll(aliasesOnDisk).not.toContain('Kremlin')
  await page.keyboard.press('Control+Shift+z')
  await expectEntityOnDisk(dir, docId, span.id, 'e-vladimir-putin')
  await expect.poll(aliasesOnDisk).toContain('Kremlin')
})

test('a generic phrase gets no suggestion on a shared common word, nor the alias box', async ({
  app,
}) => {
  const page = app.page
  const field = spanDetails(page).getByRole('region', { name: 'Entity' })
  const aliasBox = (text: string) =>
    field.getByRole('checkbox', { name: `Add “${text}” to the entity’s aliases` })
  for (const phrase of ['Russian state media', 'South Korean analysts']) {
    await tagWithin(page, phrase, phrase)
    await expect(aliasBox(phrase)).not.toBeChecked()
    await expect(field.getByRole('group', { name: 'Suggested entities' })).toHaveCount(0)
    await page.keyboard.press('Escape')
  }
  // A name keeps both: "Putin" is suggested and offered as an alias.
  await tagWithin(page, 'Putin', VISIT)
  await expect(aliasBox('Putin')).toBeChecked()
  await expect(field.getByRole('group', { name: 'Suggested entities' })).toContainText(
    'Vladimir Putin',
  )
})

test('"New entity from this text" drops a leading "the"', async ({ app }) => {
  const page = app.page
  const { dir, docId, span } = await tagWithin(page, 'the Kremlin', 'According to the Kremlin')
  await spanDetails(page).getByRole('button', { name: 'New entity from this text' }).click()
  const entity = await newEntityOnDisk(dir, docId, span.id)
  expect(entity?.name).toBe('Kremlin')
})

/** The spans of every document on disk that refer to `entityId`. */
async function spansOf(dir: string, entityId: string) {
  const documents = await readAllDocuments(dir)
  return documents.flatMap((d) =>
    d.annotations.spans.filter((s) => s.entityId === entityId).map((s) => ({ doc: d, span: s })),
  )
}

test('the registry manager edits an entity, and deletes one after saying what it unlinks', async ({
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

  // Delete… counts the spans that refer to it (in every document) before anything changes.
  const tass = await spansOf(dir, 'e-tass')
  expect(tass.length).toBeGreaterThan(0)
  await dialog.getByRole('button', { name: 'Delete…' }).click()
  const confirm = dialog.getByRole('group', { name: 'Delete TASS' })
  await expect(confirm).toContainText(
    `${tass.length} span${tass.length === 1 ? '' : 's'} in 1 document refer${tass.length === 1 ? 's' : ''} to “TASS”`,
  )
  expect((await readProjectFile(dir)).entities.some((e) => e.id === 'e-tass')).toBe(true)
  await confirm.getByRole('button', { name: 'Delete “TASS”' }).click()
  await expect(dialog.getByRole('status')).toContainText('Deleted “TASS”')
  await expect
    .poll(async () => (await readProjectFile(dir)).entities.map((e) => e.id))
    .not.toContain('e-tass')
  expect(await spansOf(dir, 'e-tass')).toEqual([])

  // A new entity nothing refers to can be added and deleted.
  await dialog.getByRole('button', { name: 'New entity' }).click()
  await dialog.getByLabel('Name').fill('Jens Stoltenberg')
  await dialog.getByRole('button', { name: 'Add entity' }).click()
  await expect
    .poll(async () => (await readProjectFile(dir)).entities.map((e) => e.name))
    .toContain('Jens Stoltenberg')
  await dialog.getByRole('button', { name: 'Delete…' }).click()
  await expect(dialog).toContainText('No span refers to “Jens Stoltenberg”')
  await dialog.getByRole('button', { name: 'Delete “Jens Stoltenberg”' }).click()
  await expect
    .poll(async () => (await readProjectFile(dir)).entities.map((e) => e.name))
    .not.toContain('Jens Stoltenberg')
  await dialog.getByRole('button', { name: 'Close' }).click()
})

test('merging an entity into another re-points its spans everywhere, also in the open document', async ({
  app,
}) => {
  const page = app.page
  const { dir, docId } = await documentWith(page, VISIT)
  const kim = await spansOf(dir, 'e-kim-jong-un')
  expect(kim.length).toBeGreaterThan(0)

  // A second entry for the same person, as happens when two analysts add him.
  await page.getByRole('button', { name: 'Source registry…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Source registry' })
  await dialog.getByRole('button', { name: 'New entity' }).click()
  await dialog.getByLabel('Name').fill('Kim Jong-un')
  await dialog.getByLabel('Kind').fill('person')
  await dialog.getByRole('button', { name: 'Add entity' }).click()
  let newId = ''
  await expect
    .poll(async () => {
      newId = (await readProjectFile(dir)).entities.find((e) => e.name === 'Kim Jong-un')?.id ?? ''
      return newId
    })
    .not.toBe('')

  await dialog.getByRole('button', { name: /^Kim Jong Un/ }).click()
  await dialog.getByRole('button', { name: 'Merge into…' }).click()
  const confirm = dialog.getByRole('group', { name: 'Merge Kim Jong Un' })
  await confirm
    .getByLabel('Merge “Kim Jong Un” into')
    .selectOption({ label: 'Kim Jong-un (person)' })
  await expect(confirm).toContainText(
    `${kim.length} span${kim.length === 1 ? '' : 's'} in 1 document refer`,
  )
  await expect(confirm).toContainText('will point to “Kim Jong-un”')
  await saveScreenshot(app, 'entity-merge')
  await confirm.getByRole('button', { name: 'Merge into “Kim Jong-un”' }).click()
  await expect(dialog.getByRole('status')).toContainText('Merged “Kim Jong Un” into “Kim Jong-un”')

  // On disk: the old entity is gone, its names are aliases of the new one, its spans point there.
  await expect
    .poll(async () => (await readProjectFile(dir)).entities.map((e) => e.id))
    .not.toContain('e-kim-jong-un')
  const merged = (await readProjectFile(dir)).entities.find((e) => e.id === newId)!
  // ("Kim Jong Un" itself is the same name as "Kim Jong-un" to the registry, so not repeated.)
  expect(merged.aliases).toEqual(expect.arrayContaining(['Kim', 'North Korean leader Kim Jong Un']))
  const moved = (await spansOf(dir, newId)).map((r) => r.span.id).sort()
  expect(moved).toEqual(kim.map((r) => r.span.id).sort())
  await dialog.getByRole('button', { name: 'Close' }).click()

  // The open document has the change too: the span shows the new entity, and an edit (with its
  // autosave) keeps the spans re-pointed.
  await clickHighlight(page, kim[0].span.id)
  await expect(spanDetails(page).locator('.entity-chip')).toContainText('Kim Jong-un')
  const before = await spansOnDisk(dir, docId)
  await tagPhrase(page, STOLTENBERG, '2')
  await waitForNewSpanOnDisk(dir, docId, before)
  expect((await spansOf(dir, newId)).map((r) => r.span.id).sort()).toEqual(moved)
  expect(await spansOf(dir, 'e-kim-jong-un')).toEqual([])
})
