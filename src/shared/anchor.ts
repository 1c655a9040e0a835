// Anchors: a span keeps its offsets and its quote with ~32 characters of context on each side, so
// it can be checked (does the text still say this?) and re-found when offsets drift (Hypothesis and
// Recogito keep the same pair of selectors).
import type { Quote, Span } from './model'

/** Characters of context kept on each side of a quote. */
export const QUOTE_CONTEXT = 32

/** Builds the quote (exact text plus context) of the range [start, end) of `text`. */
export function quoteOf(text: string, start: number, end: number): Quote {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start),
    suffix: text.slice(end, end + QUOTE_CONTEXT),
  }
}

/** A span whose offsets do not select its quote in the text. */
export interface AnchorProblem {
  spanId: string
  message: string
}

/**
 * Checks that `text.slice(start, end)` equals the span's quote and that the range is inside the
 * text and non-empty. Returns a problem, or null when the span is sound.
 */
export function checkSpanAnchor(
  text: string,
  span: Pick<Span, 'id' | 'start' | 'end' | 'quote'>,
): AnchorProblem | null {
  if (!(span.start < span.end)) {
    return { spanId: span.id, message: `empty or reversed range ${span.start}–${span.end}` }
  }
  if (span.end > text.length) {
    return {
      spanId: span.id,
      message: `range ${span.start}–${span.end} runs past the end of the text (${text.length})`,
    }
  }
  const actual = text.slice(span.start, span.end)
  if (actual !== span.quote.exact) {
    return {
      spanId: span.id,
      message: `text at ${span.start}–${span.end} is ${JSON.stringify(clip(actual))}, quote is ${JSON.stringify(clip(span.quote.exact))}`,
    }
  }
  return null
}

/**
 * Re-finds a quote in `text` when its offsets no longer match: every occurrence of the exact text is
 * scored by how much of the prefix and suffix context agrees, ties broken by closeness to the old
 * offset. Returns the new range, or null when the exact text does not occur.
 */
export function reanchor(
  text: string,
  quote: Quote,
  hint: number,
): { start: number; end: number } | null {
  if (quote.exact.length === 0) return null
  let best: { start: number; score: number; distance: number } | null = null
  for (let at = text.indexOf(quote.exact); at !== -1; at = text.indexOf(quote.exact, at + 1)) {
    const score =
      commonSuffixLength(text.slice(Math.max(0, at - quote.prefix.length), at), quote.prefix) +
      commonPrefixLength(text.slice(at + quote.exact.length), quote.suffix)
    const distance = Math.abs(at - hint)
    if (!best || score > best.score || (score === best.score && distance < best.distance)) {
      best = { start: at, score, distance }
    }
  }
  return best ? { start: best.start, end: best.start + quote.exact.length } : null
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  return i
}

function commonSuffixLength(a: string, b: string): number {
  let i = 0
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++
  return i
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s
}
