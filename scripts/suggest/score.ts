// Scores the suggestion engine's output against gold: precision, recall and F1 per kind, with
// exact and overlap matching (one-to-one, greedy by overlap), sources that must also hang off the
// right cue, and the share of gold claims whose proposed claim links to the right source.
import type { Suggestion } from '../../src/shared/suggest'
import type { GoldDoc, GoldSpan } from '../../test/fixtures/suggest/gold'

export interface Counts {
  tp: number
  fp: number
  fn: number
}

export interface KindScore {
  exact: Counts
  overlap: Counts
  /** Unmatched items under overlap matching, for the error list. */
  missed: string[]
  spurious: string[]
}

export interface DocScore {
  cues: KindScore
  quotes: KindScore
  sources: KindScore
  claims: KindScore
  links: { correct: number; total: number; wrong: string[] }
}

interface R {
  start: number
  end: number
}
const overlap = (a: R, b: R) => Math.min(a.end, b.end) - Math.max(a.start, b.start)

/** One-to-one matching: pairs that satisfy `ok`, greedily by largest overlap. */
function match<G extends R, P extends R>(
  gold: G[],
  pred: P[],
  ok: (g: G, p: P) => boolean,
): { pairs: [G, P][]; missed: G[]; spurious: P[] } {
  const cands: [number, G, P][] = []
  for (const g of gold) for (const p of pred) if (ok(g, p)) cands.push([overlap(g, p), g, p])
  cands.sort((a, b) => b[0] - a[0])
  const usedG = new Set<G>()
  const usedP = new Set<P>()
  const pairs: [G, P][] = []
  for (const [, g, p] of cands) {
    if (usedG.has(g) || usedP.has(p)) continue
    usedG.add(g)
    usedP.add(p)
    pairs.push([g, p])
  }
  return {
    pairs,
    missed: gold.filter((g) => !usedG.has(g)),
    spurious: pred.filter((p) => !usedP.has(p)),
  }
}

function scoreKind<G extends R, P extends R>(
  text: string,
  gold: G[],
  pred: P[],
  extra: (g: G, p: P) => boolean = () => true,
): KindScore {
  const exact = match(gold, pred, (g, p) => g.start === p.start && g.end === p.end && extra(g, p))
  const over = match(gold, pred, (g, p) => overlap(g, p) > 0 && extra(g, p))
  const show = (r: R) => JSON.stringify(text.slice(r.start, r.end).slice(0, 70))
  return {
    exact: { tp: exact.pairs.length, fp: exact.spurious.length, fn: exact.missed.length },
    overlap: { tp: over.pairs.length, fp: over.spurious.length, fn: over.missed.length },
    missed: over.missed.map(show),
    spurious: over.spurious.map(show),
  }
}

export function scoreDoc(doc: GoldDoc, suggestions: readonly Suggestion[]): DocScore {
  const g = (kind: GoldSpan['kind']) => doc.spans.filter((s) => s.kind === kind)
  const p = (...kinds: Suggestion['kind'][]) => suggestions.filter((s) => kinds.includes(s.kind))
  const gById = new Map(doc.spans.map((s) => [s.id, s]))
  const pById = new Map(suggestions.map((s) => [s.id, s]))

  // Which cues hang off each source: cue → claim → source.
  const goldCuesOf = new Map<GoldSpan, GoldSpan[]>()
  for (const cue of g('cue')) {
    for (const claimId of cue.links) {
      for (const sId of gById.get(claimId)?.links ?? []) {
        const s = gById.get(sId)!
        goldCuesOf.set(s, [...(goldCuesOf.get(s) ?? []), cue])
      }
    }
  }
  const predCuesOf = new Map<Suggestion, Suggestion[]>()
  for (const cue of p('cue')) {
    for (const l of cue.links) {
      const claim = pById.get(l.suggestionId ?? '')
      for (const l2 of claim?.links ?? []) {
        const s = pById.get(l2.suggestionId ?? '')
        if (s) predCuesOf.set(s, [...(predCuesOf.get(s) ?? []), cue])
      }
    }
  }
  const linkedSources = p('source').filter((s) => predCuesOf.has(s))
  const rightCue = (gs: GoldSpan, ps: Suggestion) => {
    const gc = goldCuesOf.get(gs)
    if (!gc) return true // a source with no cue (it speaks a follow-on quotation)
    return (predCuesOf.get(ps) ?? []).some((c) => gc.some((x) => overlap(x, c) > 0))
  }
  const goldClaims = [...g('claim'), ...g('quote')].filter((c) => c.links.length > 0)
  // a gold source counts when a claim is attributed to it (not a bare antecedent of a pronoun)
  const attributed = new Set(goldClaims.flatMap((c) => c.links))
  const speakers = g('source').filter((s) => attributed.has(s.id))
  const predClaims = p('claim', 'quote').filter((s) =>
    s.links.some((l) => l.type === 'attributed_to'),
  )

  // claim → source links: the best-overlapping proposed claim links to a gold source (or the
  // named speaker a gold pronoun stands for).
  let correct = 0
  const wrong: string[] = []
  for (const gc of goldClaims) {
    const best = predClaims
      .filter((pc) => overlap(gc, pc) > 0)
      .sort((a, b) => overlap(gc, b) - overlap(gc, a))[0]
    const targets = gc.links.flatMap((id) => {
      const s = gById.get(id)!
      return s.refersTo ? [s, gById.get(s.refersTo)!] : [s]
    })
    const ok = best?.links.some((l) => {
      const s = pById.get(l.suggestionId ?? '')
      return !!s && targets.some((t) => overlap(t, s) > 0)
    })
    if (ok) correct++
    else
      wrong.push(
        `${JSON.stringify(doc.text.slice(gc.start, gc.end).slice(0, 60))} → ${best ? 'wrong source' : 'no claim'}`,
      )
  }
  return {
    cues: scoreKind(doc.text, g('cue'), p('cue')),
    quotes: scoreKind(doc.text, g('quote'), p('quote')),
    sources: scoreKind(doc.text, speakers, linkedSources, rightCue),
    claims: scoreKind(doc.text, goldClaims, predClaims),
    links: { correct, total: goldClaims.length, wrong },
  }
}

export function prf(c: Counts): { p: number; r: number; f: number } {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 }
}

export function add(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn }
}

/** A name the engine knows, as nameMentions() gives it. */
export interface NameFound extends R {
  type: 'person' | 'organisation' | 'place'
}

/**
 * Names: the gold person/organisation/place names against the names the engine knows, matched by
 * overlap with the same type ("typed") and by overlap alone.
 */
export function scoreNames(
  doc: GoldDoc,
  found: readonly NameFound[],
): { typed: Counts; any: Counts } {
  const gold = doc.spans.filter((s) => s.kind === 'name')
  const typed = match(gold, [...found], (g, p) => overlap(g, p) > 0 && g.nameType === p.type)
  const any = match(gold, [...found], (g, p) => overlap(g, p) > 0)
  const counts = (m: { pairs: unknown[]; missed: unknown[]; spurious: unknown[] }) => ({
    tp: m.pairs.length,
    fp: m.spurious.length,
    fn: m.missed.length,
  })
  return { typed: counts(typed), any: counts(any) }
}
