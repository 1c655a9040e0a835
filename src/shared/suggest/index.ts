// The suggestion engine's public API. See docs/SUGGESTIONS.md.
export { nameMentions, suggest } from './engine'
export { filterSuggestions } from './filter'
export type { FilterOptions } from './filter'
export {
  builtinCues,
  DEFAULT_REJECT_LIMIT,
  lexiconOf,
  normalisePhrase,
  tuneLexicon,
} from './lexicon'
export type { FeedbackCounts, Lexicon, LexiconChange, LexiconEntry } from './lexicon'
export { feedbackCounts, recordFeedback } from './feedback'
export type { Decision } from './feedback'
export type {
  NameFinder,
  NameMention,
  SuggestInput,
  SuggestOptions,
  SuggestedLink,
  Suggestion,
  SuggestionKind,
} from './types'
export { SUGGESTION_KINDS } from './types'
export { acceptedAnnotations } from './accept'
export type { AcceptOptions } from './accept'
export { annotatedSuggestions } from './filter'
