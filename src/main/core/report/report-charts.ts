// The source network in the report: the drawing (light and dark), the stance legend in words and
// what was left out of the drawing.
import { CHART_THEMES } from '../../../shared/overview/palette'
import { networkSvg } from './chart-svg'
import { count, esc } from './html'
import type { ReportData } from './report-data'

export const NETWORK_TITLE = 'Source network'

/** The network's figure: light and dark drawings, a caption, and what is not drawn. */
export function networkSvgPair(data: ReportData): string {
  const { network, stances } = data.overview
  const pair = (['light', 'dark'] as const)
    .map(
      (theme) =>
        `<div class="svg-${theme}">${networkSvg(network, stances, CHART_THEMES[theme], {
          idPrefix: `network-${theme}`,
          title: NETWORK_TITLE,
        })}</div>`,
    )
    .join('')
  const omitted = network.omitted
  const note =
    omitted.sources + omitted.targets > 0
      ? ` Left out of the drawing to keep it readable: ${esc(count(omitted.sources, 'source'))} ` +
        `with fewer claims and ${esc(count(omitted.targets, 'claim'))}; the GraphML and CSV exports ` +
        'hold every one.'
      : ''
  return (
    '<figure class="chart" id="chart-network" data-chart="network">' +
    '<figcaption><p>Who claims what: each source (round) is linked to the claims attributed to ' +
    'it (square); the colour of a link is the stance the source takes. Laid out with ' +
    `ForceAtlas2 from seeded positions (seed ${esc(network.seed)}), so the same project always ` +
    `gives the same picture.${note}</p></figcaption>${pair}</figure>`
  )
}
