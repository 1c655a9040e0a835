// How each kind of suggestion is named to the analyst.
import type { SuggestionKind } from '../../../shared/suggest'

export const KIND_NAMES: Record<SuggestionKind, { one: string; many: string }> = {
  cue: { one: 'cue', many: 'cues' },
  quote: { one: 'quotation', many: 'quotations' },
  claim: { one: 'claim', many: 'claims' },
  source: { one: 'source', many: 'sources' },
  name: { one: 'name', many: 'names' },
  sentiment: { one: 'sentiment phrase', many: 'sentiment phrases' },
}
