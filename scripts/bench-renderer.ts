// Renderer benchmark (`npm run bench`; not part of the tests). Builds a ~1 MB article of ~5,000
// paragraphs as a real project through the storage API, once with 20,000 spans (nested and
// overlapping, all three layers) and once with none, opens each in the built renderer in Chromium
// with the real handlers (the e2e harness), and prints a table with the ratio spans/baseline.
//
// Timings are taken inside the page, from navigation start or from the keydown event, to the
// frame after the DOM shows the result (requestAnimationFrame + a task), so the harness's own
// round trips are not counted. Page code is plain JavaScript source: tsx would inject helpers into
// serialised functions that the page does not have.
//
// The load is also split into its parts, so the harness's own cost is visible: main's handler
// (read + validate), the harness's transport (JSON through Playwright's exposeBinding; Electron's
// IPC does not pay it), and the renderer's work after the document arrives.
//
// Environment: MARGINALIA_BENCH_RENDERER=<dir> serves another build of the renderer (e.g. one made
// with `npx electron-vite build --outDir <dir>/..`, so a shared out/ is left alone);
// MARGINALIA_BENCH_PROFILE=<dir> writes Chromium CPU profiles of the load and of the adds there
// (open them in DevTools' Performance panel).
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Browser, CDPSession, Page } from '@playwright/test'
import { launchChromium } from '../e2e/harness/chromium'
import { openChromiumApp } from '../e2e/harness/chromium-app'
import { REPO_ROOT, RENDERER_DIR } from '../e2e/harness/paths'
import { serveRenderer } from '../e2e/harness/renderer-route'
import { selectPhrase } from '../e2e/support/text-selection'
import { AppFiles } from '../src/main/app-state'
import { ProjectStore } from '../src/main/core/storage'
import { quoteOf } from '../src/shared/anchor'
import type { Block, Span } from '../src/shared/model'

const PARAGRAPHS = 5_000
const SPANS_PER_PARAGRAPH = 4 // → 20,000 spans
const ADDS = 20
const TIMEOUT_MS = 180_000
const RENDERER = process.env['MARGINALIA_BENCH_RENDERER'] || RENDERER_DIR
const PROFILE_DIR = process.env['MARGINALIA_BENCH_PROFILE'] || null

// ---------------------------------------------------------------------------------------------
// The article and its spans

const WORDS = (
  'the minister said government report officials according analysts sources claimed agreement ' +
  'military economic sanctions talks summit council vote budget crisis policy election court ' +
  'ruling evidence witnesses statement spokesman critics warned promised denied confirmed ' +
  'investigation market prices inflation energy border security treaty alliance region capital ' +
  'protest union workers strike contract hospital schools farmers water harbour bridge railway'
).split(' ')

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same article. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Article {
  text: string
  blocks: Block[]
  /** Word ranges [start, end) of each paragraph, to place spans on whole words. */
  words: { start: number; end: number }[][]
}

function makeArticle(): Article {
  const rand = random(42)
  const parts: string[] = []
  const blocks: Block[] = []
  const words: { start: number; end: number }[][] = []
  let at = 0
  for (let i = 0; i < PARAGRAPHS; i++) {
    const heading = i % 100 === 0
    const count = heading ? 6 : 24 + Math.floor(rand() * 6)
    const ranges: { start: number; end: number }[] = []
    let para = ''
    for (let w = 0; w < count; w++) {
      let word = WORDS[Math.floor(rand() * WORDS.length)]
      if (w === 0) word = word[0].toUpperCase() + word.slice(1)
      if (para) para += w % 12 === 11 ? ', ' : ' '
      ranges.push({ start: at + para.length, end: at + para.length + word.length })
      para += word
    }
    if (!heading) para += '.'
    parts.push(para)
    blocks.push(
      heading
        ? { type: 'heading', level: 2, start: at, end: at + para.length }
        : { type: 'paragraph', start: at, end: at + para.length },
    )
    words.push(ranges)
    at += para.length + 2
  }
  return { text: parts.join('\n\n'), blocks, words }
}

/** Four spans per paragraph: a claim, a source nested in it, a sentiment across its end, another claim. */
function makeSpans(article: Article): Span[] {
  const spans: Span[] = []
  const now = new Date('2024-06-19T12:00:00.000Z').toISOString()
  const shapes: [string, number, number][] = [
    ['claim', 0, 9],
    ['source', 2, 4],
    ['sentiment', 7, 12],
    ['claim', 14, 18],
  ]
  article.words.forEach((ranges, p) => {
    for (const [layer, from, to] of shapes.slice(0, SPANS_PER_PARAGRAPH)) {
      const a = ranges[Math.min(from, ranges.length - 2)]
      const b = ranges[Math.min(to, ranges.length - 1)]
      spans.push({
        id: `b-${p}-${spans.length}`,
        layer,
        label: layer[0].toUpperCase() + layer.slice(1),
        start: a.start,
        end: b.end,
        quote: quoteOf(article.text, a.start, b.end),
        attributes: {},
        annotator: 'bench',
        createdAt: now,
        updatedAt: now,
      })
    }
  })
  return spans
}

/** A project folder holding the article, and a user-data folder whose last project it is. */
async function makeProject(root: string, name: string, article: Article, spans: Span[]) {
  const dir = path.join(root, name)
  const store = await ProjectStore.create(dir, { name })
  await store.addDocument({
    title: `Benchmark article (${spans.length} spans)`,
    metadata: { outlet: 'bench' },
    text: article.text,
    blocks: article.blocks,
    annotations: { spans, relations: [], docLabels: {} },
  })
  await store.close()
  const userDataDir = path.join(root, `${name}-user-data`)
  await mkdir(userDataDir, { recursive: true })
  const files = await AppFiles.load(userDataDir)
  await files.updateState((s) => ({ ...s, sampleInstalled: true, lastProject: dir, recent: [dir] }))
  return { dir, userDataDir }
}

// ---------------------------------------------------------------------------------------------
// In-page instrumentation

// Records, against performance.now() (0 = navigation start): when the article first shows
// (`firstScreen`: a highlight, or text for the baseline), when every expected highlight/paragraph
// is in the DOM (`all`), and for each tag shortcut the time from keydown to the frame showing the
// new highlight (`adds`).
const INSTRUMENT = `(() => {
  const b = (window.__bench = { expected: 0, selector: '', firstScreen: null, all: null, adds: [] })
  const afterPaint = (fn) => requestAnimationFrame(() => setTimeout(fn, 0))
  let known = null
  let keyAt = null
  let checking = false
  const count = () => {
    if (b.selector === '[data-span-id]') {
      const ids = new Set()
      for (const el of document.querySelectorAll('.ProseMirror [data-span-id]')) ids.add(el.getAttribute('data-span-id'))
      return ids.size
    }
    return document.querySelectorAll('.ProseMirror ' + b.selector).length
  }
  const check = () => {
    checking = false
    if (b.all !== null || !b.selector) return
    const n = count()
    if (n > 0 && b.firstScreen === null) afterPaint(() => { if (b.firstScreen === null) b.firstScreen = performance.now() })
    if (n >= b.expected) afterPaint(() => { b.all = performance.now() })
  }
  new MutationObserver((records) => {
    if (keyAt !== null) {
      for (const r of records) for (const n of r.addedNodes) {
        const els = n.nodeType === 1 ? [n, ...n.querySelectorAll('[data-span-id]')] : []
        for (const el of els) {
          const id = el.getAttribute && el.getAttribute('data-span-id')
          if (id && !known.has(id)) {
            const start = keyAt
            keyAt = null
            known.add(id)
            afterPaint(() => b.adds.push(performance.now() - start))
            return
          }
        }
      }
      return
    }
    if (b.all === null && !checking) { checking = true; setTimeout(check, 0) }
  }).observe(document, { childList: true, subtree: true })
  window.addEventListener('keydown', (e) => {
    if (e.key !== '1') return
    if (!known) known = new Set([...document.querySelectorAll('[data-span-id]')].map((el) => el.getAttribute('data-span-id')))
    keyAt = e.timeStamp
  }, true)
})()`

// ---------------------------------------------------------------------------------------------
// One run

interface Result {
  firstScreen: number
  all: number
  addMedian: number
  heapMB: number
  domNodes: number
  /** Round trip of document:load through the harness's binding (Electron's IPC differs). */
  loadIpc: number
  /** Of which main's handler (read, validate) took this long. */
  loadHandler: number
  /** From document:load's answer arriving in the page to all highlights shown. */
  afterLoad: number
}

async function measure(
  browser: Browser,
  userDataDir: string,
  expected: number,
  selector: string,
  name: string,
): Promise<Result> {
  let profiler: CDPSession | null = null
  const app = await openChromiumApp({
    browser,
    userDataDir,
    beforeLoad: async (context) => {
      // Registered last, so it takes precedence over the harness's route to out/renderer.
      if (RENDERER !== RENDERER_DIR) await serveRenderer(context, RENDERER)
      await context.addInitScript({ content: INSTRUMENT })
      if (PROFILE_DIR) profiler = await startProfile(context.pages()[0])
    },
  })
  const page = app.page
  try {
    await page.evaluate(
      `window.__bench.expected = ${expected}; window.__bench.selector = ${JSON.stringify(selector)}`,
    )
    await until(page, 'window.__bench.all !== null', TIMEOUT_MS)
    const loaded = await page.evaluate<{
      firstScreen: number
      all: number
    }>('({ firstScreen: window.__bench.firstScreen, all: window.__bench.all })')
    const heapMB = await heapAfterGc(page)
    const domNodes = await page.evaluate<number>(`document.getElementsByTagName('*').length`)
    const loadCalls = await page.evaluate<{ start: number; end: number }[]>(
      `window.__marginaliaCallTimes.filter((c) => c.channel === 'document:load')`,
    )
    const loadIpc = loadCalls.reduce((sum, c) => sum + c.end - c.start, 0)
    const afterLoad = loaded.all - Math.max(...loadCalls.map((c) => c.end))
    if (profiler) await stopProfile(profiler, `${name}-load`)
    if (PROFILE_DIR) profiler = await startProfile(page)

    for (let i = 0; i < ADDS; i++) {
      await waitSaved(page)
      const phrase = await wordsOfParagraph(page, i + 1)
      await selectPhrase(page, phrase)
      await page.keyboard.press('1')
      await until(page, `window.__bench.adds.length === ${i + 1}`, 30_000)
    }
    await waitSaved(page)
    if (profiler) await stopProfile(profiler, `${name}-adds`)
    const adds = await page.evaluate<number[]>('window.__bench.adds')
    const loadHandler = app.handlerTimes
      .filter((t) => t.channel === 'document:load')
      .reduce((sum, t) => sum + t.ms, 0)
    return { ...loaded, addMedian: median(adds), heapMB, domNodes, loadIpc, loadHandler, afterLoad }
  } finally {
    await app.close()
  }
}

async function startProfile(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  return cdp
}

async function stopProfile(cdp: CDPSession, name: string): Promise<void> {
  const { profile } = await cdp.send('Profiler.stop')
  await cdp.detach()
  await mkdir(PROFILE_DIR!, { recursive: true })
  const file = path.join(PROFILE_DIR!, `${name}.cpuprofile`)
  await writeFile(file, JSON.stringify(profile))
  console.log(`profile: ${file}`)
}

/** Words 20–22 of the n-th paragraph as shown (outside the spans made above, so a new span). */
async function wordsOfParagraph(page: Page, n: number): Promise<string> {
  const text = await page.evaluate<string>(
    `document.querySelectorAll('.ProseMirror p')[${n}].textContent`,
  )
  return text
    .split(/[ ,.]+/)
    .slice(20, 23)
    .join(' ')
}

async function waitSaved(page: Page): Promise<void> {
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
async function until(page: Page, expression: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${expression}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  await cdp.detach()
  return usedSize / (1024 * 1024)
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (RENDERER === RENDERER_DIR && !existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    console.log('out/renderer is missing: running `npm run build` first')
    execFileSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' })
  }
  const article = makeArticle()
  const spans = makeSpans(article)
  const root = await mkdtemp(path.join(os.tmpdir(), 'marginalia-bench-'))
  const browser = await launchChromium()
  try {
    const withSpans = await makeProject(root, 'spans', article, spans)
    const baseline = await makeProject(root, 'baseline', article, [])
    console.log(
      `article: ${(Buffer.byteLength(article.text) / 1e6).toFixed(2)} MB, ` +
        `${article.blocks.length} blocks, ${spans.length} spans; Chromium ${browser.version()}`,
    )
    // Baseline first, then spans: each in a fresh context, the browser warm for both.
    const base = await measure(
      browser,
      baseline.userDataDir,
      article.blocks.filter((b) => b.type === 'paragraph').length,
      'p',
      'baseline',
    )
    const full = await measure(
      browser,
      withSpans.userDataDir,
      spans.length,
      '[data-span-id]',
      'spans',
    )
    printTable(full, base)
  } finally {
    await browser.close()
    await rm(root, { recursive: true, force: true })
  }
}

function printTable(full: Result, base: Result): void {
  const rows: [string, number, number, string][] = [
    [
      'time to first highlighted screen (ms)',
      full.firstScreen,
      base.firstScreen,
      'first text screen',
    ],
    ['time to all highlights (ms)', full.all, base.all, 'all paragraphs in the DOM'],
    [`time to add one span, median of ${ADDS} (ms)`, full.addMedian, base.addMedian, 'same adds'],
    ['JS heap after load, after GC (MB)', full.heapMB, base.heapMB, ''],
    ['DOM elements after load', full.domNodes, base.domNodes, ''],
    [
      'of the load: document:load round trip (ms)',
      full.loadIpc,
      base.loadIpc,
      'page → main → page',
    ],
    [
      '  of which in main: read + validate (ms)',
      full.loadHandler,
      base.loadHandler,
      'ProjectStore, zod',
    ],
    [
      '  of which harness transport (ms)',
      full.loadIpc - full.loadHandler,
      base.loadIpc - base.loadHandler,
      'JSON via exposeBinding; not in Electron',
    ],
    [
      'of the load: renderer, answer → all shown (ms)',
      full.afterLoad,
      base.afterLoad,
      'React, ProseMirror, layout',
    ],
  ]
  const header = ['metric', '20,000 spans', 'no spans', 'ratio', 'baseline measures']
  const lines = rows.map(([name, a, b, note]) => [
    name,
    a.toFixed(name.startsWith('DOM') ? 0 : 1),
    b.toFixed(name.startsWith('DOM') ? 0 : 1),
    `${(a / b).toFixed(2)}×`,
    note,
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)))
  const row = (cells: string[]) =>
    `| ${cells.map((c, i) => (i > 0 && i < 4 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`
  console.log(row(header))
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
  for (const l of lines) console.log(row(l))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
