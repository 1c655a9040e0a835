// The sample's second analyst, "Ben Okafor": his annotations of the sample article, made as a
// second reader would, from the same guidelines, so the Agreement and Curation views have real
// disagreements to show on a first start. Against the sample analyst he
// - draws two spans shorter (the Kim claim without "Moscow and Pyongyang’s “", Blinken without
//   his title): boundary disagreements that still match by overlap;
// - reads Putin's TASS-reported remark as a factual claim, not a prediction (checkability);
// - leaves out the unsourced "Tensions … highest point in years" claim and the "in desperation"
//   sentiment, and does not mark TASS as a second source of the cooperation claim (missing spans,
//   and a link disagreement on that claim);
// - marks a claim the sample left out: the 10,000 shipping containers, attributed to "a US
//   statement" with its cue "according to";
// - calls the officials' accusation indirect rather than paraphrase, rates "growing concerns"
//   more intense, and sums up the article as negative rather than mixed.
import { quoteOf } from '../src/shared/anchor'
import type { Annotations, Relation, Span } from '../src/shared/model'

export const SECOND_ANALYST = 'Ben Okafor'

/** Ben's annotations of `text`, derived from the sample analyst's `base`. */
export function secondAnalystAnnotations(text: string, base: Annotations): Annotations {
  const created = base.spans[0]?.createdAt ?? '2024-06-19T12:00:00.000Z'
  const own = { annotator: SECOND_ANALYST, createdAt: created, updatedAt: created }
  const at = (exact: string, within = exact) => {
    const found = text.indexOf(within)
    const offset = within.indexOf(exact)
    if (found === -1 || offset === -1) throw new Error(`second analyst: not found: ${within}`)
    return found + offset
  }
  const reshape = (s: Span, exact: string): Span => {
    const start = at(exact, s.quote.exact)
    const from = s.start + (start - at(s.quote.exact))
    return {
      ...s,
      start: from,
      end: from + exact.length,
      quote: quoteOf(text, from, from + exact.length),
    }
  }
  const left = new Set(['claim-tensions', 'sentiment-desperation', 'source-tass'])
  const spans: Span[] = base.spans
    .filter((s) => !left.has(s.id))
    .map((s): Span => {
      const mine = { ...s, ...own, attributes: { ...s.attributes } }
      if (s.id === 'claim-fiery-friendship') {
        return reshape(mine, 'fiery friendshipis now even closer than during Soviet times')
      }
      if (s.id === 'source-blinken') return reshape(mine, 'Antony Blinken')
      if (s.id === 'claim-cooperation') mine.attributes.checkability = 'factual'
      if (s.id === 'sentiment-growing-concerns') mine.attributes.intensity = 2
      return mine
    })
  const added = (id: string, layer: string, exact: string, within: string, attributes = {}) => {
    const start = at(exact, within)
    const end = start + exact.length
    const span: Span = {
      id,
      layer,
      label: layer.charAt(0).toUpperCase() + layer.slice(1),
      start,
      end,
      quote: quoteOf(text, start, end),
      attributes,
      ...own,
    }
    return span
  }
  spans.push(
    added(
      'claim-containers',
      'claim',
      'Russia has received more than 10,000 shipping containers',
      'Russia has received more than 10,000 shipping containers',
      { checkability: 'factual' },
    ),
    added(
      'source-us-statement',
      'source',
      'a US\u00a0statement',
      'according to a US\u00a0statement',
      {
        kind: 'document',
      },
    ),
    added('cue-according-to-us', 'cue', 'according to', 'according to a US\u00a0statement'),
  )
  spans.sort((a, b) => a.start - b.start || a.end - b.end)
  const relations = secondRelations(base.relations, own, left)
  return { spans, relations, docLabels: { overall_sentiment: ['negative'] } }
}

/** Ben's links: the sample's between spans he kept, one attribution read otherwise, his own. */
function secondRelations(
  base: readonly Relation[],
  own: Pick<Relation, 'annotator' | 'createdAt' | 'updatedAt'>,
  left: ReadonlySet<string>,
): Relation[] {
  const relations: Relation[] = base
    .filter((r) => !left.has(r.from) && !left.has(r.to))
    .map((r): Relation => {
      const mine = { ...r, ...own, attributes: { ...r.attributes } }
      if (r.id === 'rel-arms-transfers-accused') mine.attributes.attribution = 'indirect'
      return mine
    })
  relations.push(
    {
      id: 'rel-containers',
      type: 'attributed_to',
      from: 'claim-containers',
      to: 'source-us-statement',
      attributes: { attribution: 'indirect', stance: 'asserts' },
      ...own,
    },
    {
      id: 'rel-cue-containers',
      type: 'cue_of',
      from: 'cue-according-to-us',
      to: 'claim-containers',
      attributes: {},
      ...own,
    },
  )
  return relations
}
