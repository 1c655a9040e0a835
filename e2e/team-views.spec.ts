// Seeing each other's work, end to end on the sample team project (the sample article annotated by
// the user, by "sample" and by Ben Okafor, shipped in resources/sample-team) against the real
// handlers and project folders: the article shows another analyst's set read-only (nothing the
// user does there changes a file), two sets overlaid with a mark per analyst and the differences
// listed and explained, back to one's own set; the Claims and Sources views by analyst, with an
// analyst column and its export. axe passes on each, in light and dark; screenshots of each.
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Page } from '@playwright/test'
import { expect, test, scratchFolder } from './fixtures'
import { clickHighlight, highlight, waitForArticle } from './support/app-actions'
import { openProjectDir } from './support/project-files'
import { expectNoViolations } from './support/axe'
import { saveScreenshot } from './support/screenshots'

const DOC = 'russia-north-korea-alliance'
const BEN_FILE = path.join('resources', 'sample-team', 'annotations', 'ben-okafor', `${DOC}.json`)

/** Confirms the analyst name Cleo (the sample's own set is then Cleo's). */
async function startAsCleo(page: Page): Promise<void> {
  await waitForArticle(page, 'In Washington')
  const banner = page.getByRole('region', { name: 'Your analyst name' })
  await banner.getByRole('textbox').fill('Cleo')
  await banner.getByRole('button', { name: 'Save name' }).click()
  await expect(banner).toBeHidden()
}

const picker = (page: Page) => page.getByRole('group', { name: 'Whose annotations' })

test('shows another analyst read-only, then two sets overlaid with their differences', async ({
  app,
}) => {
  test.slow() // axe four times, on a shared machine
  const page = app.page
  await startAsCleo(page)
  const dir = await openProjectDir(page)
  const ben = JSON.parse(await readFile(BEN_FILE, 'utf8')) as {
    annotations: { spans: { id: string }[] }
  }
  const benOnDisk = path.join(dir, 'annotations', 'ben-okafor', `${DOC}.json`)
  const benBefore = await readFile(benOnDisk, 'utf8')

  // Ben's set: his spans, read-only, saying why; a delete does nothing to any file.
  const show = picker(page).getByLabel('Show')
  await show.selectOption({ label: 'Ben Okafor (read-only)' })
  const note = picker(page).getByRole('note')
  await expect(note).toContainText("Read-only: these are Ben Okafor's annotations")
  const ids = ben.annotations.spans.map((s) => s.id)
  await expect(page.locator('.mg-doc [data-span-id]').first()).toBeVisible()
  await expect
    .poll(async () =>
      (
        await page
          .locator('.mg-doc [data-span-id]')
          .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-span-id')))])
      ).sort(),
    )
    .toEqual([...ids].sort())
  await clickHighlight(page, 'claim-munitions')
  await page.keyboard.press('Delete')
  await expect(highlight(page, 'claim-munitions').first()).toBeVisible()
  await expect(page.getByRole('region', { name: 'Annotations' })).toContainText('Read-only')
  await saveScreenshot(app, 'analyst-set')
  expect(await readFile(benOnDisk, 'utf8')).toBe(benBefore)

  // Overlay: the sample's analyst (solid) and Ben (wavy), the differences listed and explained.
  await show.selectOption({ label: 'Compare two sets…' })
  await picker(page).getByLabel('First set').selectOption({ label: 'sample' })
  await picker(page).getByLabel('Second set').selectOption({ label: 'Ben Okafor' })
  const differences = page.getByRole('region', { name: 'Differences' })
  await expect(differences.getByRole('heading')).toHaveText(/^\d+ differences$/)
  const items = differences.getByRole('listitem')
  const count = Number(/^(\d+)/.exec((await differences.getByRole('heading').textContent())!)![1])
  await expect(items).toHaveCount(count)
  await expect(differences).toContainText('boundaries differ')
  await expect(differences).toContainText("only in Ben Okafor's set")
  await expect(page.locator('.mg-doc [data-span-id^="a:"]').first()).toBeVisible()
  await expect(page.locator('.mg-doc [data-span-id^="b:"]').first()).toBeVisible()
  await expect(page.locator('.mg-doc .mg-ul-wavy').first()).toBeVisible()
  // Hover explains a differing span; keyboard: Show in the list selects it in the article.
  const differing = page.locator('.mg-doc .mg-span[data-layer*="-x-"]').first()
  await differing.scrollIntoViewIfNeeded()
  await differing.hover()
  await expect(page.getByRole('tooltip')).toContainText('differs:')
  const boundary = items.filter({ hasText: 'boundaries differ' }).first()
  await boundary.getByRole('button', { name: 'Show' }).focus()
  await page.keyboard.press('Enter')
  await expect(boundary).toHaveAttribute('aria-current', 'true')
  await saveScreenshot(app, 'compare')
  await expectNoViolations(page, 'the overlay (light)')
  await page.emulateMedia({ colorScheme: 'dark' })
  await saveScreenshot(app, 'compare-dark')
  await expectNoViolations(page, 'the overlay (dark)')
  await page.emulateMedia({ colorScheme: 'light' })

  // Back to one's own set: editable again.
  await show.selectOption({ label: 'My annotations (Cleo)' })
  await expect(picker(page).getByRole('note')).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Annotations' })).not.toContainText('Read-only')
  expect(await readFile(benOnDisk, 'utf8')).toBe(benBefore)
  expect(app.pageErrors).toEqual([])
})

test('the Claims and Sources views by analyst, with an analyst column in the table and export', async ({
  app,
}) => {
  test.slow() // axe twice, on a shared machine
  const page = app.page
  await startAsCleo(page)
  await page.getByRole('tab', { name: 'Claims' }).click()
  const claims = page.getByRole('tabpanel', { name: 'Claims' })
  const whose = claims.getByLabel('Annotations')
  // Ben's claims: his own rows, no analyst column.
  await whose.selectOption({ label: 'Ben Okafor' })
  const ben = JSON.parse(await readFile(BEN_FILE, 'utf8')) as {
    annotations: { spans: { id: string; layer: string }[] }
  }
  const benClaims = ben.annotations.spans.filter((s) => s.layer === 'claim').map((s) => s.id)
  await expect(claims.locator('tr[data-claim-id]')).toHaveCount(benClaims.length)
  await expect(claims.getByRole('columnheader', { name: 'Analyst' })).toHaveCount(0)
  // All analysts: one row per analyst and claim, the analyst first.
  await whose.selectOption({ label: 'All analysts' })
  await expect(claims.getByRole('columnheader', { name: 'Analyst' })).toBeVisible()
  const sampleRows = claims.locator('tr[data-claim-id]').filter({ hasText: /^sample/ })
  await expect(sampleRows.first()).toBeVisible()
  await expect(claims.locator('tr[data-claim-id]').filter({ hasText: /^Ben Okafor/ })).toHaveCount(
    benClaims.length,
  )
  await saveScreenshot(app, 'claims-by-analyst')
  await expectNoViolations(page, 'the Claims view of all analysts')
  // Its export carries the analyst column (read back by Python's csv module).
  const out = path.join(await scratchFolder('claims'), 'all.csv')
  await app.nextDialog('chooseExportPath', out)
  await claims.getByRole('button', { name: 'CSV' }).click()
  await expect(claims.getByRole('status').filter({ hasText: 'Wrote' })).toBeVisible()
  const code = [
    'import csv, sys',
    "rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8-sig', newline='')))",
    "print(sum(1 for r in rows if r['analyst'] == 'ben-okafor'))",
  ].join('\n')
  const { stdout } = await promisify(execFile)('/usr/bin/python3', ['-c', code, out])
  expect(Number(stdout)).toBe(benClaims.length)
  // Opening Ben's claim shows Ben's set in the article, with the claim selected.
  await claims
    .locator('tr[data-claim-id]')
    .filter({ hasText: /^Ben Okafor/ })
    .first()
    .click()
  await expect(picker(page).getByLabel('Show')).toHaveValue('ben-okafor')
  await expect(page.locator('.mg-doc .mg-selected').first()).toBeVisible()
  // Sources of every analyst, each with its analyst.
  await page.getByRole('tab', { name: 'Sources' }).click()
  const sources = page.getByRole('tabpanel', { name: 'Sources' })
  await expect(sources.getByRole('columnheader', { name: 'Analyst' })).toBeVisible()
  await expect(sources.getByRole('cell', { name: 'Ben Okafor' }).first()).toBeVisible()
  await page.emulateMedia({ colorScheme: 'dark' })
  await saveScreenshot(app, 'sources-by-analyst-dark')
  await expectNoViolations(page, 'the Sources view of all analysts (dark)')
  expect(app.pageErrors).toEqual([])
})

test('curation by majority, then an edited version accepted into gold', async ({ app }) => {
  const page = app.page
  await startAsCleo(page)
  const dir = await openProjectDir(page)
  await page.getByRole('tab', { name: 'Curation' }).click()
  const curation = page.getByRole('tabpanel', { name: 'Curation' })
  await curation.getByLabel(/Also each version a majority gave/).check()
  await curation.getByRole('button', { name: 'Start curating' }).click()
  const progress = curation.getByRole('status')
  await expect(progress).toHaveText(/^\d+ of \d+ disagreements resolved$/)
  await expect(curation).toContainText('Accepted on start: what a majority gave')
  const [resolved, total] = ((await progress.textContent()) ?? '').match(/\d+/g)!.map(Number)
  expect(resolved).toBeGreaterThan(0)
  const log = JSON.parse(await readFile(path.join(dir, 'curation', `${DOC}.json`), 'utf8')) as {
    rule: string
    decisions: Record<string, { choice: string; curator: string }>
  }
  expect(log.rule).toBe('majority')
  expect(Object.values(log.decisions).every((d) => d.curator === 'Cleo')).toBe(true)
  expect(Object.values(log.decisions).map((d) => d.choice)).toContainEqual(
    expect.stringMatching(/^majority: /),
  )

  // Step by key to a disagreement with a span to edit; E opens the edit, Accept settles it.
  const step = curation.getByLabel('Disagreement')
  await step.focus()
  for (
    let i = 0;
    i < total && (await step.getByRole('button', { name: /^Edit / }).count()) === 0;
    i++
  ) {
    await page.keyboard.press('j')
  }
  await page.keyboard.press('e')
  const form = curation.getByRole('form', { name: /^Edit .*'s version$/ })
  await expect(form).toBeVisible()
  const start = form.getByLabel('Start', { exact: true })
  const startValue = Number(await start.inputValue())
  const endField = form.getByLabel('End', { exact: true })
  const before = Number(await endField.inputValue())
  // The end moves a word later: the marked text grows by a whole word, the field follows.
  const marked = form.locator('mark')
  const was = (await marked.textContent()) ?? ''
  await form.getByRole('button', { name: 'End one word later' }).click()
  await expect(endField).not.toHaveValue(String(before))
  const end = Number(await endField.inputValue())
  const quote = (await marked.textContent()) ?? ''
  expect(end).toBeGreaterThan(before)
  expect(quote.startsWith(was) && quote.length === was.length + end - before).toBe(true)
  expect(quote).toMatch(/[\p{L}\p{N}]$/u)
  // From the keyboard, the start steps later until the span is one word: the step is then
  // disabled, and focus stays on it.
  const later = form.getByRole('button', { name: 'Start one word later' })
  await later.focus()
  for (let i = 0; i < 200 && !(await later.isDisabled()); i++) await page.keyboard.press('Enter')
  await expect(later).toBeDisabled()
  await expect(later).toBeFocused()
  expect(Number(await start.inputValue())).toBeGreaterThan(startValue)
  await start.fill(String(startValue))
  await saveScreenshot(app, 'curation-edit')
  await page.emulateMedia({ colorScheme: 'dark' })
  await saveScreenshot(app, 'curation-edit-dark')
  await expectNoViolations(page, 'the curation edit form (dark)')
  await page.emulateMedia({ colorScheme: 'light' })
  await form.getByRole('button', { name: 'Accept edited version' }).click()
  await expect(step).toContainText('resolved: edit (Cleo)')
  // Focus stays in the step (the form and its button are gone), so the keys go on working.
  await expect(step).toBeFocused()
  const gold = JSON.parse(
    await readFile(path.join(dir, 'annotations', 'gold', `${DOC}.json`), 'utf8'),
  ) as {
    annotations: { spans: { start: number; end: number; annotator: string; curatedBy: string }[] }
  }
  expect(gold.annotations.spans).toContainEqual(
    expect.objectContaining({
      start: startValue,
      end,
      quote: expect.objectContaining({ exact: quote }),
      annotator: 'Cleo',
      curatedBy: 'Cleo',
    }),
  )
  expect(app.pageErrors).toEqual([])
})
