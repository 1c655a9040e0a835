// The sentiment lexicon of suggestions: VADER's (Hutto & Gilbert 2014; MIT), 7,500 English words,
// emoticons and slang rated −4…+4 as the mean of ten raters, from the vader-sentiment package
// (Apache-2.0; NOTICE in docs/PACKAGING.md and THIRD-PARTY-NOTICES.md). Only the word list is
// used: the engine's own rule (sentiment.ts) finds strong words with a booster or negation before
// them, as low-priority suggestions. Entries that are not words (":-)", "</3") are left out, since
// the engine matches word tokens only.
import { lexicon } from 'vader-sentiment/src/vader_lexicon.js'

const WORD = /^[\p{L}][\p{L}'’-]*$/u

let cached: ReadonlyMap<string, number> | null = null

/** VADER's word valences (lower case word → −4…+4), built once. */
export function vaderValence(): ReadonlyMap<string, number> {
  if (cached) return cached
  const map = new Map<string, number>()
  for (const [word, value] of Object.entries(lexicon)) {
    if (WORD.test(word) && Number.isFinite(value)) map.set(word.toLowerCase(), value)
  }
  cached = map
  return map
}
