// Ids and names as foreign files give them: JSON may hold anything where a format promises a string
// or a number, and `String({})` would make "[object Object]" a document's source id.

/** A foreign id as text (a string, or a finite number); undefined for anything else. */
export function idText(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return undefined
}

/** How a message names a record by its foreign id (`?` when it has no usable one). */
export function idRef(value: unknown, fallback = '?'): string {
  return idText(value) ?? fallback
}
