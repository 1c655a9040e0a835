// Accessibility: axe-core (the engine behind the browsers' own audits) finds no violation in the
// main view, the Claims and Sources views, or any dialog, in the light and the dark theme
// (support/axe.ts).
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, test, scratchFolder } from './fixtures'
import { chooseImport, clickHighlight, waitForArticle } from './support/app-actions'
import { expectNoViolations } from './support/axe'

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme })

    test(`the main view, the Claims and the Sources views pass axe (${scheme})`, async ({
      app,
    }) => {
      const page = app.page
      await waitForArticle(page, 'In Washington')
      await expectNoViolations(page, 'the main view')
      await clickHighlight(page, 'claim-munitions')
      await expectNoViolations(page, 'the main view with a claim selected')
      await page.getByRole('tab', { name: 'Claims' }).click()
      await expect(page.getByRole('tabpanel', { name: 'Claims' }).getByRole('table')).toBeVisible()
      await expectNoViolations(page, 'the Claims view')
      await page.getByRole('tab', { name: 'Sources' }).click()
      await expect(page.getByRole('tabpanel', { name: 'Sources' }).getByRole('table')).toBeVisible()
      await expectNoViolations(page, 'the Sources view')
    })

    test(`every dialog passes axe (${scheme})`, async ({ app }) => {
      const page = app.page
      await waitForArticle(page, 'In Washington')
      const check = async (name: string, open: () => Promise<void>) => {
        await open()
        const dialog = page.getByRole('dialog', { name })
        await expect(dialog).toBeVisible()
        await expectNoViolations(page, `the ${name} dialog`)
        await page.keyboard.press('Escape')
        await expect(dialog).toBeHidden()
      }
      await check('Schema', () => page.getByRole('button', { name: 'Schema…' }).click())
      await check('Source registry', () =>
        page.getByRole('button', { name: 'Source registry…' }).click(),
      )
      await check('Export dataset', () =>
        page.getByRole('banner').getByRole('button', { name: 'Export…' }).click(),
      )
      await check('Import annotations', () => chooseImport(page, 'Annotations'))
      await check('New project', () => app.emit({ type: 'menu', command: 'new-project' }))
      const folder = await scratchFolder('axe')
      const file = path.join(folder, 'note.txt')
      await writeFile(file, 'A short note\n\nIt says very little.\n')
      await app.nextDialog('chooseImportFiles', [file])
      await check('Import finished', () => chooseImport(page, 'Documents'))
    })
  })
}
