// Selecting real text in the article the way a user does. The article's DOM splits text into many
// nodes (a highlight is an inline decoration), so a phrase is found over the concatenated text of
// the editor and mapped back to a DOM Range. Page code is plain JavaScript source (see bridge.ts).
import type { Page } from '@playwright/test'

/** Selector of ProseMirror's editable root (its own class name). */
export const EDITOR = '.ProseMirror'

// (phrase, occurrence) → Range over the editor's text nodes, or null.
const FIND_RANGE = `((phrase, occurrence) => {
  const root = document.querySelector('${EDITOR}')
  if (!root) return null
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  const nodes = []
  let text = ''
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push({ node: n, at: text.length })
    text += n.data
  }
  let start = -1
  for (let i = 0; i <= occurrence; i++) {
    start = text.indexOf(phrase, start + 1)
    if (start < 0) return null
  }
  const locate = (offset, preferEnd) => {
    for (let i = 0; i < nodes.length; i++) {
      const { node, at } = nodes[i]
      const endAt = at + node.data.length
      if (offset < endAt || (preferEnd && offset === endAt)) return { node, offset: offset - at }
    }
    const last = nodes[nodes.length - 1]
    return { node: last.node, offset: last.node.data.length }
  }
  const a = locate(start, false)
  const b = locate(start + phrase.length, true)
  const range = document.createRange()
  range.setStart(a.node, a.offset)
  range.setEnd(b.node, b.offset)
  return range
})`

/**
 * Selects `phrase` (its n-th occurrence) in the article programmatically, as a DOM selection that
 * ProseMirror reads through `selectionchange`. Throws when the phrase is not in the article.
 */
export async function selectPhrase(page: Page, phrase: string, occurrence = 0): Promise<void> {
  const ok = await page.evaluate(`(() => {
    const range = ${FIND_RANGE}(${JSON.stringify(phrase)}, ${occurrence})
    if (!range) return false
    document.querySelector('${EDITOR}').focus()
    const sel = window.getSelection()
    sel.removeAllRanges()
    sel.addRange(range)
    document.dispatchEvent(new Event('selectionchange'))
    return true
  })()`)
  if (!ok) throw new Error(`phrase not in the article: ${JSON.stringify(phrase)}`)
}

/**
 * Selects `phrase` in the page (collapsed at its start with `collapse`) and presses `key` in the
 * same task, before the browser's `selectionchange` event can tell ProseMirror: what a busy
 * Chromium does when it handles a key before that event.
 */
export async function selectAndPressAtOnce(
  page: Page,
  phrase: string,
  key: string,
  collapse = false,
): Promise<void> {
  const ok = await page.evaluate(`(() => {
    const range = ${FIND_RANGE}(${JSON.stringify(phrase)}, 0)
    if (!range) return false
    if (${collapse}) range.collapse(true)
    const sel = window.getSelection()
    sel.setBaseAndExtent(range.startContainer, range.startOffset, range.endContainer, range.endOffset)
    const init = { key: ${JSON.stringify(key)}, bubbles: true, cancelable: true }
    document.activeElement.dispatchEvent(new KeyboardEvent('keydown', init))
    return true
  })()`)
  if (!ok) throw new Error(`phrase not in the article: ${JSON.stringify(phrase)}`)
}

/** Viewport points at the start and end of `phrase`, for a mouse drag. */
export async function phrasePoints(
  page: Page,
  phrase: string,
  occurrence = 0,
): Promise<{ from: { x: number; y: number }; to: { x: number; y: number } }> {
  await page.evaluate(`(() => {
    const range = ${FIND_RANGE}(${JSON.stringify(phrase)}, ${occurrence})
    if (range) range.startContainer.parentElement.scrollIntoView({ block: 'center' })
  })()`)
  const points = await page.evaluate<{
    from: { x: number; y: number }
    to: { x: number; y: number }
  } | null>(`(() => {
    const range = ${FIND_RANGE}(${JSON.stringify(phrase)}, ${occurrence})
    if (!range) return null
    const rects = [...range.getClientRects()].filter((r) => r.width > 0)
    const first = rects[0]
    const last = rects[rects.length - 1]
    return {
      from: { x: first.left + 1, y: first.top + first.height / 2 },
      to: { x: last.right - 1, y: last.top + last.height / 2 },
    }
  })()`)
  if (!points) throw new Error(`phrase not in the article: ${JSON.stringify(phrase)}`)
  return points
}

/** Selects `phrase` with a real mouse drag from its first to its last character. */
export async function dragSelectPhrase(page: Page, phrase: string, occurrence = 0): Promise<void> {
  const { from, to } = await phrasePoints(page, phrase, occurrence)
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 })
  await page.mouse.move(to.x, to.y, { steps: 4 })
  await page.mouse.up()
}

/** Ids of the spans drawn in the article (`data-span-id` on the highlight decorations). */
export async function highlightedSpanIds(page: Page): Promise<string[]> {
  return page.evaluate<
    string[]
  >(`[...new Set([...document.querySelectorAll('${EDITOR} [data-span-id]')]
    .flatMap((el) => el.getAttribute('data-span-id').split(' ')))]`)
}
