// Tagging: a selection plus a layer shortcut makes a span that is saved to disk with offsets that
// select exactly its quote; spans overlap and nest; the selection snaps to whole words.
import { quoteOf } from '../src/shared/anchor'
import { expect, test } from './fixtures'
import {
  clickHighlight,
  highlight,
  spanDetails,
  tagAndSave,
  waitForArticle,
} from './support/app-actions'
import { readDocumentFile } from './support/project-files'
import { saveScreenshot } from './support/screenshots'

const FACE_TO_FACE = 'Russian state media said Putin and Kim spoke face-to-face'
const DEAL_DISCARDED = 'The deal was discarded after the collapse of the USSR'

test.beforeEach(async ({ app }) => {
  await waitForArticle(app.page, FACE_TO_FACE)
})

test('select text with the mouse and press 1: a Claim span is on disk with the right offsets and quote', async ({
  app,
}) => {
  const page = app.page
  const { span, dir, docId } = await tagAndSave(page, FACE_TO_FACE, '1', 'drag')
  const { document } = await readDocumentFile(dir, docId)

  expect(span.layer).toBe('claim')
  expect(span.label).toBe('Claim')
  expect(span.start).toBe(document.text.indexOf(FACE_TO_FACE))
  expect(span.end).toBe(span.start + FACE_TO_FACE.length)
  expect(document.text.slice(span.start, span.end)).toBe(FACE_TO_FACE)
  expect(span.quote).toEqual(quoteOf(document.text, span.start, span.end))
  const { annotations } = await readDocumentFile(dir, docId)
  await expect(page.getByRole('navigation', { name: 'Documents' })).toContainText(
    `${annotations.spans.length} spans`,
  )
  if (app.mode === 'chromium') {
    // Saved as the change alone, against the version main handed out with the document (the
    // harness records the calls; Electron's preload does not).
    const saves = await page.evaluate(() =>
      (window as unknown as { __marginaliaCallTimes: { channel: string }[] }).__marginaliaCallTimes
        .map((call) => call.channel)
        .filter((channel) => channel.startsWith('document:save')),
    )
    expect(saves.length).toBeGreaterThan(0)
    expect(new Set(saves)).toEqual(new Set(['document:save-changes']))
  }

  // Clicking the highlight selects it: the panel shows the span's editor.
  await clickHighlight(page, span.id)
  const panel = spanDetails(page)
  await expect(panel.getByRole('heading', { name: /Claim/ })).toBeVisible()
  await expect(panel.getByLabel('Quote')).toHaveText(FACE_TO_FACE)
  await expect(highlight(page, span.id).first()).toHaveClass(/mg-selected/)
  await saveScreenshot(app, 'span-selected')
})

test('a programmatic selection and 2 tags a Source; the saved quote matches the text', async ({
  app,
}) => {
  const { span } = await tagAndSave(app.page, 'Russian state news agency TASS', '2')
  expect(span.layer).toBe('source')
  expect(span.quote.exact).toBe('Russian state news agency TASS')
})

test('overlapping and nested spans are all saved and drawn apart', async ({ app }) => {
  const page = app.page
  // Claim over the sentence, Source inside it, Sentiment across the Claim's end.
  const claim = await tagAndSave(page, DEAL_DISCARDED, '1')
  const source = await tagAndSave(page, 'the collapse of the USSR', '2')
  const sentiment = await tagAndSave(page, 'the USSR, replaced by a pact', '3')

  expect(source.span.start).toBeGreaterThan(claim.span.start)
  expect(source.span.end).toBe(claim.span.end)
  expect(sentiment.span.start).toBeLessThan(claim.span.end)
  expect(sentiment.span.end).toBeGreaterThan(claim.span.end)
  for (const { span } of [claim, source, sentiment]) {
    await expect(highlight(page, span.id).first()).toBeVisible()
  }
  // "USSR" lies under all three: it is drawn inside three highlights, each in its own lane.
  const stack = await page.evaluate(() => {
    const root = document.querySelector('.ProseMirror')!
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    let node = walker.nextNode()
    while (node && !node.textContent?.includes('USSR')) node = walker.nextNode()
    const lanes: Record<string, string> = {}
    for (let el = node?.parentElement; el && el !== root; el = el.parentElement) {
      const id = el.getAttribute('data-span-id')
      if (id) lanes[id] = getComputedStyle(el).getPropertyValue('--mg-lane').trim()
    }
    return lanes
  })
  expect(Object.keys(stack).sort()).toEqual(
    [claim.span.id, source.span.id, sentiment.span.id].sort(),
  )
  expect(new Set(Object.values(stack)).size).toBe(3)
  // The selected sentiment is drawn in two pieces (inside the claim, then after it); its frame is
  // one shape: the first piece is open on the right, the second on the left.
  await expect(highlight(page, sentiment.span.id).first()).toHaveClass(/mg-selected/)
  const ends = await highlight(page, sentiment.span.id).evaluateAll((els) =>
    els.map((el) => {
      const style = getComputedStyle(el)
      const left = style.getPropertyValue('--mg-sel-left').trim()
      const right = style.getPropertyValue('--mg-sel-right').trim()
      return `${left === '0px' ? 'open' : 'end'}|${right === '0px' ? 'open' : 'end'}`
    }),
  )
  expect(ends.length).toBeGreaterThan(1)
  expect(ends[0]).toBe('end|open')
  expect(ends.slice(1, -1).every((e) => e === 'open|open')).toBe(true)
  expect(ends.at(-1)).toBe('open|end')
  await page.evaluate(() => window.getSelection()?.removeAllRanges())
  await highlight(page, claim.span.id).first().scrollIntoViewIfNeeded()
  await saveScreenshot(app, 'overlapping-spans')
})

test('a selection inside words snaps to the whole words', async ({ app }) => {
  // "ussian state media sa" → "Russian state media said"
  const { selectPhrase } = await import('./support/text-selection')
  const { documentWith, spansOnDisk, waitForNewSpanOnDisk } = await import('./support/app-actions')
  const page = app.page
  const { dir, docId } = await documentWith(page, FACE_TO_FACE)
  const before = await spansOnDisk(dir, docId)
  await selectPhrase(page, 'ussian state media sa')
  await page.keyboard.press('1')
  const span = await waitForNewSpanOnDisk(dir, docId, before)
  expect(span.quote.exact).toBe('Russian state media said')
})
