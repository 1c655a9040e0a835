// One app session of the renderer benchmark: the built renderer in Chromium with the real handlers
// (the e2e harness), its load measured, then the interactions an analyst repeats all day.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Browser, CDPSession, Page } from '@playwright/test'
import { openChromiumApp, type ChromiumApp } from '../../e2e/harness/chromium-app'
import { RENDERER_DIR } from '../../e2e/harness/paths'
import { serveRenderer } from '../../e2e/harness/renderer-route'
import { INSTRUMENT, SELECT_WORDS } from './instrument'
import { startGcTrace, type GcFigures } from './gc-trace'
import { startStaticServer, type StaticServer } from './static-server'

export const TIMEOUT_MS = 240_000

export interface LoadResult {
  /** Highlights (distinct span ids) or paragraphs shown when the load was complete. */
  shown: number
  firstScreen: number
  all: number
  /** The longest task from navigation start to all shown (0: none over 50 ms). */
  longestTask: number
  /** The tasks over 50 ms from navigation start to all shown (start and duration, ms). */
  longTasks: { start: number; duration: number }[]
  /** When document:load's answer arrived in the page (ms from navigation start). */
  answeredAt: number
  /** When app:init answered, and when document:load was asked for (ms from navigation start). */
  initAt: number
  askedAt: number
  heapMB: number
  /** The heap after a GC once the suggestions are in (the loads mode; the floor has none). */
  heapSuggestedMB?: number
  domNodes: number
  /** Round trip of document:load through the harness's binding (Electron's IPC differs). */
  loadIpc: number
  /** Of which main's handler (read, validate) took this long. */
  loadHandler: number
  /** From document:load's answer arriving in the page to all shown. */
  afterLoad: number
  /** GC pauses from navigation to GC_AFTER_MS after all shown (sessions opened with `gc`). */
  gc: GcFigures | null
}

export interface SessionOptions {
  browser: Browser
  userDataDir: string
  rendererDir: string
  /** Serves this page as index.html instead of the app (the floor). */
  indexHtml?: { html: string; files: Record<string, string> }
  /** Writes CPU profiles of the load and of the interactions here. */
  profileDir?: string | null
  /**
   * Writes a Chromium trace (style, layout, paint, with invalidation tracking) of the part of the
   * session named `part` here instead of CPU profiles (see `profile`).
   */
  trace?: { dir: string; part: string } | null
  /** Sums the GC pauses of the load (see gc-trace.ts; not with a trace of the load). */
  gc?: boolean
  name: string
}

export interface Session {
  app: ChromiumApp
  page: Page
  /** Stops the running CPU profile (if profiling) under this name and starts the next one. */
  profile(part: string): Promise<void>
  /** Ends the GC trace GC_AFTER_MS after the load is complete and sums it (null: not traced). */
  stopGcTrace(): Promise<GcFigures | null>
}

/**
 * How the page's files are served: 'memory' (default), by the benchmark's own server in a worker
 * thread (static-server.ts), or 'routes' (MARGINALIA_BENCH_SERVE=routes), through Playwright routes
 * in the thread that answers window.api, as the e2e tests do (to compare the two).
 */
const SERVE = process.env['MARGINALIA_BENCH_SERVE'] === 'routes' ? 'routes' : 'memory'

/** One server per renderer build and page (the app, or a floor page), started on first use. */
const servers = new Map<string, Promise<StaticServer>>()

function serverFor(options: SessionOptions): Promise<StaticServer> {
  const key = `${options.rendererDir}\0${options.indexHtml?.html ?? 'app'}`
  let server = servers.get(key)
  if (!server) {
    server = floorFiles(options).then((extra) => startStaticServer(options.rendererDir, extra))
    servers.set(key, server)
  }
  return server
}

/** Stops the servers `openSession` started. */
export async function closeServers(): Promise<void> {
  const all = [...servers.values()]
  servers.clear()
  for (const server of all) await (await server).close()
}

/** Opens the app (or the floor page) with the instrumentation installed. */
export async function openSession(options: SessionOptions): Promise<Session> {
  let profiler: CDPSession | null = null
  let tracer: CDPSession | null = null
  let gc: { stop(): Promise<GcFigures> } | null = null
  const url = SERVE === 'memory' ? (await serverFor(options)).url : undefined
  const app = await openChromiumApp({
    browser: options.browser,
    userDataDir: options.userDataDir,
    url,
    beforeLoad: async (context) => {
      if (SERVE === 'routes') {
        // Routes registered last take precedence over the harness's route to out/renderer.
        if (options.rendererDir !== RENDERER_DIR) await serveRenderer(context, options.rendererDir)
        if (options.indexHtml) await serveFloor(context, await floorFiles(options))
      }
      await context.addInitScript({ content: INSTRUMENT })
      if (options.profileDir) profiler = await startProfile(context.pages()[0])
      if (options.trace?.part === 'load') tracer = await startTrace(context.pages()[0], true)
      else if (options.gc) gc = await startGcTrace(context.pages()[0])
    },
  })
  let partAt = 0
  const profile = async (part: string) => {
    const trace = options.trace
    if (trace) {
      // `part` ends here; the next part is traced when it is the one wanted.
      if (tracer) await stopTrace(tracer, trace.dir, `${options.name}-${part}`)
      tracer = null
      partAt++
      if (PART_ORDER[partAt] === trace.part) tracer = await startTrace(app.page)
      return
    }
    if (!profiler || !options.profileDir) return
    await stopProfile(profiler, options.profileDir, `${options.name}-${part}`)
    profiler = await startProfile(app.page)
  }
  const stopGcTrace = async () => {
    if (!gc) return null
    // What the load leaves to collect is collected in the seconds after it.
    const after = `performance.now() > window.__bench.all + ${GC_AFTER_MS}`
    await until(app.page, after, TIMEOUT_MS)
    const figures = await gc.stop()
    gc = null
    return figures
  }
  return { app, page: app.page, profile, stopGcTrace }
}

/** The floor page's files (index.html with the build's stylesheets linked, and its script). */
async function floorFiles(options: SessionOptions): Promise<Record<string, string>> {
  const page = options.indexHtml
  if (!page) return {}
  const { readdir } = await import('node:fs/promises')
  const assets = await readdir(path.join(options.rendererDir, 'assets'))
  const css = assets.filter((f) => f.endsWith('.css'))
  const links = css.map((f) => `<link rel="stylesheet" href="./assets/${f}">`).join('')
  return { 'index.html': page.html.replace('%CSS%', links), ...page.files }
}

async function serveFloor(
  context: import('@playwright/test').BrowserContext,
  files: Record<string, string>,
): Promise<void> {
  const { CONTENT_SECURITY_POLICY } = await import('../../src/main/serve-renderer')
  const headers = { 'content-security-policy': CONTENT_SECURITY_POLICY }
  for (const [name, body] of Object.entries(files))
    await context.route(`**/${name}`, (route) =>
      route.fulfill({
        status: 200,
        body,
        headers: {
          ...headers,
          'content-type': name.endsWith('.html') ? 'text/html' : 'text/javascript; charset=utf-8',
        },
      }),
    )
}

/** Quiet time after which a settling load (expected 'settle') counts as complete. */
const SETTLE_MS = 2_000

/**
 * How long after the load the GC trace runs: the major collection of what the load left behind
 * came 2.5–3 s after the first screen in a trace of the 20k load (at load 19).
 */
const GC_AFTER_MS = 5_000

/**
 * Waits until `expected` elements match `selector` in the article ('settle': until the count stops
 * growing and the page is quiet for SETTLE_MS, for an app that draws only what is near the
 * viewport), and measures the load.
 */
export async function measureLoad(
  session: Session,
  expected: number | 'settle',
  selector: string,
): Promise<LoadResult> {
  const { page, app } = session
  const want = expected === 'settle' ? -1 : expected
  await page.evaluate(
    `window.__bench.expected = ${want}; window.__bench.selector = ${JSON.stringify(selector)}; window.__bench.check()`,
  )
  if (expected === 'settle') {
    await until(
      page,
      `(() => { const b = window.__bench; if (b.grewAt !== null && performance.now() - Math.max(b.lastMutation, b.grewAt) > ${SETTLE_MS}) b.all = b.grewAt; return b.all !== null })()`,
      TIMEOUT_MS,
    )
  }
  await until(page, 'window.__bench.all !== null', TIMEOUT_MS)
  const gc = await session.stopGcTrace()
  const shown = await page.evaluate<number>(
    `window.__bench.selector === '[data-span-id]' ? new Set([...document.querySelectorAll('.ProseMirror [data-span-id]')].map((el) => el.getAttribute('data-span-id'))).size : document.querySelectorAll(window.__bench.selector).length`,
  )
  const loaded = await page.evaluate<{
    firstScreen: number
    all: number
    longestTask: number
    longTasks: { start: number; duration: number }[]
  }>(`(() => {
    const b = window.__bench
    const tasks = b.longTasks.filter((t) => t.start < b.all)
    return { firstScreen: b.firstScreen, all: b.all, longestTask: Math.max(0, ...tasks.map((t) => t.duration)), longTasks: tasks }
  })()`)
  const heapMB = await heapAfterGc(page)
  const domNodes = await page.evaluate<number>(`document.getElementsByTagName('*').length`)
  const loadCalls = await page.evaluate<{ start: number; end: number }[]>(
    `window.__marginaliaCallTimes.filter((c) => c.channel === 'document:load')`,
  )
  const loadIpc = loadCalls.reduce((sum, c) => sum + c.end - c.start, 0)
  const answeredAt = Math.max(...loadCalls.map((c) => c.end))
  const askedAt = Math.min(...loadCalls.map((c) => c.start))
  const initAt = await page.evaluate<number>(
    `Math.min(...window.__marginaliaCallTimes.filter((c) => c.channel === 'app:init').map((c) => c.end))`,
  )
  const afterLoad = loaded.all - answeredAt
  const loadHandler = app.handlerTimes
    .filter((t) => t.channel === 'document:load')
    .reduce((sum, t) => sum + t.ms, 0)
  const calls = { loadIpc, loadHandler, afterLoad, answeredAt, askedAt, initAt }
  return { shown, ...loaded, heapMB, domNodes, ...calls, gc }
}

type Until = 'paint' | 'added' | 'removed' | 'selector'

/**
 * Arms the in-page timer for the next `event`, runs `act`, and returns the measured latency and the
 * animation frames it spanned (1 = the result showed in the next frame; see instrument.ts).
 */
export async function timedFrames(
  page: Page,
  event: 'keydown' | 'change' | 'click',
  untilWhat: Until,
  act: () => Promise<unknown>,
  arg?: string,
): Promise<{ latency: number; frames: number; work: number }> {
  await page.evaluate(
    `window.__bench.arm('${event}', '${untilWhat}', ${JSON.stringify(arg ?? null)})`,
  )
  await act()
  await until(page, 'window.__bench.lat !== null', 30_000)
  return await page.evaluate<{ latency: number; frames: number; work: number }>(
    '({ latency: window.__bench.lat, frames: window.__bench.frames, work: window.__bench.work ?? 0 })',
  )
}

/** Like `timedFrames`, the latency alone. */
export async function timed(
  page: Page,
  event: 'keydown' | 'change' | 'click',
  untilWhat: Until,
  act: () => Promise<unknown>,
  arg?: string,
): Promise<number> {
  return (await timedFrames(page, event, untilWhat, act, arg)).latency
}

/** Like `timed`, with the time the event's listeners took (see `work` in instrument.ts). */
export async function timedWork(
  page: Page,
  event: 'keydown' | 'change' | 'click',
  act: () => Promise<unknown>,
): Promise<{ latency: number; work: number }> {
  const latency = await timed(page, event, 'paint', act)
  const work = await page.evaluate<number | null>('window.__bench.work')
  return { latency, work: work ?? 0 }
}

/** The app's article (the editor); the interaction floor's is FLOOR_ARTICLE (floor.ts). */
export const APP_ARTICLE = '.ProseMirror'

/** Selects words [from, to] of the n-th paragraph of the article `root` (scrolled into view). */
export async function selectWords(
  page: Page,
  n: number,
  from = 20,
  to = 22,
  root = APP_ARTICLE,
): Promise<void> {
  if (!(await page.evaluate(`${SELECT_WORDS}(${n}, ${from}, ${to}, ${JSON.stringify(root)})`)))
    throw new Error(`paragraph ${n} has no words ${from}–${to}`)
  // Let the selection reach ProseMirror and the palette settle, as between a user's actions.
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))')
}

/** Waits until the status bar says the last change is on disk. */
export async function waitSaved(page: Page): Promise<void> {
  await until(
    page,
    `[...document.querySelectorAll('[role=status]')].some((el) => el.textContent.trim() === 'Saved')`,
    60_000,
  )
}

/**
 * Polls `expression` in the page until it is true. (waitForFunction with a string would `eval` in
 * the page, which the renderer's CSP forbids; page.evaluate goes through the debugger protocol.)
 */
export async function until(page: Page, expression: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${expression}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** The toolbar's count says the engine's last phase is in (no longer computing). */
export const SUGGESTIONS_IN = `(() => { const l = document.querySelector('.suggestion-count')?.getAttribute('aria-label') ?? ''; return /^[1-9][0-9]* open/.test(l) && !l.includes('computing') })()`

/**
 * The JS heap after a GC once the suggestions are in. Read right after the load, the heap holds
 * them or not depending on when the worker answered (it is asked after the first paint), so two
 * runs of the same build differed by 6-7 MB.
 */
export async function heapOnceSuggested(page: Page): Promise<number> {
  await until(page, SUGGESTIONS_IN, TIMEOUT_MS)
  return heapAfterGc(page)
}

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  await cdp.detach()
  return usedSize / (1024 * 1024)
}

/** The parts of an app session, in the order `profile` ends them. */
const PART_ORDER = ['load', 'suggesting', 'tagging', 'typing', 'views']

const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.invalidationTracking',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
  // The compositor, raster, display and frame scheduling, to follow a click past the main thread
  // (commit, raster, draw, presentation; see scripts/trace-summary.ts).
  'cc',
  'viz',
  'gpu',
  'benchmark',
  'input',
  'latencyInfo',
  'disabled-by-default-cc.debug.scheduler',
  'disabled-by-default-cc.debug.scheduler.frames',
]

/** Starts a trace; `samples`: with the JavaScript CPU profiler's samples (to name long tasks). */
async function startTrace(page: Page, samples = false): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page)
  const categories = samples
    ? [...TRACE_CATEGORIES, 'v8.execute', 'disabled-by-default-v8.cpu_profiler']
    : TRACE_CATEGORIES
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: categories },
  })
  return cdp
}

async function stopTrace(cdp: CDPSession, dir: string, name: string): Promise<void> {
  const done = new Promise<string>((resolve) =>
    cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream ?? '')),
  )
  await cdp.send('Tracing.end')
  const stream = await done
  let text = ''
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream })
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data
    if (chunk.eof) break
  }
  await cdp.send('IO.close', { handle: stream })
  await cdp.detach()
  await mkdir(dir, { recursive: true })
  const file = path.join(dir, `${name}.json`)
  await writeFile(file, text)
  console.log(`trace: ${file}`)
}

async function startProfile(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  return cdp
}

async function stopProfile(cdp: CDPSession, dir: string, name: string): Promise<void> {
  const { profile } = await cdp.send('Profiler.stop')
  await cdp.detach()
  await mkdir(dir, { recursive: true })
  const file = path.join(dir, `${name}.cpuprofile`)
  await writeFile(file, JSON.stringify(profile))
  console.log(`profile: ${file}`)
}
