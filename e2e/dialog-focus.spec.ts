// Keyboard focus around dialogs: a dialog opens with focus on its first field, and closing it
// (Escape or its Close/Cancel button) gives focus back to the control that opened it, or to the
// article when that control is gone, never to <body>.
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect, test, scratchFolder } from './fixtures'
import { chooseImport, waitForArticle } from './support/app-actions'

test.beforeEach(async ({ app }) => {
  await waitForArticle(app.page)
})

/** A short description of the focused element, to compare in messages. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return 'body'
    const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? ''
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${name}`.trim()
  })
}

/** The dialog's first field: its first enabled control, in document order. */
async function expectFirstFieldFocused(dialog: Locator): Promise<void> {
  const first = dialog
    .locator('input:not([type=hidden]), select, textarea, button, [tabindex="0"]')
    .filter({ visible: true })
    .first()
  await expect(first).toBeFocused()
}

const opened: {
  name: string
  control: (page: Page) => Locator
}[] = [
  { name: 'Schema', control: (page) => page.getByRole('button', { name: 'Schema…' }) },
  {
    name: 'Source registry',
    control: (page) => page.getByRole('button', { name: 'Source registry…' }),
  },
  {
    name: 'Export dataset',
    control: (page) => page.getByRole('banner').getByRole('button', { name: 'Export…' }),
  },
]

for (const { name, control } of opened) {
  test(`${name}: opens on its first field; Escape and Close give focus back to its button`, async ({
    app,
  }) => {
    const page = app.page
    const button = control(page)
    for (const close of ['Escape', 'button'] as const) {
      // Opened from the keyboard: focus the control, press Enter.
      await button.focus()
      await page.keyboard.press('Enter')
      const dialog = page.getByRole('dialog', { name })
      await expect(dialog).toBeVisible()
      await expectFirstFieldFocused(dialog)
      if (close === 'Escape') await page.keyboard.press('Escape')
      else
        await dialog
          .getByRole('button', { name: /^(Close|Cancel)$/ })
          .first()
          .click()
      await expect(dialog).toBeHidden()
      await expect(button, `focus after ${close}: ${await focused(page)}`).toBeFocused()
    }
  })
}

test('the import report gives focus to the article when it closes', async ({ app }) => {
  const page = app.page
  const folder = await scratchFolder('focus')
  const file = path.join(folder, 'note.txt')
  await writeFile(file, 'A short note\n\nIt says very little.\n')
  await app.nextDialog('chooseImportFiles', [file])
  await chooseImport(page, 'Documents')
  const report = page.getByRole('dialog', { name: 'Import finished' })
  await expect(report).toBeVisible()
  await expectFirstFieldFocused(report)
  await page.keyboard.press('Escape')
  await expect(report).toBeHidden()
  await expect(page.locator('.ProseMirror'), `focus: ${await focused(page)}`).toBeFocused()
})

test('a report closing over another view gives focus to that view, never to the hidden article', async ({
  app,
}) => {
  const page = app.page
  const folder = await scratchFolder('focus')
  const file = path.join(folder, 'note.txt')
  await writeFile(file, 'A short note\n\nIt says very little.\n')
  await page.getByRole('tab', { name: 'Overview' }).click()
  await app.nextDialog('chooseImportFiles', [file])
  await chooseImport(page, 'Documents')
  const report = page.getByRole('dialog', { name: 'Import finished' })
  await expect(report).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(report).toBeHidden()
  // The article's panel is hidden, so focus goes back to the Import button that started the
  // import, or, when the report opened while the progress dialog's Cancel still had focus (that
  // opener is gone with its dialog), to the tab of the view on show; never to the hidden article.
  const importButton = page.getByRole('banner').getByRole('button', { name: /^Import/ })
  const tab = page.getByRole('tab', { name: 'Overview' })
  await expect
    .poll(
      async () =>
        (await importButton.evaluate((el) => el === document.activeElement)) ||
        (await tab.evaluate((el) => el === document.activeElement)),
      {
        message: `focus: ${await focused(page)}`,
      },
    )
    .toBe(true)
  await expect(page.locator('.ProseMirror')).not.toBeFocused()
})
