// The suggestion engine: from a document's text and blocks, the project schema and registry, it
// proposes cues, quotations, claims, sources (linked claim → source and cue → claim), names and
// sentiment. Pure and synchronous over plain data: no Node, no DOM, so a worker can run it.
import type { AnnotationSchema, AttributeValue, Entity } from '../model'
import { frameOf as schemaFrameOf } from '../claims'
import { findCues } from './cues'
import type { Frame } from './frames'
import { framesOf } from './frames'
import { idMaker } from './ids'
import { lexiconOf } from './lexicon'
import { findNames, mentionWithin } from './names'
import { isPronoun, phraseStartingAt } from './phrases'
import { PERSON_WORDS, PREPOSITIONS } from './words'
import type { Quotation } from './quotes'
import { findQuotations } from './quotes'
import { findSentiment, polarityOf } from './sentiment'
import type { Speaker } from './sources'
import { antecedentOf, entityFor, kindOf } from './sources'
import type { Sentence } from './tokens'
import { sentencesOf } from './tokens'
import type { NameMention, SuggestInput, SuggestOptions, Suggestion, SuggestionKind } from './types'
import { SUGGESTION_KINDS } from './types'

interface Draft {
  kind: SuggestionKind
  layer: string
  start: number
  end: number
  attributes: Record<string, AttributeValue>
  entityId?: string
  refersTo?: Draft
  links: { type: string; to: Draft; attributes: Record<string, AttributeValue> }[]
  confidence: number
  lexiconKey?: string
  reason: string
  speaker?: Speaker
  nameType?: NameMention['type']
}

/** What the rules read before any suggestion is drafted. */
interface Analysis {
  sentences: Sentence[]
  quotations: Quotation[]
  frames: Frame[]
  subjectPhrases: SubjectPhrase[]
  names: NameMention[]
}

/** Sentences, quotations, cue frames, sentence subjects and the names among them. */
function analyse(input: SuggestInput, options: SuggestOptions): Analysis {
  const { text, blocks, schema, entities } = input
  const lexicon = options.lexicon ?? lexiconOf(schema.suggestions)
  const sentences = sentencesOf(text, blocks)
  const quotations = findQuotations(text, blocks)
  const cues = findCues(sentences, lexicon, quotations, text)
  const frames = framesOf(cues, quotations, text)
  const subjectPhrases = sentenceSubjectPhrases(sentences)
  const names = findNames(text, entities, options.findNames)
  return { sentences, quotations, frames, subjectPhrases, names }
}

/** The names the engine knows in a document (the finder's and the registry's), for evaluation. */
export function nameMentions(input: SuggestInput, options: SuggestOptions = {}): NameMention[] {
  return analyse(input, options).names
}

/** Computes the suggestions for one document, in text order. */
export function suggest(input: SuggestInput, options: SuggestOptions = {}): Suggestion[] {
  const { text, schema, entities } = input
  const roles = schemaFrameOf(schema)
  const layers = new Set(schema.layers.map((l) => l.id))
  const kinds = new Set<SuggestionKind>(options.kinds ?? SUGGESTION_KINDS)
  const { sentences, quotations, frames, subjectPhrases, names } = analyse(input, options)
  const drafts = new Builder(text, schema, entities, names)

  const quoteDrafts = addQuotations(quotations, text, drafts, roles.claimLayer)
  const subjects = sentenceSubjects(subjectPhrases, names, drafts)
  const framesBySentence = bySentence(frames)
  const claimed = new Map<Quotation, Draft>()
  const sourceOfFrame = new Map<Frame, Draft | undefined>()
  for (const f of frames) {
    const cue = drafts.add('cue', roles.cueLayer ?? 'cue', f.cue.start, f.cue.end, {
      confidence: f.cue.confidence,
      lexiconKey: f.cue.entry.key,
      reason: `"${f.cue.entry.key}" in the cue lexicon`,
    })
    const source = f.source
      ? drafts.source(
          roles.sourceLayer,
          f.source.start,
          f.source.end,
          f.source.how,
          f.source.pronoun,
        )
      : inheritedSource(
          f,
          framesBySentence.get(f.cue.sentence)!,
          sourceOfFrame,
          drafts,
          roles.sourceLayer,
        )
    sourceOfFrame.set(f, source)
    if (source?.speaker?.pronoun && !source.refersTo) {
      const anteDraft = antecedentOf(source.speaker, drafts.named, subjects, (d) => d.speaker!)
      if (anteDraft) {
        source.refersTo = anteDraft
        if (anteDraft.entityId) source.entityId = anteDraft.entityId
        source.reason += `; stands for "${text.slice(anteDraft.start, anteDraft.end)}"`
      }
    }
    if (!f.claim) continue
    const claim = f.claim.quotation
      ? quoteDrafts.get(f.claim.quotation)!
      : drafts.add('claim', roles.claimLayer, f.claim.start, f.claim.end, {
          confidence: 0.8,
          reason: `the ${f.claim.how} "${f.cue.entry.key}"`,
        })
    if (f.claim.quotation) claimed.set(f.claim.quotation, source ?? claim)
    drafts.link(cue, roles.cueRelation, claim, {})
    if (source)
      drafts.attribute(claim, roles.attribution, source, !!f.claim.quotation, f.cue.entry.stance)
  }
  followOnQuotes(quotations, quoteDrafts, claimed, frames, sourceOfFrame, drafts, roles.attribution)
  if (kinds.has('name')) drafts.names(roles.sourceLayer)
  if (kinds.has('sentiment') && options.valence && roles.sentimentLayer) {
    addSentiment(sentences, options.valence, drafts, roles.sentimentLayer)
  }
  return drafts.finish(kinds, layers)
}

/** A quote draft (on the claim layer) per quotation; short or unclosed ones are less certain. */
function addQuotations(
  quotations: readonly Quotation[],
  text: string,
  drafts: Builder,
  claimLayer: string,
): Map<Quotation, Draft> {
  const quoteDrafts = new Map<Quotation, Draft>()
  for (const q of quotations) {
    const words = text.slice(q.start, q.end).split(/\s+/).length
    const d = drafts.add('quote', claimLayer, q.start, q.end, {
      confidence: words >= 4 ? 0.9 : 0.5,
      reason: q.closed ? 'quotation' : 'quotation running to the end of its paragraph',
    })
    quoteDrafts.set(q, d)
  }
  return quoteDrafts
}

/** The frames of each sentence, in text order. */
function bySentence(frames: readonly Frame[]): Map<Sentence, Frame[]> {
  const framesBySentence = new Map<Sentence, Frame[]>()
  for (const f of frames) {
    const list = framesBySentence.get(f.cue.sentence)
    if (list) list.push(f)
    else framesBySentence.set(f.cue.sentence, [f])
  }
  return framesBySentence
}

/** Sentiment drafts from the valence lexicon: weak hints, never more than 0.4 confident. */
function addSentiment(
  sentences: readonly Sentence[],
  valence: NonNullable<SuggestOptions['valence']>,
  drafts: Builder,
  layer: string,
): void {
  for (const hit of findSentiment(sentences, valence)) {
    const { polarity, intensity } = polarityOf(hit.valence)
    drafts.add('sentiment', layer, hit.start, hit.end, {
      confidence: Math.min(0.4, 0.1 * Math.abs(hit.valence)),
      lexiconKey: hit.key,
      reason: `"${hit.key}" has valence ${hit.valence.toFixed(1)}`,
      attributes: { polarity, intensity },
    })
  }
}

/**
 * A participle ("…, adding that") or coordinated verb ("and said") speaks for the clause's
 * subject: the speaker of an earlier cue in the sentence, else the noun phrase the sentence starts
 * with (after an opening "In Washington," and the like).
 */
function inheritedSource(
  f: Frame,
  frames: readonly Frame[],
  sourceOfFrame: Map<Frame, Draft | undefined>,
  drafts: Builder,
  layer: string,
): Draft | undefined {
  const sentence = f.cue.sentence
  const before = frames.filter((g) => g.cue.sentence === sentence && g.cue.start < f.cue.start)
  for (let i = before.length - 1; i >= 0; i--) {
    const s = sourceOfFrame.get(before[i])
    if (s) return s
  }
  const toks = sentence.tokens
  let k = toks.findIndex((t) => t.word)
  const comma = toks.findIndex((t) => t.text === ',')
  if (k >= 0 && PREPOSITIONS.has(toks[k].lower) && comma > k && comma < f.cue.from) k = comma + 1
  const np = k >= 0 ? phraseStartingAt(toks, k) : null
  if (!np || toks[np.to - 1].end > f.cue.start) return undefined
  const start = toks[np.from].start
  const end = toks[np.to - 1].end
  return drafts.source(layer, start, end, 'subject of the sentence', isPronoun(toks, np))
}

/**
 * A quotation no cue claims, that follows a quoted claim in the same paragraph (or opens the next
 * one), goes on in the same voice: “…,” she said. “More words.” → same source.
 */
function followOnQuotes(
  quotations: readonly Quotation[],
  quoteDrafts: Map<Quotation, Draft>,
  claimed: Map<Quotation, Draft>,
  frames: readonly Frame[],
  sourceOfFrame: Map<Frame, Draft | undefined>,
  drafts: Builder,
  attribution: string,
): void {
  let next = 0
  let prev: Frame | undefined
  for (const q of quotations) {
    while (next < frames.length && frames[next].cue.end <= q.start) {
      if (frames[next].claim) prev = frames[next]
      next++
    }
    if (claimed.has(q) || q.depth > 0) continue
    const d = quoteDrafts.get(q)!
    if (d.confidence < 0.9) continue
    if (prev && q.start - prev.cue.end >= 400) continue
    const source = prev && sourceOfFrame.get(prev)
    if (!prev || !source) continue
    if (/\n/.test(drafts.text.slice(prev.cue.end, q.outerStart))) continue
    drafts.attribute(d, attribution, source, true, prev.cue.entry.stance)
    d.reason += '; continues the quotation before it'
    claimed.set(q, source)
  }
}

/** The noun phrase each sentence starts with, when it has one. */
function sentenceSubjectPhrases(sentences: readonly Sentence[]): SubjectPhrase[] {
  const out: SubjectPhrase[] = []
  for (const s of sentences) {
    const first = s.tokens.findIndex((t) => t.word)
    const np = first >= 0 ? phraseStartingAt(s.tokens, first) : null
    if (!np) continue
    const toks = s.tokens.slice(np.from, np.to)
    out.push({ start: toks[0].start, end: toks[toks.length - 1].end, toks })
  }
  return out
}

interface SubjectPhrase {
  start: number
  end: number
  toks: readonly Sentence['tokens'][number][]
}

/** People named at the start of a sentence: candidates for "he"/"she" with no speaker before. */
function sentenceSubjects(
  phrases: readonly SubjectPhrase[],
  names: readonly NameMention[],
  drafts: Builder,
): Draft[] {
  const out: Draft[] = []
  for (const { start, end, toks } of phrases) {
    const named = !!mentionWithin(names, start, end, 'person')
    const titled =
      toks.some((t) => PERSON_WORDS.has(t.lower)) &&
      toks.filter((t) => /^\p{Lu}/u.test(t.text)).length >= 2
    if (!named && !titled) continue
    out.push(drafts.detachedSpeaker(start, end))
  }
  return out
}

/** Collects drafts, dedupes them by kind and range, then gives them ids and links. */
class Builder {
  private readonly drafts: Draft[] = []
  private readonly byRange = new Map<string, Draft>()

  constructor(
    readonly text: string,
    private readonly schema: AnnotationSchema,
    private readonly entities: readonly Entity[],
    private readonly nameMentions: readonly NameMention[],
  ) {}

  add(
    kind: SuggestionKind,
    layer: string,
    start: number,
    end: number,
    extra: Partial<Pick<Draft, 'confidence' | 'lexiconKey' | 'reason' | 'attributes'>>,
  ): Draft {
    const key = `${kind}:${start}:${end}`
    const found = this.byRange.get(key)
    if (found) return found
    const d: Draft = {
      kind,
      layer,
      start,
      end,
      attributes: extra.attributes ?? {},
      links: [],
      confidence: extra.confidence ?? 0.5,
      lexiconKey: extra.lexiconKey,
      reason: extra.reason ?? '',
    }
    this.byRange.set(key, d)
    this.drafts.push(d)
    return d
  }

  source(layer: string, start: number, end: number, how: string, pronoun: boolean): Draft {
    const d = this.add('source', layer, start, end, {
      confidence: pronoun ? 0.7 : 0.85,
      reason: how,
    })
    if (!d.speaker) {
      const speaker = this.makeSpeaker(start, end, pronoun)
      d.speaker = speaker
      if (!pronoun) this.named.push(d)
      if (speaker.entityId) d.entityId = speaker.entityId
      d.attributes = this.allowed(layer, { kind: speaker.kind })
    }
    return d
  }

  /** A speaker that is not itself proposed (a sentence subject used to resolve a pronoun). */
  detachedSpeaker(start: number, end: number): Draft {
    return {
      kind: 'source',
      layer: '',
      start,
      end,
      attributes: {},
      links: [],
      confidence: 0,
      reason: '',
      speaker: this.makeSpeaker(start, end, false),
      entityId: entityFor(this.text.slice(start, end), this.entities)?.id,
    }
  }

  private makeSpeaker(start: number, end: number, pronoun: boolean): Speaker {
    const text = this.text.slice(start, end)
    const entity = pronoun ? undefined : entityFor(text, this.entities)
    const kind = kindOf(text, entity, this.nameMentions, start, end)
    return { start, end, text, kind, pronoun, ...(entity ? { entityId: entity.id } : {}) }
  }

  /** Named (non-pronoun) speakers proposed so far, in the order they were found. */
  readonly named: Draft[] = []

  link(
    from: Draft,
    type: string | undefined,
    to: Draft,
    attributes: Record<string, AttributeValue>,
  ) {
    if (!type || from.links.some((l) => l.type === type && l.to === to)) return
    from.links.push({ type, to, attributes })
  }

  /** claim → source, with the attribution kind (from quotation marks) and the cue's stance. */
  attribute(claim: Draft, type: string, source: Draft, direct: boolean, stance: string): void {
    const attrs = this.allowedRelation(type, {
      attribution: direct ? 'direct_quote' : 'indirect',
      stance,
    })
    this.link(claim, type, source, attrs)
  }

  names(layer: string): void {
    const taken = this.drafts
      .filter((d) => d.kind === 'source')
      .map((d) => ({ start: d.start, end: d.end, type: 'person' as const }))
      .sort((a, b) => a.start - b.start)
    let t = 0
    for (const n of this.nameMentions) {
      while (t < taken.length && taken[t].end <= n.start) t++
      if (taken.slice(t, t + 8).some((d) => d.start < n.end && n.start < d.end)) continue
      const text = this.text.slice(n.start, n.end)
      const entity = entityFor(text, this.entities)
      const d = this.add('name', layer, n.start, n.end, {
        confidence: entity ? 0.45 : 0.3,
        reason: `${n.type} name${entity ? `, registry: ${entity.name}` : ''}`,
      })
      d.nameType = n.type
      if (entity) d.entityId = entity.id
      const kind = n.type === 'place' ? undefined : (entity?.kind ?? n.type)
      if (kind) d.attributes = this.allowed(layer, { kind })
    }
  }

  /** Keeps attributes the layer defines with an allowed value. */
  private allowed(layerId: string, attrs: Record<string, AttributeValue>) {
    const layer = this.schema.layers.find((l) => l.id === layerId)
    return fit(layer?.attributes ?? [], attrs)
  }

  private allowedRelation(typeId: string, attrs: Record<string, AttributeValue>) {
    const type = this.schema.relationTypes.find((t) => t.id === typeId)
    return fit(type?.attributes ?? [], attrs)
  }

  finish(kinds: Set<SuggestionKind>, layers: Set<string>): Suggestion[] {
    const kept = this.drafts
      .filter((d) => kinds.has(d.kind) && layers.has(d.layer) && d.start < d.end)
      .sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind))
    const makeId = idMaker(this.text)
    const ids = new Map<Draft, string>()
    for (const d of kept) ids.set(d, makeId(d.kind, d.layer, d.start, d.end))
    return kept.map((d) => ({
      id: ids.get(d)!,
      kind: d.kind,
      layer: d.layer,
      label: this.schema.layers.find((l) => l.id === d.layer)!.labels[0].name,
      start: d.start,
      end: d.end,
      quote: this.text.slice(d.start, d.end),
      attributes: d.attributes,
      ...(d.entityId ? { entityId: d.entityId } : {}),
      ...(d.refersTo && ids.has(d.refersTo) ? { refersTo: ids.get(d.refersTo)! } : {}),
      ...(d.nameType ? { nameType: d.nameType } : {}),
      links: d.links
        .filter((l) => ids.has(l.to))
        .map((l) => ({ type: l.type, suggestionId: ids.get(l.to)!, attributes: l.attributes })),
      confidence: Math.round(d.confidence * 100) / 100,
      ...(d.lexiconKey ? { lexiconKey: d.lexiconKey } : {}),
      reason: d.reason,
    }))
  }
}

function fit(
  defs: readonly { name: string; type: string; values?: string[] }[],
  attrs: Record<string, AttributeValue>,
): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {}
  for (const [name, value] of Object.entries(attrs)) {
    const def = defs.find((d) => d.name === name)
    if (!def) continue
    if (def.type === 'enum' && !def.values?.includes(String(value))) continue
    if (def.type === 'number' && typeof value !== 'number') continue
    out[name] = value
  }
  return out
}
