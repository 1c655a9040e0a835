// Sums a Chromium trace of the renderer benchmark's views part (MARGINALIA_BENCH_TRACE, see
// scripts/bench-renderer.ts) per click: for each click, from its dispatch to the end of the first
// frame committed after it, the main thread's time by event (style, layout, paint, script) and
// what invalidated the layouts in it (LayoutInvalidationTracking: reason and node), and how long
// the click waited in Chromium's input queue before its dispatch (its Event Timing entry: from its
// time stamp, which the bench's latency starts from, to the start of its processing).
//   npx tsx scripts/trace-summary.ts <trace.json> [labels, comma-separated, cycled over the clicks]
// Another input event instead of clicks, e.g. the tagging part's key presses (add, then delete, at
// each place; MARGINALIA_BENCH_TRACE_PART=tagging):
//   npx tsx scripts/trace-summary.ts <trace.json> add,delete keydown
// Then, per click, its way through the frame pipeline past the main thread (trace-pipeline.ts):
// ms from the input's time stamp to its dispatch, the end of its task, the next main-thread frame
// and its commit, activation, raster (worker time summed, and its end), the compositor's draw and
// the presentation, and Chromium's EventLatency stages.
import { readTrace, type TraceEvent } from './bench-renderer/trace-file'
import { pipelines, type Milestones } from './bench-renderer/trace-pipeline'

const SUMMED = [
  'EventDispatch',
  'FunctionCall',
  'TimerFire',
  'FireAnimationFrame',
  'RunMicrotasks',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'MajorGC',
  'MinorGC',
]

const DEFAULT_LABELS =
  'switch:sources,switch:article,open claims,(article),open claims after a tag,(article)'

function summarise(file: string, labels: string[], eventType: string): void {
  const { all, main } = readTrace(file)
  const clicks = main.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === eventType)
  // The events' Event Timing entries: each begins at its event's time stamp.
  const stamps = all
    .filter((e) => e.name === 'EventTiming' && e.ph === 'b' && e.args?.data?.type === eventType)
    .map((e) => e.ts)
    .sort((a, b) => a - b)
  const queued = (click: TraceEvent): number | null => {
    const stamp = stamps.findLast((ts) => ts <= click.ts)
    return stamp === undefined ? null : (click.ts - stamp) / 1000
  }
  const rows = new Map<
    string,
    { n: number; sums: Map<string, number[]>; causes: Map<string, number> }
  >()
  clicks.forEach((click, i) => {
    const label = labels[i % labels.length]
    if (label.startsWith('(')) return
    const paint = main.find((e) => e.name === 'Paint' && e.ts > click.ts)
    const commit = paint && main.find((e) => e.name === 'Commit' && e.ts >= paint.ts)
    if (!commit) return
    const end = commit.ts + (commit.dur ?? 0)
    const inside = main.filter((e) => e.ts >= click.ts && e.ts < end)
    const row = rows.get(label) ?? {
      n: 0,
      sums: new Map<string, number[]>(),
      causes: new Map<string, number>(),
    }
    row.n++
    const add = (key: string, ms: number) => row.sums.set(key, [...(row.sums.get(key) ?? []), ms])
    const wait = queued(click)
    if (wait !== null) add('queued before the event', wait)
    add('event → commit', (end - click.ts) / 1000)
    const tasks = inside.filter((e) => e.name === 'RunTask' && e.ph === 'X')
    add('tasks (RunTask)', tasks.reduce((s, e) => s + (e.dur ?? 0), 0) / 1000)
    for (const name of SUMMED)
      add(
        name,
        inside
          .filter((e) => e.name === name && e.ph === 'X')
          .reduce((s, e) => s + (e.dur ?? 0), 0) / 1000,
      )
    let pending: string[] = []
    for (const e of inside) {
      if (e.name === 'LayoutInvalidationTracking' || e.name === 'StyleRecalcInvalidationTracking') {
        const d = e.args?.data
        pending.push(
          `${e.name.startsWith('Layout') ? 'layout' : 'style'}: ${d?.reason} @ ${d?.nodeName}`,
        )
      } else if (e.name === 'Layout' && e.ph === 'X') {
        const ms = (e.dur ?? 0) / 1000
        const seen = [...new Set(pending)].slice(0, 4).join(' | ') || '(none tracked)'
        row.causes.set(seen, (row.causes.get(seen) ?? 0) + ms)
        pending = []
      }
    }
    rows.set(label, row)
  })
  for (const [label, row] of rows) {
    console.log(`\n${label}: ${row.n} ${eventType} events; median / max ms`)
    for (const [key, values] of row.sums) {
      const sorted = [...values].sort((a, b) => a - b)
      const median = sorted[Math.floor(sorted.length / 2)]
      console.log(
        `  ${key.padEnd(20)} ${median.toFixed(1).padStart(8)} ${sorted.at(-1)!.toFixed(1).padStart(8)}`,
      )
    }
    console.log('  layout time by what invalidated it (total over the clicks, ms):')
    for (const [cause, ms] of [...row.causes].sort((a, b) => b[1] - a[1]).slice(0, 8))
      console.log(`    ${ms.toFixed(1).padStart(8)}  ${cause}`)
  }
}

const MILESTONES: [string, (m: Milestones) => number | null][] = [
  ['dispatched', (m) => m.dispatch],
  ['its task ended', (m) => m.workEnd],
  ['BeginMainThreadFrame', (m) => m.beginMainFrame],
  ['commit ended', (m) => m.commitEnd],
  ['activated', (m) => m.activation],
  ['raster ended', (m) => m.rasterEnd],
  ['  raster work (sum)', (m) => m.rasterMs],
  ['compositor drew', (m) => m.draw],
  ['presented', (m) => m.presented],
]

/** Per label: median / max of each milestone, and of each EventLatency stage, over its clicks. */
function summarisePipeline(file: string, labels: string[], eventType: string): void {
  const { all, main } = readTrace(file)
  const clicks = main.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === eventType)
  const type = eventType === 'keydown' ? 'KEY_PRESSED' : 'MOUSE_RELEASED'
  const byLabel = new Map<string, Milestones[]>()
  pipelines(all, main, clicks, type).forEach((m, i) => {
    const label = labels[i % labels.length]
    if (!label.startsWith('(')) byLabel.set(label, [...(byLabel.get(label) ?? []), m])
  })
  const stat = (values: (number | null)[]) => {
    const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b)
    if (!known.length) return '       –        –'
    const median = known[Math.floor(known.length / 2)]
    return `${median.toFixed(1).padStart(8)} ${known.at(-1)!.toFixed(1).padStart(8)}`
  }
  for (const [label, ms] of byLabel) {
    console.log(`\n${label}: ${ms.length} clicks; ms from the input's time stamp, median / max`)
    for (const [name, get] of MILESTONES) console.log(`  ${name.padEnd(22)} ${stat(ms.map(get))}`)
    const stages = new Map<string, number[]>()
    for (const m of ms)
      for (const [name, v] of m.stages) stages.set(name, [...(stages.get(name) ?? []), v])
    if (stages.size) console.log('  EventLatency stages (ms):')
    for (const [name, values] of stages) console.log(`    ${name.padEnd(48)} ${stat(values)}`)
  }
}

summarisePipeline(
  process.argv[2],
  (process.argv[3] || DEFAULT_LABELS).split(','),
  process.argv[4] || 'click',
)

summarise(
  process.argv[2],
  (process.argv[3] || DEFAULT_LABELS).split(','),
  process.argv[4] || 'click',
)
