// The benchmark's tables, in the README's words.
import type { Edits, Latencies } from './interactions'
import type { LoadResult } from './session'

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

/** A Markdown table with right-aligned number columns (all but the first and any `left` ones). */
export function table(header: string[], rows: string[][], left: number[] = [0]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const row = (cells: string[]) =>
    `| ${cells.map((c, i) => (left.includes(i) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`
  return [
    row(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(row),
  ].join('\n')
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '—')
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '—')

/** The load against the plain-DOM floor of the same document. */
export function loadTable(
  spans: LoadResult,
  none: LoadResult,
  floor: LoadResult,
  floorNone: LoadResult,
): string {
  const rows: [string, (r: LoadResult) => number, boolean][] = [
    ['time to first screen (ms)', (r) => r.firstScreen, true],
    ['time to all highlights (near the viewport) / all paragraphs (ms)', (r) => r.all, true],
    ['highlights (span ids) / paragraphs shown then', (r) => r.shown, true],
    ['longest task during the load (ms; 0 = none over 50)', (r) => r.longestTask, true],
    ['JS heap after load, after GC (MB)', (r) => r.heapMB, true],
    ['DOM elements after load', (r) => r.domNodes, true],
    ['document:load round trip (ms)', (r) => r.loadIpc, false],
    ['  of which in main: read + validate (ms)', (r) => r.loadHandler, false],
    ['  of which harness transport (ms)', (r) => r.loadIpc - r.loadHandler, false],
    ['renderer: answer → all shown (ms)', (r) => r.afterLoad, true],
  ]
  const header = ['load (1.08 MB, 5,000 blocks)', '20,000 spans', 'floor', 'ratio']
  header.push('no spans', 'floor', 'ratio')
  return table(
    header,
    rows.map(([name, get]) => [
      name,
      f1(get(spans)),
      f1(get(floor)),
      ratio(get(spans), get(floor)),
      f1(get(none)),
      f1(get(floorNone)),
      ratio(get(none), get(floorNone)),
    ]),
  )
}

const cells = (values: number[]) => [
  f1(percentile(values, 50)),
  f1(percentile(values, 95)),
  f1(Math.max(...values)),
]

/** The floor's p50 and p95, and ours over the floor's at each. */
const floorCells = (ours: number[], floor: number[]) => {
  const [p50, p95] = [percentile(floor, 50), percentile(floor, 95)]
  const r = `${ratio(percentile(ours, 50), p50)} / ${ratio(percentile(ours, 95), p95)}`
  return [f1(p50), f1(p95), r]
}

/** The rows timed against the interaction floor too (floor.ts). */
const EDIT_ROWS: [string, keyof Edits['frames']][] = [
  ['add a span: key → painted highlight', 'add'],
  ['change an attribute: change → next frame', 'change'],
  ['delete a span: key → highlight gone', 'delete'],
  ['type in a note: key → next frame', 'typing'],
]

/**
 * Per edit: the animation frames each took to show, and the page's own work (its listeners and
 * React's render, without the wait for a loaded CPU or for the frame: the part of the latency that
 * is ours, and the one that changes least with the machine's load), each against the floor's.
 */
function perEditRows(
  spans: Latencies,
  none: Latencies,
  floor: Edits,
  floorNone: Edits,
): string[][] {
  const rows: string[][] = []
  const row = (name: string, a: number[], b: number[], fa: number[], fb: number[]) =>
    rows.push([
      name,
      String(a.length),
      ...cells(a),
      ...cells(b),
      ...floorCells(a, fa),
      ...floorCells(b, fb),
    ])
  for (const [name, key] of EDIT_ROWS) {
    const what = name.split(':')[0]
    row(
      `  frames to show it (1 = the next): ${what}`,
      spans.frames[key],
      none.frames[key],
      floor.frames[key],
      floorNone.frames[key],
    )
  }
  for (const [name, key] of EDIT_ROWS) {
    if (key === 'typing') continue
    const what = name.split(':')[0]
    row(
      `  its own work (listeners and React's render): ${what}`,
      spans.editWork[key],
      none.editWork[key],
      floor.editWork[key],
      floorNone.editWork[key],
    )
  }
  return rows
}

/**
 * p50/p95/max of each interaction, with spans and without; for the edits and typing, the
 * interaction floor of the same run (its p50, p95, and ours ÷ its at p50 / p95) and the animation
 * frames each input took to show (1 = the next frame).
 */
export function latencyTable(
  spans: Latencies,
  none: Latencies,
  floor: Edits,
  floorNone: Edits,
): string {
  const kinds: [string, keyof Latencies][] = [
    ...EDIT_ROWS,
    ['switch view (Article ↔ Sources): click → next frame', 'switchView'],
    ['open the Claims view, nothing changed: click → next frame', 'openClaims'],
    ['open the Claims view after a tag: click → next frame', 'openClaimsEdited'],
    ['  the same three, the click’s own work: switch view', 'switchViewWork'],
    ['  open the Claims view, nothing changed', 'openClaimsWork'],
    ['  open the Claims view after a tag', 'openClaimsEditedWork'],
  ]
  const noFloor = ['', '', '', '', '', '']
  const rows = kinds.map(([name, key]) => {
    const a = spans[key] as number[]
    const b = none[key] as number[]
    const edit = EDIT_ROWS.find(([, k]) => k === key)
    const floored = edit ? edit[1] : key === 'switchView' ? 'switchView' : null
    const vsFloor = floored
      ? [...floorCells(a, floor[floored]), ...floorCells(b, floorNone[floored])]
      : noFloor
    return [name, String(a.length), ...cells(a), ...cells(b), ...vsFloor]
  })
  rows.push(...perEditRows(spans, none, floor, floorNone))
  rows.push([
    'tasks over 50 ms during all of the above: count, longest',
    '',
    String(spans.longTasks),
    '',
    f1(spans.longestTask),
    String(none.longTasks),
    '',
    f1(none.longestTask),
    ...noFloor,
  ])
  rows.push(...otherRows(spans, none).map((r) => [...r, ...noFloor]))
  return table(
    [
      'interaction (ms)',
      'n',
      '20k p50',
      'p95',
      'max',
      'none p50',
      'p95',
      'max',
      'floor p50',
      'p95',
      '20k ÷ floor',
      'floor p50',
      'p95',
      'none ÷ floor',
    ],
    rows,
  )
}

/** Components rendered per edit, and typing while the suggestions arrive. */
function otherRows(spans: Latencies, none: Latencies): string[][] {
  const rows: string[][] = []
  const counts: [string, keyof Latencies['renders']][] = [
    ['components rendered per add: in its frame', 'add'],
    ['  from the key until saved', 'addSaved'],
    ['components rendered per change: in its frame', 'change'],
    ['  from the change until saved', 'changeSaved'],
    ['components rendered per delete: in its frame', 'delete'],
    ['  from the key until saved', 'deleteSaved'],
  ]
  for (const [name, key] of counts) {
    const a = spans.renders[key]
    const b = none.renders[key]
    rows.push([name, String(a.length), ...cells(a), ...cells(b)])
  }
  const a = spans.suggesting
  const b = none.suggesting
  rows.push(
    [
      'type in a note while suggestions arrive: key → next frame',
      `${a.typing.length}/${b.typing.length}`,
      ...cells(a.typing),
      ...cells(b.typing),
    ],
    ['load → suggestion results all in (ms)', '', f1(a.doneAfter), '', '', f1(b.doneAfter), '', ''],
    [
      'tasks over 50 ms from load until the results are in: count, longest',
      '',
      String(a.longTasks),
      '',
      f1(a.longestTask),
      String(b.longTasks),
      '',
      f1(b.longestTask),
    ],
  )
  return rows
}

export interface GrowthRow {
  spans: number
  load: LoadResult
  add: number[]
}

/** How load and add times grow with the number of spans. */
export function growthTable(rows: GrowthRow[]): string {
  return table(
    [
      'spans',
      'first screen (ms)',
      'highlights near the viewport (ms)',
      'shown',
      'renderer part (ms)',
      'longest task (ms)',
      'DOM elements',
      'add p50 (ms)',
      'add p95 (ms)',
      'adds',
    ],
    rows.map((r) => [
      r.spans.toLocaleString('en'),
      f1(r.load.firstScreen),
      f1(r.load.all),
      String(r.load.shown),
      f1(r.load.afterLoad),
      f1(r.load.longestTask),
      String(r.load.domNodes),
      f1(percentile(r.add, 50)),
      f1(percentile(r.add, 95)),
      String(r.add.length),
    ]),
  )
}
