// The source network as files for Gephi and other graph tools: GraphML (one file), or CSV node and
// edge lists (Gephi's spreadsheet import). graphology-graphml ships only a parser, so GraphML is
// written here with the XML escaping of the other XML formats (formats/xml.ts).
//
// GraphML keys use the names Gephi's importer maps to its own properties (it matches a key by id,
// then by attr.name): node `label`, `x`, `y`, `size`, `color`; edge `weight`, `label`, `color`. So
// a network opens in Gephi laid out, sized and coloured as the app drew it; the other keys
// (kind, entity, document, claims, stance and the count of each stance) are data columns.
import { stringify } from 'csv-stringify/sync'
import { stanceColor } from '../../../shared/overview/chart-options'
import { CHART_THEMES } from '../../../shared/overview/palette'
import type { NetworkData, OverviewSpan } from '../../../shared/overview/types'
import { neutraliseFormula } from '../../../shared/formula'
import { attrs, escapeText } from '../formats/xml'

interface KeyDef {
  id: string
  for: 'node' | 'edge'
  name: string
  type: 'string' | 'int' | 'double'
}

/** Node size as Gephi shows it: by how many claims a node stands for. */
function nodeSize(claims: number): number {
  return Math.round((6 + 4 * Math.sqrt(claims)) * 10) / 10
}

/** The network as GraphML 1.0 (directed: source → claim or label). */
export function networkGraphml(network: NetworkData, stances: readonly string[]): string {
  const theme = CHART_THEMES.light
  const used = [...new Set(network.edges.flatMap((e) => Object.keys(e.stances)))]
  const stanceKeys = [
    ...stances.filter((s) => used.includes(s)),
    ...used.filter((s) => !stances.includes(s)),
  ]
  const keys: KeyDef[] = [
    { id: 'label', for: 'node', name: 'label', type: 'string' },
    { id: 'kind', for: 'node', name: 'kind', type: 'string' },
    { id: 'entity', for: 'node', name: 'entity_id', type: 'string' },
    { id: 'document', for: 'node', name: 'document_id', type: 'string' },
    { id: 'claims', for: 'node', name: 'claims', type: 'int' },
    { id: 'x', for: 'node', name: 'x', type: 'double' },
    { id: 'y', for: 'node', name: 'y', type: 'double' },
    { id: 'size', for: 'node', name: 'size', type: 'double' },
    { id: 'color', for: 'node', name: 'color', type: 'string' },
    { id: 'weight', for: 'edge', name: 'weight', type: 'double' },
    { id: 'edgelabel', for: 'edge', name: 'label', type: 'string' },
    { id: 'stance', for: 'edge', name: 'stance', type: 'string' },
    { id: 'edgecolor', for: 'edge', name: 'color', type: 'string' },
    ...stanceKeys.map((s, i): KeyDef => ({
      id: `stance${i}`,
      for: 'edge',
      name: s === '' ? 'stance_not_set' : `stance_${s}`,
      type: 'int',
    })),
  ]
  const ids = new Map(network.nodes.map((n, i) => [n.id, `n${i}`]))
  const data = (key: string, value: string | number | undefined) =>
    value === undefined || value === ''
      ? ''
      : `<data key="${key}">${escapeText(String(value))}</data>`
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns ' +
      'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys.map(
      (k) => `  <key${attrs({ id: k.id, for: k.for, 'attr.name': k.name, 'attr.type': k.type })}/>`,
    ),
    `  <graph id="sources" edgedefault="directed">`,
  ]
  for (const node of network.nodes) {
    const color = node.kind === 'source' ? theme.sourceNode : theme.claimNode
    lines.push(
      `    <node id="${ids.get(node.id)}">` +
        data('label', node.label) +
        data('kind', node.kind) +
        data('entity', node.entityId) +
        data('document', node.docId) +
        data('claims', node.refs.length) +
        data('x', node.x) +
        // Gephi's y axis points up; the drawing's down.
        data('y', -node.y) +
        data('size', nodeSize(node.refs.length)) +
        data('color', color) +
        '</node>',
    )
  }
  network.edges.forEach((edge, i) => {
    lines.push(
      `    <edge id="e${i}" source="${ids.get(edge.source)}" target="${ids.get(edge.target)}">` +
        data('weight', edge.weight) +
        data('edgelabel', edge.stance ?? '') +
        data('stance', edge.stance ?? '') +
        data('edgecolor', stanceColor(theme, edge.stance, [...stances])) +
        stanceKeys.map((s, k) => data(`stance${k}`, edge.stances[s] ?? 0)).join('') +
        '</edge>',
    )
  })
  lines.push('  </graph>', '</graphml>', '')
  return lines.join('\n')
}

/** A CSV cell: text defused against spreadsheet formulas, as the span CSV does. */
function cell(value: string | number | undefined): string | number {
  if (value === undefined) return ''
  return typeof value === 'string' ? neutraliseFormula(value) : value
}

/**
 * The network as Gephi's spreadsheet import reads it: nodes.csv (Id, Label, …) and edges.csv
 * (Source, Target, Type, Weight, …), UTF-8 without a byte-order mark (Gephi would read it into
 * the first column's name), RFC 4180 quoting. Claim ids list the spans behind each row.
 */
export function networkCsv(
  network: NetworkData,
  stances: readonly string[],
  spans: readonly OverviewSpan[],
): { nodes: string; edges: string } {
  const used = [...new Set(network.edges.flatMap((e) => Object.keys(e.stances)))]
  const stanceKeys = [
    ...stances.filter((s) => used.includes(s)),
    ...used.filter((s) => !stances.includes(s)),
  ]
  const claimIds = (refs: number[]) =>
    refs.map((r) => `${spans[r].docId}/${spans[r].spanId}`).join(' ')
  const nodes = [
    ['Id', 'Label', 'kind', 'entity_id', 'document_id', 'claims', 'x', 'y', 'claim_spans'],
    ...network.nodes.map((n) => [
      cell(n.id),
      cell(n.label),
      n.kind,
      cell(n.entityId),
      cell(n.docId),
      n.refs.length,
      n.x,
      -n.y,
      claimIds(n.refs),
    ]),
  ]
  const edges = [
    [
      'Source',
      'Target',
      'Type',
      'Weight',
      'stance',
      ...stanceKeys.map((s) => (s === '' ? 'stance_not_set' : `stance_${s}`)),
      'claim_spans',
    ],
    ...network.edges.map((e) => [
      cell(e.source),
      cell(e.target),
      'Directed',
      e.weight,
      cell(e.stance ?? ''),
      ...stanceKeys.map((s) => e.stances[s] ?? 0),
      claimIds(e.refs),
    ]),
  ]
  const csv = (rows: (string | number)[][]) => stringify(rows, { record_delimiter: 'windows' })
  return { nodes: csv(nodes), edges: csv(edges) }
}
