// Each save of the open document answers with its summary (title, span and link counts: what the
// document list shows), about a second after an edit. The summaries are kept here, beside the
// project's snapshot rather than in it: replacing the snapshot re-rendered every part of the window
// that receives it (~65 components after each save), where this store re-renders only the document
// list. A new snapshot from main already includes every save before it, so it empties the store.
import { useMemo } from 'react'
import type { DocumentSummary } from '../../../shared/ipc-contract'
import { useStoreValue, ValueStore } from '../common/value-store'

/** The summaries saved since the snapshot, by document id. */
export class SavedSummaries extends ValueStore<ReadonlyMap<string, DocumentSummary>> {
  constructor() {
    super(new Map())
  }

  /** A save's summary; one the same as the last saved changes nothing (and re-renders nothing). */
  add(summary: DocumentSummary): void {
    const last = this.get().get(summary.id)
    if (last && sameSummary(last, summary)) return
    this.set(new Map(this.get()).set(summary.id, summary))
  }

  /** Forgets the saved summaries: a new snapshot has them. */
  clear(): void {
    if (this.get().size > 0) this.set(new Map())
  }
}

/** The snapshot's summaries, each saved one in its place (the same array when none was saved). */
export function withSaved(
  documents: DocumentSummary[],
  saved: ReadonlyMap<string, DocumentSummary>,
): DocumentSummary[] {
  if (saved.size === 0) return documents
  return documents.map((d) => saved.get(d.id) ?? d)
}

/** `withSaved` of the store's summaries; the component re-renders when a save changes them. */
export function useWithSaved(documents: DocumentSummary[], store: SavedSummaries) {
  const saved = useStoreValue(store)
  return useMemo(() => withSaved(documents, saved), [documents, saved])
}

function sameSummary(a: DocumentSummary, b: DocumentSummary): boolean {
  return (
    a.title === b.title &&
    a.spanCount === b.spanCount &&
    a.relationCount === b.relationCount &&
    a.error === b.error
  )
}
