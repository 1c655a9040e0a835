// The report's two tables: every claim (numbered as in the articles, with its sources, entities,
// cues, attribution, stance, sentiment and checkability) and the per-source summary.
import { sourceKey, type ClaimRow } from '../../../shared/claims'
import { bdi, count, esc, words } from './html'
import type { ReportData } from './report-data'

function mix(counts: Record<string, number>): string {
  const entries = Object.entries(counts).filter(([, n]) => n > 0)
  if (entries.length === 0) return '<span class="muted">—</span>'
  return entries
    .map(([value, n]) => `<span class="pill">${bdi(words(value))} ${esc(n)}</span>`)
    .join(' ')
}

/** The claims table; `link(row)` is the claim's anchor in the articles. */
export function claimsTableHtml(data: ReportData, link: (row: ClaimRow) => string): string {
  if (data.rows.length === 0) return '<p class="muted">No claims have been tagged.</p>'
  const oneDoc = data.documents.length <= 1
  const head = [
    '<th class="num">#</th>',
    '<th>Claim</th>',
    '<th>Source (entity)</th>',
    '<th>Cue</th>',
    '<th>Attribution, stance</th>',
    '<th>Sentiment</th>',
    '<th>Checkability</th>',
  ].join('')
  const body = data.rows.map((row, i) => {
    const sources =
      row.sources.length === 0
        ? '<span class="pill no-source">No source</span>'
        : row.sources
            .map(
              (s) =>
                bdi(s.text) +
                (s.entityName && s.entityName !== s.text
                  ? ` <span class="muted">(${bdi(s.entityName)})</span>`
                  : ''),
            )
            .join('<br>')
    const how = row.sources
      .map(
        (s) =>
          [s.attribution, s.stance]
            .filter((v): v is string => !!v)
            .map(words)
            .map(esc)
            .join(', ') || '—',
      )
      .join('<br>')
    const sentiment = row.sentiments
      .map((s) => (s.polarity ? `<span class="pill">${bdi(words(s.polarity))}</span>` : ''))
      .join(' ')
    const where = oneDoc
      ? ''
      : `<br><span class="muted">${bdi(row.documentTitle || row.documentId)}</span>`
    return (
      `<tr id="claim-${i + 1}" data-claim-id="${esc(row.claimId)}" data-document-id="${esc(row.documentId)}">` +
      `<td class="num"><a href="${esc(link(row))}">C${i + 1}</a></td>` +
      `<td class="claim-cell">${bdi(row.claimText)}${where}</td>` +
      `<td>${sources}</td>` +
      `<td>${row.cues.map((c) => bdi(c.text)).join('<br>') || '—'}</td>` +
      `<td>${how || '—'}</td>` +
      `<td>${sentiment || '—'}</td>` +
      `<td>${row.checkability ? bdi(words(row.checkability)) : '—'}</td>` +
      '</tr>'
    )
  })
  const unsourced = data.rows.filter((r) => r.sources.length === 0).length
  return (
    `<p class="muted">${esc(count(data.rows.length, 'claim'))}` +
    (unsourced > 0 ? `, ${esc(count(unsourced, 'claim'))} with no source` : '') +
    '. Numbers match the marks in the articles.</p>' +
    `<table class="claims"><thead><tr>${head}</tr></thead><tbody>${body.join('\n')}</tbody></table>`
  )
}

/** Claims per source (entity, or the source text), with the mixes of their claims. */
export function sourcesTableHtml(data: ReportData): string {
  if (data.summaries.length === 0) {
    return '<p class="muted">No claim is linked to a source yet.</p>'
  }
  const stances = new Map<string, Record<string, number>>()
  for (const row of data.rows) {
    for (const s of row.sources) {
      const key = sourceKey(s)
      const mixOf = stances.get(key) ?? {}
      const stance = s.stance ?? 'not set'
      mixOf[stance] = (mixOf[stance] ?? 0) + 1
      stances.set(key, mixOf)
    }
  }
  const body = data.summaries.map((s) => {
    const key = sourceKey({ entityId: s.entityId, text: s.name })
    const docs = s.documents
      .slice(0, 5)
      .map((d) => bdi(d.title || d.id))
      .join('; ')
    const more =
      s.documents.length > 5 ? ` <span class="muted">and ${s.documents.length - 5} more</span>` : ''
    return (
      `<tr><td>${bdi(s.name)}${s.entityId ? '' : ' <span class="muted">(no entity)</span>'}</td>` +
      `<td class="num">${esc(s.claims)}</td><td>${mix(stances.get(key) ?? {})}</td>` +
      `<td>${mix(s.checkability)}</td><td>${mix(s.sentiment)}</td><td>${docs}${more}</td></tr>`
    )
  })
  return (
    '<table class="sources"><thead><tr><th>Source</th><th class="num">Claims</th><th>Stance</th>' +
    '<th>Checkability</th><th>Sentiment</th><th>Documents</th></tr></thead>' +
    `<tbody>${body.join('\n')}</tbody></table>`
  )
}
