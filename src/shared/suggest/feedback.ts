// Accept/reject decisions summed per lexicon entry, the input of tuneLexicon().
import type { FeedbackCounts } from './lexicon'
import { normalisePhrase } from './lexicon'
import type { Suggestion } from './types'

/** One decision an analyst made on a suggestion. */
export interface Decision {
  suggestion: Pick<Suggestion, 'kind' | 'lexiconKey'>
  accepted: boolean
}

/** Counts accepted and rejected cue suggestions per lexicon phrase. */
export function feedbackCounts(decisions: Iterable<Decision>): Record<string, FeedbackCounts> {
  const out: Record<string, FeedbackCounts> = {}
  for (const { suggestion, accepted } of decisions) {
    if (suggestion.kind !== 'cue' || !suggestion.lexiconKey) continue
    const key = normalisePhrase(suggestion.lexiconKey)
    const c = (out[key] ??= { accepted: 0, rejected: 0 })
    if (accepted) c.accepted++
    else c.rejected++
  }
  return out
}
