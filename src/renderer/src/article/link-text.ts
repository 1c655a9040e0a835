// How spans are named in link lists: a clipped quote, and a snippet of the words around it, so two
// spans with the same text ("said", "Putin") can be told apart in the picker and the panel.
import type { Span } from '../../../shared/model'

/** The text collapsed to single spaces and clipped to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

/** A span's quote (clipped) with a few words of context on each side, cut at word boundaries. */
export function snippetOf(
  span: Pick<Span, 'quote'>,
  context = 32,
  max = 80,
): { before: string; text: string; after: string } {
  const before = span.quote.prefix.replace(/\s+/g, ' ')
  const after = span.quote.suffix.replace(/\s+/g, ' ')
  let b = before.slice(-context)
  if (b.length < before.length) b = `…${b.replace(/^\S*\s/, '')}`
  let a = after.slice(0, context)
  if (a.length < after.length) a = `${a.replace(/\s\S*$/, '')}…`
  return { before: b, text: clip(span.quote.exact, max), after: a }
}
