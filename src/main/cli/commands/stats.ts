// `stats <dir>`: what a project holds — documents, spans by layer and label, relations by type,
// document labels, claims without a source — as text or, with --json, as one JSON object.
import type { ProjectStore } from '../../core/storage'
import { frameOf, unsourcedClaims, type UnsourcedClaim } from '../../../shared/claims'
import { field, printLines, type CliIo } from '../io'
import { withProject } from '../open-project'

export interface ProjectStats {
  name: string
  documents: number
  unreadableDocuments: number
  spans: number
  /** layer id → { total, labels: label → count } */
  spansByLayer: Record<string, { name: string; total: number; labels: Record<string, number> }>
  relations: number
  relationsByType: Record<string, number>
  /** label set id → value → number of documents */
  docLabels: Record<string, Record<string, number>>
  /** Spans on the schema's claim layer (its frame role). */
  claims: number
  /** Claims attributed to no source, in document then reading order. */
  claimsWithoutSource: UnsourcedClaim[]
}

/** Counts what the project holds, loading every document once. */
export async function collectStats(store: ProjectStore): Promise<ProjectStats> {
  const { project } = store
  const stats: ProjectStats = {
    name: project.name,
    documents: project.documents.length,
    unreadableDocuments: 0,
    spans: 0,
    spansByLayer: {},
    relations: 0,
    relationsByType: {},
    docLabels: {},
    claims: 0,
    claimsWithoutSource: [],
  }
  const claimLayer = frameOf(project.schema).claimLayer
  // Schema layers first, in schema order, so empty layers show as 0.
  for (const layer of project.schema.layers) {
    stats.spansByLayer[layer.id] = { name: layer.name, total: 0, labels: {} }
  }
  for (const entry of project.documents) {
    let file
    try {
      file = await store.loadDocument(entry.id)
    } catch {
      stats.unreadableDocuments++
      continue
    }
    const { annotations } = file
    stats.claims += annotations.spans.filter((s) => s.layer === claimLayer).length
    stats.claimsWithoutSource.push(...unsourcedClaims(project.schema, file))
    for (const span of annotations.spans) {
      const layer = (stats.spansByLayer[span.layer] ??= { name: span.layer, total: 0, labels: {} })
      layer.total++
      layer.labels[span.label] = (layer.labels[span.label] ?? 0) + 1
      stats.spans++
    }
    for (const relation of annotations.relations) {
      stats.relationsByType[relation.type] = (stats.relationsByType[relation.type] ?? 0) + 1
      stats.relations++
    }
    for (const [set, values] of Object.entries(annotations.docLabels)) {
      const counts = (stats.docLabels[set] ??= {})
      for (const value of values) counts[value] = (counts[value] ?? 0) + 1
    }
  }
  return stats
}

/** Prints the project's statistics. */
export async function statsCommand(
  dir: string,
  opts: { json?: boolean },
  io: CliIo,
): Promise<number> {
  const stats = await withProject(dir, { lock: false }, collectStats)
  if (opts.json) {
    io.stdout(`${JSON.stringify(stats, null, 2)}\n`)
    return 0
  }
  const unreadable = stats.unreadableDocuments
  const lines = [
    `Project: ${field(stats.name)}`,
    `Documents: ${stats.documents}${unreadable ? ` (${unreadable} could not be read)` : ''}`,
    `Spans: ${stats.spans}`,
  ]
  for (const [id, layer] of Object.entries(stats.spansByLayer)) {
    lines.push(`  ${field(layer.name)} (${field(id)}): ${layer.total}`)
    for (const [label, count] of Object.entries(layer.labels)) {
      lines.push(`    ${field(label)}: ${count}`)
    }
  }
  lines.push(`Relations: ${stats.relations}`)
  for (const [type, count] of Object.entries(stats.relationsByType)) {
    lines.push(`  ${field(type)}: ${count}`)
  }
  if (Object.keys(stats.docLabels).length > 0) {
    lines.push('Document labels:')
    for (const [set, counts] of Object.entries(stats.docLabels)) {
      const list = Object.entries(counts).map(([value, count]) => `${field(value)} ${count}`)
      lines.push(`  ${field(set)}: ${list.join(', ')}`)
    }
  }
  // Shown only when there are some: a claim nobody made is what a fact-checker looks for first.
  const unsourced = stats.claimsWithoutSource
  if (unsourced.length > 0) {
    lines.push(`Claims without a source: ${unsourced.length} of ${stats.claims}`)
    for (const c of unsourced) {
      lines.push(`  ${field(c.documentTitle)} (${c.claimId}): ${excerpt(c.text)}`)
    }
  }
  printLines(io.stdout, lines)
  return 0
}

/** A claim's text on one line, shortened to 80 characters. */
function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return JSON.stringify(line.length > 80 ? `${line.slice(0, 79)}…` : line)
}
