// A long article (over 200 blocks) draws only the highlights near the viewport
// (src/renderer/src/editor/draw-window.ts). What an analyst relies on still holds: a highlight far
// down shows when scrolled to, tagging there works, and choosing a far span in the panel's list
// scrolls the article to it with its highlight drawn and selected. Such an article is also built in
// sections of 50 blocks (src/renderer/src/editor/doc.ts), which a selection crosses like any
// block break.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import {
  closeImportReport,
  documentWith,
  dropFiles,
  highlight,
  openDocumentByTitle,
  spanDetails,
  spansOnDisk,
  waitForArticle,
  waitForNewSpanOnDisk,
} from './support/app-actions'
import { saveScreenshot } from './support/screenshots'
import { EDITOR, selectPhrase } from './support/text-selection'

const PARAGRAPHS = 400
const TEXT =
  'Harbour ledger of the long session\n\n' +
  Array.from(
    { length: PARAGRAPHS },
    (_, i) =>
      `Paragraph ${i}: the council said the budget for item ${i} would be ` +
      `reviewed, according to officials who asked for marker-${i} to be noted.`,
  ).join('\n\n')

/** Scrolls the article so that the paragraph holding `phrase` is in the middle of the pane. */
async function scrollToPhrase(page: Page, phrase: string): Promise<void> {
  await page.evaluate(`(() => {
    const p = [...document.querySelectorAll('${EDITOR} p')].find((el) => el.textContent.includes(${JSON.stringify(phrase)}))
    p.scrollIntoView({ block: 'center' })
  })()`)
}

/** Whether the element is inside the article pane's visible box. */
async function inView(page: Page, spanId: string): Promise<boolean> {
  return page.evaluate(`(() => {
    const el = document.querySelector('${EDITOR} [data-span-id="${spanId}"]')
    const pane = document.querySelector('.article-scroll')
    if (!el || !pane) return false
    const a = el.getBoundingClientRect(), b = pane.getBoundingClientRect()
    return a.bottom > b.top && a.top < b.bottom
  })()`)
}

/** Imports a file (dropped, as a user would), opens it, and waits for `first` in its text. */
async function openDropped(page: Page, name: string, text: string, title: RegExp, first: string) {
  await waitForArticle(page)
  await dropFiles(page, [{ name, data: Buffer.from(text, 'utf8') }])
  await closeImportReport(page, '1 document added')
  await openDocumentByTitle(page, title)
  await waitForArticle(page, first)
}

/** Imports the long article and opens it. */
const openLongArticle = (page: Page) =>
  openDropped(page, 'harbour-ledger.txt', TEXT, /Harbour ledger/, 'marker-0 ')

test('highlights far down a long article show when scrolled to, and the list scrolls to them', async ({
  app,
}) => {
  const page = app.page
  await openLongArticle(page)

  // Tag a phrase near the end: scrolled to, as a reader would, then selected and tagged.
  const far = 'asked for marker-390 to'
  const { dir, docId } = await documentWith(page, far)
  const before = await spansOnDisk(dir, docId)
  await selectPhrase(page, far)
  // (Focusing the article for the selection scrolls it to its top: scroll back to the phrase.)
  await scrollToPhrase(page, far)
  await page.keyboard.press('1')
  const span = await waitForNewSpanOnDisk(dir, docId, before)
  await expect(highlight(page, span.id).first()).toBeVisible()

  // Back at the top, the far highlight is not drawn (only what is near the viewport is)...
  await spanDetails(page)
    .getByRole('button', { name: /back|all spans/i })
    .click()
  await page.evaluate(`document.querySelector('.article-scroll').scrollTop = 0`)
  await expect(highlight(page, span.id)).toHaveCount(0)
  // ...and shows again when the article is scrolled down to it.
  await scrollToPhrase(page, far)
  await expect(highlight(page, span.id).first()).toBeVisible()

  // From the top, choosing the span in the panel's list scrolls to it, drawn and selected.
  await page.evaluate(`document.querySelector('.article-scroll').scrollTop = 0`)
  await expect(highlight(page, span.id)).toHaveCount(0)
  await spanDetails(page)
    .getByRole('button', { name: /marker-390/ })
    .click()
  await expect(highlight(page, span.id).first()).toHaveClass(/mg-selected/)
  await expect.poll(() => inView(page, span.id)).toBe(true)
  await saveScreenshot(app, 'long-article-far-span')
})

test('a span across two sections of a long article has the exact text and is drawn in both', async ({
  app,
}) => {
  const page = app.page
  await openLongArticle(page)
  // The title and paragraphs 0–48 are the first section; paragraph 49 opens the second.
  await expect(page.locator(`${EDITOR} > .mg-section`)).toHaveCount(
    Math.ceil((PARAGRAPHS + 1) / 50),
  )
  const last = page.locator(`${EDITOR} > .mg-section`).nth(1).locator('p').first()
  await expect(last).toContainText('Paragraph 49:')

  const { dir, docId } = await documentWith(page, 'marker-48 ')
  const before = await spansOnDisk(dir, docId)
  await scrollToPhrase(page, 'marker-48 ')
  // The editor's text nodes joined: the block break between the two paragraphs is no character.
  await selectPhrase(page, 'marker-48 to be noted.Paragraph 49')
  await page.keyboard.press('1')
  const span = await waitForNewSpanOnDisk(dir, docId, before)
  const start = TEXT.indexOf('marker-48 ')
  const end = TEXT.indexOf('Paragraph 49') + 'Paragraph 49'.length
  expect([span.start, span.end, span.quote.exact]).toEqual([start, end, TEXT.slice(start, end)])
  // Drawn on both sides of the section break.
  const drawn = highlight(page, span.id)
  await expect(drawn.first()).toBeVisible()
  await expect(drawn.last()).toBeVisible()
  const sections = await drawn.evaluateAll((els) =>
    els.map((el) => [...el.closest('.ProseMirror')!.children].indexOf(el.closest('.mg-section')!)),
  )
  expect([...new Set(sections)]).toEqual([0, 1])
  await scrollToPhrase(page, 'marker-48 ')
  await saveScreenshot(app, 'long-article-across-sections')
})

test('headings where the sections of a long article meet are spaced as anywhere else', async ({
  app,
}) => {
  const page = app.page
  // Two headings in a row every ten blocks: wherever the article is cut in sections, one of them
  // is next to the cut.
  const blocks = Array.from({ length: 300 }, (_, i) =>
    i % 10 === 9 || i % 10 === 0 ? `## Heading ${i}` : `Paragraph ${i} of the sectioned notes.`,
  )
  const md = `# Sectioned notes\n\n${blocks.join('\n\n')}\n`
  await openDropped(page, 'sectioned-notes.md', md, /Sectioned notes/, 'Paragraph 1 ')
  expect(await page.locator('.mg-section').count()).toBeGreaterThan(4)
  // The space above each heading, by what comes before it: a paragraph, or another heading.
  const gaps = await page.evaluate(() => {
    const out: Record<string, number[]> = { p: [], h2: [] }
    const blocks = [...document.querySelectorAll<HTMLElement>('.mg-doc p, .mg-doc h2')]
    blocks.forEach((el, i) => {
      if (el.tagName !== 'H2' || i === 0) return
      el.scrollIntoView({ block: 'center' })
      const before = blocks[i - 1]
      const gap = el.getBoundingClientRect().top - before.getBoundingClientRect().bottom
      out[before.tagName.toLowerCase()].push(Math.round(gap * 10) / 10)
    })
    return out
  })
  for (const [after, list] of Object.entries(gaps)) {
    expect(list.length, after).toBeGreaterThan(20)
    expect(new Set(list).size, `gaps above a heading after a ${after}: ${list.join(' ')}`).toBe(1)
  }
})

/**
 * Scrolls the article from top to bottom by half screens, each step a frame for the draw window to
 * follow: how many distinct suggestions were outlined on the way, and whether the page never held
 * more than a third of them at once.
 */
async function outlinesMet(page: Page): Promise<{ met: number; fewOnPage: boolean }> {
  return page.evaluate(async (editor) => {
    const scroller = document.querySelector('.article-scroll')!
    const frame = () => new Promise((done) => requestAnimationFrame(() => done(null)))
    const met = new Set<string>()
    let most = 0
    for (let top = 0; top < scroller.scrollHeight; top += scroller.clientHeight / 2) {
      scroller.scrollTop = top
      await frame()
      await frame()
      const ids = [...document.querySelectorAll(`${editor} [data-suggestion-id]`)].map((el) =>
        el.getAttribute('data-suggestion-id'),
      )
      for (const id of ids) met.add(id!)
      most = Math.max(most, new Set(ids).size)
    }
    scroller.scrollTop = 0
    return { met: met.size, fewOnPage: most < met.size / 3 }
  }, EDITOR)
}

test('suggestions on a long article are filtered in slices, and a claim tagged while they arrive is not suggested', async ({
  app,
}) => {
  const page = app.page
  await openLongArticle(page)
  const group = page.getByRole('group', { name: 'Suggestions' })
  const status = group.getByRole('status')
  const toggle = group.getByRole('switch', { name: 'Suggestions' })
  if (!(await toggle.isChecked())) await toggle.check()
  // Tagged right away, while the engine's results may still be arriving and being filtered.
  const claim = 'the budget for item 3 would be reviewed'
  const { dir, docId } = await documentWith(page, claim)
  const before = await spansOnDisk(dir, docId)
  await selectPhrase(page, claim)
  await page.keyboard.press('1')
  const span = await waitForNewSpanOnDisk(dir, docId, before)
  expect([span.layer, span.quote.exact]).toEqual(['claim', claim])
  // Once every result is in, the count and the outlines agree...
  await expect(status).toHaveAttribute('aria-label', /^\d+ open suggestions$/, {
    timeout: 120_000,
  })
  const count = Number(await status.textContent())
  // (More than are filtered in one go: OPEN_AT_ONCE, suggestion-plugin.ts.)
  expect(count).toBeGreaterThan(1000)
  // Only the outlines near the viewport are on the page, as with highlights; scrolling through the
  // whole article meets every open suggestion's.
  await expect
    .poll(() => outlinesMet(page), { timeout: 120_000 })
    .toEqual({ met: count, fewOnPage: true })
  // ...and the claim tagged is no longer suggested, while its neighbours' are.
  await scrollToPhrase(page, claim)
  const claimOutline = (text: string) =>
    page
      .locator(`${EDITOR} .mg-suggestion[data-suggestion-kind="claim"]`)
      .filter({ hasText: new RegExp(`^${text}$`) })
  await expect(claimOutline(claim)).toHaveCount(0)
  await expect(claimOutline('the budget for item 4 would be reviewed')).toHaveCount(1)

  // From the article's end, N wraps to the first suggestion, screens away: it is drawn, shown
  // current in the viewport, with its card.
  await page.locator(EDITOR).press('Control+End')
  await expect(page.getByText('marker-399', { exact: false }).first()).toBeInViewport()
  await page.keyboard.press('n')
  const current = page.locator(`${EDITOR} .mg-suggestion-current`).first()
  await expect(current).toBeInViewport()
  await expect(page.getByRole('group', { name: /^Suggested / })).toBeVisible()
  const top = await page.evaluate(() => document.querySelector('.article-scroll')!.scrollTop)
  expect(top).toBeLessThan(2000)
})
