// Attribution frames: for each cue, who speaks (its source) and what is claimed (a quotation or
// the clause the cue introduces). The patterns of wire copy, in the order they are tried:
//   “Quote,” Putin said / “Quote,” said Putin      → the quotation before the speaker
//   Putin said: “Quote.” / accused X of “Quote.”    → the quotation that fills the complement
//   Talks will resume, the ministry said.           → the clause before ", speaker cue"
//   Putin said (that) the deal…                     → the clause after the cue
//   …, according to TASS. / According to TASS, …   → the clause before or after, speaker after
import type { CueMatch } from './cues'
import type { Phrase } from './phrases'
import { isPronoun, phraseEndingAt, phraseStartingAt } from './phrases'
import type { Quotation } from './quotes'
import type { Sentence, Token } from './tokens'
import { isCapitalised } from './tokens'
import { ADVERBIALS, AUXILIARIES, BE, DETERMINERS, MODALS } from './words'

export interface Range {
  start: number
  end: number
}

export interface Frame {
  cue: CueMatch
  /** The speaker span, or null when none was found. */
  source: (Range & { pronoun: boolean; how: string }) | null
  /** The claim: a quotation (direct) or a clause (indirect). */
  claim: (Range & { quotation: Quotation | null; how: string }) | null
}

/** Builds the frame of every cue. Cues of one sentence may share a claim ("said, according to"). */
export function framesOf(
  cues: readonly CueMatch[],
  quotations: readonly Quotation[],
  text: string,
): Frame[] {
  const bySentence = new Map<Sentence, CueMatch[]>()
  for (const c of cues) {
    const list = bySentence.get(c.sentence)
    if (list) list.push(c)
    else bySentence.set(c.sentence, [c])
  }
  const frames = cues.map((cue) => frameOf(cue, bySentence.get(cue.sentence)!, quotations, text))
  shareAcrossSentence(frames)
  return frames
}

function frameOf(
  cue: CueMatch,
  cues: readonly CueMatch[],
  quotations: readonly Quotation[],
  text: string,
): Frame {
  const toks = cue.sentence.tokens
  if (cue.entry.speaker === 'object') {
    const np = phraseStartingAt(toks, cue.to)
    const source = np ? { ...rangeOf(toks, np), pronoun: false, how: 'after the cue' } : null
    return { cue, source, claim: accordingClaim(cue, np, cues, text) }
  }
  const subject = subjectBefore(cue)
  let source: Frame['source'] = null
  let after: Phrase | null = null
  if (subject) {
    source = { ...rangeOf(toks, subject), pronoun: isPronoun(toks, subject), how: 'subject' }
  } else if (invertedAfter(cue)) {
    after = phraseStartingAt(toks, skipAdverbials(toks, cue.to))
    if (after) source = { ...rangeOf(toks, after), pronoun: false, how: 'after the verb' }
  }
  const left = source && source.start < cue.start ? source.start : cue.start
  const claim =
    quotationBefore(left, cue, quotations, text) ??
    invertedClause(cue, subject, text) ??
    complement(cue, after, cues, quotations, text)
  return { cue, source, claim }
}

function rangeOf(toks: readonly Token[], p: Phrase): Range {
  return { start: toks[p.from].start, end: toks[p.to - 1].end }
}

function skipAdverbials(toks: readonly Token[], k: number): number {
  while (k < toks.length && toks[k].word && ADVERBIALS.has(toks[k].lower)) k++
  return k
}

/** The subject right before the verb, past auxiliaries and adverbs ("has also said"). */
function subjectBefore(cue: CueMatch): Phrase | null {
  const toks = cue.sentence.tokens
  let k = cue.from - 1
  while (k >= 0) {
    const t = toks[k]
    if (!t.word) break
    const w = t.lower
    if (ADVERBIALS.has(w) || /ly$/.test(w) || AUXILIARIES.has(w) || MODALS.has(w)) k--
    else if (BE.has(w) && cue.entry.key.startsWith('be ')) k--
    else break
  }
  const t = toks[k]
  if (!t) return null
  if (t.word) return phraseEndingAt(toks, k)
  if (t.text !== ',') return null
  // "A spokesman for the union, Willem Baas, told reporters"
  const inner = phraseEndingAt(toks, k - 1)
  if (!inner || toks[inner.from - 1]?.text !== ',') return null
  const outer = phraseEndingAt(toks, inner.from - 2)
  if (!outer) return null
  const before = toks[outer.from - 1]
  if (outer.from !== firstWord(toks) && before?.text !== ',') return null
  return { from: outer.from, to: inner.to }
}

function firstWord(toks: readonly Token[]): number {
  return toks.findIndex((t) => t.word)
}

/** Verb-first inversion: "“…,” said Marieke Dekker" — the verb follows a comma or a quote. */
function invertedAfter(cue: CueMatch): boolean {
  const toks = cue.sentence.tokens
  const prev = toks[cue.from - 1]
  if (!prev || !/^[,”"»’]$/.test(prev.text)) return false
  const next = toks[skipAdverbials(toks, cue.to)]
  return !!next && (isCapitalised(next) || DETERMINERS.has(next.lower))
}

/** “Quote,” Putin said — a quotation that ends right before the speaker and verb. */
function quotationBefore(
  left: number,
  cue: CueMatch,
  quotations: readonly Quotation[],
  text: string,
): Frame['claim'] {
  for (let i = lastStartingBefore(quotations, left); i >= 0; i--) {
    const q = quotations[i]
    if (q.outerEnd > left || q.depth > 0) continue
    if (!/^[ \t,;:—–-]*$/.test(text.slice(q.outerEnd, left))) return null
    if (q.outerEnd < cue.sentence.start - 2 && !q.closed) return null
    return { start: q.start, end: q.end, quotation: q, how: 'quotation before the speaker' }
  }
  return null
}

/** Words that may follow the verb of an inverted attribution: "…, he said in March / after…". */
const CLAUSE_END_WORDS = new Set([
  'in',
  'after',
  'at',
  'during',
  'following',
  'before',
  'when',
  'while',
  'as',
  'adding',
  'citing',
])

/** Index of the last quotation that opens before `at` (quotations are sorted by opening). */
function lastStartingBefore(quotations: readonly Quotation[], at: number): number {
  let lo = 0
  let hi = quotations.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (quotations[mid].outerStart < at) lo = mid + 1
    else hi = mid - 1
  }
  return hi
}

/** Talks will resume, the ministry said. — the clause from the sentence start to the comma. */
function invertedClause(cue: CueMatch, subject: Phrase | null, text: string): Frame['claim'] {
  const toks = cue.sentence.tokens
  const next = toks[skipAdverbials(toks, cue.to)]
  if (next?.word && !CLAUSE_END_WORDS.has(next.lower)) return null // "X said the deal…"

  const from = subject ? subject.from : cue.from
  const comma = toks[from - 1]
  if (!comma || comma.text !== ',') return null
  const start = clauseStart(cue.sentence, text)
  if (start >= comma.start) return null
  return { ...trimRange(text, start, comma.start), quotation: null, how: 'clause before the cue' }
}

/** Where a sentence's own words start: after a dateline ("ROTTERDAM, Netherlands (Wire) — "). */
function clauseStart(sentence: Sentence, text: string): number {
  const head = text.slice(sentence.start, Math.min(sentence.end, sentence.start + 80))
  const dateline = /^\p{Lu}[\p{Lu}\s.’'-]+(?:,[^—–]{1,40})?\s*[—–]\s*/u.exec(head)
  return dateline ? sentence.start + dateline[0].length : sentence.start
}

/**
 * The complement of the verb: after "that", a colon, an object of "told", up to the next cue or
 * the sentence end; a quotation when it fills most of that clause.
 */
function complement(
  cue: CueMatch,
  after: Phrase | null,
  cues: readonly CueMatch[],
  quotations: readonly Quotation[],
  text: string,
): Frame['claim'] {
  const toks = cue.sentence.tokens
  let k = after ? after.to : cue.to
  k = skipAdverbials(toks, k)
  if (/^tell|^told|^telling/.test(toks[cue.from].lower) && cue.to - cue.from === 1) {
    const that = toks.slice(k, k + 8).findIndex((t) => t.lower === 'that')
    if (that >= 0) k += that
    else if (toks[k]?.word) k = phraseStartingAt(toks, k)?.to ?? k + 1
  }
  k = skipAdverbials(toks, k)
  while (k < toks.length && /^(that|as|of|[,:])$/.test(toks[k].lower)) k++
  const next = cues.find((c) => c !== cue && c.sentence === cue.sentence && c.from === k)
  if (next && next.entry.speaker === 'object') {
    // "Putin said, according to TASS, Russia would…": skip the inserted attribution
    const np = phraseStartingAt(toks, next.to)
    k = np ? np.to : next.to
    while (k < toks.length && toks[k].text === ',') k++
  }
  const first = toks[k]
  if (!first) return null
  let end = cue.sentence.end
  for (const c of cues) {
    if (c.sentence !== cue.sentence || c.from <= k) continue
    if (RELATIVE_BEFORE.test(text.slice(Math.max(0, c.start - 20), c.start))) continue
    end = cutBefore(toks, c)
    break
  }
  const range = trimRange(text, first.start, end)
  if (range.start >= range.end) return null
  let q: Quotation | undefined
  for (
    let i = Math.max(0, lastStartingBefore(quotations, first.start - 1));
    i < quotations.length;
    i++
  ) {
    const c = quotations[i]
    if (c.outerStart >= range.end) break
    if (c.depth === 0 && c.outerStart >= first.start - 1) {
      q = c
      break
    }
  }
  const nearStart = toks[Math.min(k + 6, toks.length - 1)].start
  if (
    q &&
    q.outerStart <= nearStart &&
    q.end <= range.end + 2 &&
    q.end - q.start >= 0.6 * (range.end - range.start)
  ) {
    return { start: q.start, end: q.end, quotation: q, how: 'quotation after the cue' }
  }
  return { ...range, quotation: null, how: 'clause after the cue' }
}

/** A cue in a relative clause ("what he describes as") sits inside the claim, not after it. */
const RELATIVE_BEFORE = /\b(what|which|whom?)\s+(\S+\s+){0,2}$/i

/** The end of a claim that runs into another cue: before ", and", " and", ", but", "," … */
function cutBefore(toks: readonly Token[], next: CueMatch): number {
  let k = next.from
  const subject = phraseEndingAt(toks, k - 1)
  if (subject && !isPronoun(toks, subject) && next.entry.speaker !== 'object') k = subject.from
  while (k > 0 && /^(and|but|while|[,;]|also)$/.test(toks[k - 1].lower)) k--
  return toks[k - 1] ? toks[k - 1].end : toks[0].start
}

/** The claim of "according to": the clause after "According to X," or before ", according to X". */
function accordingClaim(
  cue: CueMatch,
  np: Phrase | null,
  cues: readonly CueMatch[],
  text: string,
): Frame['claim'] {
  const toks = cue.sentence.tokens
  const sentenceCue = cues.find(
    (c) => c !== cue && c.sentence === cue.sentence && c.entry.speaker !== 'object',
  )
  if (sentenceCue) return null // shares the other cue's claim (framesOf)
  if (cue.from === firstWord(toks) || toks[cue.from - 1]?.text !== ',') {
    let k = np ? np.to : cue.to
    while (k < toks.length && toks[k].text === ',') k++
    const first = toks[k]
    if (!first) return null
    return {
      ...trimRange(text, first.start, cue.sentence.end),
      quotation: null,
      how: 'clause after',
    }
  }
  const start = clauseStart(cue.sentence, text)
  const comma = toks[cue.from - 1]
  if (start >= comma.start) return null
  return { ...trimRange(text, start, comma.start), quotation: null, how: 'clause before' }
}

/** Gives an "according to" with no claim of its own the claims of its sentence's other cues. */
function shareAcrossSentence(frames: Frame[]): void {
  const bySentence = new Map<Sentence, Frame[]>()
  for (const f of frames)
    bySentence.set(f.cue.sentence, [...(bySentence.get(f.cue.sentence) ?? []), f])
  for (const f of frames) {
    if (f.claim || f.cue.entry.speaker !== 'object') continue
    const other = bySentence
      .get(f.cue.sentence)!
      .find(
        (g) =>
          g !== f &&
          g.cue.sentence === f.cue.sentence &&
          g.claim &&
          g.cue.entry.speaker !== 'object',
      )
    if (other) f.claim = other.claim
  }
}

/** A range without surrounding spaces, final punctuation or unbalanced edge marks. */
export function trimRange(text: string, start: number, end: number): Range {
  let s = start
  let e = end
  while (s < e && /[\s,;:—–-]/.test(text[s])) s++
  while (e > s && /[\s.,;:!?—–-]/.test(text[e - 1])) e--
  return { start: s, end: e }
}
