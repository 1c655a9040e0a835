// Finding entities of the registry as the user types, and deciding whether a span's text is worth
// keeping as an alias. Matching uses the registry's own word normalisation (case, accents,
// possessives), so "putin" finds "Vladimir Putin" and "Pútin's" does too.
import type { Entity } from '../../../shared/model'
import { normaliseWords } from '../../../shared/registry'
export { looksLikeName } from '../../../shared/registry'

/** Entities whose name starts with, or name or an alias contains, the query; names first. */
export function searchEntities(entities: readonly Entity[], query: string, limit = 8): Entity[] {
  const q = normaliseWords(query).join(' ')
  if (!q) return entities.slice(0, limit)
  const rank = (e: Entity) => {
    const name = normaliseWords(e.name).join(' ')
    if (name.startsWith(q)) return 0
    if (name.includes(q)) return 1
    return e.aliases.some((a) => normaliseWords(a).join(' ').includes(q)) ? 2 : -1
  }
  return entities
    .map((e) => ({ e, r: rank(e) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || a.e.name.localeCompare(b.e.name))
    .slice(0, limit)
    .map((x) => x.e)
}

/** Aliases as typed in one field (comma or new line between them), trimmed and de-duplicated. */
export function parseAliases(raw: string): string[] {
  const out: string[] = []
  for (const part of raw.split(/[,\n]/)) {
    const alias = part.replace(/\s+/g, ' ').trim()
    if (alias && !out.includes(alias)) out.push(alias)
  }
  return out
}

/** A span's text as a name or alias: spaces collapsed and a possessive dropped ("Putin’s" → "Putin"). */
export function nameFromText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/['’]s$/u, '')
}
