// The keys of the article that depend on where the reader is: ] and [ step from the caret, a quick
// second click on stacked highlights reaches the next one, and a key that cannot act (1 with no
// text selected, L with no span, tagging text already tagged) says why by the caret, without
// making anything. Every count of spans is read from the document file the autosave wrote.
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import {
  clickHighlight,
  documentWith,
  highlight,
  spanDetails,
  spansOnDisk,
  tagAndSave,
  waitForArticle,
  waitForNewSpanOnDisk,
} from './support/app-actions'
import { phrasePoints, selectAndPressAtOnce, selectPhrase } from './support/text-selection'

const WASHINGTON = 'In Washington, U.S. Secretary of State Antony Blinken said'
const DEAL_DISCARDED = 'The deal was discarded after the collapse of the USSR'

test.beforeEach(async ({ app }) => {
  await waitForArticle(app.page, WASHINGTON)
})

/** The id of the selected span, from its highlight (one span is drawn selected at a time). */
async function selectedSpanId(page: Page): Promise<string | null> {
  const el = page.locator('.ProseMirror .mg-selected[data-span-id]').first()
  return (await el.count()) ? el.getAttribute('data-span-id') : null
}

/** Places the caret by clicking plain text at the start of `phrase`'s second word. */
async function caretInto(page: Page, phrase: string): Promise<void> {
  const { from } = await phrasePoints(page, phrase)
  await page.mouse.click(from.x + 30, from.y)
}

/** The hint is on screen inside the article's visible area, within `px` of `near`'s top. */
async function expectHintNear(page: Page, near: { y: number }, px = 90): Promise<Locator> {
  const hint = page.locator('.article-hint')
  await expect(hint).toBeVisible()
  const box = (await hint.boundingBox())!
  const view = (await page.locator('.article-scroll').boundingBox())!
  expect(box.y).toBeGreaterThanOrEqual(view.y)
  expect(box.y + box.height).toBeLessThanOrEqual(view.y + view.height)
  expect(Math.abs(box.y + box.height / 2 - near.y)).toBeLessThan(px)
  return hint
}

test('] and [ with no span selected go to the spans after and before the caret', async ({
  app,
}) => {
  const page = app.page
  const { dir, docId, text } = await documentWith(page, WASHINGTON)
  const caret = text.indexOf(WASHINGTON) + 'In W'.length
  const spans = (await spansOnDisk(dir, docId)).sort((a, b) => a.start - b.start || a.end - b.end)
  const next = spans.find((s) => s.start >= caret)!
  const before = spans.filter((s) => s.start < caret).at(-1)!
  // The sample has spans before this paragraph: "next" is not simply the first span.
  expect(spans[0].id).not.toBe(next.id)

  await caretInto(page, WASHINGTON)
  expect(await selectedSpanId(page)).toBeNull()
  await page.keyboard.press(']')
  await expect.poll(() => selectedSpanId(page)).toBe(next.id)

  await page.keyboard.press('Escape')
  await caretInto(page, WASHINGTON)
  await page.keyboard.press('[')
  await expect.poll(() => selectedSpanId(page)).toBe(before.id)
})

test('two quick clicks on stacked highlights select the second span of the stack', async ({
  app,
}) => {
  const page = app.page
  const claim = await tagAndSave(page, DEAL_DISCARDED, '1')
  const source = await tagAndSave(page, 'the collapse of the USSR', '2')
  await page.keyboard.press('Escape')
  // A click on "USSR" selects the innermost (shortest) span; a quick second click the next one.
  const inner = highlight(page, source.span.id).first()
  await inner.scrollIntoViewIfNeeded()
  const box = (await inner.boundingBox())!
  const at = { x: box.x + box.width - 8, y: box.y + box.height / 2 }
  await page.mouse.click(at.x, at.y)
  await expect.poll(() => selectedSpanId(page)).toBe(source.span.id)
  await page.keyboard.press('Escape')
  // A double click is two presses in quick succession: the first selects, the second cycles.
  await page.mouse.dblclick(at.x, at.y)
  await expect.poll(() => selectedSpanId(page)).toBe(claim.span.id)
  // It cycled; it did not select a word (no tag palette).
  await expect(page.getByRole('toolbar', { name: 'Tag selection as' })).toHaveCount(0)
})

test('1 with no text selected and L with no span say why, by the caret', async ({ app }) => {
  const page = app.page
  const { dir, docId } = await documentWith(page, WASHINGTON)
  const count = (await spansOnDisk(dir, docId)).length
  await caretInto(page, WASHINGTON)
  const caretY = (await phrasePoints(page, WASHINGTON)).from.y

  await page.keyboard.press('1')
  const hint = await expectHintNear(page, { y: caretY })
  await expect(hint).toHaveText(/Select some text first, then tag it Claim/)
  await expect(hint).toHaveAttribute('role', 'status')
  // The next key clears it; L with no span selected gives its own reason.
  await page.keyboard.press('l')
  await expect(await expectHintNear(page, { y: caretY })).toHaveText(/Select a span first/)
  await expect(page.getByRole('listbox', { name: 'Link to…' })).toHaveCount(0)
  await page.mouse.click(5, 5)
  await expect(hint).toHaveCount(0)
  expect((await spansOnDisk(dir, docId)).length).toBe(count)
})

// The browser reports a new selection to the editor in a later task, and a busy Chromium handles
// input first: a key pressed in between must act on the selection the user sees, not the last one.
test('a key pressed before the editor hears of a new selection acts on the selection shown', async ({
  app,
}) => {
  const page = app.page
  const { dir, docId, text } = await documentWith(page, WASHINGTON)
  const before = await spansOnDisk(dir, docId)
  await caretInto(page, DEAL_DISCARDED)
  await expect(page.locator('.ProseMirror')).toBeFocused()

  // The caret moved to Washington's paragraph: the hint goes by it, not by the old caret.
  const caretY = (await phrasePoints(page, WASHINGTON)).from.y
  await selectAndPressAtOnce(page, WASHINGTON, '1', true)
  await expect(await expectHintNear(page, { y: caretY })).toHaveText(/Select some text first/)

  // Text selected: it is tagged, not refused.
  await selectAndPressAtOnce(page, WASHINGTON, '1')
  const span = await waitForNewSpanOnDisk(dir, docId, before)
  expect(text.slice(span.start, span.end)).toBe(WASHINGTON)
  expect(span.label).toBe('Claim')
})

test('tagging text already tagged with the same label selects that span, never a duplicate', async ({
  app,
}) => {
  const page = app.page
  const { dir, docId, span } = await tagAndSave(page, DEAL_DISCARDED, '1')
  const count = (await spansOnDisk(dir, docId)).length
  await page.keyboard.press('Escape')
  await expect.poll(() => selectedSpanId(page)).toBeNull()

  await selectPhrase(page, DEAL_DISCARDED)
  await page.keyboard.press('1')
  await expect.poll(() => selectedSpanId(page)).toBe(span.id)
  // The existing span is scrolled into view, with the hint by it.
  const existing = highlight(page, span.id).first()
  await expect(existing).toBeInViewport()
  await expect(page.locator('.article-hint')).toHaveText(/Already tagged Claim/)
  await expect
    .poll(async () => {
      const hint = (await page.locator('.article-hint').boundingBox())!
      const box = (await existing.boundingBox())!
      return Math.abs(hint.y + hint.height / 2 - box.y) < 90
    })
    .toBe(true)
  await expectHintNear(page, (await existing.boundingBox())!)
  await expect(spanDetails(page).getByLabel('Quote')).toHaveText(DEAL_DISCARDED)
  // Another label of the same text is a new span.
  await selectPhrase(page, DEAL_DISCARDED)
  await page.keyboard.press('3')
  await expect.poll(async () => (await spansOnDisk(dir, docId)).length).toBe(count + 1)
  const onDisk = await spansOnDisk(dir, docId)
  const same = onDisk.filter((s) => s.start === span.start && s.end === span.end)
  expect(same.map((s) => s.label).sort()).toEqual(['Claim', 'Sentiment'])
  await clickHighlight(page, span.id)
})

// React measures the focused element's selection before every commit, and for a contenteditable
// that is "true" it walks every node of it to do so: the whole article, on every change to any
// pane while the article has focus. A plain-text editable is not walked, and selects and tags the
// same way from the keyboard.
test('the article is a plain-text editable that still selects and tags from the keyboard', async ({
  app,
}) => {
  const page = app.page
  const article = page.locator('.ProseMirror')
  await expect(article).toHaveAttribute('contenteditable', 'plaintext-only')
  await caretInto(page, WASHINGTON)
  for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('1')
  await expect(page.locator('.ProseMirror .mg-selected[data-span-id]').first()).toBeVisible()
  await page.keyboard.type('xyz')
  await expect(article).toContainText(WASHINGTON)
  await expect(article).toHaveAttribute('contenteditable', 'plaintext-only')
})
