// The documents a source appears in, as buttons that open them: the first few, then a button that
// shows more, a step at a time. A source quoted across a project of 10,000 documents would
// otherwise be a cell of 10,000 buttons, laid out each time the Sources view is shown.
import { useEffect, useRef } from 'react'

/** Documents listed before any "more" is asked for. */
export const FIRST_DOCUMENTS = 3
/** Documents each "more" adds. */
const MORE_DOCUMENTS = 50

interface DocumentLinksProps {
  documents: readonly { id: string; title: string }[]
  /** How many are listed (at least FIRST_DOCUMENTS, unless there are fewer). */
  shown: number
  /** Lists `count` documents. */
  onShow: (count: number) => void
  onOpen: (docId: string) => void
}

/** A cell's list of document buttons, with "more" and "fewer" when the list is long. */
export function DocumentLinks({ documents, shown, onShow, onOpen }: DocumentLinksProps) {
  const listed = documents.slice(0, shown)
  const hidden = documents.length - listed.length
  const more = useRef<HTMLButtonElement>(null)
  const fewer = useRef<HTMLButtonElement>(null)
  // The button pressed may go ("Show fewer" once the list is short again, "more" once all are
  // listed): the focus then moves to the other one, not to the page.
  const refocus = useRef(false)
  useEffect(() => {
    if (!refocus.current) return
    refocus.current = false
    const kept = document.activeElement
    if (kept && kept !== document.body && kept.isConnected) return
    ;(more.current ?? fewer.current)?.focus()
  }, [shown])
  const show = (count: number) => {
    refocus.current = true
    onShow(count)
  }
  return (
    <>
      <ul className="cell-lines">
        {listed.map((d) => (
          <li key={d.id}>
            <button
              type="button"
              className="link-button doc-link"
              title={`Open “${d.title || d.id}”`}
              onClick={() => onOpen(d.id)}
            >
              {d.title || d.id}
            </button>
          </li>
        ))}
      </ul>
      {(hidden > 0 || shown > FIRST_DOCUMENTS) && (
        <p className="doc-links-more">
          {hidden > 0 && (
            <button
              ref={more}
              type="button"
              className="link-button"
              onClick={() => show(shown + MORE_DOCUMENTS)}
            >
              {moreLabel(hidden)}
            </button>
          )}
          {shown > FIRST_DOCUMENTS && (
            <button
              ref={fewer}
              type="button"
              className="link-button"
              onClick={() => show(FIRST_DOCUMENTS)}
            >
              Show fewer
            </button>
          )}
        </p>
      )}
    </>
  )
}

/** "Show 2 more documents", or "Show 50 more (of 9,997 not shown)". */
function moreLabel(hidden: number): string {
  if (hidden <= MORE_DOCUMENTS) {
    return hidden === 1 ? 'Show 1 more document' : `Show ${hidden} more documents`
  }
  return `Show ${MORE_DOCUMENTS} more (of ${hidden.toLocaleString('en')} not shown)`
}
