// Going from the claims table (or the sources summary) to the article: save the open document,
// switch to the article view, open the claim's document through the usual path (which remembers it
// as the last one viewed) and, once the editor shows that document, select the claim, move focus
// into the article and scroll to and flash the highlight.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import { selectSpan, type ArticleViewHandle } from '../editor-api'
import type { AppView } from '../shell/view-tabs'

const UNSAVED = 'The open document could not be saved; use Retry first so no edit is lost.'

interface ClaimNavigationOptions {
  /** The document shown in the article now (its file's id once loaded). */
  shownDocumentId: string | null
  flush: () => Promise<boolean>
  openDocument: (docId: string) => Promise<void>
  editor: RefObject<ArticleViewHandle | null>
  setView: (view: AppView) => void
  onNotice: (message: string) => void
}

/** `openClaim(docId, spanId)` and `openDocument(docId)` for the project-wide views. */
export function useClaimNavigation(options: ClaimNavigationOptions) {
  const { shownDocumentId, flush, openDocument, editor, setView, onNotice } = options
  const [target, setTarget] = useState<{ docId: string; spanId: string } | null>(null)
  const reached = useRef<typeof target>(null)

  const open = useCallback(
    async (docId: string, spanId: string | null) => {
      // Saved first, so a failed save keeps the user in the table with a message.
      if (!(await flush())) return onNotice(UNSAVED)
      setView('article')
      setTarget(spanId ? { docId, spanId } : null)
      await openDocument(docId)
    },
    [flush, openDocument, setView, onNotice],
  )

  // The editor's handle is set by the time this runs (a child's layout effects run first).
  useEffect(() => {
    if (!target || reached.current === target || shownDocumentId !== target.docId) return
    const view = editor.current
    if (!view) return
    reached.current = target
    view.run(selectSpan(target.spanId))
    view.focus()
    view.flash(target.spanId)
  }, [target, shownDocumentId, editor])

  return {
    openClaim: useCallback((docId: string, spanId: string) => open(docId, spanId), [open]),
    openDocument: useCallback((docId: string) => open(docId, null), [open]),
  }
}
