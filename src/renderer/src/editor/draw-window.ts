// Which blocks of a long article have their highlights drawn: those near the viewport. Why: at
// 20,000 spans the page held ~48,000 highlight elements (9.6× the elements of the plain text),
// every one of them styled, kept in memory and walked by the browser on each change, though only a
// screenful is ever seen. The annotation plugin keeps a window of doc positions (`drawn`, see
// `drawWindow` in AnnotationPluginOptions) and the view draws highlights only inside it
// (IndexedDecorations); this plugin view moves the window as the article scrolls, a frame after
// the scroll, with room to spare above and below so ordinary scrolling rarely has to wait for it.
//
// Code that needs a far span's elements (scrolling to it from the panel, flashing it) first calls
// `ensureDrawn`, which moves the window over that span at once.
import type { EditorState } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { partitionPoint } from '../../../shared/partition-point'
import { annotationKey, type AnnotationAction } from './annotation-plugin'
import { blockDepth, forEachBlock, isSection } from './doc'
import type { DrawWindow } from './indexed-decorations'

/** Screens drawn beyond the viewport on each side, and how close to its edge the view may get. */
const MARGIN_SCREENS = 1.5
const SLACK_SCREENS = 0.5

/** Blocks drawn on each side of a span that `ensureDrawn` brings in. */
const AROUND_BLOCKS = 30

/** The start and end position of each top-level block of the document (inside its sections). */
function blockBounds(state: EditorState): { starts: number[]; ends: number[] } {
  const starts: number[] = []
  const ends: number[] = []
  forEachBlock(state.doc, (node, pos) => {
    starts.push(pos)
    ends.push(pos + node.nodeSize)
  })
  return { starts, ends }
}

/** The index (among all top-level blocks) of each section's first block; [0] without sections. */
function sectionStarts(state: EditorState): number[] {
  const out: number[] = []
  let count = 0
  state.doc.forEach((child) => {
    if (!isSection(child)) return
    out.push(count)
    count += child.childCount
  })
  return out.length ? out : [0]
}

/** The transaction moving the drawn window to `w`, or null when it is already there or off. */
function windowTr(state: EditorState, w: DrawWindow) {
  const drawn = annotationKey.getState(state)?.drawn
  if (!drawn || (drawn.from === w.from && drawn.to === w.to)) return null
  const action: AnnotationAction = { type: 'draw-window', from: w.from, to: w.to }
  return state.tr.setMeta(annotationKey, action)
}

/**
 * Makes sure the highlights over doc positions [from, to) are drawn, moving the window there (with
 * some blocks around it) if they are not. Returns true if it moved the window.
 */
export function ensureDrawn(view: EditorView, from: number, to: number): boolean {
  const drawn = annotationKey.getState(view.state)?.drawn
  if (!drawn || (from >= drawn.from && to <= drawn.to)) return false
  const { starts, ends } = blockBounds(view.state)
  const first = Math.max(0, blockAt(starts, from) - AROUND_BLOCKS)
  const last = Math.min(ends.length - 1, blockAt(starts, Math.max(from, to - 1)) + AROUND_BLOCKS)
  const tr = windowTr(view.state, { from: starts[first], to: ends[last] })
  if (tr) view.dispatch(tr)
  return !!tr
}

/** The index of the block holding position `pos` (the last starting at or before it). */
function blockAt(starts: readonly number[], pos: number): number {
  return Math.max(0, partitionPoint(starts.length, (i) => starts[i] <= pos) - 1)
}

/** The plugin view that follows the scrolling (add it to long articles' editors only). */
export class DrawWindowTracker {
  private scroller: HTMLElement | null = null
  private frame = 0
  private readonly bounds: { starts: number[]; ends: number[] }
  /** The index of the first block of each section (or [0] for an article without sections). */
  private readonly groups: number[]
  private readonly sectioned: boolean

  constructor(private readonly view: EditorView) {
    this.bounds = blockBounds(view.state)
    this.groups = sectionStarts(view.state)
    this.sectioned = blockDepth(view.state.doc) === 2
    const win = view.dom.ownerDocument.defaultView
    win?.addEventListener('resize', this.schedule)
    this.schedule()
  }

  update(): void {
    // The scroll container is found once the editor is in the page and painted: looking for it
    // reads computed styles and measuring reads boxes, which in the task that mounts the editor
    // (or in the transactions dispatched right after) or in the first frame's script would style
    // and lay out the whole new article there and then, in a long task; after the first frame
    // the browser has done both for its paint.
    if (!this.scroller) this.schedule()
  }

  destroy(): void {
    const win = this.view.dom.ownerDocument.defaultView
    win?.removeEventListener('resize', this.schedule)
    this.scroller?.removeEventListener('scroll', this.schedule)
    if (this.frame) win?.cancelAnimationFrame(this.frame)
  }

  private schedule = (): void => {
    const win = this.view.dom.ownerDocument.defaultView
    if (!win || this.frame) return
    this.frame = win.requestAnimationFrame(() => {
      if (this.scroller) {
        this.frame = 0
        return this.measure()
      }
      // Not yet attached: after this frame is painted (a task after it), see `update`.
      win.setTimeout(() => {
        this.frame = 0
        if (this.view.isDestroyed) return
        this.attach()
        this.measure()
      }, 0)
    })
  }

  /** Finds the scroll container (once the editor is in the page) and follows its scrolling. */
  private attach(): void {
    if (this.scroller || !this.view.dom.isConnected) return
    this.scroller = scrollParent(this.view.dom)
    this.scroller?.addEventListener('scroll', this.schedule, { passive: true })
  }

  /** Moves the window when the viewport came within SLACK_SCREENS of its edge. */
  private measure(): void {
    const drawn = annotationKey.getState(this.view.state)?.drawn
    if (!drawn || !this.scroller || this.view.isDestroyed) return
    // The DOM must show the document's blocks (it always does, unless mid-way through a redraw).
    const groups = this.groupElements()
    if (groups.length !== this.groups.length) return
    if (
      groups[groups.length - 1].childElementCount + this.groups[groups.length - 1] !==
      this.bounds.starts.length
    )
      return
    const box = this.scroller.getBoundingClientRect()
    const screen = Math.max(box.height, 1)
    const near = this.range(box.top - SLACK_SCREENS * screen, box.bottom + SLACK_SCREENS * screen)
    const { starts, ends } = this.bounds
    if (starts[near.first] >= drawn.from && ends[near.last] <= drawn.to) return
    const wide = this.range(box.top - MARGIN_SCREENS * screen, box.bottom + MARGIN_SCREENS * screen)
    const tr = windowTr(this.view.state, { from: starts[wide.first], to: ends[wide.last] })
    if (tr) this.view.dispatch(tr)
  }

  /** The elements holding the blocks: the sections of a long article, or the article itself. */
  private groupElements(): HTMLCollection | HTMLElement[] {
    return this.sectioned ? this.view.dom.children : [this.view.dom]
  }

  /**
   * The first and last top-level block whose box meets [top, bottom] (viewport y). Blocks are
   * stacked in order: binary searches on their boxes, first among the sections, then inside one
   * (a block's box inside a section skipped off screen would cost a layout of that section).
   */
  private range(top: number, bottom: number): { first: number; last: number } {
    const groups = this.groupElements()
    const g = Math.min(
      firstNot(groups, (b) => b.bottom < top),
      groups.length - 1,
    )
    const inG = groups[g].children
    const first =
      this.groups[g] +
      Math.min(
        firstNot(inG, (b) => b.bottom < top),
        inG.length - 1,
      )
    const h = Math.max(0, firstNot(groups, (b) => b.top <= bottom) - 1)
    const inH = groups[h].children
    const last = this.groups[h] + Math.max(0, firstNot(inH, (b) => b.top <= bottom) - 1)
    return { first, last: Math.max(first, last) }
  }
}

/** The index of the first of `els` (stacked in order) whose box is not `before`, or their count. */
function firstNot(els: HTMLCollection | HTMLElement[], before: (box: DOMRect) => boolean): number {
  return partitionPoint(els.length, (i) => before(els[i].getBoundingClientRect()))
}

/** The nearest ancestor that scrolls. */
function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const style = getComputedStyle(p)
    if (/(auto|scroll)/.test(style.overflowY)) return p
  }
  return null
}
