// The interactions the benchmark times, each from the input event to the frame showing its result:
// tagging (add), changing an attribute of the new span (change), deleting it (delete), typing in a
// note, switching views, and opening the Claims view.
import type { Page } from '@playwright/test'
import type { Session } from './session'
import { selectWords, timed, timedWork, until, waitSaved } from './session'

/** Paragraphs (not headings) in the benchmark's article. */
const PARAGRAPHS = 4_950

export interface Latencies {
  add: number[]
  change: number[]
  delete: number[]
  typing: number[]
  switchView: number[]
  openClaims: number[]
  openClaimsEdited: number[]
  /** The same three, the click's own work (its listeners and React's render, no wait, no frame). */
  switchViewWork: number[]
  openClaimsWork: number[]
  openClaimsEditedWork: number[]
  /** Longest task (Long Tasks API, > 50 ms) while the interactions ran, and how many there were. */
  longestTask: number
  longTasks: number
}

/** Add, change and delete at `places` paragraphs spread over the article. */
export async function tagAtPlaces(page: Page, places: number, withChanges: boolean) {
  const add: number[] = []
  const change: number[] = []
  const del: number[] = []
  const values = ['factual', 'opinion', 'prediction']
  for (let i = 0; i < places; i++) {
    const n = Math.floor(((i + 0.5) * PARAGRAPHS) / places)
    await waitSaved(page)
    await selectWords(page, n)
    add.push(await timed(page, 'keydown', 'added', () => page.keyboard.press('1')))
    if (!withChanges) continue
    await waitSaved(page)
    const select = page.getByTestId('annotations').getByLabel('Checkability')
    change.push(await timed(page, 'change', 'paint', () => select.selectOption(values[i % 3])))
    await waitSaved(page)
    const id = await page.evaluate<string>(
      `document.querySelector('.ProseMirror .mg-selected')?.getAttribute('data-span-id')`,
    )
    await page.evaluate(`document.querySelector('.ProseMirror').focus({ preventScroll: true })`)
    del.push(await timed(page, 'keydown', 'removed', () => page.keyboard.press('Delete'), id))
  }
  await waitSaved(page)
  return { add, change, delete: del }
}

/** Keystrokes in the selected span's note field, each to the next frame. */
async function typeNote(page: Page, keys: number): Promise<number[]> {
  await waitSaved(page)
  await selectWords(page, 7)
  await page.keyboard.press('1')
  const note = page.getByTestId('annotations').getByLabel('Note')
  await note.click()
  const out: number[] = []
  const text = 'the minister said the report was late, according to officials'
  for (let i = 0; i < keys; i++)
    out.push(
      await timed(page, 'keydown', 'paint', () => page.keyboard.press(text[i % text.length])),
    )
  await page.evaluate(`document.querySelector('.ProseMirror').focus({ preventScroll: true })`)
  await waitSaved(page)
  return out
}

/**
 * Clicks between the Article and Sources tabs, and opens the Claims view twice per round: with
 * nothing changed since it was last shown, and after a tag in the article (which the table must
 * show, so main is asked for it again). Clicks are plain mouse clicks at the tab's centre:
 * Playwright's locator.click() checks its target with listeners that run inside the click's own
 * dispatch (a hit test of the whole page), which would be timed too.
 */
async function views(session: Session, times: number) {
  const { page } = session
  const centre = async (view: string) => {
    const box = (await page.locator(`#view-tab-${view}`).boundingBox())!
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
  }
  const at = { article: await centre('article'), sources: await centre('sources') }
  const claimsAt = await centre('claims')
  const click = (p: { x: number; y: number }) => page.mouse.click(p.x, p.y)
  const out = {
    switchView: [] as number[],
    openClaims: [] as number[],
    openClaimsEdited: [] as number[],
    switchViewWork: [] as number[],
    openClaimsWork: [] as number[],
    openClaimsEditedWork: [] as number[],
  }
  const clickTo = async (
    p: { x: number; y: number },
    row: 'switchView' | 'openClaims' | 'openClaimsEdited',
  ) => {
    const { latency, work } = await timedWork(page, 'click', () => click(p))
    out[row].push(latency)
    out[`${row}Work`].push(work)
  }
  for (let i = 0; i < times; i++) {
    await clickTo(at.sources, 'switchView')
    await claimsSettled(session)
    await clickTo(at.article, 'switchView')
    await clickTo(claimsAt, 'openClaims')
    await claimsSettled(session)
    await click(at.article)
    // A tag somewhere in the article, saved, then the Claims view: its table must be asked for.
    await selectWords(page, Math.floor(((i + 0.5) * PARAGRAPHS) / times), 10, 12)
    await page.keyboard.press('1')
    await waitSaved(page)
    const before = tableCalls(session)
    await clickTo(claimsAt, 'openClaimsEdited')
    await claimsSettled(session, before)
    await click(at.article)
  }
  return out
}

function tableCalls(session: Session): number {
  return session.app.handlerTimes.filter((t) => t.channel === 'claims:table').length
}

/**
 * Waits until the claims views show a table (main asked `calledAfter` + 1 times for one, when
 * given), and a little longer, so its drawing is not timed with the next interaction.
 */
async function claimsSettled(session: Session, calledAfter?: number): Promise<void> {
  const deadline = Date.now() + 60_000
  while (calledAfter !== undefined && tableCalls(session) === calledAfter) {
    if (Date.now() > deadline) throw new Error('claims:table was not called after an edit')
    await new Promise((r) => setTimeout(r, 20))
  }
  await until(
    session.page,
    `![...document.querySelectorAll('#view-panel-claims button')].some((b) => b.textContent.includes('Loading'))`,
    60_000,
  )
  await session.page.evaluate('new Promise((r) => setTimeout(r, 300))')
}

/** Every interaction of the benchmark, on the open document. */
export async function interact(session: Session, places: number): Promise<Latencies> {
  const { page } = session
  const from = await page.evaluate<number>('performance.now()')
  const tagged = await tagAtPlaces(page, places, true)
  await session.profile('tagging')
  const typing = await typeNote(page, 30)
  await session.profile('typing')
  const v = await views(session, 10)
  await session.profile('views')
  const tasks = await page.evaluate<number[]>(
    `window.__bench.longTasks.filter((t) => t.start >= ${from}).map((t) => t.duration)`,
  )
  return {
    ...tagged,
    typing,
    ...v,
    longestTask: Math.max(0, ...tasks),
    longTasks: tasks.length,
  }
}
