// Names the long tasks of a Chromium trace of the renderer benchmark's load
// (MARGINALIA_BENCH_TRACE=<dir> MARGINALIA_BENCH_TRACE_PART=load, see scripts/bench-renderer.ts):
// for each main-thread task over 50 ms, its start (ms from navigation start) and length, the
// trace events directly under it (script, style, layout, paint, GC, parsing) summed by name, and
// the JavaScript functions the profiler's samples in it fall in: by self time, and by inclusive
// time (every function on the stack; TOP=<n> of them, default 16).
//   npx tsx scripts/trace-tasks.ts <trace.json> [min task ms, default 50]
import {
  readTrace,
  type CallFrame,
  type ProfileNode,
  type TraceEvent,
} from './bench-renderer/trace-file'

/** The main thread's samples: when (trace µs) and which node, with the node table. */
function samplesOf(events: TraceEvent[], pid: number, tid: number) {
  const nodes = new Map<number, ProfileNode>()
  const samples: { ts: number; node: number }[] = []
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid)
  if (!profile) return { nodes, samples }
  let ts = profile.args?.data?.startTime ?? profile.ts
  for (const chunk of events.filter((e) => e.name === 'ProfileChunk' && e.id === profile.id)) {
    for (const n of chunk.args?.data?.cpuProfile?.nodes ?? []) nodes.set(n.id, n)
    const ids = chunk.args?.data?.cpuProfile?.samples ?? []
    const deltas = chunk.args?.data?.timeDeltas ?? []
    ids.forEach((node, i) => {
      ts += deltas[i] ?? 0
      samples.push({ ts, node })
    })
  }
  return { nodes, samples }
}

const label = (f: CallFrame) =>
  `${f.functionName || '(anonymous)'} ${(f.url ?? '').split('/').pop() ?? ''}:${(f.lineNumber ?? -1) + 1}`

/** Every function on a sample's stack, once each (for inclusive time). */
function stackOf(nodes: Map<number, ProfileNode>, id: number): Set<string> {
  const out = new Set<string>()
  for (let n = nodes.get(id); n; n = n.parent === undefined ? undefined : nodes.get(n.parent))
    if (n.callFrame.url) out.add(label(n.callFrame))
  return out
}

function top(map: Map<string, number>, n: number): string {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${v.toFixed(0)} ms ${k}`)
    .join('; ')
}

function main(): void {
  const file = process.argv[2]
  const min = Number(process.argv[3] ?? 50)
  if (!file) throw new Error('usage: npx tsx scripts/trace-tasks.ts <trace.json> [min ms]')
  const { all, main, pid, tid } = readTrace(file)
  const nav = all.find((e) => e.name === 'navigationStart')?.ts ?? main[0].ts
  const { nodes, samples } = samplesOf(all, pid, tid)
  const tasks = main.filter(
    (e) => e.name === 'RunTask' && e.ph === 'X' && (e.dur ?? 0) > min * 1000,
  )
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0)
    const inside = main.filter((e) => e.ph === 'X' && e.ts >= task.ts && e.ts < end && e !== task)
    // Events directly under the task: not inside another event of the task.
    const direct = new Map<string, number>()
    let coveredTo = 0
    for (const e of inside) {
      if (e.ts < coveredTo) continue
      coveredTo = e.ts + (e.dur ?? 0)
      const what =
        e.name === 'FunctionCall' ? `FunctionCall ${e.args?.data?.functionName || '?'}` : e.name
      direct.set(what, (direct.get(what) ?? 0) + (e.dur ?? 0) / 1000)
    }
    const self = new Map<string, number>()
    const own = new Map<string, number>()
    const mine = samples.filter((s) => s.ts >= task.ts && s.ts < end)
    mine.forEach((s, i) => {
      const ms = ((mine[i + 1]?.ts ?? end) - s.ts) / 1000
      const f = nodes.get(s.node)?.callFrame
      if (!f || f.functionName === '(idle)') return
      self.set(label(f), (self.get(label(f)) ?? 0) + ms)
      for (const o of stackOf(nodes, s.node)) own.set(o, (own.get(o) ?? 0) + ms)
    })
    console.log(
      `\n${((task.ts - nav) / 1000).toFixed(0)} ms +${((task.dur ?? 0) / 1000).toFixed(0)} ms` +
        `\n  under the task: ${top(direct, 6)}` +
        `\n  self: ${top(self, 8)}` +
        `\n  inclusive: ${top(own, Number(process.env['TOP'] ?? 16))}`,
    )
  }
}

main()
