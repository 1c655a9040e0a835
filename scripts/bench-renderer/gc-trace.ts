// The garbage collector's pauses during a load (the load-only mode, MARGINALIA_BENCH_LOADS): a
// Chromium trace of the `v8` category alone (its GC events, little else: no measurable cost) from
// before navigation to the end of the load, summed for the page's main thread. Why: a major GC
// after a large load is a long task the user feels as a freeze just after the article appears, and
// the long-task list alone does not say that a task was the collector.
import type { CDPSession, Page } from '@playwright/test'

/** GC pauses on the page's main thread, ms. */
export interface GcFigures {
  /** All pauses together (overlapping events merged). */
  total: number
  /** The longest single pause. */
  longest: number
  /** Major (mark-compact) collections' final pauses together. */
  major: number
  /** Pauses over 20 ms: start (ms from navigation start) and length. */
  pauses: { start: number; duration: number }[]
}

interface Event {
  name: string
  cat: string
  ph: string
  ts: number
  dur?: number
  pid: number
  tid: number
  args?: { name?: string; data?: { documentLoaderURL?: string; isLoadingMainFrame?: boolean } }
}

/** The GC events that pause the main thread (incremental marking steps included). */
const PAUSES = new Set([
  'MinorGC',
  'MajorGC',
  'V8.GCIncrementalMarking',
  'V8.GCIncrementalMarkingStart',
  'V8.GCIncrementalMarkingFinalize',
])

/** A trace of GC events, started before the page navigates; `stop` ends it and sums the pauses. */
export async function startGcTrace(page: Page): Promise<{ stop(): Promise<GcFigures> }> {
  const cdp: CDPSession = await page.context().newCDPSession(page)
  const events: Event[] = []
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as Event[])))
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['v8', 'blink.user_timing'] },
  })
  return {
    async stop() {
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve))
      await cdp.send('Tracing.end')
      await done
      await cdp.detach()
      return gcFigures(events)
    },
  }
}

/** Sums the GC pauses of the main thread of the renderer that loaded the page. */
export function gcFigures(events: readonly Event[]): GcFigures {
  const nav = events
    .filter(
      (e) =>
        e.name === 'navigationStart' &&
        e.args?.data?.isLoadingMainFrame &&
        !!e.args.data.documentLoaderURL?.startsWith('http'),
    )
    .sort((a, b) => a.ts - b.ts)
    .pop()
  if (!nav) throw new Error('the GC trace has no navigationStart of the page')
  const main = events.find(
    (e) => e.ph === 'M' && e.pid === nav.pid && e.args?.name === 'CrRendererMain',
  )
  const tid = main?.tid ?? nav.tid
  const spans = events
    .filter((e) => e.pid === nav.pid && e.tid === tid && e.ph === 'X' && PAUSES.has(e.name))
    .map((e) => ({ from: e.ts, to: e.ts + (e.dur ?? 0), major: e.name === 'MajorGC' }))
    .sort((a, b) => a.from - b.from)
  const merged: { from: number; to: number }[] = []
  for (const s of spans) {
    const last = merged[merged.length - 1]
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to)
    else merged.push({ from: s.from, to: s.to })
  }
  const ms = (us: number) => us / 1000
  const lengths = merged.map((m) => ms(m.to - m.from))
  return {
    total: lengths.reduce((a, b) => a + b, 0),
    longest: Math.max(0, ...lengths),
    major: spans.filter((s) => s.major).reduce((sum, s) => sum + ms(s.to - s.from), 0),
    pauses: merged
      .filter((m) => ms(m.to - m.from) > 20)
      .map((m) => ({ start: ms(m.from - nav.ts), duration: ms(m.to - m.from) })),
  }
}
