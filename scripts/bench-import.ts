// Benchmark (not a test): document import, each against a floor in the same run.
//   PDF  (50, 100, 200 pages, two columns, running headers, hyphenation): reading the file, and
//        pdf.js's bare text extraction, against our conversion and the full import (worker).
//   DOCX (25, 50, 100 pages): reading the file, and mammoth's raw text, against ours.
//   HTML (a 5 MB page): the longest stall of main's event loop while the worker imports it,
//        against the stall when the same page is converted on main's thread.
//   Stalls of a 200-page PDF: main's event loop during the whole import via the worker, during
//        store.addDocument of the prepared document alone (the part still on main), and while
//        converting on main's thread (the floor: what the window would suffer without the worker).
//   Only HTML runs with `npm run bench:import -- html`; only PDF and DOCX with `-- documents`;
//   only the PDF stalls with `-- stalls`.
// Run: `npm run bench:import`. Figures vary with the machine's load; compare ratios within a run.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { strToU8, zipSync } from 'fflate'
import mammoth from 'mammoth'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { convertFile, importFiles } from '../src/main/core/import'
import { ProjectStore, prepareDocument } from '../src/main/core/storage'

const WORDS = ['council', 'minister', 'said', 'budget', 'would', 'rise', 'infrastructure'].concat([
  'report',
  'agency',
  'officials',
  'according',
  'transport',
  'river',
  'crossing',
])

function sentence(seed: number, words = 14): string {
  const w = Array.from({ length: words }, (_, i) => WORDS[(seed * 7 + i * 3) % WORDS.length])
  return `${w.join(' ')}.`.replace(/^./, (c) => c.toUpperCase())
}

/** A report of `pages` A4 pages: header, page number, two justified-looking columns, headings. */
async function buildPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const body = await doc.embedFont(StandardFonts.TimesRoman)
  const bold = await doc.embedFont(StandardFonts.HelveticaBold)
  let seed = 0
  for (let p = 1; p <= pages; p++) {
    const page = doc.addPage([595, 842])
    page.drawText('Quarterly Infrastructure Review', { x: 50, y: 805, size: 8, font: body })
    page.drawText(`${p}`, { x: 295, y: 30, size: 8, font: body })
    for (const x of [50, 310]) {
      let y = 770
      while (y > 70) {
        if (seed % 9 === 0) {
          page.drawText(`Section ${seed}`, { x, y, size: 14, font: bold })
          y -= 22
        }
        const text = [sentence(seed), sentence(seed + 1), sentence(seed + 2)].join(' ')
        for (const line of wrap(text, 44)) {
          page.drawText(line, { x, y, size: 10, font: body })
          y -= 12
        }
        y -= 8
        seed++
      }
    }
  }
  return doc.save()
}

/** Lines of at most `width` characters; long words are hyphenated at the line's end. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if ((line + ' ' + word).trim().length <= width) line = `${line} ${word}`.trim()
    else if (word.length > 8 && line.length < width - 5) {
      const cut = width - line.length - 2
      lines.push(`${line} ${word.slice(0, cut)}-`.trim())
      line = word.slice(cut)
    } else {
      lines.push(line)
      line = word
    }
  }
  return [...lines, line]
}

/** A Word document of about `pages` pages (~450 words a page): headings, paragraphs, lists, notes. */
function buildDocx(pages: number): Uint8Array {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
  const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`
  const paras: string[] = []
  const notes: string[] = []
  for (let i = 0; i < pages * 6; i++) {
    if (i % 12 === 0)
      paras.push(
        `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>${run(`Part ${i / 12 + 1}`)}</w:p>`,
      )
    const note =
      i % 10 === 0
        ? `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${notes.length + 1}"/></w:r>`
        : ''
    if (note)
      notes.push(
        `<w:footnote w:id="${notes.length + 1}"><w:p>${run(sentence(i, 8))}</w:p></w:footnote>`,
      )
    paras.push(`<w:p>${run([0, 1, 2, 3, 4].map((k) => sentence(i + k)).join(' '))}${note}</w:p>`)
  }
  const rels = (items: string) =>
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      rels(
        '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>',
      ),
    ),
    'word/_rels/document.xml.rels': strToU8(
      rels(
        '<Relationship Id="r2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>',
      ),
    ),
    'word/document.xml': strToU8(
      `<w:document xmlns:w="${W}"><w:body>${paras.join('')}</w:body></w:document>`,
    ),
    'word/footnotes.xml': strToU8(`<w:footnotes xmlns:w="${W}">${notes.join('')}</w:footnotes>`),
  })
}

/** A 5 MB news page: scripts, a style sheet, navigation, a long article and a comment thread. */
function bigPage(bytes: number): string {
  const parts = [
    '<!doctype html><html><head><title>Budget talks collapse | The Ledger</title>',
    `<script>window.__DATA__=${JSON.stringify(Array.from({ length: 5000 }, (_, i) => ({ id: i, tags: ['a', 'b'] })))}</script>`,
    `<style>${'.c{color:red}'.repeat(5000)}</style></head><body><nav><ul>`,
    ...Array.from({ length: 300 }, (_, i) => `<li><a href="/s/${i}">Section ${i}</a></li>`),
    '</ul></nav><main><article><h1>Budget talks collapse</h1><p class="byline">By Ana Ruiz</p>',
  ]
  let size = parts.join('').length
  for (let i = 0; size < bytes * 0.5; i++) {
    const p = `<p>${sentence(i, 20)} <em>${sentence(i + 1, 6)}</em> <a href="/x">${sentence(i + 2, 4)}</a></p>`
    parts.push(p)
    size += p.length
  }
  parts.push('</article><section class="comments">')
  for (let c = 0; size < bytes; c++) {
    const s = `<div class="comment"><div class="meta"><span>user${c}</span></div><div class="body"><p>${sentence(c, 12)}</p></div></div>`
    parts.push(s)
    size += s.length
  }
  parts.push('</section></main></body></html>')
  return parts.join('')
}

async function time<T>(run: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now()
  const result = await run()
  return [performance.now() - t0, result]
}

const ms = (n: number) => `${n.toFixed(0).padStart(7)} ms`
const ratio = (n: number, floor: number) => `${(n / floor).toFixed(1).padStart(7)}×`

async function pdfJsText(data: Uint8Array): Promise<number> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await getDocument({
    data: new Uint8Array(data),
    isEvalSupported: false,
    verbosity: 0,
  }).promise
  let chars = 0
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent()
    for (const item of content.items) if ('str' in item) chars += item.str.length
  }
  await doc.destroy()
  return chars
}

async function pdfRows(store: ProjectStore, dir: string): Promise<void> {
  // Warm-up: pdf.js and the importer load once, outside the timed rows.
  await convertFile('warm.pdf', await buildPdf(1))
  console.log(
    'PDF                 size   read file   pdf.js text   convert   (÷ pdf.js)   import via worker',
  )
  for (const pages of [50, 100, 200]) {
    const file = path.join(dir, `report-${pages}.pdf`)
    await writeFile(file, await buildPdf(pages))
    const [read, data] = await time(() => readFile(file))
    const [bare] = await time(() => pdfJsText(data))
    const [convert, converted] = await time(() => convertFile(`report-${pages}.pdf`, data))
    const [imported, report] = await time(() =>
      importFiles(store, [{ name: `r${pages}.pdf`, data }]),
    )
    if (report.added.length !== 1) throw new Error(`not imported: ${JSON.stringify(report.errors)}`)
    console.log(
      `${String(pages).padStart(4)} pages ${(data.length / 1e6).toFixed(1).padStart(8)} MB ${ms(read)} ${ms(bare)} ${ms(convert)} ${ratio(convert, bare)}   ${ms(imported)}   (${converted.document.blocks.length} blocks)`,
    )
  }
}

async function docxRows(store: ProjectStore, dir: string): Promise<void> {
  await convertFile('warm.docx', buildDocx(1))
  console.log(
    '\nDOCX                size   read file   mammoth raw   convert   (÷ raw)      import via worker',
  )
  for (const pages of [25, 50, 100]) {
    const file = path.join(dir, `brief-${pages}.docx`)
    await writeFile(file, buildDocx(pages))
    const [read, data] = await time(() => readFile(file))
    const [raw] = await time(() => mammoth.extractRawText({ buffer: data }))
    const [convert, converted] = await time(() => convertFile(`brief-${pages}.docx`, data))
    const [imported] = await time(() => importFiles(store, [{ name: `b${pages}.docx`, data }]))
    console.log(
      `${String(pages).padStart(4)} pages ${(data.length / 1e6).toFixed(1).padStart(8)} MB ${ms(read)} ${ms(raw)} ${ms(convert)} ${ratio(convert, raw)}   ${ms(imported)}   (${converted.document.text.split(/\s+/).length} words)`,
    )
  }
}

async function main(): Promise<void> {
  const only = process.argv[2]
  const dir = await mkdtemp(path.join(os.tmpdir(), 'marginalia-bench-import-'))
  const store = await ProjectStore.create(path.join(dir, 'project'), { name: 'Bench' })
  try {
    const load = os.loadavg()[0].toFixed(1)
    console.log(`Node ${process.version}, ${os.cpus().length} cores, load average ${load}\n`)
    if (only === undefined || only === 'documents') {
      await pdfRows(store, dir)
      await docxRows(store, dir)
    }
    if (only === undefined || only === 'html') await htmlStalls(store)
    if (only === undefined || only === 'stalls') await pdfStalls(dir)
  } finally {
    await store.close()
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * The longest time main's event loop went without running a 5 ms timer: how long the window
 * would have been frozen. A gap still open when the work ends counts too (a loop blocked from
 * start to end never fires the timer at all).
 */
function stallMeter(): { stop(): { max: number; p95: number } } {
  const gaps: number[] = []
  let last = performance.now()
  const timer = setInterval(() => {
    const now = performance.now()
    gaps.push(now - last)
    last = now
  }, 5)
  return {
    stop() {
      clearInterval(timer)
      gaps.push(performance.now() - last)
      gaps.sort((x, y) => x - y)
      return { max: gaps[gaps.length - 1], p95: gaps[Math.floor(gaps.length * 0.95)] }
    },
  }
}

/** Main's event-loop stalls while a 5 MB page imports in the worker, and when converted on main. */
async function htmlStalls(store: ProjectStore): Promise<void> {
  const data = new TextEncoder().encode(bigPage(5 * 1024 * 1024))
  console.log(
    `\nHTML page of ${(data.length / 1e6).toFixed(1)} MB: main's event loop during the import`,
  )
  const measure = async (label: string, run: () => Promise<unknown>) => {
    const meter = stallMeter()
    const [took] = await time(run)
    const { max, p95 } = meter.stop()
    console.log(
      `  ${label.padEnd(34)} ${ms(took)}   timer gaps p95 ${p95.toFixed(0)} ms, longest ${max.toFixed(0)} ms`,
    )
    return max
  }
  const worker = await measure('import via worker (app path)', () =>
    importFiles(store, [{ name: 'big.html', data }]),
  )
  const inline = await measure('convert on main thread (floor)', () =>
    convertFile('big.html', data),
  )
  console.log(
    `  longest stall: ${worker.toFixed(0)} ms with the worker, ${inline.toFixed(0)} ms without`,
  )
}

/**
 * Main's event loop while a 200-page PDF imports: through the worker (the app's path), during
 * store.addDocument alone of the document the worker prepared (what stays on main: naming it and
 * the durable writes; the check, hash and JSON are done in the worker), and converting on
 * main's thread (the floor). Each row imports into a fresh project, so none is a duplicate.
 */
async function pdfStalls(dir: string): Promise<void> {
  const data = await buildPdf(200)
  await convertFile('warm.pdf', await buildPdf(1))
  console.log(`\n200-page PDF (${(data.length / 1e6).toFixed(1)} MB): main's event loop`)
  let n = 0
  const fresh = () => ProjectStore.create(path.join(dir, `stalls-${++n}`), { name: 'Stalls' })
  const measure = async (label: string, run: () => Promise<unknown>) => {
    const meter = stallMeter()
    const [took] = await time(run)
    const { max, p95 } = meter.stop()
    console.log(
      `  ${label.padEnd(34)} ${ms(took)}   timer gaps p95 ${p95.toFixed(0)} ms, longest ${max.toFixed(0)} ms`,
    )
    return max
  }
  const viaWorker = await fresh()
  const worker = await measure('import via worker (app path)', () =>
    importFiles(viaWorker, [{ name: 'inquiry.pdf', data }]),
  )
  await viaWorker.close()
  const converted = await convertFile('inquiry.pdf', data)
  // As the worker hands it over: checked, hashed and serialised there (prepareDocument).
  const prepared = prepareDocument(converted.document)
  const adding = await fresh()
  const add = await measure('store.addDocument alone (on main)', () =>
    adding.addDocument(converted.document, { prepared }),
  )
  await adding.close()
  const inline = await measure('convert on main thread (floor)', () =>
    convertFile('inquiry.pdf', data),
  )
  console.log(
    `  longest stall: ${worker.toFixed(0)} ms with the worker (${add.toFixed(0)} ms of it can be ` +
      `addDocument), ${inline.toFixed(0)} ms converting on main; ratio ${(worker / inline).toFixed(2)}`,
  )
}

await main()
