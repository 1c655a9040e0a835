// The article view: one ProseMirror EditorView per document, owned by this component but never
// re-rendered by React. The plugin state is the source of truth for annotations; this component
// only reports changes through callbacks from `dispatchTransaction`.
//
// Read-only, yet selectable by keyboard: with `editable: false` ProseMirror still follows mouse
// selections, but the element is not focusable and has no caret, so a keyboard user could not
// select text to tag. So the view is editable (caret, Shift+arrows, focus ring) and the text is kept
// immutable instead: `beforeinput` is cancelled (typing, deleting, pasting, dropping, formatting),
// paste and drop are refused, and the annotation plugin filters out any transaction that would
// change the document (which also makes ProseMirror redraw the DOM after an IME composition).
import 'prosemirror-view/style/prosemirror.css'
import './editor.css'
import {
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  type Ref,
  type RefObject,
} from 'react'
import { Plugin, type Command, type EditorState } from 'prosemirror-state'
import { EditorView, type DirectEditorProps } from 'prosemirror-view'
import type { AnnotationSchema, Annotations, Document } from '../../../shared/model'
import { annotationKey, annotationsOf, nextStackedSpan } from './annotation-plugin'
import { selectionOffsets } from './commands'
import { whenIdle } from '../common/when-idle'
import { isLongArticle } from './doc'
import { followDomSelection } from './dom-selection'
import { prepareWordSegmenter } from './snap'
import { reducedMotion, scrollToCentre } from './scroll-to-centre'
import { DrawWindowTracker, ensureDrawn } from './draw-window'
import { linksPlugin, setShowAllLinks } from './links-plugin'
import { createArticleState } from './state'
import { tooltipPlugin } from './tooltip'
import { articleAttributes } from './article-attributes'
import { takePreparedView } from './prepared-view'

/** Where the text selection is: its box on screen (viewport coordinates) and its text range. */
export interface TextSelectionInfo {
  rect: DOMRect
  start: number
  end: number
}

/** What the shell can do with the article view. */
export interface ArticleViewHandle {
  /** Runs an annotation command (see commands.ts) on the current state. */
  run(command: Command): boolean
  /** The current editor state (e.g. for `annotationsOf` or `annotationKey.getState`). */
  state(): EditorState
  /** Scrolls the span's first line to the middle of its scroll container. */
  scrollToSpan(id: string): void
  /** Scrolls to the span and briefly flashes it. */
  flash(id: string): void
  /** Moves keyboard focus into the article. */
  focus(): void
  /** The viewport box of a span's first line (to place a popup by it), or null if not shown. */
  spanBox(id: string): DOMRect | null
  /** The viewport box of the caret (the head of the text selection), or null if unknown. */
  caretBox(): DOMRect | null
  /** Takes the text selection the page shows if the editor has not read it yet (see dom-selection.ts). */
  followDomSelection(): void
}

export interface ArticleViewProps {
  document: Document
  schema: AnnotationSchema
  /** The annotations the view starts with (read once per document). */
  initial: Annotations
  /** After every change to spans, relations or document labels (including undo and redo). */
  onChange?: (annotations: Annotations, state: EditorState) => void
  /** When the selected span changes (by click, command or removal). */
  onSelect?: (spanId: string | null) => void
  /** When the text selection changes: its box and text range, or null when nothing is selected. */
  onTextSelection?: (info: TextSelectionInfo | null) => void
  /** Draw every link of the document, not only the selected span's. */
  showAllLinks?: boolean
  /** Why no annotation may be changed (a read-only project); null or absent: they may. */
  readOnly?: string | null
  /** The selected span's link handle was dragged onto highlights (innermost first; may be none). */
  onLinkDrop?: (fromId: string, targetIds: string[]) => void
  /** The link handle was clicked rather than dragged. */
  onLinkHandle?: (fromId: string) => void
  /**
   * Offered a click on highlights (innermost first) before it selects one; return true to take the
   * click (e.g. to pick a link target) and leave the selection as it is.
   */
  interceptSpanClick?: (spanIds: string[]) => boolean
  /** Further plugins for this document's editor state (made once per document). */
  extraPlugins?: () => Plugin[]
  ref?: Ref<ArticleViewHandle>
  className?: string
}

/** Blocks whose highlights are drawn with the article; the others are drawn in idle time. */
const FIRST_BLOCKS = 60

/** The props the view reads after mounting (its handle is wired once, by `useViewHandle`). */
type ViewProps = Omit<ArticleViewProps, 'ref'>

/** The read-only article with its highlights. Remount (or change `document.id`) per document. */
export function ArticleView({ ref, ...props }: ArticleViewProps) {
  const host = useRef<HTMLDivElement>(null)
  const viewRef = useRef<EditorView | null>(null)
  const latest = useRef(props)
  useLayoutEffect(() => {
    latest.current = props
  })

  const { id, contentHash } = props.document
  useLayoutEffect(() => {
    const view = mountArticleView(host.current!, latest)
    viewRef.current = view
    const cancelIdle = whenIdle(prepareWordSegmenter, 2000)
    return () => {
      cancelIdle()
      viewRef.current = null
      view.destroy()
    }
  }, [id, contentHash])

  // A schema edit (layer colour or underline) redraws the highlights in place; a change elsewhere
  // in the schema (the suggestion lexicon's counts) leaves them alone.
  useEffect(() => {
    const view = viewRef.current
    const st = view && annotationKey.getState(view.state)
    if (view && st && st.schema !== props.schema && !sameLooks(st.schema, props.schema))
      view.dispatch(
        view.state.tr.setMeta(annotationKey, { type: 'set-schema', schema: props.schema }),
      )
  }, [props.schema])

  // A project that turns read-only (or writable) takes effect in place.
  const readOnly = props.readOnly ?? null
  useEffect(() => {
    const view = viewRef.current
    const st = view && annotationKey.getState(view.state)
    if (view && st && st.readOnly !== readOnly)
      view.dispatch(
        view.state.tr.setMeta(annotationKey, { type: 'set-read-only', reason: readOnly }),
      )
  }, [readOnly, id, contentHash])

  // The "show all links" switch lives in the links plugin's state.
  useEffect(() => {
    const view = viewRef.current
    if (view) setShowAllLinks(!!props.showAllLinks)(view.state, view.dispatch)
  }, [props.showAllLinks, id, contentHash])

  useViewHandle(ref, viewRef)

  return <div ref={host} className={['mg-article', props.className].filter(Boolean).join(' ')} />
}

/** Whether two schemas draw highlights alike (same layers, relation types and frame). */
function sameLooks(a: AnnotationSchema, b: AnnotationSchema): boolean {
  const looks = (s: AnnotationSchema) => JSON.stringify([s.layers, s.relationTypes, s.frame])
  return looks(a) === looks(b)
}

/** The editor state of `latest`'s document, with the plugins and the click handling of the view. */
function articleState(latest: RefObject<ViewProps>): EditorState {
  const { document, schema, initial, readOnly } = latest.current
  const long = isLongArticle(document)
  return createArticleState({
    document,
    schema,
    initial,
    readOnly,
    // More than a screen of blocks; the rest of the highlights follow while the page is idle.
    firstBlocks: FIRST_BLOCKS,
    // A long article draws only the highlights near the viewport (draw-window.ts).
    drawWindow: long,
    plugins: [
      ...(long ? [new Plugin({ view: (view) => new DrawWindowTracker(view) })] : []),
      tooltipPlugin(),
      linksPlugin({
        onLinkDrop: (fromId, targetIds) => latest.current.onLinkDrop?.(fromId, targetIds),
        onLinkHandle: (fromId) => latest.current.onLinkHandle?.(fromId),
      }),
      ...(latest.current.extraPlugins?.() ?? []),
    ],
    onClickSpans(view, ids, event, repeat) {
      if (event.button !== 0 || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey)
        return false
      // A quick second press on stacked highlights goes to the next span of the stack, and keeps
      // the browser from selecting the word (which would open the tag palette). Elsewhere a double
      // click selects a word, as in any text.
      if (repeat) {
        if (ids.length < 2) return false
        const next = nextStackedSpan(view.state, ids)
        view.dispatch(view.state.tr.setMeta(annotationKey, { type: 'select', id: next }))
        return true
      }
      if (latest.current.interceptSpanClick?.(ids)) return true
      const next = ids.length > 0 ? nextStackedSpan(view.state, ids) : null
      if (next !== annotationKey.getState(view.state)?.selectedId)
        view.dispatch(view.state.tr.setMeta(annotationKey, { type: 'select', id: next }))
      return false
    },
  })
}

/**
 * A read-only editor view of `latest`'s document in `host`, reporting changes to its props: the
 * view built ahead of it (prepared-view.ts) when there is one for the same PM document, else a new
 * one.
 */
function mountArticleView(host: HTMLElement, latest: RefObject<ViewProps>): EditorView {
  const { document } = latest.current
  const state = articleState(latest)
  const props: DirectEditorProps = {
    state,
    editable: () => true,
    attributes: articleAttributes(document),
    handleDOMEvents: {
      beforeinput: (_view, event) => {
        event.preventDefault()
        return true
      },
    },
    handlePaste: () => true,
    handleDrop: () => true,
    dispatchTransaction(tr) {
      const before = view.state
      const after = before.apply(tr)
      view.updateState(after)
      plainTextEditable(view)
      if (!before.selection.eq(after.selection)) syncBlurredSelection(view)
      report(latest.current, view, before, after)
    },
  }
  const built = takePreparedView(document)
  let view: EditorView
  if (built && built.state.doc === state.doc) {
    // Updated out of the page, in a parent of its own where the plugins' views (made by the
    // update) put their layers beside it, then moved into the page with them: in the page, the
    // update read the selection, which styled and laid out the whole new article there and then.
    const parent = host.ownerDocument.createElement('div')
    parent.append(built.dom)
    built.update(props)
    host.append(...parent.childNodes)
    view = built
  } else {
    built?.destroy()
    view = new EditorView(host, props)
  }
  plainTextEditable(view)
  return view
}

/**
 * Marks the article's root contenteditable="plaintext-only" instead of ProseMirror's "true". Why:
 * before every React commit, React records the focused element's selection, and for an element
 * whose `contentEditable` is "true" it does so by walking every node inside it to count text
 * offsets: the whole article (5,000 blocks and 48,000 highlight elements at 1 MB), on every change
 * to any pane while the article has focus — the largest fixed cost of tagging. "plaintext-only"
 * keeps focus, the caret and keyboard selection, and the text is never edited anyway (beforeinput
 * is cancelled). ProseMirror ignores attribute changes on its root and only writes this one again
 * when its attributes change, so it is checked after every update.
 */
function plainTextEditable(view: EditorView): void {
  if (view.dom.contentEditable === 'true') view.dom.contentEditable = 'plaintext-only'
}

/** Tells the props' callbacks what a transaction changed. */
function report(
  props: ArticleViewProps,
  view: EditorView,
  before: EditorState,
  after: EditorState,
): void {
  const a = annotationKey.getState(before)!
  const b = annotationKey.getState(after)!
  const { onChange, onSelect, onTextSelection } = props
  if (a.revision !== b.revision) onChange?.(annotationsOf(after), after)
  if (a.selectedId !== b.selectedId) onSelect?.(b.selectedId)
  if (!before.selection.eq(after.selection)) onTextSelection?.(textSelectionInfo(view))
}

/** The handle the shell holds (see `ArticleViewHandle`), on the view in `viewRef`. */
function useViewHandle(
  ref: Ref<ArticleViewHandle> | undefined,
  viewRef: RefObject<EditorView | null>,
): void {
  useImperativeHandle(
    ref,
    (): ArticleViewHandle => ({
      run(command) {
        const view = viewRef.current
        return view ? command(view.state, view.dispatch, view) : false
      },
      state() {
        const view = viewRef.current
        if (!view) throw new Error('ArticleView: no editor (the component is not mounted)')
        return view.state
      },
      scrollToSpan(spanId) {
        const el = firstElementOf(viewRef.current, spanId)
        if (el) scrollToCentre(el)
      },
      flash(spanId) {
        const view = viewRef.current
        const first = firstElementOf(view, spanId)
        if (!view || !first) return
        scrollToCentre(first)
        flashElements(view, spanId)
      },
      focus() {
        viewRef.current?.focus()
      },
      spanBox(spanId) {
        const el = firstElementOf(viewRef.current, spanId)
        return el ? (el.getClientRects()[0] ?? el.getBoundingClientRect()) : null
      },
      caretBox() {
        const view = viewRef.current
        if (!view) return null
        try {
          const c = view.coordsAtPos(view.state.selection.head)
          return new DOMRect(c.left, c.top, Math.max(1, c.right - c.left), c.bottom - c.top)
        } catch {
          return null
        }
      },
      followDomSelection() {
        if (viewRef.current) followDomSelection(viewRef.current)
      },
    }),
    [viewRef],
  )
}

/** The box and text range of a view's selection, or null when it selects no text. */
function textSelectionInfo(view: EditorView): TextSelectionInfo | null {
  const range = selectionOffsets(view.state)
  if (!range) return null
  return { rect: selectionRect(view), ...range }
}

/** The bounding box of the selected text (on several lines, the box around all of them). */
function selectionRect(view: EditorView): DOMRect {
  const { from, to } = view.state.selection
  try {
    const start = view.domAtPos(from, 1)
    const end = view.domAtPos(to, -1)
    const dom = view.dom.ownerDocument.createRange()
    dom.setStart(start.node, start.offset)
    dom.setEnd(end.node, end.offset)
    const rect = dom.getBoundingClientRect()
    if (rect.width > 0 || rect.height > 0) return rect
  } catch {
    // Fall through to the coordinates of the ends.
  }
  const a = view.coordsAtPos(from, 1)
  const b = view.coordsAtPos(to, -1)
  const left = Math.min(a.left, b.left)
  return new DOMRect(left, a.top, Math.max(a.right, b.right) - left, b.bottom - a.top)
}

/**
 * ProseMirror only writes the selection to the DOM while the editor has focus; when a command run
 * from elsewhere (the tag palette) collapses it, the old highlight would linger. Collapse it too.
 */
function syncBlurredSelection(view: EditorView): void {
  if (!view.state.selection.empty || view.hasFocus()) return
  const sel = view.dom.ownerDocument.getSelection()
  if (sel && sel.rangeCount > 0 && !sel.isCollapsed && view.dom.contains(sel.anchorNode))
    sel.collapseToEnd()
}

function elementsOf(view: EditorView | null, spanId: string): HTMLElement[] {
  if (!view) return []
  drawSpan(view, spanId)
  return Array.from(
    view.dom.querySelectorAll<HTMLElement>(`[data-span-id="${CSS.escape(spanId)}"]`),
  )
}

/** Draws the span's highlight if it is outside the drawn window (far down a long article). */
function drawSpan(view: EditorView, spanId: string): void {
  const st = annotationKey.getState(view.state)
  const span = st?.drawn && st.spans.get(spanId)
  const range = span && st.map.rangeToPos(span.start, span.end)
  if (range) ensureDrawn(view, range.from, range.to)
}

function firstElementOf(view: EditorView | null, spanId: string): HTMLElement | null {
  return elementsOf(view, spanId)[0] ?? null
}

/**
 * Animates a span's elements with the Web Animations API rather than a class: ProseMirror owns
 * these elements' attributes and may redraw them at any time, while an animation touches no DOM.
 */
function flashElements(view: EditorView, spanId: string): void {
  for (const el of elementsOf(view, spanId)) {
    const color = getComputedStyle(el).getPropertyValue('--mg-color').trim() || '#808080'
    el.animate(
      [
        { backgroundColor: `${color}99`, boxShadow: `0 0 0 3px ${color}66` },
        { backgroundColor: `${color}00`, boxShadow: `0 0 0 3px ${color}00` },
      ],
      {
        duration: reducedMotion() ? 1200 : 900,
        easing: 'ease-out',
        iterations: reducedMotion() ? 1 : 2,
      },
    )
  }
}
