// The analyst report as one self-contained HTML file: a title page, the Overview's charts and the
// source network as inline SVG (light, and dark for screens that ask for it), the claims table,
// the per-source summary, every article with its highlights and a legend, and the provenance.
// Nothing in it loads from anywhere: no scripts, no external style sheets, fonts or images, and a
// Content-Security-Policy that forbids them, so opening a report (or printing it) makes no request.
import { CHART_THEMES } from '../../../shared/overview/palette'
import { NETWORK_TITLE, networkSvgPair } from './report-charts'
import { chartSvg } from './chart-svg'
import { articleHtml, legendHtml, spanAnchor, type ClaimNumbers } from './article-html'
import { bdi, count, esc } from './html'
import { provenanceHtml } from './provenance-html'
import { reportCss } from './report-css'
import type { ReportData } from './report-data'
import { claimsTableHtml, sourcesTableHtml } from './tables-html'

/** The report's policy: nothing may load; inline styles (the charts use them) are the exception. */
export const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

/** The report of `data` as one HTML document. */
export function reportHtml(data: ReportData): string {
  const { project } = data
  const numbers: ClaimNumbers = new Map(
    data.rows.map((row, i) => [`${row.documentId}\n${row.claimId}`, i + 1]),
  )
  const docIndex = new Map(data.documents.map((d, i) => [d.entry.id, i]))
  const title = data.docId ? (data.documents[0]?.entry.title ?? data.docId) : project.name
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="color-scheme" content="light dark">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${esc(data.generator)}">`,
    `<title>${esc(`Report: ${title}`)}</title>`,
    `<style>${reportCss(project.schema)}</style>`,
    '</head>',
    '<body>',
    titlePage(data, title),
    chartsSection(data),
    `<section id="claims"><h2>Claims</h2>${claimsTableHtml(data, (row) => `#${spanAnchor(docIndex.get(row.documentId) ?? 0, row.claimId)}`)}</section>`,
    `<section id="sources"><h2>Sources</h2>${sourcesTableHtml(data)}</section>`,
    articlesSection(data, numbers),
    `<section id="provenance"><h2>Provenance</h2>${provenanceHtml(data)}</section>`,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

function titlePage(data: ReportData, title: string): string {
  const { project, overview } = data
  const range = data.dateRange
  const dates = range
    ? range.first === range.last
      ? range.first
      : `${range.first} – ${range.last}`
    : '—'
  const facts: [string, string][] = [
    ['Project', bdi(project.name)],
    ...(data.docId ? ([['Document', bdi(title)]] as [string, string][]) : []),
    ['Documents', esc(overview.totals.documents)],
    ['Claims', esc(overview.totals.claims)],
    ['Sources', esc(overview.totals.sources)],
    ['Spans', esc(data.counts.spans)],
    ['Analysts', data.analysts.length > 0 ? data.analysts.map(bdi).join(', ') : '(not recorded)'],
    ['Document dates', esc(dates)],
    ['Last annotation', esc(data.lastAnnotated ?? '—')],
    ['Project created', esc(project.createdAt)],
    ['Report generated', `${esc(data.generatedAt)} by ${esc(data.generator)}`],
  ]
  const toc = [
    ['overview', 'Overview charts'],
    ['network', 'Source network'],
    ['claims', 'Claims'],
    ['sources', 'Sources'],
    ['articles', data.docId ? 'The article' : 'Articles'],
    ['provenance', 'Provenance'],
  ]
  return (
    '<header class="title-page">' +
    '<p class="kicker">Analyst report</p>' +
    `<h1>${bdi(title)}</h1>` +
    `<dl class="facts">${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>` +
    `<nav class="toc" aria-label="Contents"><h2>Contents</h2><ol>${toc
      .map(([id, name]) => `<li><a href="#${id}">${esc(name)}</a></li>`)
      .join('')}</ol></nav>` +
    (data.problems.length > 0
      ? `<p class="callout">${esc(count(data.problems.length, 'document'))} could not be read and ` +
        'are left out; see Provenance.</p>'
      : '') +
    '</header>'
  )
}

function chartsSection(data: ReportData): string {
  const figures = data.overview.charts.map((chart) => {
    const pair = (['light', 'dark'] as const)
      .map(
        (theme) =>
          `<div class="svg-${theme}">${chartSvg(chart, CHART_THEMES[theme], { idPrefix: `chart-${chart.id}-${theme}` })}</div>`,
      )
      .join('')
    return (
      `<figure class="chart" id="chart-${chart.id}" data-chart="${chart.id}">` +
      `<figcaption><h3>${esc(chart.title)}</h3><p>${esc(chart.description)}</p></figcaption>` +
      `${pair}</figure>`
    )
  })
  return (
    '<section id="overview" class="first"><h2>Overview charts</h2>' +
    `<p class="muted">Counts over ${esc(count(data.overview.totals.documents, 'document'))}, as ` +
    'the Overview view of the app shows them.</p>' +
    figures.join('\n') +
    '</section>' +
    `<section id="network"><h2>${esc(NETWORK_TITLE)}</h2>${networkSvgPair(data)}</section>`
  )
}

function articlesSection(data: ReportData, numbers: ClaimNumbers): string {
  const schema = data.project.schema
  const articles = data.documents.map(({ entry, file }, i) => {
    const counts: Record<string, number> = {}
    for (const s of file.annotations.spans) counts[s.layer] = (counts[s.layer] ?? 0) + 1
    const meta = file.document.metadata
    const facts = [
      meta.outlet && `Outlet: ${bdi(meta.outlet)}`,
      meta.author && `Author: ${bdi(meta.author)}`,
      meta.publishedAt && `Published: ${bdi(meta.publishedAt)}`,
      // A URL is printed as text, never as a link: the report makes no request, even on a click.
      meta.url && `Source: ${bdi(meta.url)}`,
      `Added: ${esc(entry.addedAt)}`,
    ].filter(Boolean)
    return (
      `<article class="doc" id="doc-${i}" data-document-id="${esc(entry.id)}">` +
      `<header><h3>${bdi(entry.title || entry.id)}</h3>` +
      `<p class="muted">${facts.join(' · ')}</p>${legendHtml(schema, counts)}</header>` +
      articleHtml(schema, file, i, numbers) +
      '</article>'
    )
  })
  return `<section id="articles"><h2>${data.docId ? 'The article' : 'Articles'}</h2>${articles.join('\n')}</section>`
}
