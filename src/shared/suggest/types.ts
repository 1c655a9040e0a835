// The suggestion engine's plain-data contract: what goes in (a document, the schema, the registry,
// existing annotations) and what comes out (suggestions with exact offsets, proposed links and a
// stable id). Everything is structured-clone safe, so the engine can run in a worker thread or a
// Web Worker and post its result back unchanged.
import type { AnnotationSchema, Annotations, AttributeValue, Block, Entity } from '../model'
import type { Lexicon } from './lexicon'

/** What a suggestion proposes to tag. */
export type SuggestionKind = 'cue' | 'quote' | 'claim' | 'source' | 'name' | 'sentiment'

export const SUGGESTION_KINDS: readonly SuggestionKind[] = [
  'cue',
  'quote',
  'claim',
  'source',
  'name',
  'sentiment',
]

/**
 * A proposed relation from this suggestion to another suggestion (`suggestionId`) or to a span
 * that already exists in the document (`spanId`), of a relation type of the schema; `incoming`
 * reverses it (from that span to this suggestion).
 */
export interface SuggestedLink {
  type: string
  suggestionId?: string
  spanId?: string
  /** The relation runs from the target to this suggestion (its claim is already annotated). */
  incoming?: true
  attributes: Record<string, AttributeValue>
}

/** One proposal. `text.slice(start, end) === quote` always holds (UTF-16 offsets). */
export interface Suggestion {
  /** Stable: the same text gives the same id, so a rejection can be remembered by id. */
  id: string
  kind: SuggestionKind
  layer: string
  label: string
  start: number
  end: number
  quote: string
  attributes: Record<string, AttributeValue>
  /** Registry entity the span refers to, when one matched. */
  entityId?: string
  /** For a name: what the NLP library or registry says it is. */
  nameType?: NameMention['type']
  /** For a pronoun source ("he said"): the suggestion of the speaker it stands for. */
  refersTo?: string
  /** Relations proposed from this suggestion (claim → source, cue → claim). */
  links: SuggestedLink[]
  /** 0–1: how sure the rule is. Sentiment and bare names are low priority. */
  confidence: number
  /** The lexicon entry that produced it (cue phrase, sentiment word), for tuning by feedback. */
  lexiconKey?: string
  /** Short reason shown in a hover card ("subject of 'said'", "after 'according to'"). */
  reason: string
}

/** A name found by an NLP library: a person, organisation or place mention. */
export interface NameMention {
  start: number
  end: number
  type: 'person' | 'organisation' | 'place'
}

/** Finds names in a text; the engine is given one so its core stays free of any NLP library. */
export type NameFinder = (text: string) => NameMention[]

/** Everything the engine reads. Plain data. */
export interface SuggestInput {
  text: string
  blocks: readonly Block[]
  schema: AnnotationSchema
  entities: readonly Entity[]
  annotations?: Annotations
}

export interface SuggestOptions {
  /** Kinds to compute; all when absent. */
  kinds?: readonly SuggestionKind[]
  /** The lexicon (defaults merged with the schema's `suggestions` block) — see lexiconOf(). */
  lexicon?: Lexicon
  /** Named-entity finder; without one, names come from the registry only. */
  findNames?: NameFinder
  /** Sentiment lexicon (word → valence, −4…+4); without one, no sentiment is proposed. */
  valence?: ReadonlyMap<string, number>
}
