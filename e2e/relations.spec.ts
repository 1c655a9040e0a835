// Linking claims to sources: by keyboard (select a claim, L, pick), by dragging the link handle onto
// a highlight, relation attributes from the schema, undo of a link, and what is drawn meanwhile.
// Every check of the result reads the document file the autosave wrote.
import type { Page } from '@playwright/test'
import type { Relation } from '../src/shared/model'
import { expect, test } from './fixtures'
import {
  clickHighlight,
  documentWith,
  highlight,
  spanDetails,
  tagAndSave,
  waitForArticle,
} from './support/app-actions'
import { readDocumentFile } from './support/project-files'
import { saveScreenshot } from './support/screenshots'

const TENSIONS = 'Tensions on the Korean Peninsula are at their highest point in years'
const ALLIES = 'the United States, South Korea, and Japan'

test.beforeEach(async ({ app }) => {
  await waitForArticle(app.page, TENSIONS)
})

/** The middle of the first line box of a span's highlight (an inline box may span lines). */
async function firstLine(page: Page, spanId: string): Promise<{ x: number; y: number }> {
  const el = highlight(page, spanId).first()
  await el.scrollIntoViewIfNeeded()
  return el.evaluate((node) => {
    const r = node.getClientRects()[0]
    return { x: r.left + Math.min(10, r.width / 2), y: r.top + r.height / 2 }
  })
}

/**
 * Scrolls the article so the selected span's link handle and the first line of `targetId` are both
 * on screen, as a user does before dragging from one to the other, and returns the point to drop
 * on. (Scrolling only the target into view can push the handle out of the window: a press there
 * reaches no element, and the drag never starts.)
 */
async function handleAndTargetInView(page: Page, targetId: string) {
  const target = highlight(page, targetId).first()
  await target.evaluate((node) => {
    const scroller = node.closest('.article-scroll')!
    const handle = scroller.querySelector('.mg-link-handle')!
    const view = scroller.getBoundingClientRect()
    const a = handle.getBoundingClientRect()
    const b = node.getClientRects()[0]
    const mid = (Math.min(a.top, b.top) + Math.max(a.bottom, b.bottom)) / 2
    scroller.scrollTop += mid - (view.top + view.bottom) / 2
  })
  const to = await firstLine(page, targetId)
  const view = (await page.locator('.article-scroll').boundingBox())!
  const h = (await page.locator('.mg-link-handle').boundingBox())!
  const inside = (y: number) => y > view.y && y < view.y + view.height
  expect(inside(h.y) && inside(h.y + h.height), 'the link handle is on screen').toBe(true)
  expect(inside(to.y), 'the drop target is on screen').toBe(true)
  return to
}

/** Drags the link handle of the selected span to a point. */
async function dragHandleTo(page: Page, to: { x: number; y: number }, drop = true) {
  const h = (await page.locator('.mg-link-handle').boundingBox())!
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2)
  await page.mouse.down()
  await page.mouse.move(to.x, to.y, { steps: 8 })
  if (drop) await page.mouse.up()
}

/** The relations of the sample document as saved now. */
async function relationsOnDisk(page: Page): Promise<{ relations: Relation[]; dir: string }> {
  const { dir, docId } = await documentWith(page, TENSIONS)
  return { relations: (await readDocumentFile(dir, docId)).annotations.relations, dir }
}

/** Waits until a relation from `from` to `to` is (or is no longer) on disk, and returns it. */
async function waitForRelation(
  page: Page,
  from: string,
  to: string,
  present = true,
): Promise<Relation | undefined> {
  let found: Relation | undefined
  await expect
    .poll(
      async () => {
        found = (await relationsOnDisk(page)).relations.find((r) => r.from === from && r.to === to)
        return found !== undefined
      },
      { message: `relation ${from} → ${to} ${present ? 'saved' : 'removed'}`, timeout: 10_000 },
    )
    .toBe(present)
  return found
}

test('a claim without a source is flagged; L, Enter links it to the nearest source, on disk', async ({
  app,
}) => {
  const page = app.page
  const panel = spanDetails(page)
  // The list flags the sample's one unsourced claim.
  await expect(panel.getByText('1 claim is attributed to no source.')).toBeVisible()

  await clickHighlight(page, 'claim-tensions')
  await expect(panel.getByRole('heading', { name: /Claim/ })).toContainText('No source')

  await page.keyboard.press('l')
  const list = page.getByRole('listbox', { name: 'Link to…' })
  await expect(list).toBeFocused()
  const first = list.getByRole('option').first()
  // Nearest first: the closest source before this paragraph is Blinken.
  await expect(first).toHaveAttribute(
    'aria-label',
    'Source: U.S. Secretary of State Antony Blinken',
  )
  await expect(first).toHaveAttribute('aria-selected', 'true')
  await expect(list.getByRole('group', { name: /attributed to → Source/ })).toBeVisible()
  await page.keyboard.press('ArrowDown')
  await expect(first).toHaveAttribute('aria-selected', 'false')
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('Enter')
  await expect(list).toBeHidden()

  const rel = await waitForRelation(page, 'claim-tensions', 'source-blinken')
  expect(rel?.type).toBe('attributed_to')
  // The panel lists the link and the flag is gone; the article draws it.
  await expect(panel.getByRole('heading', { name: /Claim/ })).not.toContainText('No source')
  const links = panel.getByRole('region', { name: 'Links' })
  await expect(links.getByRole('button', { name: /Antony Blinken/ })).toBeVisible()
  await expect(page.locator(`.mg-link[data-relation-id="${rel!.id}"]`)).toHaveCount(1)

  // Undo removes the link (on disk too); redo brings it back.
  await page.keyboard.press('Control+z')
  await waitForRelation(page, 'claim-tensions', 'source-blinken', false)
  await expect(panel.getByRole('heading', { name: /Claim/ })).toContainText('No source')
  await page.keyboard.press('Control+Shift+z')
  await waitForRelation(page, 'claim-tensions', 'source-blinken')
})

test('Escape closes the picker without linking, and a click on a highlight picks it', async ({
  app,
}) => {
  const page = app.page
  const before = (await relationsOnDisk(page)).relations.length
  await clickHighlight(page, 'claim-tensions')
  await page.keyboard.press('l')
  const list = page.getByRole('listbox', { name: 'Link to…' })
  await expect(list).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(list).toBeHidden()
  // The claim stays selected after closing the picker.
  await expect(highlight(page, 'claim-tensions').first()).toHaveClass(/mg-selected/)

  await spanDetails(page)
    .getByRole('button', { name: /Link to…/ })
    .click()
  await expect(list).toBeVisible()
  await clickHighlight(page, 'source-blinken')
  await expect(list).toBeHidden()
  await waitForRelation(page, 'claim-tensions', 'source-blinken')
  expect((await relationsOnDisk(page)).relations).toHaveLength(before + 1)
  // The click picked; it did not select the source.
  await expect(highlight(page, 'claim-tensions').first()).toHaveClass(/mg-selected/)
})

test('drag the link handle from a claim onto a source highlight: the relation is on disk', async ({
  app,
}) => {
  const page = app.page
  const { span: source } = await tagAndSave(page, ALLIES, '2')
  await clickHighlight(page, 'claim-tensions')
  const handle = page.locator('.mg-link-handle')
  await expect(handle).toBeVisible()

  await dragHandleTo(page, await handleAndTargetInView(page, source.id), false)
  await expect(page.locator('.mg-link-band.ok')).toBeVisible()
  await page.mouse.up()

  const rel = await waitForRelation(page, 'claim-tensions', source.id)
  expect(rel?.type).toBe('attributed_to')

  // A drop on a layer the schema does not link says so and links nothing.
  const count = (await relationsOnDisk(page)).relations.length
  await clickHighlight(page, 'claim-tensions')
  // "in desperation" wraps over two lines: its first line box is the word "in" at a line's end.
  await dragHandleTo(page, await handleAndTargetInView(page, 'sentiment-desperation'))
  await expect(page.getByRole('status').filter({ hasText: 'No relation type' })).toContainText(
    'links a Claim and a Sentiment',
  )
  expect((await relationsOnDisk(page)).relations).toHaveLength(count)
})

test('attribution and stance are edited in the panel and saved on the relation', async ({
  app,
}) => {
  const page = app.page
  await clickHighlight(page, 'claim-munitions')
  const links = spanDetails(page).getByRole('region', { name: 'Links' })
  const item = links.locator('[data-relation-id="rel-munitions"]')
  await item.getByLabel('Attribution').selectOption('paraphrase')
  await item.getByLabel('Stance').selectOption('questions')
  await expect
    .poll(async () => {
      const r = (await relationsOnDisk(page)).relations.find((x) => x.id === 'rel-munitions')
      return r?.attributes
    })
    .toEqual({ attribution: 'paraphrase', stance: 'questions' })

  // Retarget: change the source via the picker; remove the cue link from the cue's side.
  await item.getByRole('button', { name: 'Change source…' }).click()
  const list = page.getByRole('listbox', { name: 'Change the other end' })
  await list.getByRole('option', { name: /Source: Russian news agency TASS/ }).click()
  await expect
    .poll(
      async () => (await relationsOnDisk(page)).relations.find((x) => x.id === 'rel-munitions')?.to,
    )
    .toBe('source-tass')
  await links
    .locator('[data-relation-id="rel-cue-munitions"]')
    .getByRole('button', { name: 'Remove link' })
    .click()
  await expect
    .poll(async () =>
      (await relationsOnDisk(page)).relations.some((x) => x.id === 'rel-cue-munitions'),
    )
    .toBe(false)
})

test('selecting a claim draws its links; "Show all links" draws every link in view', async ({
  app,
}) => {
  const page = app.page
  await clickHighlight(page, 'claim-cooperation')
  // Two sources and two cues ("said", "according to").
  await expect(page.locator('.mg-link')).toHaveCount(4)
  await expect(page.locator('.mg-link text')).toContainText([
    'attributed to',
    'attributed to',
    'cue of',
    'cue of',
  ])
  await page.mouse.move(5, 5)
  // Four arcs over one line: the line gets the room they need, and no label overlaps another
  // label or any letter of the text.
  await expect.poll(() => labelOverlaps(page)).toEqual([])
  // The same in a narrow window, where the ends crowd together.
  const size = page.viewportSize()!
  await page.setViewportSize({ width: 900, height: size.height })
  await highlight(page, 'claim-cooperation').first().scrollIntoViewIfNeeded()
  await expect.poll(() => labelOverlaps(page)).toEqual([])
  await page.setViewportSize(size)
  await highlight(page, 'claim-cooperation').first().scrollIntoViewIfNeeded()
  await expect.poll(() => labelOverlaps(page)).toEqual([])
  await saveScreenshot(app, 'claim-links')

  await page.getByRole('switch', { name: 'Show all links' }).check()
  await page.getByRole('button', { name: /All spans/ }).click()
  await highlight(page, 'claim-cooperation').first().scrollIntoViewIfNeeded()
  await expect.poll(async () => page.locator('.mg-link').count()).toBeGreaterThan(4)
  await saveScreenshot(app, 'all-links')
  await page.getByRole('switch', { name: 'Show all links' }).uncheck()
  await expect(page.locator('.mg-link')).toHaveCount(0)
})

test('L opens the list next to the claim, wholly visible, without moving the article', async ({
  app,
}) => {
  const page = app.page
  const scroller = page.locator('.article-scroll')
  // A claim in the upper half of the article, scrolled into the upper part of the window.
  await clickHighlight(page, 'claim-tensions')
  const before = await scroller.evaluate((el) => el.scrollTop)
  const span = (await highlight(page, 'claim-tensions').first().boundingBox())!
  await page.keyboard.press('l')
  const list = page.getByRole('listbox', { name: 'Link to…' })
  await expect(list).toBeFocused()
  expect(await scroller.evaluate((el) => el.scrollTop)).toBe(before)
  const picker = (await page.locator('.link-picker').boundingBox())!
  const view = (await scroller.boundingBox())!
  expect(picker.y).toBeGreaterThanOrEqual(view.y)
  expect(picker.y + picker.height).toBeLessThanOrEqual(view.y + view.height)
  expect(picker.x + picker.width).toBeLessThanOrEqual(view.x + view.width)
  // Next to the span: just below its first line, or just above it.
  const gap =
    picker.y >= span.y ? picker.y - (span.y + span.height) : span.y - (picker.y + picker.height)
  expect(gap).toBeLessThan(40)
  // Moving down through the list scrolls the list, never the article.
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowDown')
  expect(await scroller.evaluate((el) => el.scrollTop)).toBe(before)
})

test('in the list, → jumps to the cues and typing finds one; Enter links it', async ({ app }) => {
  const page = app.page
  await clickHighlight(page, 'claim-tensions')
  await page.keyboard.press('l')
  const list = page.getByRole('listbox', { name: 'Link to…' })
  await expect(list).toBeFocused()
  const selected = list.locator('[role="option"][aria-selected="true"]')
  await expect(selected).toHaveAttribute('aria-label', /^Source:/)
  // One key to the next group, the cues (nearest first), and one back.
  await page.keyboard.press('ArrowRight')
  await expect(selected).toHaveAttribute('aria-label', /^Cue:/)
  const cues = list.getByRole('group', { name: /Cue/ }).getByRole('option')
  await expect(cues.first()).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('ArrowLeft')
  await expect(selected).toHaveAttribute('aria-label', /^Source:/)
  // Type-ahead: "told" finds the cue "told reporters".
  await page.keyboard.type('told')
  await expect(selected).toHaveAttribute('aria-label', 'Cue: told reporters')
  const cueId = await selected.evaluate((el) => el.id)
  expect(cueId).toBeTruthy()
  await page.keyboard.press('Enter')
  await expect(list).toBeHidden()
  await expect
    .poll(async () =>
      (await relationsOnDisk(page)).relations
        .filter((r) => r.to === 'claim-tensions' || r.from === 'claim-tensions')
        .map((r) => r.type),
    )
    .toContain('cue_of')
})

/**
 * Every overlap of a link label with another label or with the text's letters on screen, as
 * "label / what" strings (empty when the labels are readable).
 */
function labelOverlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const hit = (a: DOMRect, b: DOMRect) =>
      a.left < b.right - 0.5 &&
      b.left < a.right - 0.5 &&
      a.top < b.bottom - 0.5 &&
      b.top < a.bottom - 0.5
    const labels = [...document.querySelectorAll('.mg-link text')].map((el) => ({
      name: el.textContent ?? '',
      box: el.getBoundingClientRect(),
    }))
    const letters: { text: string; box: DOMRect }[] = []
    const root = document.querySelector('.ProseMirror')!
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const range = document.createRange()
      range.selectNodeContents(n)
      for (const box of range.getClientRects())
        if (box.bottom > 0 && box.top < innerHeight)
          letters.push({ text: n.textContent ?? '', box })
    }
    const out: string[] = []
    labels.forEach((l, i) => {
      labels.slice(i + 1).forEach((m) => hit(l.box, m.box) && out.push(`${l.name} / ${m.name}`))
      for (const t of letters)
        if (hit(l.box, t.box)) out.push(`${l.name} / text "${t.text.slice(0, 30)}"`)
    })
    return out
  })
}
