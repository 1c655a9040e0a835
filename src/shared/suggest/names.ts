// Names: mentions found by an NLP library (injected, so this core stays library-free) joined with
// the registry's names and aliases found in the text, so a project's own actors are always known.
import type { Entity } from '../model'
import type { NameFinder, NameMention } from './types'
import { partitionPoint } from '../partition-point'

const WORD_CHAR = /[\p{L}\p{N}]/u

function typeOfEntity(kind: string): NameMention['type'] {
  if (kind === 'person') return 'person'
  if (kind === 'place' || kind === 'location') return 'place'
  return 'organisation'
}

/** Every whole-word occurrence of each registry name and alias (case-sensitive). */
export function registryMentions(text: string, entities: readonly Entity[]): NameMention[] {
  const out: NameMention[] = []
  for (const e of entities) {
    const type = typeOfEntity(e.kind)
    for (const name of new Set([e.name, ...e.aliases])) {
      if (name.trim().length < 2) continue
      for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
        const end = at + name.length
        if (WORD_CHAR.test(text[at - 1] ?? '') || WORD_CHAR.test(text[end] ?? '')) continue
        out.push({ start: at, end, type })
      }
    }
  }
  return out
}

/**
 * The names of a text: the finder's mentions, plus registry matches that no finder mention
 * covers; where two overlap, the longer wins ("Russian President Vladimir Putin" over "Putin").
 */
export function findNames(
  text: string,
  entities: readonly Entity[],
  finder: NameFinder | undefined,
): NameMention[] {
  const all = [...(finder ? finder(text) : []), ...registryMentions(text, entities)].sort(
    (a, b) => a.start - b.start || b.end - a.end,
  )
  const out: NameMention[] = []
  for (const m of all) {
    const last = out[out.length - 1]
    if (last && m.start < last.end) {
      if (m.end - m.start > last.end - last.start) out[out.length - 1] = m
      continue
    }
    out.push(m)
  }
  return out
}

/** The first mention lying inside [start, end), by binary search over mentions sorted by start. */
export function mentionWithin(
  mentions: readonly NameMention[],
  start: number,
  end: number,
  type?: NameMention['type'],
): NameMention | undefined {
  const first = partitionPoint(mentions.length, (i) => mentions[i].start < start)
  for (let i = first; i < mentions.length && mentions[i].start < end; i++) {
    const m = mentions[i]
    if (m.end <= end && (!type || m.type === type)) return m
  }
  return undefined
}
