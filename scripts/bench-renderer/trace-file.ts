// A Chromium trace as the renderer benchmark writes it (MARGINALIA_BENCH_TRACE): its events, and
// the renderer's main thread, for the scripts that sum it (trace-summary.ts, trace-tasks.ts).
import { readFileSync } from 'node:fs'

export interface CallFrame {
  functionName: string
  url: string
  lineNumber: number
}

export interface ProfileNode {
  id: number
  callFrame: CallFrame
  parent?: number
}

/** One trace event, with the fields the scripts read. */
export interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  pid: number
  tid: number
  id?: string
  id2?: { local?: string; global?: string }
  cat?: string
  args?: {
    name?: string
    event_latency?: { event_type?: string }
    data?: {
      type?: string
      reason?: string
      nodeName?: string
      functionName?: string
      url?: string
      startTime?: number
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }
      timeDeltas?: number[]
    }
    beginData?: { dirtyObjects?: number; totalObjects?: number }
  }
}

/** Every event of the trace file, and the renderer main thread's, by time. */
export function readTrace(file: string): {
  all: TraceEvent[]
  main: TraceEvent[]
  pid: number
  tid: number
} {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as TraceEvent[] | { traceEvents: TraceEvent[] }
  const all = Array.isArray(raw) ? raw : raw.traceEvents
  const meta = all.find((e) => e.ph === 'M' && e.args?.name === 'CrRendererMain')
  if (!meta) throw new Error(`${file}: no CrRendererMain thread in the trace`)
  const { pid, tid } = meta
  const main = all.filter((e) => e.pid === pid && e.tid === tid).sort((a, b) => a.ts - b.ts)
  return { all, main, pid, tid }
}
