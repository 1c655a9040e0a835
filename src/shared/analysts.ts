// Analysts and their annotation sets. Each analyst has a name (asked once, kept in the app's
// settings; `--annotator` on the command line) and an id derived from it, which names their files:
// `annotations/<id>/<document>.json` and `changes/<id>/…`. The id must be safe as a file name on
// every system a project folder may be synced to (Windows included) and must never collide with
// the reserved sets: `gold`, where curation results go, and `auto`, the suggestions accepted
// without a person (`marginalia suggest --accept`, "Pre-annotate on import").

/** The annotation set curation writes: the adjudicated version of each document. */
export const GOLD_SET = 'gold'

/**
 * The annotation set of the suggestion engine: suggestions accepted without a person. It is
 * compared with people in the Agreement view and can be taken from in Curation like an analyst's.
 */
export const AUTO_SET = 'auto'

/** The set ids no analyst may have. */
export const RESERVED_SETS: readonly string[] = [GOLD_SET, AUTO_SET]

/** The sets that belong to no person: the curation result and the engine's. */
export function isReservedSet(id: string): boolean {
  return RESERVED_SETS.includes(id)
}

/** A set of the project as a picker counts it: its id and the documents it annotates. */
interface CountedSet {
  id: string
  documents: number
}

/** The sets besides `mine` and the gold set that annotate something, as a picker offers them. */
export function otherSetsThan<T extends CountedSet>(sets: readonly T[], mine: string): T[] {
  return sets.filter((a) => a.id !== mine && a.id !== GOLD_SET && a.documents > 0)
}

/** The gold set, if it annotates something. */
export function goldSetOf<T extends CountedSet>(sets: readonly T[]): T | undefined {
  return sets.find((a) => a.id === GOLD_SET && a.documents > 0)
}

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
 * (李明, Александр) add a short hash of the name, so two such names never share an id. The
 * reserved sets (`gold`, `auto`) and names Windows reserves get `-analyst` added. At most 64 characters.
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
  if (isReservedSet(id) || WINDOWS_RESERVED.test(id)) id = `${id}-analyst`
  return id
}

/**
 * Why `name` cannot be an analyst's name, or null when it can: a name whose id would be a
 * reserved set (`gold`, `auto`, in any case or spacing) would read as the curation result or as
 * the suggestion engine's set. The app's settings and the command line's `--annotator` refuse it
 * with this message. (analystId still keeps such a name apart, for names that arrive otherwise.)
 */
export function reservedNameProblem(name: string): string | null {
  const folded = name
    .trim()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (!isReservedSet(folded)) return null
  const what =
    folded === GOLD_SET ? 'the curated (gold) annotations' : 'suggestions accepted without a person'
  return (
    `"${name.trim()}" cannot be an analyst's name: "${folded}" is the reserved annotation set of ` +
    `${what}. Choose another name.`
  )
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
