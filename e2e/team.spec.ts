// Working as a team, end to end against the real handlers: a project with two analysts' sets of
// one document (spans known from the fixture) → the Agreement view's numbers, worked out here from
// the fixture's spans, not by the engine → a disagreement opens the article → curate in the
// Curation view → export: the gold set is what the dataset holds. Plus the first-start name.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Span } from '../src/shared/model'
import {
  ANA,
  BEN,
  TWO_DOC,
  TWO_TEXT,
  createTwoAnalystProject,
  twoAnalystSets,
} from '../test/main/fixtures/two-analysts'
import { expect, test, type AppDriver, scratchFolder } from './fixtures'
import { waitForArticle } from './support/app-actions'
import { saveScreenshot } from './support/screenshots'

/** Exact and (one-to-one, first come) overlap matches of two analysts' spans on `layer`. */
function f1s(layer: string): { exact: number; overlap: number } {
  const sets = twoAnalystSets()
  const a = sets[ANA.id].spans.filter((s) => s.layer === layer)
  const b = sets[BEN.id].spans.filter((s) => s.layer === layer)
  const exact = a.filter((x) => b.some((y) => y.start === x.start && y.end === x.end)).length
  const used = new Set<Span>()
  let overlap = 0
  for (const x of a) {
    const y = b.find((s) => !used.has(s) && s.start < x.end && x.start < s.end)
    if (y) {
      used.add(y)
      overlap++
    }
  }
  const f1 = (tp: number) => (2 * tp) / (a.length + b.length)
  return { exact: f1(exact), overlap: f1(overlap) }
}

async function openTeamProject(app: AppDriver): Promise<string> {
  const dir = path.join(await scratchFolder('team-e2e'), 'harbour')
  await createTwoAnalystProject(dir)
  await waitForArticle(app.page) // the sample is open: the menu is listened to
  await app.nextDialog('chooseProjectDir', dir)
  await app.emit({ type: 'menu', command: 'open-project' })
  await waitForArticle(app.page, 'The mayor said')
  return dir
}

test('asks the analyst name once and shows it in the top bar', async ({ app }) => {
  const page = app.page
  const banner = page.getByRole('region', { name: 'Your analyst name' })
  await expect(banner).toBeVisible()
  await banner.getByRole('textbox').fill('Cleo Marsh')
  await banner.getByRole('button', { name: 'Save name' }).click()
  await expect(banner).toBeHidden()
  await expect(page.getByRole('banner')).toContainText('Cleo Marsh')
  const settings = JSON.parse(await readFile(path.join(app.userDataDir, 'settings.json'), 'utf8'))
  expect(settings).toMatchObject({ annotator: 'Cleo Marsh', annotatorConfirmed: true })
  await app.restart()
  await expect(app.page.getByRole('banner')).toContainText('Cleo Marsh')
  await expect(app.page.getByRole('region', { name: 'Your analyst name' })).toBeHidden()
})

test('two analysts → agreement numbers → curate → export the gold set', async ({ app }) => {
  const page = app.page
  const dir = await openTeamProject(app)
  const banner = page.getByRole('region', { name: 'Your analyst name' })
  await banner.getByRole('textbox').fill('Cleo')
  await banner.getByRole('button', { name: 'Save name' }).click()

  // Agreement: the span F1 the fixture's spans give, worked out above.
  await page.getByRole('tab', { name: 'Agreement' }).click()
  const view = page.getByRole('tabpanel', { name: 'Agreement' })
  for (const layer of ['claim', 'source']) {
    const want = f1s(layer)
    await expect(view.locator(`[data-stat="${layer}:exact-f1"]`)).toHaveText(want.exact.toFixed(3))
    await expect(view.locator(`[data-stat="${layer}:overlap-f1"]`)).toHaveText(
      want.overlap.toFixed(3),
    )
  }
  const boundary = view.getByRole('row').filter({ hasText: '“cost doubled”' })
  await expect(boundary).toContainText('“the cost doubled”')
  // The layer by its name in the schema, not its id.
  await expect(boundary.getByRole('cell', { name: 'Claim', exact: true })).toBeVisible()
  // The confusion matrix behind κ: the one claim both marked, factual for Ana, opinion for Ben.
  const matrix = view.locator('details').filter({ hasText: 'Claim · checkability: ana – ben' })
  await matrix.locator('summary').click()
  const table = matrix.getByRole('table')
  const categories = (await table.locator('thead th').allTextContents()).slice(1)
  expect([...categories].sort()).toEqual(['factual', 'opinion'])
  const cell = (row: string, column: string) =>
    table
      .locator('tbody tr')
      .filter({ has: page.getByRole('rowheader', { name: row, exact: true }) })
      .locator('td')
      .nth(categories.indexOf(column))
  await expect(cell('factual', 'opinion')).toHaveText('1')
  await expect(cell('factual', 'factual')).toHaveText('0')
  await expect(cell('opinion', 'factual')).toHaveText('0')
  await expect(cell('opinion', 'opinion')).toHaveText('0')
  await table.scrollIntoViewIfNeeded()
  await saveScreenshot(app, 'agreement-confusion')
  await view.getByRole('heading', { name: 'Agreement', exact: true }).scrollIntoViewIfNeeded()
  await saveScreenshot(app, 'agreement')
  await page.emulateMedia({ colorScheme: 'dark' })
  await saveScreenshot(app, 'agreement-dark')
  await page.emulateMedia({ colorScheme: 'light' })

  // A disagreement opens its document in the article with the two analysts' sets overlaid, the
  // difference selected: both versions are seen where they differ.
  await boundary.getByRole('button', { name: 'Show' }).click()
  await expect(page.getByRole('tab', { name: 'Article' })).toHaveAttribute('aria-selected', 'true')
  const whose = page.getByRole('group', { name: 'Whose annotations' })
  await expect(whose.getByLabel('Show')).toHaveValue('\u0000compare')
  const differences = page.getByRole('region', { name: 'Differences' })
  // Marked: the differences at the selected span (the boundary one, and any other at that unit).
  const current = differences
    .locator('li[aria-current="true"]')
    .filter({ hasText: 'boundaries differ' })
  await expect(current).toHaveCount(1)
  await expect(current).toContainText('the cost doubled')
  await expect(page.locator('.mg-doc .mg-span[data-span-id^="a:"]').first()).toBeVisible()
  await expect(page.locator('.mg-doc .mg-span[data-span-id^="b:"]').first()).toBeVisible()
  await whose.getByLabel('Show').selectOption({ label: 'My annotations (Cleo)' })

  // Curation: start, step to the boundary disagreement, take Ben's version by key.
  await page.getByRole('tab', { name: 'Curation' }).click()
  const curation = page.getByRole('tabpanel', { name: 'Curation' })
  await curation.getByRole('button', { name: 'Start curating' }).click()
  const progress = curation.getByRole('status')
  await expect(progress).toHaveText(/^0 of \d+ disagreements resolved$/)
  const total = Number(/of (\d+)/.exec((await progress.textContent()) ?? '')![1])
  const step = curation.getByLabel('Disagreement')
  await step.focus()
  for (let i = 0; i < total && !(await step.textContent())!.includes('boundaries'); i++) {
    await page.keyboard.press('j')
  }
  await expect(step).toContainText('boundaries · Claim')
  await page.keyboard.press('2') // the second analyst: Ben
  await expect(progress).toHaveText(`1 of ${total} disagreements resolved`)
  await expect(step).toContainText('resolved: Ben (Cleo)')
  await saveScreenshot(app, 'curation')
  await page.emulateMedia({ colorScheme: 'dark' })
  await saveScreenshot(app, 'curation-dark')
  await page.emulateMedia({ colorScheme: 'light' })

  // Export (the default set is gold once there is one): the dataset holds the gold spans.
  const gold = JSON.parse(
    await readFile(path.join(dir, 'annotations', 'gold', `${TWO_DOC}.json`), 'utf8'),
  )
  const goldTexts = (gold.annotations.spans as Span[]).map((s) => TWO_TEXT.slice(s.start, s.end))
  expect(goldTexts).toContain('cost doubled')
  expect(goldTexts).not.toContain('the cost doubled')
  const out = path.join(await scratchFolder('gold'), 'gold.jsonl')
  await app.nextDialog('chooseExportPath', out)
  await page.getByRole('banner').getByRole('button', { name: 'Export…' }).click()
  const choose = page.getByRole('dialog', { name: 'Export dataset' })
  await choose.getByLabel('Format').selectOption('jsonl')
  await choose.getByRole('button', { name: 'Export…' }).click()
  await expect(page.getByRole('dialog', { name: 'Export finished' })).toBeVisible({
    timeout: 20_000,
  })
  const [line] = (await readFile(out, 'utf8')).trim().split('\n')
  const record = JSON.parse(line) as { text: string; spans: { start: number; end: number }[] }
  expect(record.spans.map((s) => record.text.slice(s.start, s.end)).sort()).toEqual(
    [...goldTexts].sort(),
  )
})
