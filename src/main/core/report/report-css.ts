// The report's stylesheet: readable on screen (light or dark, following the reader's system) and
// on paper (always light), with page breaks that never split a table row, a chart or a heading
// from what follows it. One colour rule per schema layer draws its highlights as the app does.
import type { AnnotationSchema } from '../../../shared/model'
import { frameOf } from '../../../shared/claims'

const UNDERLINE: Record<string, string> = {
  solid: 'solid',
  dashed: 'dashed',
  dotted: 'dotted',
  double: 'double',
  wavy: 'wavy',
}

/** One rule per layer: its underline style and colour, each layer a little lower than the last. */
function layerRules(schema: AnnotationSchema): string {
  const claim = frameOf(schema).claimLayer
  return schema.layers
    .map((layer, i) => {
      // Colours are validated #rrggbb and styles an enum, so nothing here comes from free text.
      const style = UNDERLINE[layer.underline] ?? 'solid'
      const tint = layer.id === claim ? `background:${layer.color}1f;` : ''
      return (
        `.hl.l${i}{text-decoration:underline ${style} ${layer.color};` +
        `text-decoration-thickness:2px;text-underline-offset:${2 + 3 * i}px;${tint}}`
      )
    })
    .join('\n')
}

const BASE = `
.svg-dark{display:none}
:root{color-scheme:light dark;--bg:#ffffff;--fg:#1d2025;--muted:#555b65;--rule:#d9d6ce;
--head:#f3f2ee;--accent:#1f4fbf;--warn-bg:#fff6e0;--warn-fg:#7a4a00}
@media screen and (prefers-color-scheme:dark){:root{--bg:#16181c;--fg:#e4e4e0;--muted:#a4abb5;
--rule:#353a42;--head:#1e2126;--accent:#8fb0ff;--warn-bg:#3a3018;--warn-fg:#f3c66b}
.svg-light{display:none}.svg-dark{display:block}}
@media print{.svg-dark{display:none}}
*{box-sizing:border-box}
html{background:var(--bg);color:var(--fg);font:10.5pt/1.5 system-ui,-apple-system,'Segoe UI',Roboto,
'Noto Sans','DejaVu Sans',sans-serif;-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0 auto;max-width:60rem;padding:2rem 2.5rem}
h1{font-size:24pt;line-height:1.2;margin:0 0 .4em}
h2{font-size:16pt;margin:2em 0 .6em;padding-bottom:.2em;border-bottom:2px solid var(--rule)}
h3{font-size:12.5pt;margin:1.4em 0 .4em}
h4{font-size:11pt;margin:1em 0 .3em}
h2,h3,h4,figcaption{break-after:avoid}
a{color:var(--accent)}
.muted{color:var(--muted)}
.title-page{min-height:85vh;display:flex;flex-direction:column;justify-content:center;break-after:page}
.title-page .kicker{text-transform:uppercase;letter-spacing:.12em;color:var(--muted);font-size:10pt}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.3em 1.2em;margin:1.5em 0}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
nav.toc ol{padding-left:1.2em}
section{break-before:page}
section.first{break-before:auto}
figure.chart{margin:1.2em 0 2em;break-inside:avoid}
figure.chart svg{display:block;max-width:100%;height:auto}
figcaption p{margin:.2em 0 .6em;color:var(--muted)}
table{border-collapse:collapse;width:100%;font-size:9pt;margin:.6em 0 1.4em}
thead{display:table-header-group}
tr{break-inside:avoid;page-break-inside:avoid}
th,td{border-bottom:1px solid var(--rule);padding:.35em .5em;text-align:left;vertical-align:top}
th{background:var(--head);font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.claim-cell{width:30%}table.claims td:nth-child(3){min-width:8em}
.pill{display:inline-block;padding:0 .45em;border-radius:.6em;background:var(--head);
border:1px solid var(--rule);font-size:8.5pt;white-space:nowrap}
.no-source{color:var(--warn-fg);background:var(--warn-bg)}
article.doc{margin-bottom:2.5em}
article.doc header{break-after:avoid}
article.doc p,article.doc li,article.doc blockquote{line-height:2.1;white-space:pre-wrap}
article.doc blockquote{margin:.6em 0 .6em 1em;padding-left:1em;border-left:3px solid var(--rule)}
article.doc p,article.doc li{orphans:3;widows:3}
.claim-no{font-size:7.5pt;font-weight:700;vertical-align:super;margin:0 .15em;text-decoration:none;
padding:0 .25em;border-radius:.3em;background:var(--head);border:1px solid var(--rule)}
ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4em 1.4em;margin:.4em 0 1em;
line-height:2.2}
.callout{padding:.6em .9em;border-radius:6px;background:var(--warn-bg);color:var(--warn-fg)}
code{font-family:ui-monospace,'DejaVu Sans Mono',monospace;font-size:8.5pt;word-break:break-all}
@page{margin:16mm 14mm}
@media print{body{max-width:none;padding:0}.title-page{min-height:240mm}}
`

/** The whole stylesheet for a report over `schema`. */
export function reportCss(schema: AnnotationSchema): string {
  return `${BASE}\n${layerRules(schema)}`
}
