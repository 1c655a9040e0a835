// The source registry: project-wide entities ("Vladimir Putin") that source spans in any document
// ("Russian President Vladimir Putin", "Putin") refer to. Matching is by normalised words, so case,
// accents, possessives and honorifics do not hide a match.
import type { Entity, Span } from './model'
import { newId } from './ids'

/** Words that describe a role rather than name an actor; they never make a match on their own. */
const STOP_WORDS = new Set([
  'the',
  'a',
  'an',
  'of',
  'and',
  'mr',
  'mrs',
  'ms',
  'dr',
  'president',
  'prime',
  'minister',
  'leader',
  'chairman',
  'secretary',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'general',
  'foreign',
  'defense',
  'defence',
  'state',
  'said',
  'says',
  'told',
  'according',
  'to',
])

/** Lower-cases, strips accents and possessives, and splits into words. */
export function normaliseWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
}

/** A suggested entity for a span text, with a score (higher is better) and why it matched. */
export interface EntitySuggestion {
  entity: Entity
  score: number
  reason: 'exact' | 'alias' | 'words'
}

/**
 * Suggests entities whose name or alias matches `text`: an exact (normalised) name first, then an
 * alias, then names sharing distinctive words with the text ("Putin" ~ "Vladimir Putin").
 */
export function suggestEntities(
  text: string,
  entities: readonly Entity[],
  limit = 5,
): EntitySuggestion[] {
  const words = normaliseWords(text)
  const key = words.join(' ')
  if (!key) return []
  const distinctive = new Set(words.filter((w) => !STOP_WORDS.has(w)))
  const out: EntitySuggestion[] = []
  for (const entity of entities) {
    const names = [entity.name, ...entity.aliases].map((n) => normaliseWords(n).join(' '))
    if (names[0] === key) {
      out.push({ entity, score: 100, reason: 'exact' })
      continue
    }
    if (names.slice(1).includes(key)) {
      out.push({ entity, score: 90, reason: 'alias' })
      continue
    }
    let best = 0
    for (const name of names) {
      const nameWords = name.split(' ').filter((w) => w && !STOP_WORDS.has(w))
      if (nameWords.length === 0) continue
      const shared = nameWords.filter((w) => distinctive.has(w)).length
      // Share of the entity's distinctive words found in the text, and of the text's in the name.
      const score = (shared / nameWords.length) * 40 + (shared / Math.max(1, distinctive.size)) * 40
      best = Math.max(best, score)
    }
    if (best > 0) out.push({ entity, score: Math.round(best), reason: 'words' })
  }
  return out
    .sort((a, b) => b.score - a.score || a.entity.name.localeCompare(b.entity.name))
    .slice(0, limit)
}

/** A new entity named after a span's text (trimmed, inner whitespace collapsed), with no aliases. */
export function entityFromText(text: string, kind: string): Entity {
  const name = text.trim().replace(/\s+/g, ' ')
  return { id: newId('e'), name, kind, aliases: [], note: '' }
}

/** Adds `alias` to an entity unless its name or an alias already normalises to the same words. */
export function withAlias(entity: Entity, alias: string): Entity {
  const key = normaliseWords(alias).join(' ')
  if (!key) return entity
  const known = [entity.name, ...entity.aliases].some((n) => normaliseWords(n).join(' ') === key)
  return known ? entity : { ...entity, aliases: [...entity.aliases, alias.trim()] }
}

/**
 * Folds entity `from` into `into`: `from`'s name and aliases become aliases of `into` (each once),
 * and its note is appended when `into` has a different one. Used when two registry entries turn
 * out to be the same actor.
 */
export function mergeEntity(into: Entity, from: Entity): Entity {
  let merged = into
  for (const name of [from.name, ...from.aliases]) merged = withAlias(merged, name)
  const note =
    from.note && !merged.note.includes(from.note)
      ? [merged.note, from.note].filter(Boolean).join('\n')
      : merged.note
  return { ...merged, note }
}

/**
 * The spans of one document with every reference to entity `entityId` moved to `replaceWith`, or
 * dropped when it is null; `changed` counts them. Spans that change get `updatedAt = now`.
 */
export function repointEntity(
  spans: readonly Span[],
  entityId: string,
  replaceWith: string | null,
  now: string,
): { spans: Span[]; changed: number } {
  let changed = 0
  const next = spans.map((span) => {
    if (span.entityId !== entityId) return span
    changed++
    const { entityId: _removed, ...rest } = span
    return replaceWith
      ? { ...rest, entityId: replaceWith, updatedAt: now }
      : { ...rest, updatedAt: now }
  })
  return { spans: next, changed }
}
