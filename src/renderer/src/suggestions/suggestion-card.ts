// The suggestion hover card: a plugin view that, for the suggestion under the pointer (or the
// current one, reached by keyboard), shows what it proposes and why, with Accept, Reject and
// Accept-all buttons that do what Enter, X and Shift+Enter do. Built from text nodes only (the
// article's words are never parsed as HTML), below the line, where the span tooltip is not.
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import type { Suggestion, SuggestionKind } from '../../../shared/suggest'
import { annotationKey } from '../editor/annotation-plugin'
import { openOfKind } from './suggestion-commands'
import { suggestionIdsAt, suggestionKey } from './suggestion-plugin'
import { KIND_NAMES } from './kinds'

const cardKey = new PluginKey('marginalia-suggestion-card')

/** Longest quote shown in full. */
const MAX_QUOTE = 90
/** How long the card stays after the pointer left the outline (to reach its buttons). */
const LINGER_MS = 350

export interface SuggestionCardActions {
  accept(id: string): void
  reject(id: string): void
  acceptAll(kind: SuggestionKind): void
}

/** The hover card's plugin. */
export function suggestionCardPlugin(actions: SuggestionCardActions): Plugin {
  return new Plugin({ key: cardKey, view: (view) => new SuggestionCard(view, actions) })
}

class SuggestionCard {
  private readonly el: HTMLDivElement
  /** The suggestion shown, and whether the pointer (rather than the keyboard) chose it. */
  private shown: { id: string; byPointer: boolean } | null = null
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly view: EditorView,
    private readonly actions: SuggestionCardActions,
  ) {
    const doc = view.dom.ownerDocument
    this.el = doc.createElement('div')
    this.el.className = 'mg-suggestion-card'
    this.el.setAttribute('role', 'group')
    this.el.hidden = true
    // On the body: inside the article, a pane's containment would clip the card at its edge.
    doc.body.appendChild(this.el)
    view.dom.addEventListener('mousemove', this.onMove)
    view.dom.addEventListener('mouseleave', this.linger)
    this.el.addEventListener('mouseenter', this.stay)
    this.el.addEventListener('mouseleave', this.linger)
    doc.addEventListener('scroll', this.onScroll, true)
  }

  update(view: EditorView, prev: EditorState): void {
    const a = suggestionKey.getState(prev)
    const b = suggestionKey.getState(view.state)
    if (!b) return
    if (a?.currentId !== b.currentId && b.currentId) this.show(b.currentId, false)
    else if (this.shown && !b.open.some((s) => s.id === this.shown!.id)) {
      if (b.currentId && !this.shown.byPointer) this.show(b.currentId, false)
      else this.hide()
    } else if (this.shown && (a?.open !== b.open || !b.shown)) {
      if (b.shown) this.show(this.shown.id, this.shown.byPointer)
      else this.hide()
    }
  }

  destroy(): void {
    this.view.dom.removeEventListener('mousemove', this.onMove)
    this.view.dom.removeEventListener('mouseleave', this.linger)
    this.view.dom.ownerDocument.removeEventListener('scroll', this.onScroll, true)
    if (this.timer) clearTimeout(this.timer)
    this.el.remove()
  }

  private readonly onMove = (event: MouseEvent): void => {
    if (event.buttons !== 0) return
    const [id] = suggestionIdsAt(this.view, event.target)
    if (!id) {
      if (this.shown?.byPointer) this.linger()
      return
    }
    this.stay()
    if (this.shown?.id !== id) this.show(id, true, event.target as Element, event.clientY)
  }

  private readonly onScroll = (): void => {
    if (this.shown?.byPointer) this.hide()
    else if (this.shown) this.show(this.shown.id, false)
  }

  private readonly stay = (): void => {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private readonly linger = (): void => {
    if (!this.shown?.byPointer || this.timer) return
    this.timer = setTimeout(() => {
      this.timer = null
      const current = suggestionKey.getState(this.view.state)?.currentId
      if (current) this.show(current, false)
      else this.hide()
    }, LINGER_MS)
  }

  private hide(): void {
    this.shown = null
    this.el.hidden = true
  }

  private show(id: string, byPointer: boolean, target?: Element, pointerY?: number): void {
    const st = suggestionKey.getState(this.view.state)
    const s = st?.open.find((x) => x.id === id)
    if (!st || !st.shown || !s) return this.hide()
    const anchor = anchorBox(this.view, id, target, pointerY)
    if (!anchor) return this.hide()
    this.shown = { id, byPointer }
    this.render(s, st.open)
    this.place(anchor)
  }

  private render(s: Suggestion, open: readonly Suggestion[]): void {
    const doc = this.el.ownerDocument
    const layer = layerOf(this.view, s)
    this.el.setAttribute('aria-label', `Suggested ${KIND_NAMES[s.kind].one}`)
    this.el.style.setProperty('--mg-suggestion-color', layer?.color ?? '#808080')
    this.el.style.setProperty('--mg-color', layer?.color ?? '#808080')
    const head = doc.createElement('div')
    head.className = 'mg-suggestion-card-head'
    const swatch = doc.createElement('span')
    swatch.className = 'mg-tooltip-swatch'
    swatch.setAttribute('aria-hidden', 'true')
    head.append(swatch, `Suggested ${KIND_NAMES[s.kind].one} · ${layer?.name ?? s.layer}`)
    const quote = doc.createElement('q')
    quote.textContent = clip(s.quote)
    const why = doc.createElement('p')
    why.className = 'mg-suggestion-card-why'
    why.textContent = s.reason
    const parts: HTMLElement[] = [head, quote, why]
    const links = linkSummary(
      s,
      open,
      (id) => annotationKey.getState(this.view.state)?.spans.get(id)?.quote.exact,
    )
    if (links) {
      const p = doc.createElement('p')
      p.className = 'mg-suggestion-card-links'
      p.textContent = links
      parts.push(p)
    }
    const sameKind = openOfKind(this.view.state, s.kind).length
    const buttons = doc.createElement('div')
    buttons.className = 'mg-suggestion-card-actions'
    buttons.append(
      button(doc, 'Accept', 'Enter', () => this.actions.accept(s.id)),
      button(doc, 'Reject', 'X', () => this.actions.reject(s.id)),
    )
    if (sameKind > 1)
      buttons.append(
        button(doc, `Accept all ${sameKind} ${KIND_NAMES[s.kind].many}`, 'Shift+Enter', () =>
          this.actions.acceptAll(s.kind),
        ),
      )
    parts.push(buttons)
    this.el.replaceChildren(...parts)
    this.el.hidden = false
  }

  /** Below the line the suggestion starts on when there is room, else above it. */
  private place(anchor: DOMRect): void {
    const doc = this.el.ownerDocument
    const { innerWidth, innerHeight } = doc.defaultView ?? { innerWidth: 1024, innerHeight: 768 }
    const box = this.el.getBoundingClientRect()
    let top = anchor.bottom + 6
    if (top + box.height > innerHeight - 4) top = Math.max(4, anchor.top - box.height - 6)
    const left = Math.max(4, Math.min(anchor.left, innerWidth - box.width - 4))
    this.el.style.top = `${Math.round(top)}px`
    this.el.style.left = `${Math.round(left)}px`
    // An ancestor with a transform or containment (the resizable panes) is the containing block
    // of a fixed element: correct by where the card actually landed.
    const at = this.el.getBoundingClientRect()
    if (Math.abs(at.left - left) > 0.5 || Math.abs(at.top - top) > 0.5) {
      this.el.style.top = `${Math.round(2 * top - at.top)}px`
      this.el.style.left = `${Math.round(2 * left - at.left)}px`
    }
  }
}

function layerOf(view: EditorView, s: Suggestion) {
  return annotationKey.getState(view.state)?.schema.layers.find((l) => l.id === s.layer)
}

/** The box of the suggestion's line under the pointer, or of its first line. */
function anchorBox(
  view: EditorView,
  id: string,
  target?: Element,
  pointerY?: number,
): DOMRect | null {
  const el =
    target?.closest(`[data-suggestion-id="${CSS.escape(id)}"]`) ??
    view.dom.querySelector(`[data-suggestion-id="${CSS.escape(id)}"]`)
  if (!el) return null
  const rects = Array.from(el.getClientRects())
  return (
    (pointerY !== undefined
      ? rects.find((r) => pointerY >= r.top && pointerY <= r.bottom)
      : undefined) ??
    rects[0] ??
    el.getBoundingClientRect()
  )
}

/**
 * What accepting also links: "Links: attributed to “The ministry”; “said” cue of this" — to spans
 * that exist now, and to suggestions once they are accepted too.
 */
function linkSummary(
  s: Suggestion,
  open: readonly Suggestion[],
  spanQuote: (id: string) => string | undefined,
): string {
  const parts: string[] = []
  for (const l of s.links) {
    const other = l.suggestionId ? open.find((x) => x.id === l.suggestionId) : undefined
    const quote = other ? other.quote : l.spanId ? spanQuote(l.spanId) : undefined
    if (quote === undefined) continue
    const what = `“${clip(quote, 40)}”${other ? ' (when accepted too)' : ''}`
    const type = l.type.replace(/_/g, ' ')
    parts.push(l.incoming ? `${what} ${type} this` : `${type} ${what}`)
  }
  return parts.length ? `Links: ${parts.join('; ')}` : ''
}

function button(doc: Document, label: string, keys: string, run: () => void): HTMLButtonElement {
  const b = doc.createElement('button')
  b.type = 'button'
  b.className = 'button small'
  b.textContent = label
  b.title = keys
  const kbd = doc.createElement('kbd')
  kbd.textContent = keys
  b.append(' ', kbd)
  b.addEventListener('mousedown', (e) => e.preventDefault())
  b.addEventListener('click', run)
  return b
}

function clip(s: string, max = MAX_QUOTE): string {
  const one = s.replace(/\s+/g, ' ')
  return one.length > max ? `${one.slice(0, max - 1)}…` : one
}
