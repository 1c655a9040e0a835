// What a source is: its kind (person, organisation, media, …), its registry entity, and for a
// pronoun ("he said") the named speaker it stands for — the nearest earlier speaker that fits (a
// person for he/she, a group or organisation for they/it), else a person named as the subject of
// the current or an earlier sentence.
import type { Entity } from '../model'
import { suggestEntities } from '../registry'
import type { NameMention } from './types'
import { KIND_WORDS, PERSON_WORDS } from './words'

export interface Speaker {
  start: number
  end: number
  text: string
  kind: string
  entityId?: string
  pronoun: boolean
}

/** The registry entity a speaker phrase names, when the match is good. */
export function entityFor(text: string, entities: readonly Entity[]): Entity | undefined {
  const [best] = suggestEntities(text, entities, 1)
  return best && best.score >= 60 ? best.entity : undefined
}

/** The kind of source a phrase names: person, organisation, government, media, document, anonymous. */
export function kindOf(
  text: string,
  entity: Entity | undefined,
  names: readonly NameMention[],
  start: number,
  end: number,
): string {
  const lower = text.toLowerCase()
  if (/^(he|she|i)$/.test(lower)) return 'person'
  if (/^(it)$/.test(lower)) return 'organisation'
  for (const [re, kind] of KIND_WORDS) if (kind === 'anonymous' && re.test(text)) return kind
  if (entity && entity.kind) return entity.kind
  const name = names.find((n) => n.start >= start && n.end <= end)
  const words = lower.split(/[^\p{L}]+/u)
  const titled = words.some((w) => PERSON_WORDS.has(w))
  if (name?.type === 'person' && !/^(a|an|the)\b/.test(lower)) return 'person'
  // a title before a capitalised name: "Economy Minister Sanne Vos", "Mayor Daniel Roux"
  const tail = text.split(/[\s,]+/).filter(Boolean)
  const named = /^\p{Lu}/u.test(tail[tail.length - 1] ?? '') && !ORGANISATION_HEADS.test(text)
  if (titled && (named || name?.type === 'person')) return 'person'
  for (const [re, kind] of KIND_WORDS) if (re.test(text)) return kind
  if (name?.type === 'person' || titled) return 'person'
  if (name?.type === 'organisation') return 'organisation'
  return /s$/.test(lower) ? 'anonymous' : 'person'
}

const ORGANISATION_HEADS =
  /\b(Ministry|Office|Union|Association|Institute|Agency|Council|Department|Government|Party|Bank|Company|Group)\b/

/** Fits a pronoun? he/she: a person; they: a plural or an organisation; it: not a person. */
function fits(pronoun: string, s: Speaker): boolean {
  if (s.pronoun) return false
  if (pronoun === 'he' || pronoun === 'she') return s.kind === 'person'
  if (pronoun === 'it') return s.kind !== 'person' && !/s$/i.test(s.text)
  if (pronoun === 'they') return s.kind !== 'person' || /s$/i.test(s.text) || /\band\b/.test(s.text)
  return s.kind === 'person'
}

/**
 * The antecedent of a pronoun speaker: the nearest earlier speaker that fits, within `window`
 * characters; else the nearest earlier person name that starts a sentence (a subject).
 */
export function antecedentOf(
  pronoun: Speaker,
  earlier: readonly Speaker[],
  subjects: readonly Speaker[],
  window = 1500,
): Speaker | undefined {
  const p = pronoun.text.toLowerCase()
  const subject = [...subjects]
    .reverse()
    .find((s) => s.start < pronoun.start && pronoun.start - s.start < 400 && fits(p, s))
  const speaker = [...earlier]
    .reverse()
    .find((s) => s.start < pronoun.start && pronoun.start - s.start < window && fits(p, s))
  if (subject && (!speaker || subject.start > speaker.start)) return subject
  return speaker
}
