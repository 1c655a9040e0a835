// temp probe: allocations during the 20k load by function (sampling heap profiler)
import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { launchChromium } from '../e2e/harness/chromium'
import { makeArticle, makeProject, makeSpans } from './bench-renderer/article'
import { openChromiumApp } from '../e2e/harness/chromium-app'
import { startStaticServer } from './bench-renderer/static-server'
import { INSTRUMENT } from './bench-renderer/instrument'
import { until } from './bench-renderer/session'

const collected = process.argv[2] === 'all'
const renderer = process.argv[3] || path.resolve('out/renderer')
const article = makeArticle()
const spans = makeSpans(article, 20000)
console.log('answer JSON MB', (JSON.stringify({ document: { text: article.text, blocks: article.blocks }, annotations: { spans } }).length / 1e6).toFixed(2))
const root = await mkdtemp(path.join(os.tmpdir(), 'l20k-alloc-'))
const proj = await makeProject(root, 'spans', article, spans)
const browser = await launchChromium()
const server = await startStaticServer(renderer)
let cdp: any
const app = await openChromiumApp({
  browser, userDataDir: proj.userDataDir, url: server.url,
  beforeLoad: async (context) => {
    await context.addInitScript({ content: INSTRUMENT })
    cdp = await context.newCDPSession(context.pages()[0])
    await cdp.send('HeapProfiler.enable')
    await cdp.send('HeapProfiler.startSampling', { samplingInterval: 8192, includeObjectsCollectedByMajorGC: collected, includeObjectsCollectedByMinorGC: collected })
  },
})
await app.page.evaluate(`window.__bench.expected = -1; window.__bench.selector = '[data-span-id]'; window.__bench.check()`)
await until(app.page, `document.querySelectorAll('.ProseMirror [data-span-id]').length > 100`, 120000)
await new Promise((r) => setTimeout(r, Number(process.env.WAIT || 4000)))
if (!collected) await cdp.send('HeapProfiler.collectGarbage')
const { profile } = await cdp.send('HeapProfiler.getSamplingProfile')
const self = new Map<string, number>()
const incl = new Map<string, number>()
let total = 0
const walk = (n: any, stack: string[]) => {
  const name = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`
  const s = n.selfSize
  total += s
  self.set(name, (self.get(name) ?? 0) + s)
  const st = [...stack, name]
  for (const x of new Set(st)) incl.set(x, (incl.get(x) ?? 0) + s)
  for (const c of n.children) walk(c, st)
}
walk(profile.head, [])
const mb = (b: number) => (b / 1e6).toFixed(2)
console.log(collected ? 'ALL allocations (incl. collected)' : 'LIVE after load+GC', 'total MB', mb(total))
console.log('-- self'); for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(mb(v), k)
console.log('-- inclusive'); for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(mb(v), k)
await app.close(); await browser.close(); await server.close()
