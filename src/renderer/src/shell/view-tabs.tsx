// The switch between the article workbench and the project-wide views (claims table, per-source
// summary), as a WAI-ARIA tab list: one tab in the Tab order, arrows/Home/End move between tabs and
// select them (automatic activation; switching is instant because every view stays mounted).
// The view on show is a store of its own, not the shell's state: a switch re-renders the tabs and
// what depends on the two views it hides and shows, not the whole window.
import {
  memo,
  startTransition,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react'
import { ErrorBoundary } from '../common/error-boundary'
import { useStoreSelect, useStoreValue, type ValueStore } from '../common/value-store'
import { startUp } from './start-up'
import { ViewStopped } from './stopped'

export const APP_VIEWS = [
  'article',
  'claims',
  'sources',
  'overview',
  'agreement',
  'curation',
] as const
export type AppView = (typeof APP_VIEWS)[number]

const NAMES: Record<AppView, string> = {
  article: 'Article',
  claims: 'Claims',
  sources: 'Sources',
  overview: 'Overview',
  agreement: 'Agreement',
  curation: 'Curation',
}

/** The view on show. */
export type ViewStore = ValueStore<AppView>

/** Whether `view` is on show; re-renders only when that changes. */
export function useViewShown(views: ViewStore, view: AppView): boolean {
  return useStoreSelect(views, (v) => v === view)
}

/** The id of a view's tab (the panel's `aria-labelledby`). */
export function viewTabId(view: AppView): string {
  return `view-tab-${view}`
}

/** The id of a view's tab panel (the tab's `aria-controls`). */
export function viewPanelId(view: AppView): string {
  return `view-panel-${view}`
}

interface ViewPanelProps {
  view: AppView
  /** The view on show; every other panel stays mounted and hidden. */
  views: ViewStore
  /** Classes besides `view-panel`. */
  className?: string
  children: ReactNode
}

/**
 * A view's tab panel, labelled by its tab. A hidden panel is skipped (`content-visibility: hidden`
 * in shell.css): it is neither rendered nor focusable, its text is out of the selection and of the
 * accessibility tree (`aria-hidden` takes the empty panel itself out too), focus inside it moves to
 * the body, and it keeps its layout, so showing it again costs only what changed meanwhile. It is
 * not made `inert` or `visibility: hidden`: either restyles and lays out every element under it on
 * each switch, which for the article's panel is the whole article (~0.5 s for 1 MB).
 *
 * A hidden view is first rendered when the browser is idle after the window's first screen (or
 * when shown, if that comes first), one view per idle callback and as a transition (React renders
 * it in slices), so neither the first screen nor the first click on its tab pays for mounting it
 * (see start-up.ts); while hidden it is not rendered again with its parent (an edit in the
 * article re-renders the shell): it shows what it had when it was hidden, and catches up when
 * shown. What must follow the view's visibility while hidden reads the view store itself
 * (`useViewShown`), not a prop; a view loads its data from main only when shown.
 *
 * The document's text selection is taken out of a panel while it is hidden and put back when the
 * panel is shown again (see `useSelectionOutWhileHidden`). A view that throws shows the error in
 * its panel, with Try again (`ErrorBoundary`, `ViewStopped`); the rest of the window stays.
 */
export function ViewPanel({ view, views, className, children }: ViewPanelProps) {
  const active = useViewShown(views, view)
  const panel = useRef<HTMLElement>(null)
  useSelectionOutWhileHidden(panel, active)
  const [shownOnce, setShownOnce] = useState(active)
  if (active && !shownOnce) setShownOnce(true)
  useEffect(
    () =>
      shownOnce ? undefined : startUp.whenIdle(() => startTransition(() => setShownOnce(true))),
    [shownOnce],
  )
  return (
    <section ref={panel} {...panelAttributes(view, className, active)}>
      {shownOnce && (
        <ErrorBoundary
          label={`The ${NAMES[view]} view`}
          fallback={(error, retry) => (
            <ViewStopped name={NAMES[view]} error={error} onRetry={retry} />
          )}
        >
          <WhileShown active={active}>{children}</WhileShown>
        </ErrorBoundary>
      )}
    </section>
  )
}

/**
 * The hidden, empty panel of a view whose code is not in yet (shell/split-code.ts), so that its
 * tab's `aria-controls` names an element. A switch to the view waits for the code, so this is
 * never the one on show.
 */
export function EmptyViewPanel({ view, className }: { view: AppView; className?: string }) {
  return <section {...panelAttributes(view, className, false)} />
}

function panelAttributes(view: AppView, className: string | undefined, active: boolean) {
  return {
    role: 'tabpanel',
    id: viewPanelId(view),
    'aria-labelledby': viewTabId(view),
    className: className ? `view-panel ${className}` : 'view-panel',
    'data-active': active,
    'aria-hidden': !active,
  }
}

/**
 * Takes the document's selection out of `panel` when it is hidden (in the commit that hides it, so
 * within the click on the other tab), and puts it back when the panel is shown again, unless
 * something else was selected meanwhile. Left in a `content-visibility: hidden` subtree, a
 * selection costs every click after it: Chromium canonicalises the selection in the layout that
 * follows the input, and no position inside a skipped subtree is a caret candidate, so it walks
 * every position of the panel's text looking for one (60–320 ms per click on the 1 MB article,
 * in the mouse release's task: scripts/trace-summary.ts on the bench's views part).
 */
function useSelectionOutWhileHidden(panel: RefObject<HTMLElement | null>, active: boolean): void {
  const saved = useRef<{ range: Range; backward: boolean } | null>(null)
  const shownBefore = useRef(false)
  useLayoutEffect(() => {
    // A panel never shown holds no selection. Not reading it spares the layout the read may cost,
    // which is the whole article's for a view whose code came after the first screen (split-code.ts).
    if (!active && !shownBefore.current) return
    shownBefore.current = true
    const el = panel.current
    const selection = el?.ownerDocument.getSelection()
    if (!el || !selection) return
    if (!active) {
      const { anchorNode, anchorOffset, focusNode, focusOffset } = selection
      if (!anchorNode || !focusNode || !el.contains(anchorNode)) return
      // From the ends, not getRangeAt or isCollapsed, which may lay out in the click.
      const range = el.ownerDocument.createRange()
      range.setStart(anchorNode, anchorOffset)
      const backward = range.comparePoint(focusNode, focusOffset) < 0
      if (backward) range.setStart(focusNode, focusOffset)
      else range.setEnd(focusNode, focusOffset)
      saved.current = { range, backward }
      selection.removeAllRanges()
      return
    }
    const left = saved.current
    saved.current = null
    if (!left) return
    // Not over a selection made meanwhile, nor where focus was put inside the panel on purpose.
    const { anchorNode, anchorOffset, focusNode, focusOffset } = selection
    const collapsed = anchorNode === focusNode && anchorOffset === focusOffset
    const taken = selection.rangeCount > 0 && (!collapsed || el.contains(anchorNode))
    const doc = el.ownerDocument
    if (taken || el.contains(doc.activeElement) || !el.contains(left.range.startContainer)) return
    const { startContainer, startOffset, endContainer, endOffset } = left.range
    if (left.backward)
      selection.setBaseAndExtent(endContainer, endOffset, startContainer, startOffset)
    else selection.setBaseAndExtent(startContainer, startOffset, endContainer, endOffset)
  }, [panel, active])
}

/** Its children as last rendered while `active`: the parent's renders pass it by while hidden. */
const WhileShown = memo(
  function WhileShown({ children }: { active: boolean; children: ReactNode }) {
    return children
  },
  (_, next) => !next.active,
)

interface ViewTabsProps {
  views: ViewStore
  onChange: (view: AppView) => void
}

/** The Article | Claims | Sources | Overview | Agreement | Curation tabs. */
export function ViewTabs({ views, onChange }: ViewTabsProps) {
  const view = useStoreValue(views)
  const tabs = useRef<(HTMLButtonElement | null)[]>([])
  const onKeyDown = (e: KeyboardEvent) => {
    const i = APP_VIEWS.indexOf(view)
    const n = APP_VIEWS.length
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % n
        : e.key === 'ArrowLeft'
          ? (i - 1 + n) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : null
    if (next === null) return
    e.preventDefault()
    onChange(APP_VIEWS[next])
    tabs.current[next]?.focus()
  }
  return (
    <div className="view-tabs" role="tablist" aria-label="Views" onKeyDown={onKeyDown}>
      {APP_VIEWS.map((v, i) => (
        <button
          key={v}
          ref={(el) => {
            tabs.current[i] = el
          }}
          type="button"
          role="tab"
          id={viewTabId(v)}
          aria-controls={viewPanelId(v)}
          aria-selected={v === view}
          tabIndex={v === view ? 0 : -1}
          className="view-tab"
          onClick={() => onChange(v)}
        >
          {NAMES[v]}
        </button>
      ))}
    </div>
  )
}
