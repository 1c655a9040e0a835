// The project's documents in the left pane: title and span count, an error badge on a document
// whose file could not be read, and the project's file problems below the list. A project may have
// 10,000 documents, so only the items near the pane's viewport are drawn (@tanstack/react-virtual);
// the list is one tab stop, moved through with the arrows, Home, End, Page Up and Page Down
// (list-keys.ts), and each item says its place in the whole list to a screen reader.
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type RefObject,
} from 'react'
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual'
import type { DocumentSummary, FileProblem } from '../../../shared/ipc-contract'
import { DocumentListItem } from './document-list-item'
import { listKeyTarget, withKept } from './list-keys'
import { useWithSaved, type SavedSummaries } from './saved-summaries'
import { afterPaint } from '../common/after-paint'
import { plural } from '../common/plural'
import './document-list.css'

interface DocumentListProps {
  /** The snapshot's summaries; `saved` has newer ones of documents saved since. */
  documents: DocumentSummary[]
  saved: SavedSummaries
  problems: FileProblem[]
  currentId: string | null
  onOpen: (docId: string) => void
  onImport: () => void
}

/** The document navigation list. */
export function DocumentList({
  documents: snapshotDocuments,
  saved,
  problems,
  currentId,
  onOpen,
  onImport,
}: DocumentListProps) {
  const pane = useRef<HTMLElement>(null)
  const documents = useWithSaved(snapshotDocuments, saved)
  const painted = usePaintedOnce()
  return (
    <nav className="document-list" aria-label="Documents" ref={pane}>
      <h2 className="pane-title">
        Documents <span className="count">{documents.length}</span>
      </h2>
      {documents.length === 0 ? (
        <div className="empty-hint">
          <p>No documents yet.</p>
          <button type="button" className="button" onClick={onImport}>
            Import documents…
          </button>
          <p className="hint">Or drop .txt, .html or .md files onto the window.</p>
        </div>
      ) : (
        painted && (
          <DocumentItems documents={documents} currentId={currentId} onOpen={onOpen} pane={pane} />
        )
      )}
      {problems.length > 0 && (
        <section className="problems" aria-label="Files with problems">
          <h3>{plural(problems.length, 'file')} could not be read</h3>
          <ul>
            {problems.map((p, i) => (
              <li key={`${p.file}-${i}`}>
                <strong>{p.file}</strong>: {p.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </nav>
  )
}

/**
 * Whether a frame has been painted since the list mounted. Its items measure themselves (and it its
 * offset) when they are committed: in the commit that mounts the project's panes at start-up, that
 * read laid the whole window out inside React's commit, one task of both (a 160 ms task traced,
 * 90 of it the layout). Drawn after the first frame, the window is laid out in that frame, and the
 * items' measurements lay out only the list.
 */
function usePaintedOnce(): boolean {
  const [painted, setPainted] = useState(false)
  useEffect(() => (painted ? undefined : afterPaint(() => setPainted(true))), [painted])
  return painted
}

/** A one-line item's height before it is measured (a two-line title is taller). */
const ESTIMATED_ITEM_PX = 52

interface DocumentItemsProps {
  documents: DocumentSummary[]
  currentId: string | null
  onOpen: (docId: string) => void
  /** The scrolling pane the list sits in. */
  pane: RefObject<HTMLElement | null>
}

/** The items near the pane's viewport, and the one holding the list's tab stop. */
function DocumentItems({ documents, currentId, onOpen, pane }: DocumentItemsProps) {
  const count = documents.length
  const current = useMemo(
    () => documents.findIndex((d) => d.id === currentId),
    [documents, currentId],
  )
  // The tab stop: the item last focused, else the open document, else the first.
  const [focused, setFocused] = useState<string | null>(null)
  const focusedAt = focused === null ? -1 : documents.findIndex((d) => d.id === focused)
  const stop = focusedAt >= 0 ? focusedAt : Math.max(0, current)
  const { list, offset, attach } = useListOffset()
  // The virtualizer's functions change identity as it scrolls: this component is not memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => pane.current,
    estimateSize: () => ESTIMATED_ITEM_PX,
    overscan: 8,
    scrollMargin: offset,
    getItemKey: (i) => documents[i].id,
    rangeExtractor: (range) => withKept(defaultRangeExtractor(range), stop),
  })
  useScrollToOpened(currentId, current, virtualizer)
  const focusNext = useFocusAfterRender(list)
  const onKeyDown = (e: React.KeyboardEvent) => {
    const at = indexOf(e.target)
    const to = at === null ? null : listKeyTarget(e.key, at, count)
    if (to === null) return
    e.preventDefault()
    setFocused(documents[to].id)
    virtualizer.scrollToIndex(to)
    focusNext(to)
  }
  return (
    <ul
      ref={attach}
      className="document-items"
      style={{ height: virtualizer.getTotalSize() }}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        const at = indexOf(e.target)
        if (at !== null) setFocused(documents[at].id)
      }}
    >
      {virtualizer.getVirtualItems().map((item) => (
        <DocumentListItem
          key={item.key}
          summary={documents[item.index]}
          current={item.index === current}
          onOpen={onOpen}
          index={item.index}
          count={count}
          top={item.start - offset}
          tabStop={item.index === stop}
          measure={virtualizer.measureElement}
        />
      ))}
    </ul>
  )
}

/** The item index of the element an event came from (its `li[data-index]`), if any. */
function indexOf(target: EventTarget): number | null {
  const item = (target as HTMLElement).closest?.('li[data-index]')
  return item ? Number(item.getAttribute('data-index')) : null
}

/**
 * The list's distance from the top of the scrolling pane (the pane's title is above it), read when
 * the list is attached, and a ref that attaches it.
 */
function useListOffset() {
  const listRef = useRef<HTMLUListElement | null>(null)
  const [offset, setOffset] = useState(0)
  const attach = useCallback((element: HTMLUListElement | null) => {
    listRef.current = element
    if (element) setOffset(element.offsetTop)
  }, [])
  return { list: listRef, offset, attach }
}

/**
 * Brings the open document's item into the list's view when another document is opened, however
 * it was opened (an import, a claim of the Claims view, a disagreement's Show); an item already in
 * view is left where it is.
 */
function useScrollToOpened(
  currentId: string | null,
  current: number,
  virtualizer: { scrollToIndex(index: number, options: { align: 'auto' }): void },
): void {
  const shownFor = useRef<string | null>(null)
  useEffect(() => {
    // The list may learn of a document just imported after it is opened: wait for its item.
    if (current < 0 || shownFor.current === currentId) return
    // After the frame that shows the document: scrolling reads the page's layout.
    return afterPaint(() => {
      shownFor.current = currentId
      virtualizer.scrollToIndex(current, { align: 'auto' })
    })
  }, [currentId, current, virtualizer])
}

/** Focuses item `index`'s button once it is drawn (it may be scrolled to first). */
function useFocusAfterRender(list: RefObject<HTMLElement | null>): (index: number) => void {
  const pending = useRef<number | null>(null)
  useLayoutEffect(() => {
    if (pending.current === null) return
    const button = list.current?.querySelector<HTMLElement>(
      `li[data-index="${pending.current}"] button`,
    )
    if (!button) return
    pending.current = null
    button.focus({ preventScroll: true })
  })
  return (index) => {
    pending.current = index
  }
}
