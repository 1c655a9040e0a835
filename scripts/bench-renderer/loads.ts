// The renderer benchmark's load-only mode (MARGINALIA_BENCH_LOADS=<n>): one load is one sample on a
// noisy machine, so the floor and the app are loaded n times each, interleaved (floor, app, floor
// with no spans, app with no spans, and again), and each figure is printed as p50 / max with its
// ratio to the floor's p50, then every task over 50 ms of each load, to see which ones recur.
import { percentile, table } from './report'
import type { LoadResult } from './session'

export type LoadKind = 'floorSpans' | 'spans' | 'floorNone' | 'none'

/** Runs each kind's load `n` times, interleaved; returns the results by kind. */
export async function repeatLoads(
  n: number,
  load: Record<LoadKind, () => Promise<LoadResult>>,
): Promise<Record<LoadKind, LoadResult[]>> {
  const runs: Record<LoadKind, LoadResult[]> = {
    floorSpans: [],
    spans: [],
    floorNone: [],
    none: [],
  }
  for (let i = 0; i < n; i++)
    for (const kind of ['floorSpans', 'spans', 'floorNone', 'none'] as const)
      runs[kind].push(await load[kind]())
  return runs
}

const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '—')

/** p50 / max of `get` over the runs. */
function cell(runs: LoadResult[], get: (r: LoadResult) => number): string {
  const values = runs.map(get)
  return `${f0(percentile(values, 50))} / ${f0(Math.max(...values))}`
}

/** The p50 of the app's figure over the p50 of the floor's. */
function ratio(app: LoadResult[], floor: LoadResult[], get: (r: LoadResult) => number): string {
  const b = percentile(floor.map(get), 50)
  return b > 0 ? `${(percentile(app.map(get), 50) / b).toFixed(2)}×` : '—'
}

/** The load table (p50 / max, ratios of p50s) and each load's long tasks. */
export function loadsReport(runs: Record<LoadKind, LoadResult[]>): string {
  const rows: [string, (r: LoadResult) => number][] = [
    ['time to first screen (ms)', (r) => r.firstScreen],
    ['time to all highlights near the viewport / all paragraphs (ms)', (r) => r.all],
    ['longest task during the load (ms; 0 = none over 50)', (r) => r.longestTask],
    ['tasks over 50 ms during the load', (r) => r.longTasks.length],
    ['app:init answered (ms)', (r) => r.initAt],
    ['document:load asked for (ms)', (r) => r.askedAt],
    ["document:load's answer in the page (ms)", (r) => r.answeredAt],
    ['renderer: answer → all shown (ms)', (r) => r.afterLoad],
    ['JS heap after load, after GC (MB)', (r) => r.heapMB],
    [
      '  once the suggestions are in (MB; the floor: as after load)',
      (r) => r.heapSuggestedMB ?? r.heapMB,
    ],
    ['DOM elements after load', (r) => r.domNodes],
    ['GC pauses to 5 s after the load, total (ms)', (r) => r.gc?.total ?? NaN],
    ['longest GC pause (ms)', (r) => r.gc?.longest ?? NaN],
    ['major GC final pauses, total (ms)', (r) => r.gc?.major ?? NaN],
  ]
  const n = runs.spans.length
  const out = table(
    [`load, p50 / max of ${n}`, '20k spans', 'floor', 'ratio', 'no spans', 'floor', 'ratio'],
    rows.map(([name, get]) => [
      name,
      cell(runs.spans, get),
      cell(runs.floorSpans, get),
      ratio(runs.spans, runs.floorSpans, get),
      cell(runs.none, get),
      cell(runs.floorNone, get),
      ratio(runs.none, runs.floorNone, get),
    ]),
  )
  const first = (app: LoadResult[], floor: LoadResult[]) =>
    app.map((r, i) => f0(r.firstScreen - floor[i].firstScreen)).join(', ')
  const tasks = (kind: LoadKind) =>
    runs[kind]
      .map(
        (r, i) =>
          `  ${kind} #${i + 1} (answer at ${f0(r.answeredAt)}, first screen ${f0(r.firstScreen)}): ` +
          (r.longTasks.map((t) => `${f0(t.start)}+${f0(t.duration)}`).join(', ') || 'none') +
          (r.gc
            ? `; GC > 20 ms: ${r.gc.pauses.map((t) => `${f0(t.start)}+${f0(t.duration)}`).join(', ') || 'none'}`
            : ''),
      )
      .join('\n')
  return [
    out,
    `\nfirst screen − the floor's of the same round (ms): 20k ${first(runs.spans, runs.floorSpans)}; ` +
      `none ${first(runs.none, runs.floorNone)}`,
    '\ntasks over 50 ms during each load (start+duration, ms from navigation start):',
    ...(['floorSpans', 'spans', 'floorNone', 'none'] as const).map(tasks),
  ].join('\n')
}
