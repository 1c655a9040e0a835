// Provenance: what the report was made from and how, in the spirit of an export's manifest: the
// generator and format version, the schema (layers, labels, attributes, relation types), counts,
// every document with its content hash, what could not be read, and the checks run on the spans.
import { FORMAT_VERSION } from '../../../shared/model'
import { bdi, count, esc } from './html'
import type { ReportData } from './report-data'

/** The provenance section's content. */
export function provenanceHtml(data: ReportData): string {
  const { project } = data
  const schema = project.schema
  const layers = schema.layers
    .map(
      (l) =>
        `<tr><td><code>${esc(l.id)}</code></td><td>${bdi(l.name)}</td>` +
        `<td>${l.labels.map((x) => bdi(x.name)).join(', ')}</td>` +
        `<td>${l.attributes.map((a) => `${esc(a.name)}${a.type === 'enum' ? ` (${a.values.map(esc).join(', ')})` : ` (${a.type})`}`).join('; ') || '—'}</td>` +
        `<td class="num">${esc(data.counts.spansByLayer[l.id] ?? 0)}</td></tr>`,
    )
    .join('')
  const relations = schema.relationTypes
    .map(
      (r) =>
        `<tr><td><code>${esc(r.id)}</code></td><td>${bdi(r.name)}</td>` +
        `<td>${r.from.map(esc).join(', ')} → ${r.to.map(esc).join(', ')}</td>` +
        `<td>${r.attributes.map((a) => `${esc(a.name)}${a.type === 'enum' ? ` (${a.values.map(esc).join(', ')})` : ''}`).join('; ') || '—'}</td>` +
        `<td class="num">${esc(data.counts.relationsByType[r.id] ?? 0)}</td></tr>`,
    )
    .join('')
  const entries = new Map(data.documents.map((x) => [x.entry.id, x.entry]))
  const docs = data.overview.documents
    .map((d) => {
      const entry = entries.get(d.id)!
      return (
        `<tr><td><code>${esc(d.id)}</code></td><td>${bdi(d.title || d.id)}</td>` +
        `<td>${esc(d.date)} <span class="muted">(${d.dateSource})</span></td>` +
        `<td class="num">${esc(d.spans)}</td><td class="num">${esc(d.claims)}</td>` +
        `<td><code>${esc(entry.contentHash)}</code></td></tr>`
      )
    })
    .join('')
  const mismatches = data.quoteMismatches
  const notes = [
    `Generated ${esc(data.generatedAt)} by ${esc(data.generator)} from the project folder's ` +
      `files (format version ${FORMAT_VERSION}), project id <code>${esc(project.id)}</code>.`,
    `Scope: ${data.docId ? `one document (<code>${esc(data.docId)}</code>)` : 'the whole project'}; ` +
      `${esc(count(data.documents.length, 'document'))}, ${esc(count(data.counts.spans, 'span'))}, ` +
      `${esc(count(data.counts.relations, 'relation'))}.`,
    'Claims, sources, attribution and stance are read through the schema’s frame roles, as the ' +
      'app’s Claims, Sources and Overview views read them; charts count exactly those rows.',
    'Offsets in the project count UTF-16 code units. Every span’s stored quote was checked ' +
      `against the text at its offsets: ${mismatches.length === 0 ? 'all match' : `${esc(count(mismatches.length, 'span'))} do not (listed below)`}.`,
    `The source network’s layout is ForceAtlas2 from positions seeded with ${esc(data.overview.network.seed)}.`,
  ]
  const problems =
    data.problems.length === 0
      ? ''
      : '<h3>Left out</h3><ul>' +
        data.problems
          .map((p) => `<li><code>${esc(p.file)}</code>: ${esc(p.message)}</li>`)
          .join('') +
        '</ul>'
  const mismatchList =
    mismatches.length === 0
      ? ''
      : '<h3>Quotes that do not match the text</h3><ul>' +
        mismatches
          .slice(0, 200)
          .map(
            (m) => `<li><code>${esc(m.documentId)}</code> span <code>${esc(m.spanId)}</code></li>`,
          )
          .join('') +
        '</ul>'
  return (
    `<ul>${notes.map((n) => `<li>${n}</li>`).join('')}</ul>` +
    problems +
    mismatchList +
    `<h3>Schema: ${bdi(schema.name)}</h3>` +
    '<table><thead><tr><th>Layer</th><th>Name</th><th>Labels</th><th>Attributes</th><th class="num">Spans</th></tr></thead>' +
    `<tbody>${layers}</tbody></table>` +
    '<table><thead><tr><th>Relation</th><th>Name</th><th>From → to</th><th>Attributes</th><th class="num">Links</th></tr></thead>' +
    `<tbody>${relations}</tbody></table>` +
    '<h3>Documents</h3>' +
    '<table><thead><tr><th>Id</th><th>Title</th><th>Filed under</th><th class="num">Spans</th><th class="num">Claims</th><th>Content hash</th></tr></thead>' +
    `<tbody>${docs}</tbody></table>`
  )
}
