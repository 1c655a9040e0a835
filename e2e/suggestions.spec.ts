// Suggestions in the app, against the real handlers: the switch and count, stepping with N,
// accepting with Enter (a span with its proposed links, one undo step), rejecting with X
// (remembered on disk and after a restart), accepting every open suggestion of a kind with
// Shift+Enter (one undo step), and the same from the hover card.
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from '@playwright/test'
import type { Relation, Span } from '../src/shared/model'
import { expect, test, scratchFolder } from './fixtures'
import {
  article,
  chooseImport,
  closeImportReport,
  documentWith,
  waitForArticle,
} from './support/app-actions'
import {
  findDocument,
  openProjectDir,
  projectSnapshot,
  readDocumentFile,
  readProjectFile,
} from './support/project-files'
import { saveScreenshot } from './support/screenshots'

const SAMPLE = 'Russian state media said Putin and Kim spoke face-to-face'
const CLAIM = 'Putin and Kim spoke face-to-face for about two hours'

function controls(page: Page) {
  return page.getByRole('group', { name: 'Suggestions' })
}

/** Switches suggestions on and waits for the engine's count. */
async function showSuggestions(page: Page): Promise<number> {
  const group = controls(page)
  await expect(group.getByRole('status')).toHaveText(/^\d+$/, { timeout: 30_000 })
  const toggle = group.getByRole('switch', { name: 'Suggestions' })
  if (!(await toggle.isChecked())) await toggle.check()
  await expect(article(page).locator('.mg-suggestion').first()).toBeVisible()
  return Number(await group.getByRole('status').textContent())
}

/** The outline of the open suggestion of `kind` whose text starts with `text`. */
function outline(page: Page, kind: string, text: string) {
  return article(page)
    .locator(`.mg-suggestion[data-suggestion-kind="${kind}"]`)
    .filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
    .first()
}

/** The current suggestion's outline. */
function current(page: Page) {
  return article(page).locator('.mg-suggestion-current')
}

async function onDisk(page: Page) {
  const { dir, docId } = await documentWith(page, SAMPLE)
  return (await readDocumentFile(dir, docId)).annotations
}

function poll<T>(page: Page, read: (a: Awaited<ReturnType<typeof onDisk>>) => T) {
  return expect.poll(async () => read(await onDisk(page)), { timeout: 10_000 })
}

const quoteOf = (s: Span) => s.quote.exact
const relationBetween = (rels: Relation[], spans: Span[], type: string, from: string, to: string) =>
  rels.some(
    (r) =>
      r.type === type &&
      spans.find((s) => s.id === r.from)?.quote.exact === from &&
      spans.find((s) => s.id === r.to)?.quote.exact.startsWith(to),
  )

test.beforeEach(async ({ app }) => {
  await waitForArticle(app.page, SAMPLE)
})

test('Enter accepts a source, its cue and its claim with the links, one undo step each; X rejects and it stays rejected after a restart', async ({
  app,
}) => {
  const page = app.page
  const before = await onDisk(page)
  await showSuggestions(page)

  // Clicking an outline makes it current; Enter accepts it and the next open one becomes current.
  await outline(page, 'source', 'Russian state media').click()
  await expect(current(page)).toHaveText('Russian state media')
  await page.keyboard.press('Enter')
  await expect(current(page)).toHaveText('said')
  await page.keyboard.press('Enter')
  await expect(current(page)).toHaveText(new RegExp(`^${CLAIM}`))
  await saveScreenshot(app, 'suggestions')
  await page.keyboard.press('Enter')

  await poll(page, (a) => a.spans.length).toBe(before.spans.length + 3)
  let saved = await onDisk(page)
  const claim = saved.spans.find((s) => s.quote.exact.startsWith(CLAIM))!
  expect(claim).toMatchObject({ layer: 'claim' })
  expect(saved.spans.find((s) => quoteOf(s) === 'Russian state media')).toMatchObject({
    layer: 'source',
    attributes: expect.objectContaining({ kind: 'media' }),
  })
  expect(relationBetween(saved.relations, saved.spans, 'cue_of', 'said', CLAIM)).toBe(true)
  expect(
    relationBetween(
      saved.relations,
      saved.spans,
      'attributed_to',
      claim.quote.exact,
      'Russian state media',
    ),
  ).toBe(true)
  expect(saved.relations.length).toBe(before.relations.length + 2)

  // One undo takes back the claim and both of its links, and its outline comes back.
  await page.keyboard.press('Control+z')
  await poll(page, (a) => [a.spans.length, a.relations.length]).toEqual([
    before.spans.length + 2,
    before.relations.length,
  ])
  await expect(outline(page, 'claim', CLAIM)).toBeVisible()
  await page.keyboard.press('Control+Shift+z')
  await poll(page, (a) => a.relations.length).toBe(before.relations.length + 2)

  // X rejects the current suggestion: hidden, and saved with the analyst's annotations.
  const rejectedId = await current(page).getAttribute('data-suggestion-id')
  expect(rejectedId).toBeTruthy()
  await page.keyboard.press('x')
  await expect(article(page).locator(`[data-suggestion-id="${rejectedId}"]`)).toHaveCount(0)
  await poll(page, (a) => a.suggestions?.rejected).toEqual([rejectedId])
  saved = await onDisk(page)

  await app.restart()
  await waitForArticle(app.page, SAMPLE)
  await showSuggestions(app.page)
  await expect(article(app.page).locator('.mg-suggestion').first()).toBeVisible()
  await expect(article(app.page).locator(`[data-suggestion-id="${rejectedId}"]`)).toHaveCount(0)
  // What was accepted is there as highlights, not as suggestions.
  await expect(outline(app.page, 'claim', CLAIM)).toHaveCount(0)
  const reloaded = await onDisk(app.page)
  expect(reloaded.spans.length).toBe(saved.spans.length)
  expect(reloaded.suggestions?.rejected).toEqual([rejectedId])
  expect(app.pageErrors).toEqual([])
})

test('Shift+Enter accepts every open cue in one undo step', async ({ app }) => {
  const page = app.page
  const before = await onDisk(page)
  await showSuggestions(page)
  const cues = await article(page).locator('.mg-suggestion[data-suggestion-kind="cue"]').count()
  expect(cues).toBeGreaterThan(5)
  await outline(page, 'cue', 'said').click()
  await page.keyboard.press('Shift+Enter')
  await poll(page, (a) => a.spans.filter((s) => s.layer === 'cue').length).toBe(
    before.spans.filter((s) => s.layer === 'cue').length + cues,
  )
  await expect(article(page).locator('.mg-suggestion[data-suggestion-kind="cue"]')).toHaveCount(0)
  await page.keyboard.press('Control+z')
  await poll(page, (a) => a.spans.length).toBe(before.spans.length)
  await expect(article(page).locator('.mg-suggestion[data-suggestion-kind="cue"]')).toHaveCount(
    cues,
  )
})

test('the hover card accepts and rejects with the mouse', async ({ app }) => {
  const page = app.page
  const before = await onDisk(page)
  await showSuggestions(page)
  const source = outline(page, 'source', 'Russian state news agency TASS')
  await source.scrollIntoViewIfNeeded()
  await source.hover()
  const card = page.getByRole('group', { name: 'Suggested source' })
  await expect(card).toBeVisible()
  await expect(card).toContainText('Russian state news agency TASS')
  await saveScreenshot(app, 'suggestion-card')
  await card
    .getByRole('button', { name: /^Accept/ })
    .first()
    .click()
  await poll(page, (a) => a.spans.map(quoteOf)).toContain('Russian state news agency TASS')

  const cue = outline(page, 'cue', 'hailed')
  await cue.scrollIntoViewIfNeeded()
  await cue.hover()
  await expect(page.getByRole('group', { name: 'Suggested cue' })).toBeVisible()
  const id = await cue.getAttribute('data-suggestion-id')
  await page
    .getByRole('group', { name: 'Suggested cue' })
    .getByRole('button', { name: /^Reject/ })
    .click()
  await poll(page, (a) => a.suggestions?.rejected ?? []).toContain(id)
  expect((await onDisk(page)).spans.length).toBe(before.spans.length + 1)
})

test('"Pre-annotate on import" in the Import menu is a project setting that imports accepted suggestions', async ({
  app,
}) => {
  const page = app.page
  await page.getByRole('banner').getByRole('button', { name: 'Import', exact: true }).click()
  const item = page.getByRole('menuitemcheckbox', { name: 'Pre-annotate on import' })
  await expect(item).toHaveAttribute('aria-checked', 'false')
  await item.click()
  await expect(item).toHaveAttribute('aria-checked', 'true')
  await page.keyboard.press('Escape')
  const dir = await openProjectDir(page)
  await expect
    .poll(async () => (await readProjectFile(dir)).schema.suggestions?.preAnnotate)
    .toBe(true)

  const folder = await scratchFolder('preannotate')
  const file = path.join(folder, 'water-talks.txt')
  await writeFile(
    file,
    'Ministers meet on water rights\n\nThe talks will resume on Monday, the foreign ministry said.\n',
  )
  await app.nextDialog('chooseImportFiles', [file])
  await chooseImport(page, 'Documents')
  await closeImportReport(page, '1 document added')
  const doc = await findDocument(dir, 'Ministers meet on water rights')
  const quotes = doc.annotations.spans.map((s) => `${s.layer}:${s.quote.exact}`)
  expect(quotes.sort()).toEqual(
    ['claim:The talks will resume on Monday', 'cue:said', 'source:the foreign ministry'].sort(),
  )
  expect(doc.annotations.spans.every((s) => s.annotator === 'auto')).toBe(true)
  expect(doc.annotations.relations).toHaveLength(2)
  // They are the engine's own set, not the importing analyst's.
  expect(doc.set).toBe('auto')
  const snapshot = (await projectSnapshot(page))!
  expect(snapshot.analysts.map((a) => a.id)).toContain('auto')
})

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' })

  test('outlines are dashed and never fill the text, so highlights under them show; the card is readable', async ({
    app,
  }) => {
    const page = app.page
    await showSuggestions(page)
    const styles = await article(page)
      .locator('.mg-suggestion')
      .evaluateAll((els) =>
        els.map((el) => {
          const s = getComputedStyle(el)
          return { outline: s.outlineStyle, background: s.backgroundColor }
        }),
      )
    expect(styles.length).toBeGreaterThan(10)
    for (const s of styles) expect(s).toEqual({ outline: 'dashed', background: 'rgba(0, 0, 0, 0)' })
    await saveScreenshot(app, 'suggestions-dark')
    const source = outline(page, 'source', 'Russian state news agency TASS')
    await source.scrollIntoViewIfNeeded()
    await source.hover()
    await expect(page.getByRole('group', { name: 'Suggested source' })).toBeVisible()
    await saveScreenshot(app, 'suggestion-card-dark')
  })
})
