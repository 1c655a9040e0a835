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

/**
 * Common words: nationalities, directions and the nouns that describe groups and institutions.
 * Many actors share them ("Russian" is in "Russian state media" and "Russian President Vladimir
 * Putin"), so sharing them is no evidence of the same actor: a suggestion needs a shared word
 * that is neither one of these nor a stop word.
 */
const COMMON_WORDS = new Set(
  `afghan african albanian algerian american arab arabian argentine armenian asian australian
  austrian azerbaijani belarusian belgian brazilian british bulgarian canadian chechen chilean
  chinese colombian croatian cuban czech danish dutch egyptian emirati english estonian ethiopian
  european filipino finnish french georgian german greek hungarian indian indonesian iranian iraqi
  irish israeli italian japanese jordanian kazakh kenyan korean kurdish kuwaiti latvian lebanese
  libyan lithuanian malaysian mexican moldovan mongolian moroccan nigerian norwegian pakistani
  palestinian persian polish portuguese qatari romanian russian saudi scottish serbian slovak
  somali soviet spanish sudanese swedish swiss syrian taiwanese thai turkish ukrainian vietnamese
  welsh yemeni north south east west northern southern eastern western central
  media news agency agencies analyst analysts official officials expert experts source sources
  government governments ministry ministries army military forces force police troops people
  residents report reports statement press service services office department committee council
  party group groups union national international federal new top senior former deputy chief
  head observers diplomat diplomats authorities authority administration regime lawmakers leaders`.split(
    /\s+/,
  ),
)

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

/** Words that stand for an actor without naming one. */
const PRONOUNS = new Set(
  'he she it they we i you him her them his its their this that these those who'.split(' '),
)

/**
 * True when a span's text names a particular actor rather than describing a kind of one: its head
 * word (the last, in an English noun phrase) is capitalised ("Putin", "the Kremlin", "Russian news
 * agency TASS"), and not every word is a stop or common word ("Western Officials" in a headline).
 * Generic phrases ("Russian state media", "South Korean analysts") and pronouns are not names: they
 * are not worth keeping as an entity's alias.
 */
export function looksLikeName(text: string): boolean {
  const raw = text
    .trim()
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
  const head = raw.at(-1)
  if (!head || !/^[^\p{L}\p{N}]*[\p{Lu}\p{N}]/u.test(head)) return false
  const words = normaliseWords(text)
  if (words.length === 1 && PRONOUNS.has(words[0])) return false
  return words.some((w) => !STOP_WORDS.has(w) && !COMMON_WORDS.has(w))
}

/** A suggested entity for a span text, with a score (higher is better) and why it matched. */
export interface EntitySuggestion {
  entity: Entity
  score: number
  reason: 'exact' | 'alias' | 'words'
}

/**
 * Suggests entities for a span's text, best first: the entity whose name (score 100) or an alias
 * (90) is the text, then those whose name or an alias is most like it (up to 80, by the Dice
 * similarity of their words without stop words). A similar entity is suggested only when it
 * shares at least one word with the text that is neither a stop word nor a common word (see
 * COMMON_WORDS): "Putin" suggests Vladimir Putin, "South Korean analysts" does not suggest Kim
 * Jong Un for "North Korean leader Kim Jong Un", nor "Russian state media" Vladimir Putin.
 */
export function suggestEntities(
  text: string,
  entities: readonly Entity[],
  limit = 5,
): EntitySuggestion[] {
  const words = normaliseWords(text)
  const key = words.join(' ')
  if (!key) return []
  const content = new Set(words.filter((w) => !STOP_WORDS.has(w)))
  const telling = [...content].filter((w) => !COMMON_WORDS.has(w))
  // "the Kremlin" is the Kremlin: exact matches compare the words that are not stop words.
  const bare = words.filter((w) => !STOP_WORDS.has(w)).join(' ') || key
  const same = (name: string[]) =>
    name.join(' ') === key || name.filter((w) => !STOP_WORDS.has(w)).join(' ') === bare
  const out: EntitySuggestion[] = []
  for (const entity of entities) {
    const names = [entity.name, ...entity.aliases].map((n) => normaliseWords(n))
    if (same(names[0])) {
      out.push({ entity, score: 100, reason: 'exact' })
      continue
    }
    if (names.slice(1).some(same)) {
      out.push({ entity, score: 90, reason: 'alias' })
      continue
    }
    if (!names.some((n) => telling.some((w) => n.includes(w)))) continue
    const best = Math.max(
      ...names.map((n) =>
        dice(
          content,
          n.filter((w) => !STOP_WORDS.has(w)),
        ),
      ),
    )
    if (best > 0) out.push({ entity, score: Math.round(best * 80), reason: 'words' })
  }
  return out
    .sort((a, b) => b.score - a.score || a.entity.name.localeCompare(b.entity.name))
    .slice(0, limit)
}

/** How alike two sets of words are: twice the shared words over the words of both (0 to 1). */
function dice(a: ReadonlySet<string>, words: readonly string[]): number {
  const b = new Set(words)
  if (a.size === 0 || b.size === 0) return 0
  let shared = 0
  for (const w of b) if (a.has(w)) shared++
  return (2 * shared) / (a.size + b.size)
}

/**
 * A new entity named after a span's text (trimmed, inner whitespace collapsed, a leading article
 * dropped: "the Kremlin" is named "Kremlin"), with no aliases.
 */
export function entityFromText(text: string, kind: string): Entity {
  const name = text.trim().replace(/\s+/g, ' ')
  const bare = name.replace(/^(the|a|an)\s+/i, '')
  return { id: newId('e'), name: bare || name, kind, aliases: [], note: '' }
}

/** Adds `alias` to an entity unless its name or an alias already normalises to the same words. */
export function withAlias(entity: Entity, alias: string): Entity {
  const key = normaliseWords(alias).join(' ')
  if (!key) return entity
  const known = [entity.name, ...entity.aliases].some((n) => normaliseWords(n).join(' ') === key)
  return known ? entity : { ...entity, aliases: [...entity.aliases, alias.trim()] }
}

/** The entity without `alias` (compared exactly, as `withAlias` stored it); the same if absent. */
export function withoutAlias(entity: Entity, alias: string): Entity {
  const aliases = entity.aliases.filter((a) => a !== alias.trim())
  return aliases.length === entity.aliases.length ? entity : { ...entity, aliases }
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
