// Identifiers for spans, relations, documents and projects: random, URL- and file-name-safe.

/** A new random id with an optional prefix, e.g. `newId('s')` → `s-3f9c…`. */
export function newId(prefix = ''): string {
  const raw = globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 20)
  return prefix ? `${prefix}-${raw}` : raw
}
