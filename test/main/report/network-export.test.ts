// The source network as Gephi's inputs, read by readers someone else wrote: the GraphML checked
// well-formed by xmllint and read by NetworkX (Debian's python3-networkx), the CSV node and edge
// lists by pandas. Expected nodes, links and stances are read off test/shared/overview/fixture.ts,
// with one source renamed to hostile text.
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { networkCsv, networkGraphml } from '../../../src/main/core/report/network-export'
import { buildOverview } from '../../../src/shared/overview/overview-data'
import type { OverviewData } from '../../../src/shared/overview/types'
import { ENTITIES, overviewDocuments, SCHEMA } from '../../shared/overview/fixture'

// Everything a label can carry: markup, an ampersand, quotes, a ZWJ family, a flag, combining
// marks, RTL, a formula, a form feed (not allowed in XML 1.0) and U+2028.
const HOSTILE = 'Kim <b>"Jong"</b> & Un 👨‍👩‍👧 🇺🇦 é مرحبا =1+1\f\u2028end'
const HOSTILE_IN_XML = HOSTILE.replace('\f', '\uFFFD')

const run = (file: string, ...args: string[]) =>
  promisify(execFile)(file, args, { maxBuffer: 16 * 1024 * 1024 }).then((r) => r.stdout)

let dir: string
let overview: OverviewData

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'marginalia-network-'))
  const entities = ENTITIES.map((e) => (e.id === 'e-kim' ? { ...e, name: HOSTILE } : e))
  overview = buildOverview(
    { schema: SCHEMA, entities, documents: overviewDocuments() },
    { networkLimits: null },
  )
})
afterAll(() => rm(dir, { recursive: true, force: true }))

/** Fixture links as "source → target: stance", written out from fixture.ts. */
const LINKS = [
  `${HOSTILE_IN_XML} → any arms deal.: denies`,
  'Officials → prices will rise: questions',
  'Officials → victory: ',
  'Vladimir Putin → the treaty is binding.: asserts',
  'Vladimir Putin → victory: asserts',
]

const READ_GRAPHML = `
import json, sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
print(json.dumps({
  "directed": g.is_directed(),
  "nodes": [dict(d, id=n) for n, d in g.nodes(data=True)],
  "edges": [dict(d, source=g.nodes[u]["label"], target=g.nodes[v]["label"]) for u, v, d in g.edges(data=True)],
}))
`

describe('the network as GraphML', () => {
  let graph: {
    directed: boolean
    nodes: Record<string, string | number>[]
    edges: Record<string, string | number>[]
  }
  let file: string

  beforeAll(async () => {
    file = path.join(dir, 'network.graphml')
    await writeFile(file, networkGraphml(overview.network, overview.stances))
    graph = JSON.parse(await run('/usr/bin/python3', '-c', READ_GRAPHML, file))
  })

  it('is well-formed XML (xmllint)', async () => {
    await expect(run('xmllint', '--noout', file)).resolves.toBe('')
  })

  it('reads in NetworkX as a directed graph of the fixture’s sources, claims and links', () => {
    expect(graph.directed).toBe(true)
    const labels = (kind: string) =>
      graph.nodes
        .filter((n) => n.kind === kind)
        .map((n) => n.label)
        .sort()
    expect(labels('source')).toEqual(['Officials', 'Vladimir Putin', HOSTILE_IN_XML].sort())
    expect(labels('claim')).toEqual(
      ['any arms deal.', 'prices will rise', 'the treaty is binding.', 'victory'].sort(),
    )
    const links = graph.edges.map((e) => `${e.source} → ${e.target}: ${e.stance ?? ''}`).sort()
    expect(links).toEqual([...LINKS].sort())
    for (const e of graph.edges) expect(e.weight).toBe(1)
  })

  it('gives each stance its own edge colour, and Gephi its position, size and colour keys', () => {
    const colour = new Map<string, Set<string | number>>()
    for (const e of graph.edges) {
      const set = colour.get(String(e.stance ?? '')) ?? new Set()
      set.add(e.color)
      colour.set(String(e.stance ?? ''), set)
    }
    // One colour per stance, and a different one for each.
    for (const set of colour.values()) expect(set.size).toBe(1)
    const colours = [...colour.values()].map((s) => [...s][0])
    expect(new Set(colours).size).toBe(colour.size)
    for (const c of colours) expect(c).toMatch(/^#[0-9a-f]{6}$/i)
    for (const n of graph.nodes) {
      expect(typeof n.x).toBe('number')
      expect(typeof n.y).toBe('number')
      expect(n.size).toBeGreaterThan(0)
    }
    // Putin stands for two claims, Officials for two, the hostile source for one.
    const claims = Object.fromEntries(graph.nodes.map((n) => [n.label, n.claims]))
    expect(claims['Vladimir Putin']).toBe(2)
    expect(claims[HOSTILE_IN_XML]).toBe(1)
    expect(graph.nodes.find((n) => n.label === 'Vladimir Putin')?.entity_id).toBe('e-putin')
  })
})

const READ_CSV = `
import json, sys
import pandas as pd
nodes = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)
edges = pd.read_csv(sys.argv[2], dtype=str, keep_default_na=False)
print(json.dumps({"nodes": nodes.to_dict("records"), "edges": edges.to_dict("records")}))
`

describe('the network as CSV for Gephi’s spreadsheet import', () => {
  it('reads in pandas: every edge names node ids, with the fixture’s links and stances', async () => {
    const csv = networkCsv(overview.network, overview.stances, overview.spans)
    expect(csv.nodes.charCodeAt(0)).not.toBe(0xfeff)
    await writeFile(path.join(dir, 'nodes.csv'), csv.nodes)
    await writeFile(path.join(dir, 'edges.csv'), csv.edges)
    const { nodes, edges } = JSON.parse(
      await run(
        '/usr/bin/python3',
        '-c',
        READ_CSV,
        path.join(dir, 'nodes.csv'),
        path.join(dir, 'edges.csv'),
      ),
    ) as { nodes: Record<string, string>[]; edges: Record<string, string>[] }
    expect(Object.keys(nodes[0]).slice(0, 2)).toEqual(['Id', 'Label'])
    expect(Object.keys(edges[0]).slice(0, 4)).toEqual(['Source', 'Target', 'Type', 'Weight'])
    const label = new Map(nodes.map((n) => [n.Id, n.Label]))
    for (const e of edges) {
      expect(label.has(e.Source), e.Source).toBe(true)
      expect(label.has(e.Target), e.Target).toBe(true)
      expect(e.Type).toBe('Directed')
    }
    // CSV keeps every character, the form feed included.
    const links = edges.map((e) => `${label.get(e.Source)} → ${label.get(e.Target)}: ${e.stance}`)
    expect(links.sort()).toEqual([...LINKS.slice(1), `${HOSTILE} → any arms deal.: denies`].sort())
    // Each claim node lists the span behind it as document/span.
    const claimSpans = nodes.filter((n) => n.kind === 'claim').map((n) => n.claim_spans)
    expect(claimSpans.sort()).toEqual(['a/c1', 'a/c2', 'b/c3', 'b/c4'])
  })
})
