// Accept/reject decisions summed per lexicon entry, the input of tuneLexicon().
import type { SuggestionSettings } from '../model'
import type { FeedbackCounts, LexiconChange } from './lexicon'
import { builtinCues, normalisePhrase, tuneLexicon } from './lexicon'
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

/** Distinct phrases a schema's feedback counts are kept for. */
const MAX_FEEDBACK_PHRASES = 1000

/**
 * Adds decisions on cue suggestions (by lexicon phrase) to a schema's `suggestions.feedback`
 * counts, then tunes the lexicon from the totals: what main does with `suggestions:feedback`.
 * Phrases that are not lexicon entries (built in or the schema's own) are ignored.
 */
export function recordFeedback(
  settings: SuggestionSettings | undefined,
  decisions: readonly { phrase: string; accepted: boolean }[],
): { settings: SuggestionSettings; changes: LexiconChange[] } {
  const known = new Set(
    [...builtinCues(), ...(settings?.cues ?? [])].map((e) => normalisePhrase(e.phrase)),
  )
  const feedback: Record<string, FeedbackCounts> = {}
  for (const [k, v] of Object.entries(settings?.feedback ?? {})) feedback[k] = { ...v }
  for (const { phrase, accepted } of decisions) {
    const key = normalisePhrase(phrase)
    if (!known.has(key)) continue
    if (!feedback[key] && Object.keys(feedback).length >= MAX_FEEDBACK_PHRASES) continue
    const c = (feedback[key] ??= { accepted: 0, rejected: 0 })
    if (accepted) c.accepted++
    else c.rejected++
  }
  const tuned = tuneLexicon(settings, feedback)
  return { settings: { ...tuned.settings, feedback }, changes: tuned.changes }
}
