// The Overview: the sample's charts and source network drawn in the page; a click on a bar lists
// the claims behind it, a claim opens in the article, the same bar filters the Claims table; a
// chart exports as SVG through main's save dialog; the network as GraphML; File ▸ Export Report…
// writes the report (HTML and PDF). Expectations come from the sample's files on disk.
import { execFileSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { claimRows, sourceSummaries, type ClaimRow } from '../src/shared/claims'
import { CHART_THEMES } from '../src/shared/overview/palette'
import { expect, test, scratchFolder } from './fixtures'
import { highlight, spanDetails, waitForArticle } from './support/app-actions'
import { luminance, textColours } from './support/contrast'
import { openProjectDir, readAllDocuments, readProjectFile } from './support/project-files'
import { savePdfPage, saveScreenshot } from './support/screenshots'
import { SCREENSHOT_DIR } from './harness/paths'

async function expectedRows(page: Page): Promise<ClaimRow[]> {
  const dir = await openProjectDir(page)
  const project = await readProjectFile(dir)
  const documents = await readAllDocuments(dir)
  return documents.flatMap((d) => claimRows(project.schema, d, project.entities))
}

function overview(page: Page): Locator {
  return page.getByRole('tabpanel', { name: 'Overview' })
}

function card(page: Page, chart: string): Locator {
  return overview(page).locator(`section.chart-card[data-chart="${chart}"]`)
}

async function openOverview(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Overview' }).click()
  await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true')
  await expect(card(page, 'claims-by-source').locator('svg')).toBeVisible()
  await expect(card(page, 'network').locator('svg')).toBeVisible()
}

async function tempFile(name: string): Promise<string> {
  return path.join(await scratchFolder('overview'), name)
}

test.beforeEach(async ({ app }) => {
  await waitForArticle(app.page)
})

test('a bar of a chart lists the claims behind it, opens one in the article and filters the Claims table', async ({
  app,
}) => {
  const page = app.page
  const rows = await expectedRows(page)
  const top = sourceSummaries(rows)[0]
  const behind = rows.filter((r) =>
    r.sources.some((s) => (top.entityId ? s.entityId === top.entityId : s.text === top.name)),
  )
  expect(behind.length).toBe(top.claims)

  await openOverview(page)
  for (const chart of [
    'stance-by-source',
    'attribution-mix',
    'checkability',
    'sentiment-balance',
    'labels-by-layer',
  ]) {
    await expect(card(page, chart).locator('svg')).toBeVisible()
  }
  await expect(card(page, 'claims-by-source').locator('.echart')).toHaveAttribute(
    'aria-label',
    new RegExp(`${top.name} ${top.claims}`),
  )
  await saveScreenshot(app, 'overview')

  // The first bar of "claims per source" is the source with most claims (bars follow the data).
  const bars = card(page, 'claims-by-source').locator(
    `svg path[fill="${CHART_THEMES.light.single}"]`,
  )
  await bars.first().click()
  const list = overview(page).getByRole('complementary', { name: 'Spans behind the selection' })
  await expect(list.getByRole('heading')).toContainText(top.name)
  await expect(list.locator('button.span-ref')).toHaveCount(behind.length)
  for (const row of behind) {
    await expect(list.locator(`button.span-ref[data-span-id="${row.claimId}"]`)).toContainText(
      row.claimText.slice(0, 40),
    )
  }

  // A claim of the list opens in the article, selected.
  const first = behind[0]
  await list.locator(`button.span-ref[data-span-id="${first.claimId}"]`).click()
  await expect(page.getByRole('tab', { name: 'Article' })).toHaveAttribute('aria-selected', 'true')
  await expect(spanDetails(page).getByLabel('Quote')).toHaveText(first.claimText)
  await expect(highlight(page, first.claimId).first()).toHaveClass(/mg-selected/)

  // Back in the Overview the list is still there; it shows the same claims in the Claims table.
  await page.getByRole('tab', { name: 'Overview' }).click()
  await list.getByRole('button', { name: 'Show in the Claims table' }).click()
  await expect(page.getByRole('tab', { name: 'Claims' })).toHaveAttribute('aria-selected', 'true')
  const table = page.getByRole('tabpanel', { name: 'Claims' }).locator('tbody tr')
  await expect(table).toHaveCount(behind.length)
  for (const row of behind) {
    await expect(
      page
        .getByRole('tabpanel', { name: 'Claims' })
        .locator(`tbody tr[data-claim-id="${row.claimId}"]`),
    ).toBeVisible()
  }
})

test('a chart exports as SVG and the network as GraphML through the save dialog', async ({
  app,
}) => {
  const page = app.page
  await openOverview(page)
  const svgOut = await tempFile('checkability.svg')
  await app.nextDialog('chooseSavePath', svgOut)
  await card(page, 'checkability').getByRole('button', { name: 'SVG' }).click()
  await expect(overview(page).getByRole('status')).toContainText(svgOut)
  const svg = await readFile(svgOut, 'utf8')
  expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true)
  expect(svg).toContain('<title id="checkability-title">Checkability</title>')
  expect(svg).toMatch(/<desc id="checkability-desc">Checkability \(claims\): factual \d+/)

  const graphmlOut = await tempFile('network.graphml')
  await app.nextDialog('chooseSavePath', graphmlOut)
  await card(page, 'network').getByRole('button', { name: 'GraphML' }).click()
  await expect(overview(page).getByRole('status')).toContainText(graphmlOut)
  const graphml = await readFile(graphmlOut, 'utf8')
  const rows = await expectedRows(page)
  const links = new Set(
    rows.flatMap((r) => r.sources.map((s) => `${s.entityId ?? s.text.toLowerCase()}→${r.claimId}`)),
  )
  expect(graphml.match(/<edge /g)?.length).toBe(links.size)

  const pngOut = await tempFile('network.png')
  await app.nextDialog('chooseSavePath', pngOut)
  await card(page, 'network').getByRole('button', { name: 'PNG' }).click()
  await expect(overview(page).getByRole('status')).toContainText(pngOut)
  const png = await readFile(pngOut)
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  await card(page, 'network').scrollIntoViewIfNeeded()
  await saveScreenshot(app, 'source-network')
})

test.describe('in the dark theme', () => {
  test.use({ colorScheme: 'dark' })

  test('chart text is light on the dark page', async ({ app }) => {
    const page = app.page
    await openOverview(page)
    const label = card(page, 'claims-by-source').locator('svg text').first()
    const fill = await label.getAttribute('fill')
    expect(fill?.toLowerCase()).toBe(CHART_THEMES.dark.text)
    const { background } = await textColours(card(page, 'claims-by-source'))
    expect(luminance(background)).toBeLessThan(0.1)
    await saveScreenshot(app, 'overview-dark')
  })
})

test('File ▸ Export Report… writes the report as HTML and as PDF', async ({ app }) => {
  const page = app.page
  const rows = await expectedRows(page)
  const htmlOut = await tempFile('report.html')
  await app.nextDialog('chooseSavePath', htmlOut)
  await app.emit({ type: 'menu', command: 'analyst-report' })
  const dialog = page.getByRole('dialog', { name: 'Export Report' })
  await dialog.getByRole('button', { name: 'Export…' }).click()
  // Writing the report takes seconds on a loaded machine; wait as long as a user would.
  await expect(dialog.getByRole('status')).toContainText(htmlOut, { timeout: 60_000 })
  const html = await readFile(htmlOut, 'utf8')
  for (const row of rows) expect(html).toContain(`data-claim-id="${row.claimId}"`)
  await dialog.getByRole('button', { name: 'Close' }).click()

  const pdfOut = await tempFile('report.pdf')
  await app.nextDialog('chooseSavePath', pdfOut)
  await app.emit({ type: 'menu', command: 'analyst-report' })
  await dialog.getByRole('radio', { name: 'PDF' }).check()
  await dialog.getByRole('radio', { name: 'Letter' }).check()
  await dialog.getByRole('button', { name: 'Export…' }).click()
  await expect(dialog.getByRole('status')).toContainText(pdfOut, { timeout: 60_000 })
  const pdf = await readFile(pdfOut)
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  // Letter is 612 × 792 points.
  expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 612 792\]/)

  // The printed report as a reader sees it: its title page, then its charts, network, claims and
  // first article page, each found by its heading in the PDF's text, rasterised by pdftoppm.
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfOut]).toString())![1])
  const pageText = (p: number) =>
    execFileSync('pdftotext', ['-f', `${p}`, '-l', `${p}`, pdfOut, '-']).toString()
  // Printed with the page set-up users get (report-pdf.ts): every page numbered "n / total".
  for (let p = 1; p <= pages; p++) expect(pageText(p)).toMatch(new RegExp(`^${p} / ${pages}$`, 'm'))
  const pageOf = (heading: string) => {
    for (let p = 1; p <= pages; p++) {
      if (pageText(p).trimStart().startsWith(heading)) return p
    }
    throw new Error(`no page starts with ${heading}`)
  }
  const shown = {
    title: 1,
    charts: pageOf('Overview charts'),
    network: pageOf('Source network'),
    claims: pageOf('Claims'),
    article: pageOf('Articles'),
  }
  for (const [name, number] of Object.entries(shown)) {
    for (const png of savePdfPage(app, pdfOut, number, `report-pdf-${name}`)) {
      expect([...(await readFile(png)).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
    }
  }

  // The HTML report in a dark window: its charts switch to their dark drawings. (A second page
  // of the same browser exists in Chromium mode only.)
  if (app.mode !== 'chromium') return
  const dark = await page.context().newPage()
  try {
    await dark.emulateMedia({ colorScheme: 'dark' })
    await dark.setContent(html)
    const figure = dark.locator('#chart-claims-by-source')
    await expect(figure.locator('.svg-dark svg')).toBeVisible()
    await expect(figure.locator('.svg-light svg')).toBeHidden()
    await figure.scrollIntoViewIfNeeded()
    await dark.screenshot({ path: path.join(SCREENSHOT_DIR, 'report-html-dark.png') })
  } finally {
    await dark.close()
  }
})
