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
import type { Node } from 'prosemirror-model'
import type { Mapping } from 'prosemirror-transform'
import { DecorationSet, type Decoration, type DecorationSource } from 'prosemirror-view'

/** The parts of DecorationSet this reads or calls that its typings do not declare. */
interface SetInternals {
  local: readonly Decoration[]
  children: readonly (number | DecorationSet)[]
  locals(node: Node): readonly Decoration[]
  localsInner(node: Node): readonly Decoration[]
  eq(other: unknown): boolean
}

const internals = (set: DecorationSet) => set as unknown as SetInternals

/** A DecorationSet whose `forChild` finds a top-level block's set in O(1) (see above). */
export class IndexedDecorations implements DecorationSource {
  private byOffset: Map<number, DecorationSet> | null = null
  /** Decorations of the top node itself (e.g. highlights across blocks), sorted by `from`. */
  private spanning: readonly Decoration[] = []
  /** spanningEnd[i]: the furthest `to` among spanning[0..i]. */
  private spanningEnd: number[] = []

  constructor(readonly set: DecorationSet) {}

  /** ProseMirror's DecorationGroup flattens members that are not DecorationSets by this. */
  get members(): DecorationSource[] {
    return [this]
  }

  forChild(offset: number, child: Node): DecorationSource {
    if (child.isLeaf) return DecorationSet.empty
    this.index()
    // A block that a decoration of the top node reaches into needs that decoration cut to it:
    // DecorationSet does that (rare: only blocks under a highlight that crosses a block break).
    if (this.reaches(offset + 1, offset + 1 + child.content.size))
      return this.set.forChild(offset, child)
    return this.byOffset!.get(offset) ?? DecorationSet.empty
  }

  map(mapping: Mapping, node: Node): DecorationSource {
    const mapped = this.set.map(mapping, node)
    return mapped === this.set ? this : new IndexedDecorations(mapped)
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
    return other instanceof IndexedDecorations && internals(this.set).eq(other.set)
  }

  private index(): void {
    if (this.byOffset) return
    const { children, local } = internals(this.set)
    const byOffset = new Map<number, DecorationSet>()
    for (let i = 0; i < children.length; i += 3)
      byOffset.set(children[i] as number, children[i + 2] as DecorationSet)
    this.byOffset = byOffset
    this.spanning = [...local].sort((a, b) => a.from - b.from)
    let end = -Infinity
    this.spanningEnd = this.spanning.map((d) => (end = Math.max(end, d.to)))
  }

  /** Whether a decoration of the top node overlaps [start, end). */
  private reaches(start: number, end: number): boolean {
    // The last spanning decoration starting before `end`; any before it ending after `start`?
    let lo = 0
    let hi = this.spanning.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.spanning[mid].from < end) lo = mid + 1
      else hi = mid
    }
    return lo > 0 && this.spanningEnd[lo - 1] > start
  }
}
