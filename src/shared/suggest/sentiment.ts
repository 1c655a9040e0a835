// Sentiment phrases from a valence lexicon (word → −4…+4, VADER's scale): a strong word, with the
// booster or negation right before it ("deeply troubling", "not welcome"). Low priority: an
// analyst's sentiment layer is about stance and framing, which single words only hint at.
import type { Sentence } from './tokens'

export interface SentimentHit {
  start: number
  end: number
  valence: number
  key: string
}

const BOOSTERS = new Set(
  'very deeply highly extremely really so too most more totally utterly absolutely particularly'.split(
    ' ',
  ),
)
const NEGATORS = new Set(['not', 'no', 'never', "n't", 'without', 'hardly'])

/** Words whose valence is at least `threshold` in absolute value, with a booster or negator. */
export function findSentiment(
  sentences: readonly Sentence[],
  valence: ReadonlyMap<string, number>,
  threshold = 2,
): SentimentHit[] {
  const out: SentimentHit[] = []
  for (const s of sentences) {
    const toks = s.tokens
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]
      if (!t.word) continue
      const v = valence.get(t.lower)
      if (v === undefined || Math.abs(v) < threshold) continue
      let start = t.start
      let value = v
      const prev = toks[i - 1]
      if (prev?.word && BOOSTERS.has(prev.lower)) {
        start = prev.start
        value *= 1.3
      } else if (prev?.word && NEGATORS.has(prev.lower)) {
        start = prev.start
        value *= -0.74
      }
      out.push({ start, end: t.end, valence: value, key: t.lower })
    }
  }
  return out
}

/** Maps a valence to the default schema's polarity and 1–3 intensity. */
export function polarityOf(valence: number): { polarity: string; intensity: number } {
  const a = Math.abs(valence)
  return {
    polarity: valence > 0 ? 'positive' : 'negative',
    intensity: a >= 3 ? 3 : a >= 2.5 ? 2 : 1,
  }
}
