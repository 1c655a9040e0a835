// Noun-phrase edges, found by walking tokens: backwards from a verb to its subject ("U.S.
// Secretary of State Antony Blinken said"), forwards from "according to" or an inverted verb to
// its speaker ("said Marieke Dekker, the chairwoman of the union"). Titles stay with their names.
import type { Token } from './tokens'
import { isCapitalised } from './tokens'
import {
  AUXILIARIES,
  BE,
  CONJUNCTIONS,
  DETERMINERS,
  MODALS,
  NEGATIONS,
  PERSON_WORDS,
  PREPOSITIONS,
  PRONOUNS,
  RELATIVES,
} from './words'

/** A phrase as token indices [from, to) of one sentence. */
export interface Phrase {
  from: number
  to: number
}

/** Prepositions allowed inside a speaker phrase ("spokesman for the ministry", "report by X"). */
const INNER_PREPOSITIONS = new Set(['of', 'for', 'at', 'from', 'by', 'with'])
const MAX_LOWER = 5

function stops(t: Token): boolean {
  const w = t.lower
  return (
    RELATIVES.has(w) ||
    MODALS.has(w) ||
    BE.has(w) ||
    AUXILIARIES.has(w) ||
    NEGATIONS.has(w) ||
    (CONJUNCTIONS.has(w) && w !== 'and') ||
    (PREPOSITIONS.has(w) && !INNER_PREPOSITIONS.has(w))
  )
}

function nounish(t: Token | undefined): boolean {
  return !!t && t.word && (isCapitalised(t) || PERSON_WORDS.has(t.lower) || /s$/.test(t.lower))
}

/** The noun phrase that ends at token `k`, or null. A pronoun is a phrase on its own. */
export function phraseEndingAt(toks: readonly Token[], k: number): Phrase | null {
  const last = toks[k]
  if (!last || !last.word || stops(last) || DETERMINERS.has(last.lower)) return null
  if (last.lower === 'and' || INNER_PREPOSITIONS.has(last.lower)) return null
  if (PRONOUNS.has(last.lower)) return { from: k, to: k + 1 }
  if (/ed$/.test(last.lower) && !isCapitalised(last)) return null
  let from = k
  let lower = isCapitalised(last) ? 0 : 1
  for (let i = k - 1; i >= 0; i--) {
    const t = toks[i]
    if (!t.word || PRONOUNS.has(t.lower)) break
    if (DETERMINERS.has(t.lower)) {
      from = i
      break
    }
    if (t.lower === 'and') {
      if (!isCapitalised(toks[i - 1]) || !isCapitalised(toks[i + 1])) break
      from = i
      continue
    }
    if (INNER_PREPOSITIONS.has(t.lower)) {
      if (!nounish(toks[i - 1])) break
      from = i
      continue
    }
    if (stops(t) || (/ed$/.test(t.lower) && !isCapitalised(t))) break
    if (!isCapitalised(t) && ++lower > MAX_LOWER) break
    from = i
  }
  // a phrase does not start with a preposition or "and"
  while (from < k && (INNER_PREPOSITIONS.has(toks[from].lower) || toks[from].lower === 'and')) {
    from++
  }
  return { from, to: k + 1 }
}

/**
 * The noun phrase that starts at token `k`: up to a comma, a relative word, a verb-like word or
 * a preposition other than of/for/at/from/by/with; then an appositive that is a name or a
 * "the/a …" phrase ending the sentence (", Yuri Ushakov." / ", the chairwoman of the union.").
 */
export function phraseStartingAt(toks: readonly Token[], k: number): Phrase | null {
  const first = toks[k]
  if (!first || !first.word || stops(first)) return null
  if (PRONOUNS.has(first.lower)) return { from: k, to: k + 1 }
  let to = k
  let lower = 0
  for (let i = k; i < toks.length && i < k + 14; i++) {
    const t = toks[i]
    if (!t.word) break
    if (i > k && (stops(t) || t.lower === 'and' || PRONOUNS.has(t.lower))) break
    if (i > k && DETERMINERS.has(t.lower) && !INNER_PREPOSITIONS.has(toks[i - 1].lower)) break
    if (!isCapitalised(t) && !DETERMINERS.has(t.lower) && !INNER_PREPOSITIONS.has(t.lower)) {
      if (++lower > MAX_LOWER + 2) break
    }
    to = i + 1
  }
  while (to > k + 1 && INNER_PREPOSITIONS.has(toks[to - 1].lower)) to--
  if (to === k) return null
  // appositive to the end of the sentence
  if (toks[to]?.text === ',') {
    const app = phraseStartingAtSimple(toks, to + 1)
    if (app && endsClause(toks, app.to)) return { from: k, to: app.to }
  }
  return { from: k, to }
}

function phraseStartingAtSimple(toks: readonly Token[], k: number): Phrase | null {
  const first = toks[k]
  if (!first || !first.word) return null
  if (!isCapitalised(first) && !DETERMINERS.has(first.lower)) return null
  let to = k
  for (let i = k; i < toks.length && i < k + 14; i++) {
    const t = toks[i]
    if (!t.word) break
    if (i > k && (RELATIVES.has(t.lower) || MODALS.has(t.lower) || BE.has(t.lower))) return null
    to = i + 1
  }
  return to > k ? { from: k, to } : null
}

function endsClause(toks: readonly Token[], i: number): boolean {
  const t = toks[i]
  return !t || /^[.;!?”"»]$/.test(t.text)
}

/** True when the phrase is a single personal pronoun. */
export function isPronoun(toks: readonly Token[], p: Phrase): boolean {
  return p.to - p.from === 1 && PRONOUNS.has(toks[p.from].lower)
}
