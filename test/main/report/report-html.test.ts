// The analyst report of the sample project, read as a reader gets it: its text, every claim of the
// sample's files, each chart's SVG; nothing in it that could load from elsewhere, checked in the
// markup and by loading it in Chromium with every request recorded; and a hostile project's
// titles and text written as text, never as markup.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { findChromium } from '../../../src/main/core/report/report-pdf'
import { loadReportData } from '../../../src/main/core/report/report-data'
import { REPORT_CSP, reportHtml } from '../../../src/main/core/report/report-html'
import { ProjectStore } from '../../../src/main/core/storage'
import { CHART_IDS } from '../../../src/shared/overview/types'
import type { DocumentFile, ProjectFile } from '../../../src/shared/model'
import { createHostileProject } from '../fixtures/hostile-project'
import { tempDir } from '../core/storage/temp-dir'

const SAMPLE = path.resolve(__dirname, '../../../resources/sample-project')
const NOW = new Date('2025-01-02T03:04:05.000Z')

async function sampleFiles(): Promise<{ project: ProjectFile; docs: DocumentFile[] }> {
  // Format 3: the sample's annotations are the set of analyst "sample".
  const store = await ProjectStore.open(SAMPLE, { lock: false, analyst: 'sample' })
  try {
    const project = structuredClone(store.project)
    const docs = await Promise.all(project.documents.map((d) => store.loadDocument(d.id)))
    return { project, docs }
  } finally {
    await store.close()
  }
}

async function reportOf(dir: string, docId?: string): Promise<string> {
  const store = await ProjectStore.open(dir, { lock: false })
  try {
    return reportHtml(
      await loadReportData(store, {
        generator: 'Marginalia test',
        now: NOW,
        docId,
        sets: 'default',
      }),
    )
  } finally {
    await store.close()
  }
}

/** Text content of an HTML fragment with entities decoded (what a reader sees). */
function text(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

/** The markup of a page: its tags and style sheets, without the text between them. */
function markup(html: string): string {
  const styles = html.match(/<style[\s\S]*?<\/style>/g) ?? []
  const tags = html.match(/<[a-zA-Z!?/][^>]*>/g) ?? []
  return [...styles, ...tags].join('\n')
}

/** What a reader reads of the articles: the text without the claim numbers set after claims. */
function articleText(html: string): string {
  return text(html.replace(/<a class="claim-no"[^>]*>C\d+<\/a>/g, ''))
}

/** Every way an HTML page can name a URL to load or go to. */
const URL_REFERENCES = [
  /\b(?:src|href|action|poster|srcset|data|formaction|background|xlink:href)\s*=\s*["']?(?!#)[^\s"'>]+/gi,
  /url\(\s*["']?(?!#)[^)]*\)/gi,
  /@import/gi,
]

describe('the report of the sample', () => {
  let html = ''
  beforeAll(async () => {
    html = await reportOf(SAMPLE)
  })

  it('has a title page naming the project, its documents, analysts and dates', async () => {
    const { project, docs } = await sampleFiles()
    const title = html.slice(0, html.indexOf('</header>'))
    expect(text(title)).toContain(project.name)
    const analysts = [...new Set(docs.flatMap((d) => d.annotations.spans.map((s) => s.annotator)))]
    for (const name of analysts) expect(text(title)).toContain(name)
    expect(text(title)).toContain(`Documents${project.documents.length}`)
    expect(text(title)).toContain(NOW.toISOString())
  })

  it('holds the article text and lists every claim with its sources', async () => {
    const { docs } = await sampleFiles()
    const body = articleText(html)
    for (const doc of docs) {
      for (const line of doc.document.text.split('\n').filter((l) => l.trim().length > 30)) {
        expect(body).toContain(line.trim())
      }
      const claims = doc.annotations.spans.filter((s) => s.layer === 'claim')
      expect(claims.length).toBeGreaterThan(0)
      for (const claim of claims) {
        const row = new RegExp(`<tr id="claim-\\d+" data-claim-id="${claim.id}"[\\s\\S]*?</tr>`)
        const match = row.exec(html)
        expect(match, claim.id).not.toBeNull()
        expect(text(match![0])).toContain(claim.quote.exact)
        // Its highlight in the article links to the same number.
        const number = /id="claim-(\d+)"/.exec(match![0])![1]
        expect(html).toContain(`href="#claim-${number}">C${number}</a>`)
      }
    }
  })

  it('draws every chart and the network as inline SVG with a title and description', () => {
    for (const id of [...CHART_IDS.filter((c) => c !== 'claims-over-time'), 'network']) {
      const figure = new RegExp(`<figure class="chart" id="chart-${id}"[\\s\\S]*?</figure>`).exec(
        html,
      )
      expect(figure, id).not.toBeNull()
      const svgs = figure![0].match(/<svg [^>]*role="img"[^>]*>/g) ?? []
      expect(svgs, id).toHaveLength(2) // light and dark
      expect(figure![0]).toMatch(/<title id="[^"]+-light-title">/)
      expect(figure![0]).toMatch(/<desc id="[^"]+-light-desc">[^<]+\d/)
    }
    // Claims over time needs more than one document.
    expect(html).not.toContain('id="chart-claims-over-time"')
  })

  it('names nothing to load: a CSP that forbids it, and no URL reference in the markup', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`)
    expect(REPORT_CSP).toMatch(/default-src 'none'/)
    expect(html).not.toMatch(/<script|<link|<iframe|<img|<object|<embed/i)
    for (const pattern of URL_REFERENCES) expect(markup(html).match(pattern) ?? []).toEqual([])
    // The only absolute URLs are the SVG and XLink namespace names, which nothing fetches.
    const urls = new Set(html.match(/https?:\/\/[^\s"'<>)]+/g) ?? [])
    expect([...urls].sort()).toEqual(['http://www.w3.org/1999/xlink', 'http://www.w3.org/2000/svg'])
  })

  it('prints tables without splitting a row and keeps charts whole', () => {
    expect(html).toMatch(/tr\{break-inside:avoid;page-break-inside:avoid\}/)
    expect(html).toMatch(/thead\{display:table-header-group\}/)
    expect(html).toMatch(/figure\.chart\{[^}]*break-inside:avoid/)
  })
})

describe('a report of hostile text', () => {
  let dir = ''
  let html = ''
  beforeAll(async () => {
    dir = await tempDir()
    const store = await createHostileProject(dir)
    // Titles and names made of markup, as an imported web page could carry them.
    // The entity AFP's source span is linked to, renamed, so the sources table and network show it.
    await store.setEntities(
      store.project.entities.map((e) =>
        e.id === 'e-afp' ? { ...e, name: '<img src=x onerror=alert(1)>' } : e,
      ),
    )
    // Format 3: a title is a change (renameDocument); the name is project.json's own field.
    await store.renameDocument(
      store.project.documents[0].id,
      '<iframe src="https://evil.example/x"></iframe>"\'&',
    )
    await store.close()
    const projectFile = path.join(dir, 'project.json')
    const project = JSON.parse(await readFile(projectFile, 'utf8')) as ProjectFile
    project.name = '</title><script>alert("name")</script>'
    const { writeFile } = await import('node:fs/promises')
    await writeFile(projectFile, JSON.stringify(project, null, 2))
    html = await reportOf(dir)
  })

  it('writes titles, names and article text as text', () => {
    expect(html).not.toMatch(/<script|<iframe|<img/i)
    expect(text(html)).toContain('</title><script>alert("name")</script>')
    expect(text(html)).toContain('<iframe src="https://evil.example/x"></iframe>"\'&')
    expect(text(html)).toContain('<img src=x onerror=alert(1)>')
    for (const pattern of URL_REFERENCES) expect(markup(html).match(pattern) ?? []).toEqual([])
  })

  it('loads nothing in Chromium, and the page shows the hostile title as text', async () => {
    const browser = await chromium.launch({
      executablePath: findChromium(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    })
    try {
      const page = await browser.newPage()
      const requests: string[] = []
      page.on('request', (r) => requests.push(r.url()))
      await page.route('**/*', (route) => route.abort())
      await page.setContent(html, { waitUntil: 'load' })
      expect(requests).toEqual([])
      await expect(page.locator('h1').innerText()).resolves.toContain(
        '</title><script>alert("name")</script>',
      )
      expect(await page.evaluate(() => document.scripts.length)).toBe(0)
    } finally {
      await browser.close()
    }
  })
})
