// The Schema dialog: the project's schema is editable (issue 2: "editable per project"). Additions
// are saved to project.json and take effect in the open article at once: a new layer's shortcut
// tags with it; the annotator name set there is written on new spans.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { tagAndSave, waitForArticle } from './support/app-actions'
import { openProjectDir, readProjectFile } from './support/project-files'
import { saveScreenshot } from './support/screenshots'

const FACE_TO_FACE = 'Russian state media said Putin and Kim spoke face-to-face'
const DEAL_DISCARDED = 'The deal was discarded after the collapse of the USSR'

test.beforeEach(async ({ app }) => {
  await waitForArticle(app.page, FACE_TO_FACE)
})

async function openSchemaDialog(page: Page) {
  await page.getByRole('button', { name: 'Schema…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Schema' })
  await expect(dialog).toBeVisible()
  return dialog
}

test('add a label and a new layer, save: project.json has them and the new shortcut tags', async ({
  app,
}) => {
  const page = app.page
  const dialog = await openSchemaDialog(page)

  await dialog.getByLabel('New label for Claim').fill('Rumour')
  await dialog.getByLabel('New label for Claim').press('Enter')
  await dialog.getByLabel('New layer').fill('Quote')
  await dialog.getByRole('button', { name: 'Add layer' }).click()
  const quote = dialog.getByRole('group', { name: 'Layer quote' })
  await expect(quote.getByLabel('Shortcut')).toHaveValue('5')

  await quote.getByLabel('Underline').selectOption('wavy')
  // A shortcut another layer uses, or a reserved key, is refused and the field keeps its value.
  await quote.getByLabel('Shortcut').fill('1')
  await expect(dialog.getByRole('alert')).toContainText('already the shortcut of Claim')
  await quote.getByLabel('Shortcut').fill('[')
  await expect(dialog.getByRole('alert')).toContainText('reserved')
  await expect(quote.getByLabel('Shortcut')).toHaveValue('5')
  await saveScreenshot(app, 'schema-dialog')

  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()

  const dir = await openProjectDir(page)
  const { schema } = await readProjectFile(dir)
  const claim = schema.layers.find((l) => l.id === 'claim')!
  expect(claim.labels.map((l) => l.name)).toContain('Rumour')
  expect(schema.layers.find((l) => l.id === 'quote')).toMatchObject({
    name: 'Quote',
    shortcut: '5',
    underline: 'wavy',
    labels: [{ name: 'Quote' }],
  })

  const { span } = await tagAndSave(page, FACE_TO_FACE, '5')
  expect(span.layer).toBe('quote')
  expect(span.label).toBe('Quote')
})

test('the annotator name set in the dialog is written on new spans', async ({ app }) => {
  const page = app.page
  const dialog = await openSchemaDialog(page)
  await dialog.getByLabel('Annotator name').fill('Ada Analyst')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()

  const { span } = await tagAndSave(page, DEAL_DISCARDED, '1')
  expect(span.annotator).toBe('Ada Analyst')

  // The name is a setting: it is still there when the dialog opens again.
  const again = await openSchemaDialog(page)
  await expect(again.getByLabel('Annotator name')).toHaveValue('Ada Analyst')
})
