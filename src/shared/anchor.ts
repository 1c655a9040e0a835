// Anchors: a span keeps its offsets and its quote with ~32 characters of context on each side, so
// it can be checked (does the text still say this?) and re-found when offsets drift (Hypothesis and
// Recogito keep the same pair of selectors).
import { surelyBoundary } from './grapheme-alone'
import type { Quote, Span } from './model'

/** Characters of context kept on each side of a quote. */
export const QUOTE_CONTEXT = 32

/**
 * Builds the quote (exact text plus context) of the range [start, end) of `text`. The context is
 * about `QUOTE_CONTEXT` UTF-16 units on each side, cut on grapheme-cluster boundaries so that it
 * never holds half a surrogate pair, a flag's lone regional indicator or a bare combining mark.
 */
export function quoteOf(text: string, start: number, end: number): Quote {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(
      graphemeBoundaryAtOrAfter(text, Math.max(0, start - QUOTE_CONTEXT), start),
      start,
    ),
    suffix: text.slice(
      end,
      graphemeBoundaryAtOrBefore(text, Math.min(text.length, end + QUOTE_CONTEXT), end),
    ),
  }
}

// Grapheme clusters are short, so a window of a few dozen units around the cut is enough to find
// the boundaries near it without segmenting the whole text.
const SEGMENT_WINDOW = 64
let graphemes: Intl.Segmenter | undefined

/**
 * The grapheme boundaries around `at` (0 < at < text.length) in a window of the text: the start of
 * the cluster holding `at` and its end (the next boundary after `at`, or the window's end).
 */
function clusterAround(text: string, at: number): { start: number; end: number } {
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })
  const from = Math.max(0, at - SEGMENT_WINDOW)
  const to = Math.min(text.length, at + SEGMENT_WINDOW)
  const cluster = graphemes.segment(text.slice(from, to)).containing(at - from)
  if (!cluster) return { start: at, end: at }
  const start = from + cluster.index
  return { start, end: start + cluster.segment.length }
}

/** The first grapheme boundary at or after `at`, but not past `limit`. */
function graphemeBoundaryAtOrAfter(text: string, at: number, limit: number): number {
  if (at <= 0) return 0
  // surelyBoundary: segmenting costs ~100x more, and exports quote every span.
  if (surelyBoundary(text, at)) return Math.min(at, limit)
  const { start, end } = clusterAround(text, at)
  return Math.min(start === at ? at : end, limit)
}

/** The last grapheme boundary at or before `at`, but not before `limit`. */
function graphemeBoundaryAtOrBefore(text: string, at: number, limit: number): number {
  if (at >= text.length) return text.length
  if (surelyBoundary(text, at)) return Math.max(at, limit)
  return Math.max(clusterAround(text, at).start, limit)
}

/**
 * `text` cut to at most `max` UTF-16 units for a name or a message: when longer, its start up to a
 * grapheme boundary, then `...`, so the cut never leaves half a character, half an emoji sequence
 * or a bare combining mark.
 */
export function clipOnGrapheme(text: string, max: number): string {
  if (text.length <= max) return text
  return `${text.slice(0, graphemeBoundaryAtOrBefore(text, max - 3, 0))}...`
}

/** True when `index` falls between the two halves of a UTF-16 surrogate pair. */
export function splitsSurrogatePair(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return false
  const before = text.charCodeAt(index - 1)
  const after = text.charCodeAt(index)
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff
}

/** A span whose offsets do not select its quote in the text. */
export interface AnchorProblem {
  spanId: string
  message: string
}

/**
 * Is this span sound? The one rule, used by the editor, the store, the importers and the
 * exporters: the range is non-empty, inside the text, does not cut a character (a UTF-16 surrogate
 * pair) in two, and `text.slice(start, end)` equals the span's quote. Returns a problem, or null
 * when the span is sound.
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
  if (splitsSurrogatePair(text, span.start) || splitsSurrogatePair(text, span.end)) {
    return {
      spanId: span.id,
      message: `range ${span.start}–${span.end} splits a character (a UTF-16 surrogate pair)`,
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
  return clipOnGrapheme(s, 60)
}
