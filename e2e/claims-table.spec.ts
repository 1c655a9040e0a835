// The claims table and the per-source summary: every claim of the sample is a row with its source,
// entity and cue; filters and search narrow it; a row opens the claim in the article; the table
// follows edits that are not saved yet; CSV export writes the rows; the Sources view counts claims
// per entity and opens documents. Expectations come from the sample's files on disk, not from
// hard-coded text, so a regenerated sample still passes, and are worked out independently of the
// production claims model (support/expected-claims.ts).
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import type { Locator, Page } from '@playwright/test'
import { expect, test, scratchFolder } from './fixtures'
import {
  chooseImport,
  clickHighlight,
  highlight,
  spanDetails,
  tagPhrase,
  waitForArticle,
} from './support/app-actions'
import {
  expectedClaims,
  expectedSummaries,
  type ExpectedClaim as ClaimRow,
} from './support/expected-claims'
import { openProjectDir, readAllDocuments } from './support/project-files'
import { luminance, textColours } from './support/contrast'
import { saveScreenshot } from './support/screenshots'

/** The claims table as the open project's files say it should be. */
const expectedRows = expectedClaims

/** A claim with a source linked to an entity and a cue: the row that shows every column. */
function fullRow(rows: ClaimRow[]): ClaimRow {
  const found = rows.find((r) => r.sources.some((s) => s.entityName) && r.cues.length > 0)
  if (!found) throw new Error('the sample has no claim with an entity-linked source and a cue')
  return found
}

function claimsPanel(page: Page): Locator {
  return page.getByRole('tabpanel', { name: 'Claims' })
}

function tableRows(page: Page): Locator {
  return claimsPanel(page).locator('tbody tr')
}

function rowOf(page: Page, row: ClaimRow): Locator {
  return claimsPanel(page).locator(
    `tbody tr[data-claim-id="${row.claimId}"][data-document-id="${row.documentId}"]`,
  )
}

/** What the search box looks in: claim, sources, entity names and cues. */
function searchable(row: ClaimRow): string {
  const parts = [row.claimText, ...row.cues.map((c) => c.text)]
  for (const s of row.sources) parts.push(s.text, s.entityName ?? '')
  return parts.join('\n').toLowerCase()
}

/** A word of the claim that no other row's searchable text contains, for the search box. */
function distinctiveWord(row: ClaimRow, rows: ClaimRow[]): string {
  const words = row.claimText.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 5)
  const word = words.find(
    (w) => rows.filter((r) => searchable(r).includes(w.toLowerCase())).length === 1,
  )
  if (!word) throw new Error(`no distinctive word in ${JSON.stringify(row.claimText)}`)
  return word
}

async function openClaimsView(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Claims' }).click()
  await expect(page.getByRole('tab', { name: 'Claims' })).toHaveAttribute('aria-selected', 'true')
  await expect(claimsPanel(page).getByRole('table')).toBeVisible()
}

test.beforeEach(async ({ app }) => {
  await waitForArticle(app.page)
})

test('the claims table lists every claim; filters, search and sort narrow it; a row opens the claim', async ({
  app,
}) => {
  const page = app.page
  const rows = await expectedRows(page)
  expect(rows.length).toBeGreaterThan(1)
  const known = fullRow(rows)
  const source = known.sources.find((s) => s.entityName)!

  await openClaimsView(page)
  await expect(tableRows(page)).toHaveCount(rows.length)
  await expect(claimsPanel(page).getByRole('heading', { name: /Claims/ })).toContainText(
    `${rows.length} claims`,
  )
  const row = rowOf(page, known)
  await expect(row).toContainText(known.claimText)
  await expect(row).toContainText(source.text)
  await expect(row).toContainText(source.entityName!)
  await expect(row).toContainText(known.cues[0].text)
  if (known.checkability) await expect(row).toContainText(known.checkability)
  await saveScreenshot(app, 'claims-table')

  // The "Current document" scope shows the open document's claims only.
  const shown = await page.locator('.article-pane').getAttribute('aria-label')
  const current = rows.filter((r) => shown === `Article: ${r.documentTitle}`)
  expect(current.length).toBeGreaterThan(0)
  await claimsPanel(page).getByRole('radio', { name: 'Current document' }).check()
  await expect(tableRows(page)).toHaveCount(current.length)
  await claimsPanel(page).getByRole('radio', { name: 'Whole project' }).check()
  await expect(tableRows(page)).toHaveCount(rows.length)

  // Claims without a source are marked, and "No source only" shows just them.
  const unsourced = rows.filter((r) => r.sources.length === 0)
  for (const r of unsourced) await expect(rowOf(page, r)).toContainText('No source')
  await claimsPanel(page).getByLabel('No source only').check()
  await expect(tableRows(page)).toHaveCount(unsourced.length)
  await claimsPanel(page).getByLabel('No source only').uncheck()
  await expect(tableRows(page)).toHaveCount(rows.length)

  // A select narrows to the rows with that value.
  if (known.checkability) {
    const select = claimsPanel(page).getByLabel('Checkability', { exact: true })
    await select.selectOption(known.checkability)
    await expect(tableRows(page)).toHaveCount(
      rows.filter((r) => r.checkability === known.checkability).length,
    )
    await select.selectOption('')
  }
  const entitySelect = claimsPanel(page).getByLabel('Entity', { exact: true })
  await entitySelect.selectOption(source.entityId)
  await expect(tableRows(page)).toHaveCount(
    rows.filter((r) => r.sources.some((s) => s.entityId === source.entityId)).length,
  )
  await expect(row).toBeVisible()
  await claimsPanel(page).getByRole('button', { name: 'Clear filters' }).click()
  await expect(tableRows(page)).toHaveCount(rows.length)

  // Sorting by a header: aria-sort tells the order, and the rows follow it.
  const header = claimsPanel(page).getByRole('columnheader', { name: /^Claim/ })
  await header.getByRole('button').click()
  await expect(header).toHaveAttribute('aria-sort', 'ascending')
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })
  const ascending = rows
    .map((r) => r.claimId)
    .sort((a, b) => {
      const ta = rows.find((r) => r.claimId === a)!.claimText
      const tb = rows.find((r) => r.claimId === b)!.claimText
      return collator.compare(ta, tb)
    })
  await expect(tableRows(page).first()).toHaveAttribute('data-claim-id', ascending[0])
  await header.getByRole('button').click()
  await expect(header).toHaveAttribute('aria-sort', 'descending')
  await expect(tableRows(page).first()).toHaveAttribute('data-claim-id', ascending.at(-1)!)

  // Keyboard: the rows are one Tab stop, arrows move between them.
  await tableRows(page).first().focus()
  await page.keyboard.press('ArrowDown')
  await expect(tableRows(page).nth(1)).toBeFocused()
  await page.keyboard.press('Home')
  await expect(tableRows(page).first()).toBeFocused()

  // Search finds the claim by a word of it; Enter on its row opens it in the article, selected.
  await claimsPanel(page)
    .getByRole('searchbox', { name: 'Search' })
    .fill(distinctiveWord(known, rows))
  await expect(tableRows(page)).toHaveCount(1)
  await row.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('tab', { name: 'Article' })).toHaveAttribute('aria-selected', 'true')
  await expect(spanDetails(page).getByLabel('Quote')).toHaveText(known.claimText)
  await expect(highlight(page, known.claimId).first()).toHaveClass(/mg-selected/)
  await expect(highlight(page, known.claimId).first()).toBeInViewport()

  // Back in the table the search is kept; a click opens the claim too.
  await page.getByRole('tab', { name: 'Claims' }).click()
  await expect(tableRows(page)).toHaveCount(1)
  await row.click()
  await expect(spanDetails(page).getByLabel('Quote')).toHaveText(known.claimText)
})

test('the table shows a claim tagged a moment ago, before autosave has run', async ({ app }) => {
  const page = app.page
  const rows = await expectedRows(page)
  const dir = await openProjectDir(page)
  const text = (await readAllDocuments(dir))[0].document.text
  // A phrase of the article that is not a claim yet: the first words of a paragraph (not the
  // title, which every row shows in its Document column).
  const title = (await readAllDocuments(dir))[0].document.title
  const phrase = text
    .split(/\n+/)
    .map((l) => l.trim().split(' ').slice(0, 6).join(' '))
    .find((p) => p.length > 20 && !title.includes(p) && !rows.some((r) => r.claimText.includes(p)))!
  await tagPhrase(page, phrase, '1')
  await openClaimsView(page)
  await expect(tableRows(page)).toHaveCount(rows.length + 1)
  await expect(claimsPanel(page).locator('tbody')).toContainText(phrase)
  const added = claimsPanel(page).locator('tbody tr', {
    has: page.locator('.cell-claim', { hasText: phrase }),
  })
  await expect(added.getByText('No source')).toBeVisible()
})

test('the table shown again follows each edit made in the article since: tag, change, link, undo, delete', async ({
  app,
}) => {
  const page = app.page
  const rows = await expectedRows(page)
  const dir = await openProjectDir(page)
  const { text, title } = (await readAllDocuments(dir))[0].document
  const phrase = text
    .split(/\n+/)
    .map((l) => l.trim().split(' ').slice(0, 6).join(' '))
    .find((p) => p.length > 20 && !title.includes(p) && !rows.some((r) => r.claimText.includes(p)))!
  const toArticle = () => page.getByRole('tab', { name: 'Article' }).click()
  // The table is loaded once before the edits: each check below is of the table shown again.
  await openClaimsView(page)
  await expect(tableRows(page)).toHaveCount(rows.length)
  const tensions = claimsPanel(page).locator('tbody tr[data-claim-id="claim-tensions"]')
  await expect(tensions.getByText('No source')).toBeVisible()

  await toArticle()
  await tagPhrase(page, phrase, '1')
  await openClaimsView(page)
  await expect(tableRows(page)).toHaveCount(rows.length + 1)
  const added = claimsPanel(page).locator('tbody tr', {
    has: page.locator('.cell-claim', { hasText: phrase }),
  })
  await expect(added).toHaveCount(1)
  const addedId = (await added.getAttribute('data-claim-id'))!

  // The new claim is still selected in the panel: set its checkability.
  await toArticle()
  await spanDetails(page).getByLabel('Checkability').selectOption('opinion')
  await openClaimsView(page)
  await expect(added.locator('.check')).toHaveText(/opinion/i)

  await toArticle()
  await clickHighlight(page, 'claim-tensions')
  await page.keyboard.press('l')
  await expect(page.getByRole('listbox', { name: 'Link to…' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('listbox', { name: 'Link to…' })).toBeHidden()
  await openClaimsView(page)
  await expect(tensions).toContainText('Antony Blinken')
  await expect(tensions.getByText('No source')).toHaveCount(0)

  await toArticle()
  await clickHighlight(page, 'claim-tensions')
  await page.keyboard.press('Control+z')
  await expect(spanDetails(page).getByRole('heading', { name: /Claim/ })).toContainText('No source')
  await openClaimsView(page)
  await expect(tensions.getByText('No source')).toBeVisible()

  await toArticle()
  await clickHighlight(page, addedId)
  await page.keyboard.press('Delete')
  await expect(highlight(page, addedId)).toHaveCount(0)
  await openClaimsView(page)
  await expect(tableRows(page)).toHaveCount(rows.length)
  await expect(added).toHaveCount(0)
})

test('CSV export of the claims table writes every row', async ({ app }) => {
  const page = app.page
  const rows = await expectedRows(page)
  const known = fullRow(rows)
  const out = path.join(await scratchFolder('claims'), 'claims.csv')
  await app.nextDialog('chooseExportPath', out)
  await openClaimsView(page)
  const toolbar = claimsPanel(page).locator('.claims-toolbar')
  const search = claimsPanel(page).getByRole('searchbox', { name: 'Search' })
  const before = { bar: (await toolbar.boundingBox())!, search: (await search.boundingBox())! }
  await claimsPanel(page).getByRole('button', { name: 'CSV', exact: true }).click()
  const status = claimsPanel(page).getByRole('status').filter({ hasText: 'Wrote' })
  await expect(status).toContainText(out)
  await expect(status).toContainText(`${rows.length} claims`)
  // The status line has a row of its own: the filter bar keeps its shape and place.
  expect((await toolbar.boundingBox())!.height).toBe(before.bar.height)
  expect((await search.boundingBox())!.y).toBe(before.search.y)
  expect((await status.boundingBox())!.y).toBeGreaterThanOrEqual(before.bar.y + before.bar.height)

  const csv = await readFile(out, 'utf8')
  const records = parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { columns: true })
  expect(records).toHaveLength(rows.length)
  const record = records.find((r) => r.claim_id === known.claimId)!
  expect(record.claim).toBe(known.claimText)
  expect(record.sources.split('; ')).toEqual(known.sources.map((s) => s.text))
  expect(record.entities).toContain(known.sources.find((s) => s.entityName)!.entityName)
})

test('the Sources view counts claims per source and opens a document', async ({ app }) => {
  const page = app.page
  const summaries = expectedSummaries(await expectedRows(page))
  expect(summaries.length).toBeGreaterThan(0)
  await page.getByRole('tab', { name: 'Sources' }).click()
  const panel = page.getByRole('tabpanel', { name: 'Sources' })
  await expect(panel.getByRole('table')).toBeVisible()
  await expect(panel.locator('tbody tr')).toHaveCount(summaries.length)

  const top = summaries[0]
  const topRow = panel.getByRole('row', { name: new RegExp(`^${escapeRegExp(top.name)}`) })
  await expect(topRow.getByRole('cell').first()).toHaveText(String(top.claims))
  for (const [value, n] of Object.entries(top.checkability)) {
    await expect(topRow.getByRole('img', { name: /Checkability/ })).toHaveAccessibleName(
      new RegExp(`${value.replace(/_/g, ' ')} ${n}`),
    )
  }
  await saveScreenshot(app, 'sources')

  // Sorting by name puts the alphabetically first source on top.
  const nameHeader = panel.getByRole('columnheader', { name: /^Source/ })
  await nameHeader.getByRole('button').click()
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending')
  const first = [...summaries].sort((a, b) =>
    a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true }),
  )[0]
  await expect(panel.locator('tbody tr').first().locator('th')).toContainText(first.name)

  // A document of the source opens in the article.
  const doc = top.documents[0]
  await topRow.getByRole('button', { name: doc.title || doc.id }).click()
  await expect(page.getByRole('tab', { name: 'Article' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('region', { name: `Article: ${doc.title}` })).toBeVisible()
})

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' })

  test('the claims table and sources are light on dark', async ({ app }) => {
    const page = app.page
    await openClaimsView(page)
    const colours = await textColours(claimsPanel(page).locator('tbody td').first())
    expect(luminance(colours.background)).toBeLessThan(0.1)
    expect(luminance(colours.text)).toBeGreaterThan(0.5)
    await saveScreenshot(app, 'claims-table-dark')
    await page.getByRole('tab', { name: 'Sources' }).click()
    await expect(page.getByRole('tabpanel', { name: 'Sources' }).getByRole('table')).toBeVisible()
    await saveScreenshot(app, 'sources-dark')
  })
})

test('the claims table on screen follows project changes: imported claims appear unasked', async ({
  app,
}) => {
  const page = app.page
  const rows = await expectedRows(page)
  await openClaimsView(page)
  await expect(tableRows(page)).toHaveCount(rows.length)

  // Another tool's annotations, with one claim, imported from the top bar while the table shows.
  const folder = await scratchFolder('claims')
  const file = path.join(folder, 'budget.jsonl')
  const text = 'The minister said that the budget will balance by next spring.'
  const claim = 'the budget will balance by next spring'
  const start = text.indexOf(claim)
  await writeFile(
    file,
    `${JSON.stringify({ text, label: [[start, start + claim.length, 'Claim']] })}\n`,
  )
  await app.nextDialog('chooseAnnotationSource', [file])
  await chooseImport(page, 'Annotations')
  const choose = page.getByRole('dialog', { name: 'Import annotations' })
  await choose.getByLabel('Format').selectOption('doccano')
  await choose.getByRole('button', { name: 'Choose files…' }).click()
  const preview = page.getByRole('dialog', { name: 'Import preview' })
  await preview.getByRole('button', { name: 'Import' }).click()
  const report = page.getByRole('dialog', { name: 'Annotations imported' })
  await expect(report).toContainText('1 document added')
  await report.getByRole('button', { name: 'Close' }).click()

  // No refresh click: the new claim is a row.
  await expect(tableRows(page)).toHaveCount(rows.length + 1)
  await expect(claimsPanel(page).locator('tbody')).toContainText(claim)
})
