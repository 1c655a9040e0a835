// A click's way through Chromium's frame pipeline, read from a trace with the compositor's
// categories (session.ts, TRACE_CATEGORIES): from the input's time stamp to its dispatch on the
// main thread, the end of the task that ran it, the next main-thread frame (BeginMainThreadFrame)
// and its commit, the compositor's activation of that commit, the raster work it waited for (on
// the raster worker threads), the compositor's draw and the frame's presentation (Chromium's own
// EventLatency of the input, when it recorded one: only for inputs that changed a frame; its
// stages split the way from the draw to the presentation: the display compositor's draw and
// swap). The display's own DrawAndSwap is not matched here: headless Chromium has one display
// per window, and their draws are not told apart in the trace. Each milestone is in ms from the time stamp; null when not found.
import type { TraceEvent } from './trace-file'

export interface Milestones {
  dispatch: number
  workEnd: number | null
  beginMainFrame: number | null
  commitEnd: number | null
  activation: number | null
  /** Raster work between the commit and the draw: summed over the workers, and when it ended. */
  rasterMs: number
  rasterEnd: number | null
  draw: number | null
  presented: number | null
  /** Chromium's stages of the input's EventLatency (name → ms), in its order. */
  stages: [string, number][]
}

/** The milestones of each main-thread dispatch in `dispatches` (EventDispatch events). */
export function pipelines(
  all: TraceEvent[],
  main: TraceEvent[],
  dispatches: TraceEvent[],
  latencyType = 'MOUSE_RELEASED',
): Milestones[] {
  const { pid } = main[0]
  const compositor = threadOf(all, pid, 'Compositor')
  const onCompositor = (name: string) =>
    all.filter((e) => e.pid === pid && e.tid === compositor && e.name === name).map((e) => e.ts)
  const activations = sorted(onCompositor('ActivateLayerTree'))
  const draws = sorted(onCompositor('DrawFrame'))
  const frames = sorted(main.filter((e) => e.name === 'BeginMainThreadFrame').map((e) => e.ts))
  const commits = main.filter((e) => e.name === 'Commit' && e.ph === 'X')
  const tasks = main.filter((e) => e.name === 'RunTask' && e.ph === 'X')
  const raster = all.filter(
    (e) => e.pid === pid && e.name === 'RasterizerTaskImpl::RunOnWorkerThread' && e.ph === 'X',
  )
  const latencies = eventLatencies(all, pid, latencyType)
  const stamps = sorted(
    all.filter((e) => e.name === 'EventTiming' && e.ph === 'b' && e.pid === pid).map((e) => e.ts),
  )
  return dispatches.map((d) => {
    const latency = latencies.find((l) => l.start <= d.ts && l.end >= d.ts) ?? null
    const t0 = latency?.start ?? stamps.findLast((ts) => ts <= d.ts) ?? d.ts
    const ms = (ts: number | null | undefined) => (ts == null ? null : (ts - t0) / 1000)
    const task = tasks.findLast((t) => t.ts <= d.ts && t.ts + (t.dur ?? 0) >= d.ts)
    const workEnd = task ? task.ts + (task.dur ?? 0) : null
    const frame = frames.find((ts) => ts >= (workEnd ?? d.ts))
    const commit = frame === undefined ? undefined : commits.find((c) => c.ts >= frame)
    const commitEnd = commit ? commit.ts + (commit.dur ?? 0) : null
    const activation = commitEnd === null ? undefined : activations.find((ts) => ts >= commitEnd)
    const draw = activation === undefined ? undefined : draws.find((ts) => ts >= activation)
    const rastered =
      commitEnd === null || draw === undefined
        ? []
        : raster.filter((r) => r.ts >= commitEnd && r.ts < draw)
    return {
      dispatch: ms(d.ts)!,
      workEnd: ms(workEnd),
      beginMainFrame: ms(frame),
      commitEnd: ms(commitEnd),
      activation: ms(activation),
      rasterMs: rastered.reduce((s, r) => s + (r.dur ?? 0), 0) / 1000,
      rasterEnd: ms(rastered.length ? Math.max(...rastered.map((r) => r.ts + (r.dur ?? 0))) : null),
      draw: ms(draw),
      presented: ms(latency?.end),
      stages: latency?.stages ?? [],
    }
  })
}

interface Latency {
  start: number
  end: number
  stages: [string, number][]
}

/**
 * Chromium's EventLatency records of inputs of `type` (e.g. MOUSE_RELEASED) in process `pid`: its
 * span, from the input's time stamp to the presentation of the frame it changed, and the stages
 * nested in it (async begin/end pairs with the same id).
 */
function eventLatencies(all: TraceEvent[], pid: number, type: string): Latency[] {
  const open = new Map<string, TraceEvent>()
  const spans: { id: string; name: string; start: number; end: number; type?: string }[] = []
  const events = all.filter(
    (e) => e.pid === pid && (e.ph === 'b' || e.ph === 'e') && e.cat?.includes('input'),
  )
  for (const e of events.sort((a, b) => a.ts - b.ts)) {
    const id = `${e.tid}:${e.id2?.local ?? e.id}`
    const key = `${id}:${e.name}`
    const begin = open.get(key)
    if (e.ph === 'b') open.set(key, e)
    else if (begin) {
      open.delete(key)
      const type = begin.args?.event_latency?.event_type
      spans.push({ id, name: e.name, start: begin.ts, end: e.ts, type })
    }
  }
  return spans
    .filter((l) => l.name === 'EventLatency' && l.type === type)
    .map((l) => ({
      start: l.start,
      end: l.end,
      stages: spans
        .filter((s) => s.id === l.id && s !== l && s.start >= l.start && s.end <= l.end)
        .sort((x, y) => x.start - y.start || y.end - x.end)
        .map((s): [string, number] => [s.name, (s.end - s.start) / 1000]),
    }))
}

function threadOf(all: TraceEvent[], pid: number, name: string): number | null {
  const meta = all.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === name,
  )
  return meta ? meta.tid : null
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b)
