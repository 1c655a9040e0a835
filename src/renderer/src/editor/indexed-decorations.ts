// The highlights' DecorationSet as the view reads it, with its blocks looked up by position.
// Why: on every update ProseMirror walks the document's top-level blocks and asks the decorations
// for each block's own set (`forChild`), and DecorationSet answers by scanning its list of blocks
// from the start. Over an article of 5,000 highlighted blocks that is ~12 million steps per change
// (tens of milliseconds on every tag, select or delete), growing with the square of the blocks.
// This wrapper answers the same question from a map of block position → set, built once per
// DecorationSet (that is, once per change) in one pass.
//
// The view also calls `locals`, `localsInner` and `eq` on a decoration source, and ProseMirror's
// DecorationGroup (several plugins' decorations) reads `members`; they are passed to the wrapped
// set or answered for it. Read against prosemirror-view 1.42's DecorationSet, whose layout (`local`
// decorations of the node itself and `children` as [from, to, set] triples) is read here; the unit
// test compares every block's answer with DecorationSet's own.
//
// A long article draws only the highlights of the blocks near the viewport (`window`, doc positions
// [from, to), see draw-window.ts): blocks outside it are answered with no decorations, so the page
// holds a screenful of highlight elements instead of tens of thousands. Moving the window makes
// ProseMirror redraw only the blocks that enter or leave it.
import type { Node } from 'prosemirror-model'
import type { Mapping } from 'prosemirror-transform'
import { DecorationSet, type Decoration, type DecorationSource } from 'prosemirror-view'
import { partitionPoint } from '../../../shared/partition-point'
import { isSection } from './doc'

/** The parts of DecorationSet this reads or calls that its typings do not declare. */
interface SetInternals {
  local: readonly Decoration[]
  children: readonly (number | DecorationSet)[]
  locals(node: Node): readonly Decoration[]
  localsInner(node: Node): readonly Decoration[]
  eq(other: unknown): boolean
}

const internals = (set: DecorationSet) => set as unknown as SetInternals

/** The doc positions [from, to) whose blocks get their highlights drawn (null: every block). */
export interface DrawWindow {
  from: number
  to: number
}

/** A set's blocks by position, built once per DecorationSet and shared by its windows. */
interface BlockIndex {
  byOffset: Map<number, DecorationSet>
  /** Decorations of the top node itself (e.g. highlights across blocks), sorted by `from`. */
  spanning: readonly Decoration[]
  /** spanningEnd[i]: the furthest `to` among spanning[0..i]. */
  spanningEnd: number[]
  /** Sets of sections reached by a decoration of the top node, by offset (see `cut`). */
  cut: Map<number, DecorationSet>
}

const blockIndexes = new WeakMap<DecorationSet, BlockIndex>()

/** Whether two windows are the same. */
export function sameWindow(a: DrawWindow | null, b: DrawWindow | null): boolean {
  return a === b || (!!a && !!b && a.from === b.from && a.to === b.to)
}

/** A DecorationSet whose `forChild` finds a top-level block's set in O(1) (see above). */
export class IndexedDecorations implements DecorationSource {
  private blocks: BlockIndex | null = null

  constructor(
    readonly set: DecorationSet,
    readonly window: DrawWindow | null = null,
  ) {}

  /** ProseMirror's DecorationGroup flattens members that are not DecorationSets by this. */
  get members(): DecorationSource[] {
    return [this]
  }

  forChild(offset: number, child: Node): DecorationSource {
    if (child.isLeaf) return DecorationSet.empty
    const w = this.window
    if (w && (offset + child.nodeSize <= w.from || offset >= w.to)) return DecorationSet.empty
    const blocks = this.index()
    // A block that a decoration of the top node reaches into needs that decoration cut to it:
    // DecorationSet does that (rare: only blocks under a highlight that crosses a block break).
    const crossed = reaches(blocks, offset + 1, offset + 1 + child.content.size)
    if (crossed && !isSection(child)) return this.set.forChild(offset, child)
    const set = crossed ? this.cut(blocks, offset, child) : blocks.byOffset.get(offset)
    if (!set || !isSection(child)) return set ?? DecorationSet.empty
    // A section of a long article (doc.ts) answers for its blocks the same way, with the window
    // in its own positions; one the window covers whole draws all its blocks.
    const inner = w && innerWindow(w, offset + 1, child.content.size)
    return indexed(set, inner)
  }

  map(mapping: Mapping, node: Node): DecorationSource {
    const mapped = this.set.map(mapping, node)
    return mapped === this.set ? this : new IndexedDecorations(mapped, this.window)
  }

  forEachSet(f: (set: DecorationSet) => void): void {
    f(this.set)
  }

  locals(node: Node): readonly Decoration[] {
    return internals(this.set).locals(node)
  }

  localsInner(node: Node): readonly Decoration[] {
    return internals(this.set).localsInner(node)
  }

  eq(other: unknown): boolean {
    if (other === this) return true
    return (
      other instanceof IndexedDecorations &&
      sameWindow(this.window, other.window) &&
      internals(this.set).eq(other.set)
    )
  }

  /**
   * The set of a section that a highlight crossing from or into another section reaches: its own
   * set and the crossing highlights cut to it, as one DecorationSet (DecorationSet's own answer
   * may be a group of sets, which cannot be windowed), made once per set.
   */
  private cut(blocks: BlockIndex, offset: number, section: Node): DecorationSet {
    let set = blocks.cut.get(offset)
    if (!set) {
      const decorations: Decoration[] = []
      this.set.forChild(offset, section).forEachSet((s) => decorations.push(...s.find()))
      set = DecorationSet.create(section, decorations)
      blocks.cut.set(offset, set)
    }
    return set
  }

  private index(): BlockIndex {
    if (!this.blocks) this.blocks = blockIndex(this.set)
    return this.blocks
  }
}

const sources = new WeakMap<DecorationSet, IndexedDecorations>()

/**
 * A set as the view reads it (the highlights', the suggestions' outlines, a section's), one wrapper
 * per set and window, so that the view's `eq` between two updates is cheap.
 */
export function indexed(set: DecorationSet, window: DrawWindow | null): IndexedDecorations {
  let source = sources.get(set)
  if (!source || !sameWindow(source.window, window))
    sources.set(set, (source = new IndexedDecorations(set, window)))
  return source
}

/** `w` in the positions of a node whose content starts at `start`; null if it covers all `size`. */
function innerWindow(w: DrawWindow, start: number, size: number): DrawWindow | null {
  const from = Math.max(0, w.from - start)
  const to = Math.min(size, w.to - start)
  return from === 0 && to === size ? null : { from, to }
}

function blockIndex(set: DecorationSet): BlockIndex {
  let blocks = blockIndexes.get(set)
  if (blocks) return blocks
  const { children, local } = internals(set)
  const byOffset = new Map<number, DecorationSet>()
  for (let i = 0; i < children.length; i += 3)
    byOffset.set(children[i] as number, children[i + 2] as DecorationSet)
  const spanning = [...local].sort((a, b) => a.from - b.from)
  let end = -Infinity
  const spanningEnd = spanning.map((d) => (end = Math.max(end, d.to)))
  blocks = { byOffset, spanning, spanningEnd, cut: new Map() }
  blockIndexes.set(set, blocks)
  return blocks
}

/** Whether a decoration of the top node overlaps [start, end). */
function reaches(blocks: BlockIndex, start: number, end: number): boolean {
  // The last spanning decoration starting before `end`; any before it ending after `start`?
  const { spanning, spanningEnd } = blocks
  const lo = partitionPoint(spanning.length, (i) => spanning[i].from < end)
  return lo > 0 && spanningEnd[lo - 1] > start
}
