// The view half of the links plugin: an absolutely placed layer over the article (inside its scroll
// content, so it scrolls with the text and needs no redraw on scroll) holding an SVG of link shapes
// and the drag handle of the selected span. Span boxes come from DOM ranges over the span's text,
// not from its highlight elements, so no query runs over a large document's DOM.
import type { EditorState } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import type { Relation, Span } from '../../../shared/model'
import { afterPaint } from '../common/after-paint'
import { annotationKey, spanIdsAtTarget, type AnnotationState } from './annotation-plugin'
import {
  LABEL_ROW,
  arcLevels,
  arcRise,
  linkShape,
  sharedLine,
  spreadLabels,
  type Box,
  type LinkShape,
} from './link-geometry'
import { linksKey, linksRoom } from './links-key'
import { linkOptionsFor, resolveLink } from './relations'

const SVG = 'http://www.w3.org/2000/svg'
/** Pointer travel before a press on the handle becomes a drag. */
const DRAG_THRESHOLD = 4
/** Fired (without bubbling) at a `content-visibility: auto` element that starts or stops rendering. */
const VISIBILITY_CHANGE = 'contentvisibilityautostatechange'
/** Most links drawn at once with "show all" (a dense screen is unreadable past this anyway). */
const MAX_DRAWN = 400

interface Callbacks {
  onLinkDrop?: (fromId: string, targetIds: string[]) => void
  onLinkHandle?: (fromId: string) => void
  showAll: (state: EditorState) => boolean
}

interface Drag {
  fromId: string
  pointerId: number
  x0: number
  y0: number
  moved: boolean
}

/** Draws links over the article and runs the drag-to-link gesture. */
export class LinkOverlay {
  private readonly layer: HTMLDivElement
  private readonly svg: SVGSVGElement
  private readonly links: SVGGElement
  private readonly band: SVGLineElement
  private readonly handle: HTMLButtonElement
  private readonly resize: ResizeObserver | null
  private scroller: HTMLElement | null = null
  /** Cancels the draw scheduled, if one is. */
  private pending: (() => void) | null = null
  private drag: Drag | null = null

  constructor(
    private readonly view: EditorView,
    private readonly cb: Callbacks,
  ) {
    const doc = view.dom.ownerDocument
    this.layer = doc.createElement('div')
    this.layer.className = 'mg-links-layer'
    this.svg = doc.createElementNS(SVG, 'svg')
    this.svg.setAttribute('class', 'mg-links')
    this.svg.setAttribute('aria-hidden', 'true')
    this.links = doc.createElementNS(SVG, 'g')
    this.band = doc.createElementNS(SVG, 'line')
    this.band.setAttribute('class', 'mg-link-band')
    this.band.style.display = 'none'
    this.svg.append(this.links, this.band)
    this.handle = doc.createElement('button')
    this.handle.type = 'button'
    this.handle.className = 'mg-link-handle'
    this.handle.hidden = true
    this.handle.title = 'Drag to a highlight to link it (or click to choose)'
    this.handle.setAttribute('aria-label', 'Link to… (drag to a highlight)')
    this.handle.addEventListener('pointerdown', this.onDown)
    this.handle.addEventListener('pointermove', this.onMove)
    this.handle.addEventListener('pointerup', this.onUp)
    this.handle.addEventListener('pointercancel', this.cancel)
    this.handle.addEventListener('click', this.onClick)
    this.layer.append(this.svg, this.handle)
    ;(view.dom.parentNode ?? doc.body).appendChild(this.layer)
    const Observer = doc.defaultView?.ResizeObserver
    this.resize = Observer ? new Observer(() => this.schedule()) : null
    this.resize?.observe(view.dom)
    this.schedule()
  }

  update(view: EditorView, prev: EditorState): void {
    const a = annotationKey.getState(prev)
    const b = annotationKey.getState(view.state)
    const wasAll = this.cb.showAll(prev)
    const all = this.cb.showAll(view.state)
    if (wasAll !== all) this.listenToScroll(all)
    if (
      wasAll !== all ||
      a?.selectedId !== b?.selectedId ||
      a?.relations !== b?.relations ||
      a?.revision !== b?.revision ||
      a?.schema !== b?.schema ||
      // Room given to a line moves the lines after it: draw again where they are now.
      linksRoom(prev) !== linksRoom(view.state)
    )
      this.schedule()
  }

  destroy(): void {
    this.listenToScroll(false)
    this.resize?.disconnect()
    this.pending?.()
    this.view.dom.ownerDocument.removeEventListener('keydown', this.onKey, true)
    this.layer.remove()
  }

  /**
   * Draws in a task after the next frame, not in an animation frame callback before it: drawing
   * reads the boxes of spans (which lays out what the edit changed, in the callback) and then moves
   * the handle and the links (a second style and layout pass in the same frame). After the frame,
   * the edit's highlight is painted first, and the handle follows a frame later.
   */
  private schedule = (): void => {
    if (this.pending) return
    this.pending = afterPaint(() => {
      this.pending = null
      this.draw()
    })
  }

  /**
   * Redraws on scroll only while all links show (the visible set changes); else nothing moves.
   * Blocks off screen are skipped by `content-visibility: auto` (editor.css) and laid out only in
   * the frame after they scroll into view, so their coming into view triggers a redraw too.
   */
  private listenToScroll(on: boolean): void {
    this.scroller?.removeEventListener('scroll', this.schedule)
    this.view.dom.removeEventListener(VISIBILITY_CHANGE, this.schedule, true)
    this.scroller = on ? scrollParent(this.view.dom) : null
    this.scroller?.addEventListener('scroll', this.schedule, { passive: true })
    if (on) this.view.dom.addEventListener(VISIBILITY_CHANGE, this.schedule, true)
  }

  private draw(): void {
    const st = annotationKey.getState(this.view.state)
    if (!st || !this.view.dom.isConnected) return
    const own = this.cb.showAll(this.view.state)
      ? null
      : st.relations.filter((r) => r.from === st.selectedId || r.to === st.selectedId)
    if (this.clearedEmpty(st, own)) return
    const origin = this.layer.getBoundingClientRect()
    const relations = own ?? this.visibleRelations(st)
    const boxes = new Map<string, Box[]>()
    const boxesOf = (span: Span): Box[] => {
      let found = boxes.get(span.id)
      if (!found) boxes.set(span.id, (found = this.spanBoxes(st, span, origin)))
      return found
    }
    const doc = this.view.dom.ownerDocument
    // Arcs (ends on one line) are stacked in levels per line; connectors take gutter lanes.
    const planned = relations.flatMap((rel) => {
      const from = st.spans.get(rel.from)
      const to = st.spans.get(rel.to)
      if (!from || !to) return []
      const type = st.schema.relationTypes.find((t) => t.id === rel.type)
      const name = type?.name ?? rel.type
      const pair = sharedLine(boxesOf(from), boxesOf(to))
      return [{ rel, from, to, name, pair }]
    })
    const arcs = planned.filter((p) => p.pair)
    const levels = arcLevels(
      arcs.map((p) => ({
        line: Math.round(p.pair![0].top),
        a: p.pair![0],
        b: p.pair![1],
        labelWidth: labelWidth(p.name),
      })),
    )
    const levelOf = new Map(arcs.map((p, i) => [p.rel.id, levels[i]]))
    const drawn: { rel: Relation; shape: LinkShape; color: string; name: string }[] = []
    planned.forEach(({ rel, from, to, name }, i) => {
      const shape = linkShape(boxesOf(from), boxesOf(to), i, levelOf.get(rel.id) ?? 0)
      if (!shape) return
      const color = st.schema.layers.find((l) => l.id === from.layer)?.color ?? '#808080'
      drawn.push({ rel, shape, color, name })
    })
    this.makeRoom(st, arcs, levels)
    // Arc labels sit on their level; the gutter's vertical labels are spread along it.
    const vertical = drawn.filter(({ shape }) => shape.label.vertical)
    const spread = spreadLabels(
      vertical.map(({ shape, name }) => ({ ...shape.label, width: labelWidth(name) })),
    )
    const anchors = drawn.map(({ shape }) =>
      shape.label.vertical ? spread[vertical.findIndex((v) => v.shape === shape)] : shape.label,
    )
    const shapes = drawn.map(({ rel, shape, color, name }, i) => {
      const g = doc.createElementNS(SVG, 'g')
      g.setAttribute('class', 'mg-link')
      g.dataset.relationId = rel.id
      g.style.setProperty('--mg-link-color', color)
      const path = doc.createElementNS(SVG, 'path')
      path.setAttribute('d', shape.d)
      const tip = doc.createElementNS(SVG, 'path')
      const { x, y } = shape.end
      tip.setAttribute('d', `M${x - 3.5} ${y - 6} L${x} ${y} L${x + 3.5} ${y - 6} z`)
      tip.setAttribute('class', 'mg-link-tip')
      const label = doc.createElementNS(SVG, 'text')
      const at = anchors[i]
      label.setAttribute('x', String(at.x))
      label.setAttribute('y', String(at.y))
      if (shape.label.vertical) {
        label.setAttribute('transform', `rotate(-90 ${at.x} ${at.y})`)
        label.setAttribute('class', 'vertical')
      }
      label.textContent = name
      g.append(path, tip, label)
      return g
    })
    this.links.replaceChildren(...shapes)
    this.placeHandle(st, origin)
  }

  /**
   * With no link to draw, no handle to place and no room given to a line, empties the layer
   * without measuring anything and says so: reading a box lays out the article (on opening a long
   * one, the first frame's costliest step). `own`: the selected span's links, null when all show.
   */
  private clearedEmpty(st: AnnotationState, own: Relation[] | null): boolean {
    const none = own ? own.length === 0 : st.relations.length === 0
    if (!none || this.linkable(st) || linksRoom(this.view.state).length > 0) return false
    this.links.replaceChildren()
    this.handle.hidden = true
    return true
  }

  /** Relations with at least one end in the scrolled-to part of the article. */
  private visibleRelations(st: AnnotationState): Relation[] {
    const scroller = this.scroller ?? scrollParent(this.view.dom)
    const view = scroller?.getBoundingClientRect()
    const dom = this.view.dom.getBoundingClientRect()
    const top = Math.max(view?.top ?? dom.top, dom.top)
    const bottom = Math.min(view?.bottom ?? dom.bottom, dom.bottom)
    const x = dom.left + Math.min(8, dom.width / 2)
    const lo = this.view.posAtCoords({ left: x, top: top + 1 })?.pos ?? 0
    const hi =
      this.view.posAtCoords({ left: x, top: bottom - 1 })?.pos ?? this.view.state.doc.content.size
    const start = st.map.posToOffset(lo, 1)
    // The bottom line continues past the point probed: take the rest of its block.
    const block = st.map.blocks[st.map.blockIndexAt(st.map.posToOffset(hi, -1))]
    const end = block ? block.end : st.map.posToOffset(hi, -1)
    const inView = (id: string) => {
      const s = st.spans.get(id)
      return !!s && s.start < end && s.end > start
    }
    const out: Relation[] = []
    for (const r of st.relations) {
      if (inView(r.from) || inView(r.to)) out.push(r)
      if (out.length >= MAX_DRAWN) break
    }
    return out
  }

  /**
   * Gives each line with stacked arcs the room above it that they need (brat grows its line
   * spacing where arcs are drawn): the links plugin puts a spacer at the line's start. Lines keep
   * their spacing when their arcs fit the normal gap between lines.
   */
  private makeRoom(
    st: AnnotationState,
    arcs: { from: Span; to: Span; pair: [Box, Box] | null }[],
    levels: number[],
  ): void {
    const style = getComputedStyle(this.view.dom)
    const fontSize = parseFloat(style.fontSize) || 16
    const lineHeight = parseFloat(style.lineHeight) || fontSize * 1.5
    // The gap between one line's letters and the next line's, which the lowest arcs use.
    const free = lineHeight - fontSize * 1.2
    const room = new Map<number, number>()
    arcs.forEach(({ from, to, pair }, i) => {
      const needed = Math.ceil(arcRise(levels[i]) + LABEL_ROW - free)
      if (needed <= 2 || !pair) return
      const pos = this.lineStart(st, [from, to], pair[0])
      if (pos !== null) room.set(pos, Math.max(room.get(pos) ?? 0, needed))
    })
    const next = [...room].map(([pos, px]) => ({ pos, px })).sort((a, b) => a.pos - b.pos)
    const current = linksRoom(this.view.state)
    if (JSON.stringify(next) !== JSON.stringify(current))
      this.view.dispatch(this.view.state.tr.setMeta(linksKey, { room: next }))
  }

  /**
   * A position on the line of `box`: the start of whichever span begins on that line (stable while
   * the spacer moves the line), else the position under the box's left end.
   */
  private lineStart(st: AnnotationState, spans: Span[], box: Box): number | null {
    for (const span of [...spans].sort((a, b) => a.start - b.start)) {
      const first = this.spanBoxes(st, span, this.layer.getBoundingClientRect())[0]
      if (first && Math.abs(first.top - box.top) < 3) return st.map.offsetToPos(span.start, 1)
    }
    const origin = this.layer.getBoundingClientRect()
    const at = this.view.posAtCoords({
      left: origin.left + box.left + 1,
      top: origin.top + (box.top + box.bottom) / 2,
    })
    return at ? at.pos : null
  }

  /** The line boxes of a span's text, relative to the layer. */
  private spanBoxes(st: AnnotationState, span: Span, origin: DOMRect): Box[] {
    const r = span.end <= st.map.text.length ? st.map.rangeToPos(span.start, span.end) : null
    if (!r) return []
    try {
      const a = this.view.domAtPos(r.from, 1)
      const b = this.view.domAtPos(r.to, -1)
      const range = this.view.dom.ownerDocument.createRange()
      range.setStart(a.node, a.offset)
      range.setEnd(b.node, b.offset)
      return mergeLines(Array.from(range.getClientRects()), origin)
    } catch {
      return []
    }
  }

  /** The selected span, when a link can be drawn from it (the handle shows on it). */
  private linkable(st: AnnotationState): Span | undefined {
    const span = st.selectedId ? st.spans.get(st.selectedId) : undefined
    return span && !st.readOnly && linkOptionsFor(st.schema, span.layer).length > 0
      ? span
      : undefined
  }

  private placeHandle(st: AnnotationState, origin: DOMRect): void {
    const span = this.linkable(st)
    const last = span ? this.spanBoxes(st, span, origin).at(-1) : undefined
    this.handle.hidden = !last
    if (!last || !span) return
    this.handle.dataset.spanId = span.id
    // On the top-right corner of the span's last line, in the gap above the text, so it hides
    // no letter of the span or of what follows it.
    this.handle.style.left = `${Math.round(last.right - 6)}px`
    this.handle.style.top = `${Math.round(last.top - 12)}px`
  }

  private readonly onDown = (e: PointerEvent): void => {
    const fromId = this.handle.dataset.spanId
    if (e.button !== 0 || !fromId) return
    e.preventDefault()
    this.handle.setPointerCapture(e.pointerId)
    this.drag = { fromId, pointerId: e.pointerId, x0: e.clientX, y0: e.clientY, moved: false }
    this.view.dom.ownerDocument.addEventListener('keydown', this.onKey, true)
  }

  private readonly onMove = (e: PointerEvent): void => {
    const drag = this.drag
    if (!drag || e.pointerId !== drag.pointerId) return
    if (!drag.moved && Math.hypot(e.clientX - drag.x0, e.clientY - drag.y0) < DRAG_THRESHOLD) return
    drag.moved = true
    const origin = this.layer.getBoundingClientRect()
    const h = this.handle.getBoundingClientRect()
    const st = annotationKey.getState(this.view.state)
    const target = this.targetAt(e.clientX, e.clientY)
    const ok =
      !!st &&
      target.length > 0 &&
      target.some((id) => !('problem' in resolveLink(st, drag.fromId, id)))
    this.band.setAttribute('x1', String(h.left + h.width / 2 - origin.left))
    this.band.setAttribute('y1', String(h.top + h.height / 2 - origin.top))
    this.band.setAttribute('x2', String(e.clientX - origin.left))
    this.band.setAttribute('y2', String(e.clientY - origin.top))
    this.band.setAttribute('class', `mg-link-band${target.length === 0 ? '' : ok ? ' ok' : ' bad'}`)
    this.band.style.display = ''
    this.layer.classList.add('dragging')
  }

  private readonly onUp = (e: PointerEvent): void => {
    const drag = this.drag
    if (!drag || e.pointerId !== drag.pointerId) return
    const targets = drag.moved ? this.targetAt(e.clientX, e.clientY) : []
    this.cancel()
    if (drag.moved) this.cb.onLinkDrop?.(drag.fromId, targets)
  }

  /** A click without a drag, or Enter/Space on the focused handle. */
  private readonly onClick = (e: MouseEvent): void => {
    const fromId = this.handle.dataset.spanId
    if (fromId && !this.drag) {
      e.preventDefault()
      this.cb.onLinkHandle?.(fromId)
    }
  }

  private readonly onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && this.drag) {
      e.preventDefault()
      e.stopPropagation()
      this.drag.moved = false
      this.cancel()
    }
  }

  private readonly cancel = (): void => {
    if (this.drag && this.handle.hasPointerCapture(this.drag.pointerId))
      this.handle.releasePointerCapture(this.drag.pointerId)
    // A drag ends with a click event on the handle; swallow it by clearing after this task.
    const wasDrag = this.drag?.moved
    if (wasDrag) setTimeout(() => (this.drag = null))
    else this.drag = null
    this.band.style.display = 'none'
    this.layer.classList.remove('dragging')
    this.view.dom.ownerDocument.removeEventListener('keydown', this.onKey, true)
  }

  private targetAt(x: number, y: number): string[] {
    const el = this.view.dom.ownerDocument.elementFromPoint(x, y)
    return el && this.view.dom.contains(el) ? spanIdsAtTarget(this.view, el) : []
  }
}

/** Client rects of a range merged into one box per line, relative to `origin`. */
function mergeLines(rects: DOMRect[], origin: DOMRect): Box[] {
  const lines: Box[] = []
  for (const r of rects) {
    if (r.width === 0 && r.height === 0) continue
    const box = {
      left: r.left - origin.left,
      top: r.top - origin.top,
      right: r.right - origin.left,
      bottom: r.bottom - origin.top,
    }
    const line = lines.find(
      (l) => Math.abs(l.top - box.top) < 3 || Math.abs(l.bottom - box.bottom) < 3,
    )
    if (line) {
      line.left = Math.min(line.left, box.left)
      line.right = Math.max(line.right, box.right)
      line.top = Math.min(line.top, box.top)
      line.bottom = Math.max(line.bottom, box.bottom)
    } else lines.push(box)
  }
  return lines.sort((a, b) => a.top - b.top || a.left - b.left)
}

/** The nearest ancestor that scrolls. */
function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const style = getComputedStyle(p)
    if (/(auto|scroll)/.test(style.overflowY)) return p
  }
  return null
}

/** The width a link's label takes (10.5 px bold sans: about 6 px a character). */
function labelWidth(name: string): number {
  return name.length * 6 + 6
}
