// From pdf.js text items to lines. A PDF has no lines or words, only runs of glyphs placed on
// the page; runs that share a baseline and follow each other closely form a line. Runs on one
// baseline separated by a wide gap (a column gutter) are different lines. A small run raised above
// the baseline is a superscript; digits there are a note marker, written "[n]" (as DOCX import
// writes Word's note references).

/** A run of text as pdf.js places it: left x, baseline y (PDF space, y up), width, font size. */
export interface Run {
  str: string
  x: number
  y: number
  width: number
  size: number
}

/** A line of text on one page, left to right. */
export interface Line {
  page: number
  text: string
  x0: number
  x1: number
  /** Baseline. */
  y: number
  /** Font size of the line's main text (not of its superscripts). */
  size: number
}

/** How far a run's baseline may stray from its line's, as a share of the font size. */
const BASELINE_TOLERANCE = 0.45
/** A gap wider than this share of the font size between runs on one baseline splits the line. */
const SPLIT_GAP = 0.9

/**
 * Groups one page's runs into lines, top to bottom. A run joins a line whose baseline is within
 * the tolerance and whose runs it touches horizontally; so a superscript joins the words beside it
 * and not a line of the next column that happens to share its height.
 */
export function linesOf(page: number, runs: Run[]): Line[] {
  const sorted = runs
    .filter((r) => r.str !== '' && r.size > 0)
    .map((run, order) => ({ run, order }))
    .sort((a, b) => b.run.y - a.run.y || a.order - b.order)
    .map((r) => r.run)
  const done: Run[][] = []
  let open: Pending[] = []
  for (const run of sorted) {
    // Lines far above this run can take no more runs.
    const still: Pending[] = []
    for (const line of open) {
      if (line.anchor.y - run.y > 2 * BASELINE_TOLERANCE * Math.max(line.anchor.size, run.size)) {
        done.push(line.runs)
      } else still.push(line)
    }
    open = still
    const line = open.find((l) => accepts(l, run))
    if (line) {
      line.runs.push(run)
      line.x0 = Math.min(line.x0, run.x)
      line.x1 = Math.max(line.x1, run.x + run.width)
      if (run.size > line.anchor.size) line.anchor = run
    } else open.push({ runs: [run], anchor: run, x0: run.x, x1: run.x + run.width })
  }
  done.push(...open.map((l) => l.runs))
  return done
    .map((line) =>
      lineOf(
        page,
        [...line].sort((a, b) => a.x - b.x),
      ),
    )
    .filter((l) => l.text !== '')
    .sort((a, b) => b.y - a.y || a.x0 - b.x0)
}

interface Pending {
  runs: Run[]
  /** The largest run so far: its baseline is the line's. */
  anchor: Run
  x0: number
  x1: number
}

function accepts(line: Pending, run: Run): boolean {
  const size = Math.max(line.anchor.size, run.size)
  if (Math.abs(line.anchor.y - run.y) > BASELINE_TOLERANCE * size) return false
  const gap = SPLIT_GAP * size
  return run.x <= line.x1 + gap && run.x + run.width >= line.x0 - gap
}

function lineOf(page: number, runs: Run[]): Line {
  const size = mainSize(runs)
  const baseline = runs.find((r) => Math.abs(r.size - size) < 0.05)?.y ?? runs[0].y
  let text = ''
  let end = -Infinity
  for (const run of runs) {
    const raised = run.size < size * 0.8 && run.y - baseline > size * 0.15
    let str = run.str
    if (raised && /^\s*\d{1,3}\s*$/.test(str)) {
      str = `[${str.trim()}]`
      if (text.trim() === '') str += ' ' // a note's own number, at the start of the note
    }
    const gap = run.x - end
    if (text !== '' && gap > 0.15 * size && !/\s$/.test(text) && !/^\s/.test(str)) text += ' '
    text += str
    end = Math.max(end, run.x + run.width)
  }
  const x0 = runs[0].x
  return { page, text: text.replace(/\s+/g, ' ').trim(), x0, x1: end, y: baseline, size }
}

/** The font size carrying most of the characters. */
function mainSize(runs: Run[]): number {
  const weight = new Map<number, number>()
  for (const r of runs) {
    const size = Math.round(r.size * 10) / 10
    weight.set(size, (weight.get(size) ?? 0) + r.str.trim().length)
  }
  let best = runs[0].size
  let bestWeight = -1
  for (const [size, w] of weight) {
    if (w > bestWeight || (w === bestWeight && size > best)) {
      best = size
      bestWeight = w
    }
  }
  return best
}
