// Cue rules: find the lexicon's phrases in the text and keep those used as attributions. A verb
// form that can be a noun ("reports", "claims"), an infinitive ("declined to say"), a passive
// ("was announced"), a negation ("did not say") or anything inside a quotation is not a cue; a
// weak verb ("added", "noted") needs evidence — "that", a colon, a quotation, or the inverted
// ", she added." — while a strong one ("said", "according to") does not.
import type { Lexicon, LexiconEntry } from './lexicon'
import { formOf } from './inflect'
import type { Quotation } from './quotes'
import type { Sentence, Token } from './tokens'
import { isCapitalised } from './tokens'
import { ADVERBIALS, BE, DETERMINERS, MODALS, NEGATIONS, PREPOSITIONS, PRONOUNS } from './words'
import { partitionPoint } from '../partition-point'

export interface CueMatch {
  start: number
  end: number
  entry: LexiconEntry
  sentence: Sentence
  /** Token indices in the sentence: first and one past last. */
  from: number
  to: number
  confidence: number
}

const STRONG = new Set([
  'say',
  'tell',
  'tell reporters',
  'tell journalists',
  'tell a news conference',
  'tell a press conference',
  'tell lawmakers',
  'tell parliament',
  'be quoted as saying',
  'quoted as saying',
  'according to',
  'claim',
  'deny',
  'insist',
  'allege',
  'accuse',
])

/** Verbs whose base and -s forms are as often nouns ("a report", "the claims"). */
const NOUNISH = new Set(
  (
    'claim report note estimate promise question doubt reply call state tweet recall dispute ' +
    'pledge vow stress caution respond comment warn cite add'
  ).split(' '),
)

/** Fixed phrases that join the verb before them into one cue ("said in a statement"). */
const TRAILING = new Set(['in a statement', 'in an interview', 'in a post on'])

const NOT_SOURCES_AFTER_ACCORDING = new Set(['plan', 'schedule', 'tradition', 'custom'])

interface Index {
  byFirst: Map<string, { words: string[]; entry: LexiconEntry }[]>
}

function indexOf(lexicon: Lexicon): Index {
  const byFirst = new Map<string, { words: string[]; entry: LexiconEntry }[]>()
  for (const entry of lexicon.cues) {
    for (const form of entry.forms) {
      const words = form.split(' ')
      const list = byFirst.get(words[0]) ?? []
      list.push({ words, entry })
      byFirst.set(words[0], list)
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length)
  return { byFirst }
}

const cache = new WeakMap<Lexicon, Index>()

/** Finds the cues of every sentence, merged where a fixed phrase follows a verb. */
export function findCues(
  sentences: readonly Sentence[],
  lexicon: Lexicon,
  quotations: readonly Quotation[],
  text: string,
): CueMatch[] {
  let index = cache.get(lexicon)
  if (!index) {
    index = indexOf(lexicon)
    cache.set(lexicon, index)
  }
  const inside = insideQuotation(quotations)
  const out: CueMatch[] = []
  for (const sentence of sentences) {
    const toks = sentence.tokens
    let last: CueMatch | null = null
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]
      if (!t.word) continue
      const candidates = index.byFirst.get(t.lower)
      if (!candidates) continue
      const hit = candidates.find((c) => matchesAt(toks, i, c.words, text))
      if (!hit) continue
      const to = i + hit.words.length
      const cue: CueMatch = {
        start: t.start,
        end: toks[to - 1].end,
        entry: hit.entry,
        sentence,
        from: i,
        to,
        confidence: hit.entry.confidence,
      }
      i = to - 1
      if (inside(cue.start)) continue
      if (last && TRAILING.has(hit.entry.key) && last.to === cue.from) {
        last.end = cue.end
        last.to = cue.to
        continue
      }
      if (!keep(cue, quotations)) continue
      out.push(cue)
      last = cue
    }
  }
  return out
}

function matchesAt(toks: Token[], i: number, words: string[], text: string): boolean {
  for (let k = 0; k < words.length; k++) {
    const t = toks[i + k]
    if (!t || t.lower !== words[k]) return false
    if (k > 0 && text.slice(toks[i + k - 1].end, t.start).trim() !== '') return false
  }
  return true
}

/** A predicate: is this offset inside a quotation (between its marks)? Binary search. */
function insideQuotation(quotations: readonly Quotation[]): (at: number) => boolean {
  const ranges = quotations.map((q) => [q.outerStart, q.outerEnd] as const)
  return (at) => {
    let lo = 0
    let hi = ranges.length - 1
    // ranges are sorted by start; any range starting before `at` may contain it (nesting), so
    // scan back from the last start ≤ at while ranges could still reach it.
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (ranges[mid][0] <= at) lo = mid + 1
      else hi = mid - 1
    }
    for (let i = hi; i >= 0 && i >= hi - 8; i--) {
      const [s, e] = ranges[i]
      if (s < at && at < e) return true
    }
    return false
  }
}

function keep(cue: CueMatch, quotations: readonly Quotation[]): boolean {
  const { entry, sentence, from, to } = cue
  const toks = sentence.tokens
  const first = toks[from]
  if (entry.key === 'according to') {
    const next = toks[to]
    return !!next && next.word && !NOT_SOURCES_AFTER_ACCORDING.has(next.lower)
  }
  if (isCapitalised(first) && from > 0 && !sentence.heading && !isSentenceStart(toks, from)) {
    return false // part of a name: "Secretary of State", "the United States"
  }
  const prev = previousWord(toks, from)
  const prevRaw = toks[from - 1]
  const base = entry.key.split(' ')[0]
  const form = entry.forms.length > 1 ? formOf(first.text, base) : 'past'
  if (prev && NEGATIONS.has(prev.lower)) return false
  if (base !== 'be' && prev && BE.has(prev.lower) && form !== 'ing') return false // passive
  if (form === 'base' || form === 's') {
    if (prev && (prev.lower === 'to' || MODALS.has(prev.lower))) return false
    if (prevRaw && DETERMINERS.has(prevRaw.lower)) return false
    if (prevRaw && PREPOSITIONS.has(prevRaw.lower)) return false
    if (NOUNISH.has(base) && !subjectLike(prevRaw) && toks[to]?.lower !== 'that') return false
  }
  if (form === 'past' && prevRaw?.lower === 'the') return false // "the said agreement"
  if (form === 'ing' && prevRaw && DETERMINERS.has(prevRaw.lower)) return false
  if (entry.quoteOnly) return quotationFollows(cue, quotations)
  if (STRONG.has(entry.key) || entry.forms.length === 1) return true
  return hasEvidence(cue)
}

function isSentenceStart(toks: Token[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) if (toks[k].word) return false
  return true
}

/** The nearest word before index i, skipping adverbials ("has also said"). */
function previousWord(toks: Token[], i: number): Token | undefined {
  for (let k = i - 1; k >= 0; k--) {
    const t = toks[k]
    if (!t.word) return undefined
    if (ADVERBIALS.has(t.lower) || /ly$/.test(t.lower)) continue
    return t
  }
  return undefined
}

function subjectLike(t: Token | undefined): boolean {
  if (!t || !t.word) return false
  if (PRONOUNS.has(t.lower) || t.lower === 'who') return true
  if (isCapitalised(t)) return true
  return /[^s]s$/.test(t.lower) && !PREPOSITIONS.has(t.lower)
}

function quotationFollows(cue: CueMatch, quotations: readonly Quotation[]): boolean {
  const q = quotations[partitionPoint(quotations.length, (i) => quotations[i].outerStart < cue.end)]
  return !!q && q.outerStart < cue.sentence.end
}

/**
 * Evidence that a weak verb reports speech: what follows it (after time words and an object) is
 * "that", "as", "of", a colon or a quotation; or it closes an inverted clause (", she added.");
 * or a quotation ends just before its speaker ("“…,” he added").
 */
function hasEvidence(cue: CueMatch): boolean {
  const toks = cue.sentence.tokens
  let k = cue.to
  while (k < toks.length && toks[k].word && ADVERBIALS.has(toks[k].lower)) k++
  const next = toks[k]
  if (!next) return true // ends the sentence: "…, the ministry added"
  if (/^[.;]$/.test(next.text)) return true
  if (['that', 'as', 'of', 'whether', ':'].includes(next.lower)) return true
  if (/^[“"«„‘]$/.test(next.text)) return true
  if (next.text === ',') {
    // "she noted, however, that …"
    const aside = toks[k + 1]
    if (aside?.word && /^(however|though|too|also|meanwhile)$|ly$/.test(aside.lower)) {
      if (toks[k + 2]?.text === ',' && toks[k + 3]?.lower === 'that') return true
    }
    const after = toks[k + 1]
    if (after && /^[“"«„]$/.test(after.text)) return true
    return invertedBefore(toks, cue.from)
  }
  return false
}

/** Is the cue preceded by ", NP" or a closing quotation — the tail of an inverted attribution? */
function invertedBefore(toks: Token[], from: number): boolean {
  for (let k = from - 1; k >= 0 && k >= from - 8; k--) {
    const t = toks[k]
    if (t.text === ',' || /^[”"»’]$/.test(t.text)) return true
    if (!t.word) return false
  }
  return false
}
