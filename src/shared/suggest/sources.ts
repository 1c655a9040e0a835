// What a source is: its kind (person, organisation, media, …), its registry entity, and for a
// pronoun ("he said") the named speaker it stands for — the nearest earlier speaker that fits (a
// person for he/she, a group or organisation for they/it), else a person named as the subject of
// the current or an earlier sentence.
import type { Entity } from '../model'
import { suggestEntities } from '../registry'
import { mentionWithin } from './names'
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
  const name = mentionWithin(names, start, end)
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

/** How many earlier speakers and subjects a pronoun looks back over. */
const LOOK_BACK = 40

/**
 * The antecedent of a pronoun speaker: the nearest earlier speaker that fits, within `window`
 * characters; or a person named as the subject of a sentence, when that is nearer. Both lists are
 * in text order.
 */
export function antecedentOf<T>(
  pronoun: Speaker,
  earlier: readonly T[],
  subjects: readonly T[],
  speakerOf: (t: T) => Speaker,
  window = 1500,
): T | undefined {
  const p = pronoun.text.toLowerCase()
  const nearest = (list: readonly T[], reach: number) => {
    for (let i = list.length - 1, n = 0; i >= 0 && n < LOOK_BACK; i--) {
      const s = speakerOf(list[i])
      if (s.start >= pronoun.start) continue
      n++
      if (pronoun.start - s.start > reach) return undefined
      if (fits(p, s)) return list[i]
    }
    return undefined
  }
  const subject = nearest(subjects, 400)
  const speaker = nearest(earlier, window)
  if (subject && (!speaker || speakerOf(subject).start > speakerOf(speaker).start)) return subject
  return speaker
}
