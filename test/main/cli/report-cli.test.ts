// `marginalia report`: the analyst report from the command line, checked the way its reader gets
// it (the HTML's text, the PDF read by poppler's pdfinfo/pdftotext), and its exit codes: 0 when
// written, 1 when it cannot be, 2 for a wrong command line, 3 when a document was left out.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EXIT } from '../../../src/main/cli/exit-codes'
import { ProjectStore } from '../../../src/main/core/storage'
import { cli, expectOneLineError } from './run-cli'

let root: string
let dir: string
/** The sample's claims, read from the stored spans (not from the code that builds the report). */
let claims: string[]
let docIds: string[]

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'marginalia-report-cli-'))
  dir = path.join(root, 'proj')
  const init = await cli('init', dir, '--sample')
  if (init.code !== 0) throw new Error(init.err)
  // Format 3: the sample's annotations are the set of analyst "sample".
  const store = await ProjectStore.open(dir, { lock: false, analyst: 'sample' })
  try {
    docIds = store.project.documents.map((d) => d.id)
    claims = []
    for (const id of docIds) {
      const { document, annotations } = await store.loadDocument(id)
      for (const s of annotations.spans.filter((x) => x.layer === 'claim')) {
        claims.push(document.text.slice(s.start, s.end))
      }
    }
  } finally {
    await store.close()
  }
})
afterEach(() => rm(root, { recursive: true, force: true }))

const run = (file: string, ...args: string[]) =>
  promisify(execFile)(file, args, { maxBuffer: 64 * 1024 * 1024 }).then((r) => r.stdout)

/** Text of an HTML page as a reader sees it (tags dropped, entities decoded). */
function text(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<a class="claim-no"[^>]*>C\d+<\/a>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

describe('marginalia report', () => {
  it('writes one HTML file with every claim, no script, and says what it wrote', async () => {
    const out = path.join(root, 'report.html')
    const result = await cli('report', dir, '--out', out)
    expect(result.code, result.err).toBe(EXIT.ok)
    expect(result.err).toBe('')
    expect(claims.length).toBeGreaterThan(0)
    expect(result.out).toMatch(
      new RegExp(`^Wrote the report of ${docIds.length} documents and ${claims.length} claims to `),
    )
    const html = await readFile(out, 'utf8')
    expect(result.out).toContain(`(HTML, ${Buffer.byteLength(html)} bytes)`)
    expect(html).not.toMatch(/<script|<link|<img|<iframe/i)
    for (const claim of claims) expect(text(html)).toContain(claim)
  })

  it('prints a PDF on A4 by default and on Letter when asked, with the claims as text', async () => {
    const a4 = path.join(root, 'a4.pdf')
    const letter = path.join(root, 'letter.pdf')
    expect((await cli('report', dir, '--out', a4)).code).toBe(EXIT.ok)
    expect((await cli('report', dir, '--out', letter, '--paper', 'letter')).code).toBe(EXIT.ok)
    expect((await readFile(a4)).subarray(0, 5).toString()).toBe('%PDF-')
    // pdfinfo names the paper from the page's size in points (Chromium rounds A4 up a little).
    expect(await run('pdfinfo', a4)).toMatch(/Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts \(A4\)/)
    expect(await run('pdfinfo', letter)).toMatch(
      /Page size:\s+61\d(\.\d+)? x 79\d(\.\d+)? pts \(letter\)/,
    )
    const pdfText = (await run('pdftotext', '-layout', a4, '-')).replace(/\s+/g, ' ')
    // Table cells wrap, so look for each claim's first words.
    for (const claim of claims) {
      expect(pdfText).toContain(claim.split(/\s+/).slice(0, 3).join(' '))
    }
    // Two Chromium starts and prints: over 30 s on this shared machine under load.
  }, 180_000)

  it('writes one document’s report with --doc, and refuses an id the project lacks', async () => {
    const out = path.join(root, 'one.html')
    const one = await cli('report', dir, '--doc', docIds[0], '--out', out)
    expect(one.code, one.err).toBe(EXIT.ok)
    expect(one.out).toMatch(/^Wrote the report of 1 documents and \d+ claims/)
    expectOneLineError(
      await cli('report', dir, '--doc', 'd-nope', '--out', path.join(root, 'x.html')),
      /no document with id "d-nope"/,
    )
    expect(existsSync(path.join(root, 'x.html'))).toBe(false)
  })

  it('exits 2 for an output name that is neither HTML nor PDF, or contradicts --format', async () => {
    expectOneLineError(
      await cli('report', dir, '--out', path.join(root, 'r.txt')),
      /give a name ending in \.html or \.pdf/,
      EXIT.usage,
    )
    expectOneLineError(
      await cli('report', dir, '--out', path.join(root, 'r.html'), '--format', 'pdf'),
      /ends in \.html, but --format is pdf/,
      EXIT.usage,
    )
    expect((await cli('report', dir)).code).toBe(EXIT.usage)
  })

  it('exits 1 without a Chromium to print with, without a project, or inside the project', async () => {
    expectOneLineError(
      await cli('report', dir, '--out', path.join(root, 'r.pdf'), '--chromium', '/no/chromium'),
      /--chromium \/no\/chromium: no such file/,
    )
    expect(existsSync(path.join(root, 'r.pdf'))).toBe(false)
    expect(
      (await cli('report', path.join(root, 'none'), '--out', path.join(root, 'r.html'))).code,
    ).toBe(EXIT.failed)
    const inside = await cli('report', dir, '--out', path.join(dir, 'project.json'))
    expect(inside.code).toBe(EXIT.usage)
    const projectFile = await cli('report', dir, '--out', path.join(dir, 'report.html'))
    expect(projectFile.code).toBe(EXIT.failed)
    expect(projectFile.err).toMatch(/project folder/)
  })

  it('exits 3 when a document cannot be read, naming it; --allow-incomplete makes it 0', async () => {
    const store = await ProjectStore.open(dir, { lock: false })
    const file = path.join(dir, store.project.documents[0].file)
    await store.close()
    await writeFile(file, '{ broken')
    const out = path.join(root, 'r.html')
    const incomplete = await cli('report', dir, '--out', out)
    expect(incomplete.code).toBe(EXIT.incomplete)
    expect(incomplete.err).toContain(path.basename(file))
    expect(incomplete.err).toMatch(/incomplete: 1 documents not read/)
    expect(existsSync(out)).toBe(true)
    expect((await cli('report', dir, '--out', out, '--allow-incomplete')).code).toBe(EXIT.ok)
    // The broken file is left as it was.
    expect(await readFile(file, 'utf8')).toBe('{ broken')
  })
})
