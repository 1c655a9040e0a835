// Small hand-made annotation sets for the agreement tests: spans are given by the text they
// quote, so a test reads like the article it is about.
import type { Annotations, AttributeValue, Relation, Span } from '../../../src/shared/model'

const T = '2026-01-01T00:00:00.000Z'

export interface SpanSpec {
  id: string
  layer: string
  /** The quoted text; `nth` picks its occurrence (0 first). */
  quote: string
  nth?: number
  label?: string
  attributes?: Record<string, AttributeValue>
}

export interface RelationSpec {
  id: string
  type: string
  from: string
  to: string
  attributes?: Record<string, AttributeValue>
}

const LABELS: Record<string, string> = {
  claim: 'Claim',
  source: 'Source',
  cue: 'Cue',
  sentiment: 'Sentiment',
}

/** The UTF-16 range of the nth occurrence of `quote` in `text`. */
export function rangeOf(text: string, quote: string, nth = 0): { start: number; end: number } {
  let at = -1
  for (let k = 0; k <= nth; k++) {
    at = text.indexOf(quote, at + 1)
    if (at < 0) throw new Error(`"${quote}" (occurrence ${nth}) not in the text`)
  }
  return { start: at, end: at + quote.length }
}

export function annotations(
  text: string,
  analyst: string,
  spans: readonly SpanSpec[],
  relations: readonly RelationSpec[] = [],
  docLabels: Record<string, string[]> = {},
): Annotations {
  return {
    spans: spans.map((s): Span => {
      const { start, end } = rangeOf(text, s.quote, s.nth)
      return {
        id: s.id,
        layer: s.layer,
        label: s.label ?? LABELS[s.layer] ?? s.layer,
        start,
        end,
        quote: { exact: s.quote, prefix: '', suffix: '' },
        attributes: s.attributes ?? {},
        annotator: analyst,
        createdAt: T,
        updatedAt: T,
      }
    }),
    relations: relations.map((r): Relation => ({
      id: r.id,
      type: r.type,
      from: r.from,
      to: r.to,
      attributes: r.attributes ?? {},
      annotator: analyst,
      createdAt: T,
      updatedAt: T,
    })),
    docLabels,
  }
}
