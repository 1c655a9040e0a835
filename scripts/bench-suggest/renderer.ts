// `npm run bench:suggest -- --renderer`: does the article stay responsive while suggestions
// compute? The built renderer in Chromium with the real handlers (the e2e harness, as `npm run
// bench`), on a project holding the ~1 MB wire-style article of the engine benchmark, with the
// suggestions switched on. Each round opens the app afresh (a new Web Worker, nothing cached) and,
// as soon as the article is shown, types in a claim's note and scrolls the article, alternately,
// until the suggestions are computed and all their outlines drawn ("computing"); then does the
// same number of keystrokes and scrolls with nothing computing ("floor"), in the same session.
//
// Printed: p50/p95/max of a keystroke (keydown to the frame after it) and of a scroll step (wheel
// to the frame after it) in each phase and the ratio to the floor, and the longest task (Long Tasks
// API) in each phase. No assertions: the machine is shared and noisy.
//
// Environment: MARGINALIA_BENCH_RENDERER=<dir> serves another build of the renderer;
// MARGINALIA_BENCH_ROUNDS=<n> (default 3).
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Browser, CDPSession, Page } from '@playwright/test'
import { launchChromium } from '../../e2e/harness/chromium'
import { openChromiumApp } from '../../e2e/harness/chromium-app'
import { REPO_ROOT, RENDERER_DIR } from '../../e2e/harness/paths'
import { serveRenderer } from '../../e2e/harness/renderer-route'
import { makeProject } from '../bench-renderer/article'
import { INSTRUMENT } from '../bench-renderer/instrument'
import { selectWords, timed, until } from '../bench-renderer/session'
import { bigArticle } from './article'

const RENDERER = process.env['MARGINALIA_BENCH_RENDERER'] || RENDERER_DIR
const PROFILE = process.env['MARGINALIA_BENCH_PROFILE'] === '1'
const ROUNDS = Number(process.env['MARGINALIA_BENCH_ROUNDS'] || 3)
/** Keystrokes and scroll steps at most per phase (the floor does as many as the computing phase). */
const MAX_STEPS = 60
const FLOOR_MIN_STEPS = 20

/** Suggestions shown (all kinds but bare names), and the timer of wheel events to the next frame. */
const PAGE_SETUP = `(() => {
  localStorage.setItem('marginalia-suggestions', JSON.stringify({
    shown: true, kinds: ['cue', 'quote', 'source', 'claim', 'sentiment'],
  }))
  const w = (window.__wheel = { armed: false, at: null, lat: null })
  window.addEventListener('wheel', (e) => {
    if (!w.armed || w.at !== null) return
    w.at = e.timeStamp
    requestAnimationFrame(() => setTimeout(() => { w.lat = performance.now() - w.at; w.armed = false }, 0))
  }, { capture: true, passive: true })
})()`

interface Phase {
  keys: number[]
  scrolls: number[]
  longTasks: number[]
  ms: number
}

interface Round {
  computing: Phase
  floor: Phase
  suggestions: number
}

const COMPUTING = `[...document.querySelectorAll('[role=status]')].some((el) => (el.getAttribute('aria-label') ?? '').includes(', computing'))`
const OUTLINES = `document.querySelectorAll('.ProseMirror [data-suggestion-id]').length`
const NOW = 'performance.now()'
const TEXT = 'the minister said the report was late, according to officials '

/** One scroll step of the article: wheel to the frame after it. */
async function scrollStep(page: Page, down: boolean): Promise<number> {
  await page.evaluate(
    'window.__wheel.armed = true; window.__wheel.at = null; window.__wheel.lat = null',
  )
  await page.mouse.wheel(0, down ? 240 : -240)
  await until(page, 'window.__wheel.lat !== null', 30_000)
  return await page.evaluate<number>('window.__wheel.lat')
}

/** One keystroke in the focused note: keydown to the frame after it. */
async function keyStep(page: Page, i: number): Promise<number> {
  return timed(page, 'keydown', 'paint', () => page.keyboard.press(TEXT[i % TEXT.length]))
}

/** Steps (a keystroke, then a scroll) while `more` says so, at most `max`. */
async function steps(page: Page, more: (done: number) => Promise<boolean>, max: number) {
  const keys: number[] = []
  const scrolls: number[] = []
  for (let i = 0; i < max && (await more(i)); i++) {
    keys.push(await keyStep(page, i))
    scrolls.push(await scrollStep(page, Math.floor(i / 10) % 2 === 0))
  }
  return { keys, scrolls }
}

async function longTasks(page: Page, from: number, to: number): Promise<number[]> {
  return page.evaluate<number[]>(
    `window.__bench.longTasks.filter((t) => t.start >= ${from} && t.start < ${to}).map((t) => t.duration)`,
  )
}

/** Whether the outlines drawn have stopped changing (the reveal of pending ones is over). */
async function outlinesSettled(page: Page): Promise<boolean> {
  if (await page.evaluate<boolean>(COMPUTING)) return false
  const a = await page.evaluate<number>(OUTLINES)
  await page.waitForTimeout(400)
  const b = await page.evaluate<number>(OUTLINES)
  return a === b && a > 0 && !(await page.evaluate<boolean>(COMPUTING))
}

async function round(browser: Browser, userDataDir: string, paragraphs: number): Promise<Round> {
  const app = await openChromiumApp({
    browser,
    userDataDir,
    beforeLoad: async (context) => {
      if (RENDERER !== RENDERER_DIR) await serveRenderer(context, RENDERER)
      await context.addInitScript({ content: INSTRUMENT })
      await context.addInitScript({ content: PAGE_SETUP })
    },
  })
  const { page } = app
  try {
    await until(
      page,
      `document.querySelectorAll('.ProseMirror p').length >= ${paragraphs}`,
      240_000,
    )
    // A claim on the first paragraph, and its note focused: where the keystrokes go.
    await selectWords(page, 1, 0, 2)
    await page.keyboard.press('1')
    await page.getByTestId('annotations').getByLabel('Note').click()
    const box = (await page.locator('.article-scroll').boundingBox())!
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)

    const profiler = PROFILE ? await startProfile(page) : null
    const t0 = await page.evaluate<number>(NOW)
    const busy = await steps(page, async () => !(await outlinesSettled(page)), MAX_STEPS * 4)
    const t1 = await page.evaluate<number>(NOW)
    if (profiler) await topFunctions(profiler, 'computing')
    // Compute may outlast the steps allowed: wait for it, then measure with nothing computing.
    await until(page, `!(${COMPUTING})`, 600_000)
    while (!(await outlinesSettled(page))) await page.waitForTimeout(200)
    await page.waitForTimeout(1000)
    const floorProfiler = PROFILE ? await startProfile(page) : null
    const t2 = await page.evaluate<number>(NOW)
    const n = Math.max(FLOOR_MIN_STEPS, Math.min(busy.keys.length, MAX_STEPS))
    const idle = await steps(page, () => Promise.resolve(true), n)
    const t3 = await page.evaluate<number>(NOW)
    if (floorProfiler) await topFunctions(floorProfiler, 'floor')
    return {
      computing: { ...busy, longTasks: await longTasks(page, t0, t1), ms: t1 - t0 },
      floor: { ...idle, longTasks: await longTasks(page, t2, t3), ms: t3 - t2 },
      suggestions: await page.evaluate<number>(OUTLINES),
    }
  } finally {
    await app.close()
  }
}

async function startProfile(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
  await cdp.send('Profiler.start')
  return cdp
}

/** MARGINALIA_BENCH_PROFILE=1: the functions that took the most self time in a phase. */
async function topFunctions(cdp: CDPSession, phase: string): Promise<void> {
  const { profile } = await cdp.send('Profiler.stop')
  await cdp.detach()
  const self = new Map<string, number>()
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const dt = profile.timeDeltas ?? []
  for (const [i, id] of (profile.samples ?? []).entries()) {
    const f = byId.get(id)!.callFrame
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000)
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)
  console.log(`  profile, ${phase}: ${top.map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join('; ')}`)
}

const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0
}
const fmt = (x: number) => `${x.toFixed(0).padStart(5)} ms`

function line(label: string, xs: number[], floor: number[]): string {
  const ratio = q(floor, 0.95) > 0 ? (q(xs, 0.95) / q(floor, 0.95)).toFixed(1) : '—'
  return (
    `${label.padEnd(28)} n=${String(xs.length).padStart(3)}  p50 ${fmt(q(xs, 0.5))}  ` +
    `p95 ${fmt(q(xs, 0.95))}  max ${fmt(Math.max(0, ...xs))}   p95 / floor ${ratio}`
  )
}

/** Runs the rounds and prints the table. */
export async function rendererBench(): Promise<void> {
  if (RENDERER === RENDERER_DIR && !existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    console.log('out/renderer is missing: running `npm run build` first')
    execFileSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' })
  }
  const article = bigArticle(1024 * 1024)
  const root = await mkdtemp(path.join(os.tmpdir(), 'marginalia-bench-suggest-'))
  const browser = await launchChromium()
  try {
    const project = await makeProject(root, 'suggest', { ...article, words: [] }, [])
    const paragraphs = article.blocks.length
    console.log(
      `article: ${(Buffer.byteLength(article.text) / 1e6).toFixed(2)} MB, ${paragraphs} paragraphs; ` +
        `Chromium ${browser.version()}; renderer ${path.relative(REPO_ROOT, RENDERER) || RENDERER}; ` +
        `${ROUNDS} rounds`,
    )
    const rounds: Round[] = []
    for (let i = 0; i < ROUNDS; i++) {
      const r = await round(browser, project.userDataDir, paragraphs)
      console.log(
        `round ${i + 1}: computing ${(r.computing.ms / 1000).toFixed(1)} s, ${r.computing.keys.length} steps, ` +
          `longest task ${Math.max(0, ...r.computing.longTasks).toFixed(0)} ms; floor ${r.floor.keys.length} steps, ` +
          `longest task ${Math.max(0, ...r.floor.longTasks).toFixed(0)} ms; ${r.suggestions} outlines`,
      )
      rounds.push(r)
    }
    const all = (phase: 'computing' | 'floor', key: 'keys' | 'scrolls' | 'longTasks') =>
      rounds.flatMap((r) => r[phase][key])
    console.log('')
    console.log(line('keystroke, computing', all('computing', 'keys'), all('floor', 'keys')))
    console.log(line('keystroke, floor', all('floor', 'keys'), all('floor', 'keys')))
    console.log(
      line('scroll step, computing', all('computing', 'scrolls'), all('floor', 'scrolls')),
    )
    console.log(line('scroll step, floor', all('floor', 'scrolls'), all('floor', 'scrolls')))
    for (const phase of ['computing', 'floor'] as const) {
      const tasks = all(phase, 'longTasks')
      console.log(
        `longest task, ${phase.padEnd(10)} ${fmt(Math.max(0, ...tasks))}  ` +
          `(${tasks.length} tasks over 50 ms; p50 of those ${fmt(q(tasks, 0.5))})`,
      )
    }
  } finally {
    await browser.close()
    await rm(root, { recursive: true, force: true })
  }
}
