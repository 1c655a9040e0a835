// The interactions the benchmark times, each from the input event to the frame showing its result:
// tagging (add), changing an attribute of the new span (change), deleting it (delete), typing in a
// note, switching views, and opening the Claims view.
import type { Page } from '@playwright/test'
import type { Session } from './session'
import {
  APP_ARTICLE,
  selectWords,
  timed,
  timedFrames,
  timedWork,
  SUGGESTIONS_IN,
  TIMEOUT_MS,
  until,
  waitSaved,
} from './session'

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
  renders: RenderCounts
  frames: Frames
  /** The edits' own work (their listeners and React's render, no wait, no frame; see instrument.ts). */
  editWork: EditWork
  /** Longest task (Long Tasks API, > 50 ms) while the interactions ran, and how many there were. */
  longestTask: number
  longTasks: number
  /** Right after the load, until the suggestion engine's last results are in (see whileSuggesting). */
  suggesting: Suggesting
}

export interface Suggesting {
  /** Keystrokes in a note while the results were still arriving, each to the next frame. */
  typing: number[]
  /** Longest task (> 50 ms) from the end of the load to the results all in, and how many. */
  longestTask: number
  longTasks: number
  /** When the last results were in, from the end of the load (ms). */
  doneAfter: number
}

/** Components rendered per add, change and delete: in the frame that shows it, and until saved. */
export interface RenderCounts {
  add: number[]
  addSaved: number[]
  change: number[]
  changeSaved: number[]
  delete: number[]
  deleteSaved: number[]
}

/** Animation frames from each input to the one showing its result (1 = the next frame). */
export interface Frames {
  add: number[]
  change: number[]
  delete: number[]
  typing: number[]
}

/** Each edit's own work: from its first listener to its last (ms). */
export interface EditWork {
  add: number[]
  change: number[]
  delete: number[]
}

/** The edits, typing and view switch timed both in the app and on the interaction floor (floor.ts). */
export type Edits = Pick<
  Latencies,
  'add' | 'change' | 'delete' | 'typing' | 'frames' | 'editWork' | 'switchView'
>

/**
 * Add, change and delete at `places` paragraphs spread over the article (`root`: the app's editor,
 * or the floor's plain article, which answers the same inputs without our code).
 */
export async function tagAtPlaces(
  page: Page,
  places: number,
  withChanges: boolean,
  root = APP_ARTICLE,
) {
  const add: number[] = []
  const change: number[] = []
  const del: number[] = []
  const frames: Frames = { add: [], change: [], delete: [], typing: [] }
  const editWork: EditWork = { add: [], change: [], delete: [] }
  const renders: RenderCounts = {
    add: [],
    addSaved: [],
    change: [],
    changeSaved: [],
    delete: [],
    deleteSaved: [],
  }
  const counted = async (
    kind: 'add' | 'change' | 'delete',
    act: () => Promise<{ latency: number; frames: number; work: number }>,
  ) => {
    const from = await rendersSoFar(page)
    const { latency, frames: n, work } = await act()
    renders[kind].push((await rendersSoFar(page)) - from)
    frames[kind].push(n)
    editWork[kind].push(work)
    await waitSaved(page)
    renders[`${kind}Saved`].push((await rendersSoFar(page)) - from)
    return latency
  }
  const values = ['factual', 'opinion', 'prediction']
  for (let i = 0; i < places; i++) {
    const n = Math.floor(((i + 0.5) * PARAGRAPHS) / places)
    await waitSaved(page)
    await selectWords(page, n, 20, 22, root)
    add.push(
      await counted('add', () =>
        timedFrames(page, 'keydown', 'added', () => page.keyboard.press('1')),
      ),
    )
    if (!withChanges) continue
    const select = page.getByTestId('annotations').getByLabel('Checkability')
    change.push(
      await counted('change', () =>
        timedFrames(page, 'change', 'paint', () => select.selectOption(values[i % 3])),
      ),
    )
    const id = await page.evaluate<string>(
      `document.querySelector('${root} .mg-selected')?.getAttribute('data-span-id')`,
    )
    await page.evaluate(`document.querySelector('${root}').focus({ preventScroll: true })`)
    del.push(
      await counted('delete', () =>
        timedFrames(page, 'keydown', 'removed', () => page.keyboard.press('Delete'), id),
      ),
    )
  }
  await waitSaved(page)
  return { add, change, delete: del, renders, frames, editWork }
}

/** React components rendered since the page loaded (see instrument.ts). */
const rendersSoFar = (page: Page) => page.evaluate<number>('window.__bench.renders')

/** What the benchmark types in a note. */
const NOTE = 'the minister said the report was late, according to officials '

/** Tags words of the n-th paragraph and puts the caret in the new span's note field. */
async function intoNewNote(page: Page, paragraph: number, root = APP_ARTICLE): Promise<void> {
  await selectWords(page, paragraph, 20, 22, root)
  await page.keyboard.press('1')
  await page.getByTestId('annotations').getByLabel('Note').click()
}

/** Keystrokes in the selected span's note field, each to the next frame, and the frames each took. */
async function typeNote(page: Page, keys: number, root = APP_ARTICLE) {
  await waitSaved(page)
  await intoNewNote(page, 7, root)
  const out = { typing: [] as number[], frames: [] as number[] }
  const text = NOTE.trim()
  for (let i = 0; i < keys; i++) {
    const key = text[i % text.length]
    const { latency, frames } = await timedFrames(page, 'keydown', 'paint', () =>
      page.keyboard.press(key),
    )
    out.typing.push(latency)
    out.frames.push(frames)
  }
  await page.evaluate(`document.querySelector('${root}').focus({ preventScroll: true })`)
  await waitSaved(page)
  return out
}

/** The edits, typing and switches on the interaction floor's page (floor.ts): no app. */
export async function floorEdits(
  page: Page,
  places: number,
  root: string,
  editsOnly = false,
): Promise<Edits> {
  const tagged = await tagAtPlaces(page, places, true, root)
  const typed = editsOnly ? { typing: [], frames: [] } : await typeNote(page, TYPED_KEYS, root)
  const switchView = editsOnly ? [] : await floorViews(page, VIEW_ROUNDS)
  const frames = { ...tagged.frames, typing: typed.frames }
  return { ...tagged, typing: typed.typing, frames, switchView }
}

const TYPED_KEYS = 30

/** Rounds of view switches (each: to Sources and back, and the Claims view twice). */
const VIEW_ROUNDS = 10

/**
 * A view tab's centre (`#view-tab-<view>`), and a timed click on a point: the pointer moves there
 * and presses, each followed by a frame, then the release is timed (see `views`).
 */
function tabClicks(page: Page) {
  const centre = async (view: string) => {
    const box = (await page.locator(`#view-tab-${view}`).boundingBox())!
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
  }
  const frame = () =>
    page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))')
  const clickTo = async (p: { x: number; y: number }) => {
    await page.mouse.move(p.x, p.y)
    await frame()
    await page.mouse.down()
    await frame()
    return await timedWork(page, 'click', () => page.mouse.up())
  }
  return { centre, clickTo }
}

/**
 * The switch floor: the floor page's two plain panels (the article and a short one, floor.ts)
 * switched by the same clicks, timed the same way, `times` round trips.
 */
export async function floorViews(page: Page, times: number): Promise<number[]> {
  const { centre, clickTo } = tabClicks(page)
  const at = { article: await centre('article'), sources: await centre('sources') }
  const out: number[] = []
  for (let i = 0; i < times; i++) {
    out.push((await clickTo(at.sources)).latency)
    await page.evaluate('new Promise((r) => setTimeout(r, 300))')
    out.push((await clickTo(at.article)).latency)
  }
  return out
}

/**
 * Clicks between the Article and Sources tabs, and opens the Claims view twice per round: with
 * nothing changed since it was last shown, and after a tag in the article (which the table must
 * show, so main is asked for it again). Clicks are plain mouse presses at the tab's centre:
 * Playwright's locator.click() checks its target with listeners that run inside the click's own
 * dispatch (a hit test of the whole page), which would be timed too. The pointer first moves onto
 * the tab and the press goes down, each followed by a frame, as a hand does: sent back to back
 * (page.mouse.click), the move, press and release all reach the page at once and the release,
 * whose time stamp the click takes, waits in Chromium's input queue behind the hover's and the
 * press's frames (100–400 ms in a trace on a loaded machine, with the main thread idle), which
 * has nothing to do with the switch.
 */
async function views(session: Session, times: number) {
  const { page } = session
  const { centre, clickTo: timedClick } = tabClicks(page)
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
    const { latency, work } = await timedClick(p)
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
 * Waits until the claims view on show (Claims or Sources) shows a table (main asked `calledAfter` +
 * 1 times for one, when given), and a little longer, so its drawing is not timed with the next
 * interaction. A hidden view is not rendered again while hidden, so only the shown one is read.
 */
async function claimsSettled(session: Session, calledAfter?: number): Promise<void> {
  const deadline = Date.now() + 60_000
  while (calledAfter !== undefined && tableCalls(session) === calledAfter) {
    if (Date.now() > deadline) throw new Error('claims:table was not called after an edit')
    await new Promise((r) => setTimeout(r, 20))
  }
  await until(
    session.page,
    `![...document.querySelectorAll('.view-panel[data-active="true"] button')].some((b) => b.textContent.includes('Loading'))`,
    60_000,
  )
  await session.page.evaluate('new Promise((r) => setTimeout(r, 300))')
}

/**
 * Right after the load, while the suggestion worker's results (rules, then names) arrive and are
 * applied: types in a note until the last results are in (at least `minKeys` keys, at most
 * MAX_SUGGESTING_KEYS), and records the long tasks of that window.
 */
async function whileSuggesting(page: Page, minKeys: number): Promise<Suggesting> {
  const from = await page.evaluate<number>('performance.now()')
  await intoNewNote(page, 3)
  const typing: number[] = []
  let doneAt: number | null = null
  for (let i = 0; i < MAX_SUGGESTING_KEYS; i++) {
    if (doneAt === null && (await page.evaluate<boolean>(SUGGESTIONS_IN)))
      doneAt = await page.evaluate<number>('performance.now()')
    if (doneAt !== null && i >= minKeys) break
    const ms = await timed(page, 'keydown', 'paint', () =>
      page.keyboard.press(NOTE[i % NOTE.length]),
    )
    if (doneAt === null) typing.push(ms)
  }
  if (doneAt === null) {
    await until(page, SUGGESTIONS_IN, TIMEOUT_MS)
    doneAt = await page.evaluate<number>('performance.now()')
  }
  const tasks = await page.evaluate<number[]>(
    `window.__bench.longTasks.filter((t) => t.start >= ${from} && t.start < ${doneAt}).map((t) => t.duration)`,
  )
  await page.evaluate(`document.querySelector('.ProseMirror').focus({ preventScroll: true })`)
  await waitSaved(page)
  return {
    typing,
    longestTask: Math.max(0, ...tasks),
    longTasks: tasks.length,
    doneAfter: doneAt - from,
  }
}

const MAX_SUGGESTING_KEYS = 600

/** The view rows of a run that times only the edits. */
const NO_VIEWS: Awaited<ReturnType<typeof views>> = {
  switchView: [],
  openClaims: [],
  openClaimsEdited: [],
  switchViewWork: [],
  openClaimsWork: [],
  openClaimsEditedWork: [],
}

/**
 * Every interaction of the benchmark, on the open document (`editsOnly`: only the add, change and
 * delete; the typing and view rows are left empty).
 */
export async function interact(
  session: Session,
  places: number,
  editsOnly = false,
): Promise<Latencies> {
  const { page } = session
  const suggesting = await whileSuggesting(page, 10)
  await session.profile('suggesting')
  const from = await page.evaluate<number>('performance.now()')
  const tagged = await tagAtPlaces(page, places, true)
  await session.profile('tagging')
  const typed = editsOnly ? { typing: [], frames: [] } : await typeNote(page, TYPED_KEYS)
  await session.profile('typing')
  const v = editsOnly ? NO_VIEWS : await views(session, VIEW_ROUNDS)
  await session.profile('views')
  const tasks = await page.evaluate<number[]>(
    `window.__bench.longTasks.filter((t) => t.start >= ${from}).map((t) => t.duration)`,
  )
  return {
    ...tagged,
    typing: typed.typing,
    frames: { ...tagged.frames, typing: typed.frames },
    ...v,
    longestTask: Math.max(0, ...tasks),
    longTasks: tasks.length,
    suggesting,
  }
}
