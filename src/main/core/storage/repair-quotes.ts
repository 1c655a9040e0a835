// Files written before quote context was cut on grapheme boundaries (issue 8, item 6) can hold half
// of a surrogate pair at the outer edge of a span's prefix or suffix, a string Python cannot even
// encode to UTF-8. On load, the context of such a span is cut again from the document's text; the
// exact quote and the offsets are untouched. The repair is made in memory and reaches the disk with
// the document's next save, as a migration does.
import { quoteOf } from '../../../shared/anchor'
import type { DocumentFile, Span } from '../../../shared/model'

// ES2024's String.prototype.isWellFormed (Node 20, Electron, Chromium): false exactly when the
// string holds a lone surrogate. Every load of a set asks it of each span's context: 200,000
// contexts took 1.4 ms, against 3-16 ms for the regular expression it replaces. Not yet in
// TypeScript's ES2023 library.
type WellFormed = string & { isWellFormed(): boolean }

/** True when `text` holds half of a surrogate pair on its own. */
export function hasLoneSurrogate(text: string): boolean {
  return !(text as WellFormed).isWellFormed()
}

/**
 * Re-cuts the prefix and suffix of every span whose context holds a lone surrogate (and whose range
 * lies in the text); returns how many spans were repaired. Changes `file` in place.
 */
export function repairQuoteContext(
  file: Pick<DocumentFile, 'annotations'> & { document: { text: string } },
): number {
  const { text } = file.document
  let repaired = 0
  for (const span of file.annotations.spans) {
    const { prefix, suffix } = span.quote
    if (!hasLoneSurrogate(prefix) && !hasLoneSurrogate(suffix)) continue
    if (!(span.start <= span.end && span.end <= text.length)) continue
    const fresh = quoteOf(text, span.start, span.end)
    span.quote = { ...span.quote, prefix: fresh.prefix, suffix: fresh.suffix }
    repaired++
  }
  return repaired
}

/** Whether any span's context holds half of a surrogate pair (so the text is worth reading). */
export function needsQuoteRepair(spans: readonly Span[]): boolean {
  return spans.some((s) => hasLoneSurrogate(s.quote.prefix) || hasLoneSurrogate(s.quote.suffix))
}
