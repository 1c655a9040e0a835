// Analysts and their annotation sets. Each analyst has a name (asked once, kept in the app's
// settings; `--annotator` on the command line) and an id derived from it, which names their files:
// `annotations/<id>/<document>.json` and `changes/<id>/…`. The id must be safe as a file name on
// every system a project folder may be synced to (Windows included) and must never collide with
// the reserved set `gold`, where curation results go.

/** The annotation set curation writes: the adjudicated version of each document. */
export const GOLD_SET = 'gold'

/** Who is working: a display name and the file-safe id derived from it. */
export interface AnalystRef {
  id: string
  name: string
}

// Names Windows refuses as file or folder names, whatever the extension.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/

/**
 * The file-safe id of an analyst's name: lower-case ASCII letters and digits joined by `-`
 * ("Ada Lovelace" → `ada-lovelace`, "José Núñez" → `jose-nunez`). Letters that have no ASCII form
 * (李明, Александр) add a short hash of the name, so two such names never share an id. `gold` and
 * names Windows reserves get `-analyst` added. At most 64 characters.
 */
export function analystId(name: string): string {
  const folded = name.normalize('NFKD').replace(/\p{M}+/gu, '')
  let id = folded
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '')
  if (/[^\p{ASCII}]/u.test(folded)) id = id ? `${id}-${nameHash(name)}` : `a-${nameHash(name)}`
  if (!id) id = 'analyst'
  if (id === GOLD_SET || WINDOWS_RESERVED.test(id)) id = `${id}-analyst`
  return id
}

/** An analyst from a name: trimmed, `fallback` when empty. */
export function analystFrom(name: string, fallback = 'analyst'): AnalystRef {
  const trimmed = name.trim().slice(0, 200) || fallback
  return { id: analystId(trimmed), name: trimmed }
}

/** Eight hex digits of FNV-1a over the name's UTF-16 units: stable on every platform. */
function nameHash(name: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(16).padStart(8, '0')
}
