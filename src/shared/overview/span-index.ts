// The spans the Overview's bars point at, listed once: a bar holds indexes into the list, so a
// claim counted by five charts is sent to the renderer once, not five times.
import type { Span } from '../model'
import type { OverviewSpan } from './types'

/** Longest quote kept per span (the list shows an excerpt; the article shows the whole span). */
export const MAX_SPAN_TEXT = 300

/** A span made known, and its index in the list once it has one (-1 before). */
interface Known {
  span: Span
  ref: number
}

export class SpanIndex {
  readonly list: OverviewSpan[] = []
  /** Document id → span id → the span: two lookups per `ref`, no key built per call. */
  readonly #byDoc = new Map<string, Map<string, Known>>()

  /** Makes the spans of a document known (call before `ref`). */
  addDocument(docId: string, spans: readonly Span[]): void {
    const known = new Map<string, Known>()
    for (const span of spans) known.set(span.id, { span, ref: -1 })
    this.#byDoc.set(docId, known)
  }

  /** A span made known by `addDocument`. */
  span(docId: string, spanId: string): Span | undefined {
    return this.#byDoc.get(docId)?.get(spanId)?.span
  }

  /** The index of a span in `list`, added on first use. Throws for a span never made known. */
  ref(docId: string, spanId: string): number {
    const known = this.#byDoc.get(docId)?.get(spanId)
    if (!known) throw new Error(`overview: no span ${spanId} in document ${docId}`)
    if (known.ref !== -1) return known.ref
    const text = known.span.quote.exact
    known.ref = this.list.length
    this.list.push({
      docId,
      spanId,
      layer: known.span.layer,
      text: text.length > MAX_SPAN_TEXT ? `${text.slice(0, MAX_SPAN_TEXT - 1)}…` : text,
    })
    return known.ref
  }
}
