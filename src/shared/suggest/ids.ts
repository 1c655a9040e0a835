// Stable suggestion ids: a hash of what is proposed and where, in words — the kind, the layer, the
// exact text and a little context on each side — not of offsets alone, so the same text always
// gives the same id and a rejection stays attached to "this 'said' here" across sessions.

/** Characters of context on each side that make an id. */
const CONTEXT = 32

/** 53-bit FNV-1a-style hash (two 32-bit lanes), as base-36. */
function hash(s: string): string {
  let h1 = 0x811c9dc5
  let h2 = 0x01000193
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 0x01000193)
    h2 = Math.imul(h2 ^ c, 0x5bd1e995)
  }
  return ((h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff)).toString(36)
}

/** Makes ids for suggestions; the same key twice gets a `-2`, `-3`… suffix, in text order. */
export function idMaker(
  text: string,
): (kind: string, layer: string, start: number, end: number) => string {
  const seen = new Map<string, number>()
  return (kind, layer, start, end) => {
    const prefix = text.slice(Math.max(0, start - CONTEXT), start)
    const exact = text.slice(start, end)
    const suffix = text.slice(end, end + CONTEXT)
    const base = `sg-${kind}-${hash(`${kind}\u0000${layer}\u0000${prefix}\u0000${exact}\u0000${suffix}`)}`
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    return n === 1 ? base : `${base}-${n}`
  }
}
