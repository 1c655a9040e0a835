import { describe, expect, it } from 'vitest'
import { defaultSchema } from '../../../src/shared/default-schema'
import type { Relation, Span } from '../../../src/shared/model'
import {
  allowedTypes,
  linkCandidates,
  linkOptionsFor,
  relationDefaults,
  resolveLink,
  retargetCandidates,
  schemaProblem,
  spanDistance,
  spanLinks,
  type LinkData,
} from '../../../src/renderer/src/editor/relations'
import { makeDocument, spanOf } from './fixtures'

const doc = makeDocument([
  ['paragraph', 'Putin said the deal protects both nations, according to TASS.'],
  ['paragraph', 'Kim told reporters the alliance is strong. Blinken disagreed.'],
])
const at = (s: string) => doc.text.indexOf(s)
const span = (id: string, quote: string, layer: string): Span => ({
  ...spanOf(doc.text, id, at(quote), at(quote) + quote.length, layer),
  label: layer,
})
const rel = (id: string, type: string, from: string, to: string): Relation => ({
  id,
  type,
  from,
  to,
  attributes: {},
  annotator: 't',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
})

const spans = [
  span('putin', 'Putin', 'source'),
  span('said', 'said', 'cue'),
  span('deal', 'the deal protects both nations', 'claim'),
  span('tass', 'TASS', 'source'),
  span('kim', 'Kim', 'source'),
  span('strong', 'the alliance is strong', 'claim'),
  span('blinken', 'Blinken', 'source'),
  span('mood', 'disagreed', 'sentiment'),
]

function data(relations: Relation[] = []): LinkData {
  const byId = new Map(spans.map((s) => [s.id, s]))
  return { schema: defaultSchema(), spans: byId, relations }
}

describe('relation rules from the schema', () => {
  it('lists the relation types a layer takes part in, with its end', () => {
    const schema = defaultSchema()
    const ids = (layer: string) =>
      linkOptionsFor(schema, layer).map((o) => `${o.type.id}:${o.direction}`)
    expect(ids('claim')).toEqual(['attributed_to:out', 'cue_of:in'])
    expect(ids('source')).toEqual(['attributed_to:in'])
    expect(ids('cue')).toEqual(['cue_of:out'])
    expect(ids('sentiment')).toEqual([])
    expect(allowedTypes(schema, 'claim', 'source').map((t) => t.id)).toEqual(['attributed_to'])
    expect(allowedTypes(schema, 'source', 'claim')).toEqual([])
  })

  it('measures the gap between spans in characters, 0 when they overlap', () => {
    expect(spanDistance({ start: 0, end: 5 }, { start: 10, end: 12 })).toBe(5)
    expect(spanDistance({ start: 10, end: 12 }, { start: 0, end: 5 })).toBe(5)
    expect(spanDistance({ start: 0, end: 10 }, { start: 3, end: 4 })).toBe(0)
  })

  it('names what the schema forbids', () => {
    const d = data()
    expect(schemaProblem(d, { type: 'attributed_to', from: 'deal', to: 'putin' })).toBeNull()
    expect(schemaProblem(d, { type: 'attributed_to', from: 'putin', to: 'deal' })).toMatch(
      /cannot start at a Source span/,
    )
    expect(schemaProblem(d, { type: 'attributed_to', from: 'deal', to: 'mood' })).toMatch(
      /cannot end at a Sentiment span/,
    )
    expect(schemaProblem(d, { type: 'nope', from: 'deal', to: 'putin' })).toMatch(/no relation/)
    expect(schemaProblem(d, { type: 'attributed_to', from: 'deal', to: 'gone' })).toMatch(
      /no longer exists/,
    )
  })

  it('resolves a drag in either direction to the schema direction', () => {
    const d = data()
    expect(resolveLink(d, 'deal', 'putin')).toEqual({
      type: 'attributed_to',
      from: 'deal',
      to: 'putin',
    })
    // From the source to the claim: still claim → source.
    expect(resolveLink(d, 'putin', 'deal')).toEqual({
      type: 'attributed_to',
      from: 'deal',
      to: 'putin',
    })
    expect(resolveLink(d, 'deal', 'said')).toEqual({ type: 'cue_of', from: 'said', to: 'deal' })
    expect(resolveLink(d, 'deal', 'mood')).toEqual({
      problem: 'No relation type of the schema links a Claim and a Sentiment.',
    })
    expect(resolveLink(d, 'deal', 'deal')).toHaveProperty('problem')
    expect(
      resolveLink(data([rel('r', 'attributed_to', 'deal', 'putin')]), 'deal', 'putin'),
    ).toEqual({ problem: 'These two spans are already linked.' })
  })

  it('starts relation attributes from the schema defaults', () => {
    expect(
      relationDefaults([
        { name: 'stance', type: 'enum', values: ['a', 'b'], default: 'b' },
        { name: 'note', type: 'text' },
      ]),
    ).toEqual({ stance: 'b' })
  })
})

describe('link candidates', () => {
  it('offers sources for a claim, nearest first, and cues in their own group', () => {
    const groups = linkCandidates(data(), 'deal')
    expect(groups.map((g) => `${g.type.id}:${g.direction}`)).toEqual([
      'attributed_to:out',
      'cue_of:in',
    ])
    const sources = groups[0].candidates.map((c) => c.span.id)
    expect(sources).toEqual(['putin', 'tass', 'kim', 'blinken'])
    const distances = groups[0].candidates.map((c) => c.distance)
    expect([...distances].sort((a, b) => a - b)).toEqual(distances)
    expect(groups[1].candidates.map((c) => c.span.id)).toEqual(['said'])
  })

  it('leaves out spans already linked, and limits each group', () => {
    const groups = linkCandidates(data([rel('r', 'attributed_to', 'deal', 'putin')]), 'deal', 2)
    expect(groups[0].candidates.map((c) => c.span.id)).toEqual(['tass', 'kim'])
  })

  it('offers claims for a source (the incoming direction) and nothing for sentiment', () => {
    const groups = linkCandidates(data(), 'kim')
    expect(groups).toHaveLength(1)
    expect(groups[0].direction).toBe('in')
    expect(groups[0].candidates.map((c) => c.span.id)).toEqual(['strong', 'deal'])
    expect(linkCandidates(data(), 'mood')).toEqual([])
  })

  it('offers new ends for a relation, nearest to the end that stays', () => {
    const d = data([rel('r', 'attributed_to', 'strong', 'kim')])
    const [group] = retargetCandidates(d, 'r', 'to')
    expect(group.candidates.map((c) => c.span.id)).toEqual(['blinken', 'tass', 'putin'])
    const [claims] = retargetCandidates(d, 'r', 'from')
    expect(claims.candidates.map((c) => c.span.id)).toEqual(['deal'])
    expect(retargetCandidates(d, 'missing', 'to')).toEqual([])
  })

  it('lists a span’s links with their other ends, outgoing first', () => {
    const d = data([rel('a', 'cue_of', 'said', 'deal'), rel('b', 'attributed_to', 'deal', 'putin')])
    const links = spanLinks(d, 'deal')
    expect(links.map((l) => [l.relation.id, l.direction, l.other?.id, l.type?.id])).toEqual([
      ['b', 'out', 'putin', 'attributed_to'],
      ['a', 'in', 'said', 'cue_of'],
    ])
  })
})
