// The source network of fixture.ts: who claims what, each link coloured by its stance, laid out
// the same way every time from the same seed. Expected nodes and links are read off the fixture.
import { describe, expect, it } from 'vitest'
import { dominantStance } from '../../../src/shared/overview/network'
import { seededRandom } from '../../../src/shared/seeded-random'
import { buildOverview } from '../../../src/shared/overview/overview-data'
import type { NetworkData, NetworkMode } from '../../../src/shared/overview/types'
import { ENTITIES, overviewDocuments, SCHEMA } from './fixture'

function network(mode: NetworkMode = 'claims', seed?: number): NetworkData {
  return buildOverview(
    { schema: SCHEMA, entities: ENTITIES, documents: overviewDocuments() },
    { networkMode: mode, seed },
  ).network
}

function links(net: NetworkData): string[] {
  const label = new Map(net.nodes.map((n) => [n.id, n.label]))
  return net.edges
    .map((e) => `${label.get(e.source)} → ${label.get(e.target)}: ${e.stance ?? '—'} ×${e.weight}`)
    .sort()
}

describe('the source network', () => {
  it('links each source to the claims attributed to it, with the stance it takes', () => {
    const net = network()
    expect(
      net.nodes
        .filter((n) => n.kind === 'source')
        .map((n) => n.label)
        .sort(),
    ).toEqual(['Kim Jong Un', 'Officials', 'Vladimir Putin'])
    // c5 has no source, so it is not in the network.
    expect(
      net.nodes
        .filter((n) => n.kind === 'claim')
        .map((n) => n.label)
        .sort(),
    ).toEqual(['any arms deal.', 'prices will rise', 'the treaty is binding.', 'victory'])
    expect(links(net)).toEqual([
      'Kim Jong Un → any arms deal.: denies ×1',
      'Officials → prices will rise: questions ×1',
      'Officials → victory: — ×1',
      'Vladimir Putin → the treaty is binding.: asserts ×1',
      'Vladimir Putin → victory: asserts ×1',
    ])
    expect(net.nodes.find((n) => n.label === 'Vladimir Putin')?.entityId).toBe('e-putin')
  })

  it('in label mode, gathers a source’s claims of one label into one weighted link', () => {
    const net = network('labels')
    expect(net.nodes.filter((n) => n.kind === 'label').map((n) => n.label)).toEqual(['Claim'])
    // Officials: c3 (stance not set) and c4 (questions): the set stance wins.
    expect(links(net)).toEqual([
      'Kim Jong Un → Claim: denies ×1',
      'Officials → Claim: questions ×2',
      'Vladimir Putin → Claim: asserts ×2',
    ])
    const officials = net.edges.find((e) => e.weight === 2 && e.stance === 'questions')!
    expect(officials.stances).toEqual({ '': 1, questions: 1 })
  })

  it('lays out the same way for the same seed, and differently for another', () => {
    const positions = (net: NetworkData) => net.nodes.map((n) => [n.id, n.x, n.y])
    expect(positions(network('claims', 7))).toEqual(positions(network('claims', 7)))
    expect(positions(network('claims', 7))).not.toEqual(positions(network('claims', 8)))
    for (const n of network().nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0)
      expect(n.x).toBeLessThanOrEqual(1000)
      expect(n.y).toBeGreaterThanOrEqual(0)
      expect(n.y).toBeLessThanOrEqual(1000)
    }
  })

  it('draws at most the limits, counting what it leaves out', () => {
    const net = buildOverview(
      { schema: SCHEMA, entities: ENTITIES, documents: overviewDocuments() },
      { networkLimits: { sources: 1, targets: 1 } },
    ).network
    // The source with most claims first (Officials, by name among the two with two claims).
    expect(net.nodes.map((n) => n.label)).toEqual(['victory', 'Officials'])
    expect(net.omitted).toEqual({ sources: 2, targets: 1 })
  })

  it('picks the stance most links take, ties by schema order, ignoring unset', () => {
    const order = ['asserts', 'denies', 'questions', 'reports']
    expect(dominantStance({ denies: 2, asserts: 2 }, order)).toBe('asserts')
    expect(dominantStance({ '': 5, reports: 1 }, order)).toBe('reports')
    expect(dominantStance({ '': 3 }, order)).toBeNull()
    const a = seededRandom(1)
    const b = seededRandom(1)
    expect([a(), a(), a()]).toEqual([b(), b(), b()])
  })
})
