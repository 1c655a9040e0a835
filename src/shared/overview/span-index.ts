// The spans the Overview's bars point at, listed once: a bar holds indexes into the list, so a
// claim counted by five charts is sent to the renderer once, not five times.
import type { Span } from '../model'
import type { OverviewSpan } from './types'

/** Longest quote kept per span (the list shows an excerpt; the article shows the whole span). */
export const MAX_SPAN_TEXT = 300

export class SpanIndex {
  readonly list: OverviewSpan[] = []
  readonly #byDoc = new Map<string, Map<string, Span>>()
  readonly #index = new Map<string, number>()

  /** Makes the spans of a document known (call before `ref`). */
  addDocument(docId: string, spans: readonly Span[]): void {
    this.#byDoc.set(docId, new Map(spans.map((s) => [s.id, s])))
  }

  /** A span made known by `addDocument`. */
  span(docId: string, spanId: string): Span | undefined {
    return this.#byDoc.get(docId)?.get(spanId)
  }

  /** The index of a span in `list`, added on first use. Throws for a span never made known. */
  ref(docId: string, spanId: string): number {
    const key = `${docId}\n${spanId}`
    const known = this.#index.get(key)
    if (known !== undefined) return known
    const span = this.#byDoc.get(docId)?.get(spanId)
    if (!span) throw new Error(`overview: no span ${spanId} in document ${docId}`)
    const text = span.quote.exact
    this.list.push({
      docId,
      spanId,
      layer: span.layer,
      text: text.length > MAX_SPAN_TEXT ? `${text.slice(0, MAX_SPAN_TEXT - 1)}…` : text,
    })
    this.#index.set(key, this.list.length - 1)
    return this.list.length - 1
  }
}
