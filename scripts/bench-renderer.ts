// Renderer benchmark (`npm run bench`; not part of the tests). Builds a ~1 MB article of 5,000
// blocks as a real project through the storage API, with 20,000 spans (21% overlapping, nested, a
// few across paragraphs) and with none, and opens each in the built renderer in Chromium with the
// real handlers (the e2e harness). Printed, all from one run:
//
// 1. the load against the plain-DOM floor: the same document loaded the same way (app:init, then
//    document:load through the same bridge) and shown as plain <p> elements with no editor;
// 2. p50/p95/max of adding, changing and deleting spans at 50 places spread over the article,
//    typing in a note, switching views and opening the Claims view (with nothing changed since it
//    was last shown, and after a tag), each from the input event to the frame that shows the
//    result (see bench-renderer/instrument.ts); the edits and typing against the interaction
//    floor (the floor page answering the same inputs with plain DOM code, bench-renderer/floor.ts),
//    with how many animation frames each input took to show (1 = the next frame) and, for the
//    edits, the page's own work (the input's listeners and React's render, without the wait for a
//    loaded CPU or for the frame);
// 3. how load and add times grow with 1,000, 5,000, 20,000 and 50,000 spans.
//
// The harness's own round trips are not counted in latencies; the load is split into main's part
// (read + validate), the harness's JSON transport (Electron's IPC does not pay it) and the
// renderer's part.
//
// Environment: MARGINALIA_BENCH_RENDERER=<dir> serves another build of the renderer (e.g. one made
// with `npx electron-vite build --outDir <dir>/..`, so a shared out/ is left alone);
// MARGINALIA_BENCH_PROFILE=<dir> writes Chromium CPU profiles of the loads and interactions there
// (open them in DevTools' Performance panel); MARGINALIA_BENCH_PLACES=<n> (default 50) sets the
// places tagged; MARGINALIA_BENCH_GROWTH=0 leaves out the growth table. MARGINALIA_BENCH_TRACE=<dir>
// writes a Chromium trace (style, layout and paint with their causes; open it in DevTools'
// Performance panel or sum it with scripts/trace-summary.ts) of one part of each app session
// instead: MARGINALIA_BENCH_TRACE_PART= load (with the JavaScript profiler's samples, for
// scripts/trace-tasks.ts), suggesting, tagging, typing or views (the default).
// MARGINALIA_BENCH_ONLY=edits times only the add, change and delete (no typing, no view switches),
// in the app and on the floor, for A/B runs of an edit's cost. MARGINALIA_BENCH_LOADS=<n> measures only the load, n times each (floor and app interleaved), and
// prints p50 / max of each figure, every long task and the GC pauses (see bench-renderer/loads.ts).
// The page's files are served from memory by a worker thread (bench-renderer/static-server.ts);
// MARGINALIA_BENCH_SERVE=routes serves them through Playwright routes instead, as the e2e tests do.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from '@playwright/test'
import { launchChromium } from '../e2e/harness/chromium'
import { REPO_ROOT, RENDERER_DIR } from '../e2e/harness/paths'
import {
  makeArticle,
  makeProject,
  makeSpans,
  overlapShare,
  type Article,
} from './bench-renderer/article'
import { FLOOR_ARTICLE, FLOOR_PAGE } from './bench-renderer/floor'
import { floorEdits, interact, tagAtPlaces, type Edits } from './bench-renderer/interactions'
import { growthTable, latencyTable, loadTable, type GrowthRow } from './bench-renderer/report'
import { loadsReport, repeatLoads } from './bench-renderer/loads'
import {
  closeServers,
  heapOnceSuggested,
  measureLoad,
  openSession,
  type LoadResult,
} from './bench-renderer/session'

const RENDERER = process.env['MARGINALIA_BENCH_RENDERER'] || RENDERER_DIR
const PROFILE_DIR = process.env['MARGINALIA_BENCH_PROFILE'] || null
const TRACE_DIR = process.env['MARGINALIA_BENCH_TRACE'] || null
const TRACE = TRACE_DIR
  ? { dir: TRACE_DIR, part: process.env['MARGINALIA_BENCH_TRACE_PART'] || 'views' }
  : null
const PLACES = Number(process.env['MARGINALIA_BENCH_PLACES'] || 50)
const GROWTH = process.env['MARGINALIA_BENCH_GROWTH'] !== '0'
const EDITS_ONLY = process.env['MARGINALIA_BENCH_ONLY'] === 'edits'
const LOADS = Number(process.env['MARGINALIA_BENCH_LOADS'] || 0)
const GROWTH_SPANS = [1_000, 5_000, 20_000, 50_000]
const GROWTH_ADDS = 20
const MAIN_SPANS = 20_000

interface Ctx {
  browser: Browser
  root: string
  article: Article
}

/**
 * The plain-DOM floor of a project's document: its load, then (unless `loadOnly`) the same edits
 * and typing as the app's.
 */
async function floor(
  ctx: Ctx,
  userDataDir: string,
  name: string,
  loadOnly = false,
): Promise<{ load: LoadResult; edits: Edits | null }> {
  const session = await openSession({
    browser: ctx.browser,
    userDataDir,
    rendererDir: RENDERER,
    indexHtml: FLOOR_PAGE,
    trace: TRACE?.part === 'load' ? TRACE : null,
    gc: LOADS > 0,
    name,
  })
  try {
    const paragraphs = ctx.article.blocks.filter((b) => b.type === 'paragraph').length
    const load = await measureLoad(session, paragraphs, `${FLOOR_ARTICLE} p`)
    await session.profile('load')
    if (loadOnly) return { load, edits: null }
    return { load, edits: await floorEdits(session.page, PLACES, FLOOR_ARTICLE, EDITS_ONLY) }
  } finally {
    await session.app.close()
  }
}

/** Opens the app on a project and measures the load, then runs `then` on the open session. */
async function app<T>(
  ctx: Ctx,
  userDataDir: string,
  spans: number,
  name: string,
  then: (session: Awaited<ReturnType<typeof openSession>>) => Promise<T>,
): Promise<{ load: LoadResult; result: T }> {
  const session = await openSession({
    browser: ctx.browser,
    userDataDir,
    rendererDir: RENDERER,
    profileDir: PROFILE_DIR,
    trace: TRACE,
    gc: LOADS > 0,
    name,
  })
  try {
    const paragraphs = ctx.article.blocks.filter((b) => b.type === 'paragraph').length
    // A long article draws only the highlights near the viewport: how many is the app's choice,
    // so the load is complete when their number stops growing (see measureLoad).
    const load = spans
      ? await measureLoad(session, 'settle', '[data-span-id]')
      : await measureLoad(session, paragraphs, '.ProseMirror p')
    await session.profile('load')
    return { load, result: await then(session) }
  } finally {
    await session.app.close()
  }
}

async function main(): Promise<void> {
  if (RENDERER === RENDERER_DIR && !existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    console.log('out/renderer is missing: running `npm run build` first')
    execFileSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' })
  }
  const article = makeArticle()
  const spans = makeSpans(article, MAIN_SPANS)
  const root = await mkdtemp(path.join(os.tmpdir(), 'marginalia-bench-'))
  const browser = await launchChromium()
  const ctx: Ctx = { browser, root, article }
  try {
    const withSpans = await makeProject(root, 'spans', article, spans)
    const none = await makeProject(root, 'none', article, [])
    console.log(
      `article: ${(Buffer.byteLength(article.text) / 1e6).toFixed(2)} MB, ` +
        `${article.blocks.length} blocks, ${spans.length} spans ` +
        `(${(overlapShare(spans) * 100).toFixed(0)}% in an overlap, nested or crossing); Chromium ${browser.version()}; ` +
        `renderer ${path.relative(REPO_ROOT, RENDERER) || RENDERER}`,
    )
    if (LOADS > 0) {
      const loadOnly = (dir: string, n: number, name: string) =>
        app(ctx, dir, n, name, (s) => heapOnceSuggested(s.page)).then((r) => ({
          ...r.load,
          heapSuggestedMB: r.result,
        }))
      const runs = await repeatLoads(LOADS, {
        floorSpans: () => floor(ctx, withSpans.userDataDir, 'floor', true).then((r) => r.load),
        spans: () => loadOnly(withSpans.userDataDir, spans.length, 'spans'),
        floorNone: () => floor(ctx, none.userDataDir, 'floor-none', true).then((r) => r.load),
        none: () => loadOnly(none.userDataDir, 0, 'none'),
      })
      console.log('\n' + loadsReport(runs))
      return
    }
    const floorSpans = await floor(ctx, withSpans.userDataDir, 'floor')
    const floorNone = await floor(ctx, none.userDataDir, 'floor-none')
    const full = await app(ctx, withSpans.userDataDir, spans.length, 'spans', (s) =>
      interact(s, PLACES, EDITS_ONLY),
    )
    const empty = await app(ctx, none.userDataDir, 0, 'none', (s) =>
      interact(s, PLACES, EDITS_ONLY),
    )
    console.log('\n' + loadTable(full.load, empty.load, floorSpans.load, floorNone.load))
    console.log('\n' + latencyTable(full.result, empty.result, floorSpans.edits!, floorNone.edits!))
    if (!GROWTH) return
    const growth: GrowthRow[] = []
    for (const n of GROWTH_SPANS) {
      if (n === MAIN_SPANS) {
        growth.push({ spans: n, load: full.load, add: full.result.add })
        continue
      }
      const project = await makeProject(root, `growth-${n}`, article, makeSpans(article, n))
      const run = await app(
        ctx,
        project.userDataDir,
        n,
        `growth-${n}`,
        async (s) => (await tagAtPlaces(s.page, GROWTH_ADDS, false)).add,
      )
      growth.push({ spans: n, load: run.load, add: run.result })
    }
    console.log('\n' + growthTable(growth))
  } finally {
    await browser.close()
    await closeServers()
    await rm(root, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
