// Escaping for the report's HTML. Every piece of text in a report comes from a project: titles and
// article text imported from the web, labels and notes typed by analysts. All of it is data, so it
// is escaped where it is written, and user text is isolated for bidirectional display (<bdi>) so
// a right-to-left title or a stray override character cannot reorder the text around it.

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text (or an attribute value) made safe for HTML; NUL, which HTML cannot carry, becomes U+FFFD. */
export function esc(value: string | number): string {
  return String(value)
    .replace(/[&<>"']/g, (c) => ENTITIES[c])
    .replace(/\0/g, '\uFFFD')
}

/** User text, escaped and isolated for bidirectional display. */
export function bdi(value: string): string {
  return `<bdi>${esc(value)}</bdi>`
}

/** "direct_quote" → "direct quote". */
export function words(value: string): string {
  return value.replace(/_/g, ' ')
}

/** "3 claims", "1 claim". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`
}
