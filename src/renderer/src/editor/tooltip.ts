// Hover card for highlights: a plugin view that, while the pointer is over highlighted text, shows
// every span stacked there (innermost first) with its layer, label, entity and attributes. The
// browser's `title` would show only one span and cannot be styled; this reads the plugin state, so
// it is always current, and is built from text nodes only (span data is never parsed as HTML).
import { Plugin, PluginKey } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import type { Span } from '../../../shared/model'
import { annotationKey, spanIdsAtTarget, type AnnotationState } from './annotation-plugin'

const tooltipKey = new PluginKey('marginalia-span-tooltip')

/** Longest attribute value shown in full. */
const MAX_VALUE = 120

/** A plugin that shows a tooltip with label and attributes of the spans under the pointer. */
export function tooltipPlugin(): Plugin {
  return new Plugin({ key: tooltipKey, view: (view) => new SpanTooltip(view) })
}

class SpanTooltip {
  private readonly el: HTMLDivElement
  private ids: string[] = []
  private anchor: DOMRect | null = null

  constructor(private readonly view: EditorView) {
    const doc = view.dom.ownerDocument
    this.el = doc.createElement('div')
    this.el.className = 'mg-tooltip'
    this.el.setAttribute('role', 'tooltip')
    this.el.hidden = true
    ;(view.dom.parentNode ?? doc.body).appendChild(this.el)
    view.dom.addEventListener('mousemove', this.onMove)
    view.dom.addEventListener('mouseleave', this.hide)
    view.dom.addEventListener('mousedown', this.hide)
    doc.addEventListener('scroll', this.hide, true)
  }

  update(view: EditorView): void {
    if (this.ids.length > 0) this.render(annotationKey.getState(view.state)!)
  }

  destroy(): void {
    this.view.dom.removeEventListener('mousemove', this.onMove)
    this.view.dom.removeEventListener('mouseleave', this.hide)
    this.view.dom.removeEventListener('mousedown', this.hide)
    this.view.dom.ownerDocument.removeEventListener('scroll', this.hide, true)
    this.el.remove()
  }

  private readonly onMove = (event: MouseEvent): void => {
    if (event.buttons !== 0) return this.hide()
    const ids = spanIdsAtTarget(this.view, event.target)
    if (ids.length === 0) return this.hide()
    if (ids.join(' ') === this.ids.join(' ')) return
    this.ids = ids
    const target = event.target as Element
    const rects = Array.from(target.getClientRects())
    this.anchor =
      rects.find((r) => event.clientY >= r.top && event.clientY <= r.bottom) ??
      target.getBoundingClientRect()
    this.render(annotationKey.getState(this.view.state)!)
  }

  private readonly hide = (): void => {
    this.ids = []
    this.el.hidden = true
  }

  private render(st: AnnotationState): void {
    const spans = this.ids.map((id) => st.spans.get(id)).filter((s): s is Span => !!s)
    if (spans.length === 0 || !this.anchor) return this.hide()
    const doc = this.el.ownerDocument
    this.el.replaceChildren(...spans.map((span) => this.row(doc, st, span)))
    this.el.hidden = false
    // Above the hovered line when there is room, else below it.
    const { innerWidth, innerHeight } = doc.defaultView ?? { innerWidth: 1024, innerHeight: 768 }
    const box = this.el.getBoundingClientRect()
    let top = this.anchor.top - box.height - 8
    if (top < 4) top = Math.min(this.anchor.bottom + 8, innerHeight - box.height - 4)
    const left = Math.max(4, Math.min(this.anchor.left, innerWidth - box.width - 4))
    this.el.style.top = `${Math.round(top)}px`
    this.el.style.left = `${Math.round(left)}px`
  }

  private row(doc: Document, st: AnnotationState, span: Span): HTMLElement {
    const layer = st.schema.layers.find((l) => l.id === span.layer)
    const row = doc.createElement('div')
    row.className = 'mg-tooltip-row'
    row.style.setProperty('--mg-color', layer?.color ?? '#808080')
    const head = doc.createElement('div')
    head.className = 'mg-tooltip-head'
    const swatch = doc.createElement('span')
    swatch.className = 'mg-tooltip-swatch'
    swatch.setAttribute('aria-hidden', 'true')
    const name = layer?.name ?? span.layer
    head.append(swatch, span.label === name ? name : `${name} · ${span.label}`)
    row.append(head)
    const facts: [string, string][] = Object.entries(span.attributes)
      .filter(([, v]) => v !== '')
      .map(([k, v]) => [k, clip(String(v))])
    if (span.entityId) facts.unshift(['entity', span.entityId])
    if (facts.length > 0) {
      const list = doc.createElement('dl')
      for (const [k, v] of facts) {
        const dt = doc.createElement('dt')
        dt.textContent = k
        const dd = doc.createElement('dd')
        dd.textContent = v
        list.append(dt, dd)
      }
      row.append(list)
    }
    return row
  }
}

function clip(s: string): string {
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s
}
