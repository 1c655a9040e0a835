// The Overview's channels and the analyst report's: the charts' data, saving a chart or the
// network, and writing the report. Heavy modules (ECharts, the layout, the report) load on first
// use, so they cost nothing at start-up. No Electron here: the host passes what it needs (dialogs,
// the PDF printer) through the HandlerContext, as for every other handler.
import path from 'node:path'
import type { ArgsOf, Handlers } from '../shared/ipc-contract'
import { CHART_THEMES } from '../shared/overview/palette'
import {
  fileDigests,
  refuseProjectFiles,
  safeFileName,
  writeFileOutput,
  writeFolderOutput,
} from './core/export-output'
import { overviewData } from './core/workers/read-tasks'
import type { HandlerContext } from './handlers'
import type { AppSession } from './session'

type Group<K extends keyof Handlers> = Pick<Handlers, K>

/** The Overview and report handlers. */
export function overviewHandlers(
  ctx: HandlerContext,
  session: AppSession,
): Group<'overview:data' | 'overview:export' | 'report:export'> {
  return {
    'overview:data': async (args) => {
      const docId = args?.docId ?? null
      return overviewData(session.requireStore(), docId, { docId, networkMode: args?.networkMode })
    },
    'overview:export': async (args) => exportOverview(ctx, session, args),
    'report:export': async ({ docId, format, paper }) => {
      const store = session.requireStore()
      if (format === 'pdf' && !ctx.printPdf) {
        throw new Error('PDF reports need Chromium’s printing, which this window does not offer')
      }
      const title = docId ? store.project.documents.find((d) => d.id === docId)?.title : undefined
      const chosen = await ctx.dialogs.chooseSavePath({
        title: 'Export Report',
        buttonLabel: 'Export Report',
        defaultName: `${safeFileName(`${title ?? store.project.name} report`)}.${format}`,
        filters: [{ name: format === 'pdf' ? 'PDF' : 'HTML', extensions: [format] }],
      })
      if (!chosen) return null
      const { writeReport } = await import('./core/report/write-report')
      ctx.emit({ type: 'progress', task: 'report', done: 0, total: 1 })
      const result = await writeReport(store, {
        format,
        out: session.grant(chosen),
        docId: docId ?? null,
        paper: paper ?? 'a4',
        generator: `Marginalia ${ctx.appVersion ?? ''}`.trim(),
        printPdf: ctx.printPdf,
      })
      ctx.emit({ type: 'progress', task: 'report', done: 1, total: 1 })
      return result
    },
  }
}

type ExportArgs = ArgsOf<'overview:export'>

/** Saves a chart or the network where the user chooses. */
async function exportOverview(ctx: HandlerContext, session: AppSession, args: ExportArgs) {
  const store = session.requireStore()
  const base = safeFileName(store.project.name)
  const name = args.kind === 'network' ? 'source-network' : args.chart
  const extension = args.format === 'csv' ? '' : args.format
  const chosen = await ctx.dialogs.chooseSavePath({
    title: args.kind === 'network' ? 'Export Source Network' : 'Export Chart',
    buttonLabel: 'Export',
    defaultName: `${base} ${name}${extension ? `.${extension}` : ''}`,
    filters: extension ? [{ name: extension.toUpperCase(), extensions: [extension] }] : [],
  })
  if (!chosen) return null
  const target = path.resolve(session.grant(chosen))
  await refuseProjectFiles(store.dir, [target], 'a chart')
  if (args.format === 'png') {
    await writeFileOutput(target, args.png)
    return { path: target, bytes: args.png.byteLength }
  }
  const docId = args.docId ?? null
  if (args.kind === 'chart') {
    const overview = await overviewData(store, docId, {
      docId,
      networkLimits: { sources: 0, targets: 0 },
    })
    const chart = overview.charts.find((c) => c.id === args.chart)
    if (!chart) throw new Error(`the chart "${args.chart}" has nothing to show for this scope`)
    const { chartSvg } = await import('./core/report/chart-svg')
    const svg = chartSvg(chart, CHART_THEMES[args.theme], { idPrefix: chart.id, withTitle: true })
    return saveText(target, xmlDeclaration(svg))
  }
  // Exports hold the whole network; the drawing in the app caps it for readability.
  const drawn = args.format === 'svg'
  const overview = await overviewData(store, docId, {
    docId,
    networkMode: args.mode,
    ...(drawn ? {} : { networkLimits: null }),
  })
  const { network, stances, spans } = overview
  if (args.format === 'svg') {
    const { networkSvg } = await import('./core/report/chart-svg')
    const svg = networkSvg(network, stances, CHART_THEMES[args.theme], {
      idPrefix: 'network',
      withTitle: true,
      title: 'Source network',
    })
    return saveText(target, xmlDeclaration(svg))
  }
  const { networkCsv, networkGraphml } = await import('./core/report/network-export')
  if (args.format === 'graphml') return saveText(target, networkGraphml(network, stances))
  const csv = networkCsv(network, stances, spans)
  const files = [
    { path: 'nodes.csv', data: csv.nodes },
    { path: 'edges.csv', data: csv.edges },
  ]
  const manifest = {
    format: 'network-csv',
    createdAt: new Date().toISOString(),
    mode: network.mode,
    layoutSeed: network.seed,
    counts: { nodes: network.nodes.length, edges: network.edges.length },
    files: fileDigests(files),
  }
  await writeFolderOutput(target, files, `${JSON.stringify(manifest, null, 2)}\n`)
  return { path: target, bytes: Buffer.byteLength(csv.nodes) + Buffer.byteLength(csv.edges) }
}

/** A standalone SVG file starts with the XML declaration. */
function xmlDeclaration(svg: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`
}

async function saveText(target: string, text: string) {
  await writeFileOutput(target, text)
  return { path: target, bytes: Buffer.byteLength(text) }
}
