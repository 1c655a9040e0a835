// Export writes a file whose spans are the project's spans, in the format's offset unit; the
// manifest the app shows counts what was written.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { OffsetConverter } from '../src/shared/offsets'
import { expect, test, scratchFolder } from './fixtures'
import { tagAndSave, waitForArticle } from './support/app-actions'
import { openProjectDir, readAllDocuments } from './support/project-files'
import { saveScreenshot } from './support/screenshots'

async function exportVia(
  app: import('./fixtures').AppDriver,
  format: 'jsonl' | 'csv',
): Promise<string> {
  const out = path.join(await scratchFolder('export'), `out.${format}`)
  await app.nextDialog('chooseExportPath', out)
  const page = app.page
  await page.getByRole('banner').getByRole('button', { name: 'Export…' }).click()
  const choose = page.getByRole('dialog', { name: 'Export dataset' })
  await choose.getByLabel('Format').selectOption(format)
  await choose.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export finished' })
  await expect(dialog).toBeVisible({ timeout: 20_000 })
  await expect(dialog).toContainText(out)
  return out
}

test('export to JSONL and CSV writes the project spans with matching offsets', async ({ app }) => {
  const page = app.page
  await waitForArticle(page, 'Russian state media said')
  await tagAndSave(page, 'Russian state media said Putin and Kim', '1')
  const dir = await openProjectDir(page)
  const documents = await readAllDocuments(dir)
  const expected = documents.flatMap((d) =>
    d.annotations.spans.map((s) => ({
      doc: d.document.id,
      id: s.id,
      layer: s.layer,
      label: s.label,
      start: s.start,
      end: s.end,
      text: s.quote.exact,
    })),
  )
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1)

  // JSONL: one line per document, UTF-16 offsets into the line's own text.
  const jsonlPath = await exportVia(app, 'jsonl')
  const dialog = page.getByRole('dialog', { name: 'Export finished' })
  await expect(dialog.getByRole('definition').nth(2)).toHaveText(String(expected.length))
  await saveScreenshot(app, 'export-manifest')
  await dialog.getByRole('button', { name: 'Close' }).click()
  const lines = (await readFile(jsonlPath, 'utf8'))
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l))
  expect(lines.map((l) => l.id).sort()).toEqual(documents.map((d) => d.document.id).sort())
  const fromJsonl = lines.flatMap((l) =>
    l.spans.map((s: Record<string, unknown>) => {
      expect(l.offset_unit).toBe('utf16')
      expect(l.text.slice(s.start, s.end)).toBe(s.text)
      return {
        doc: l.id,
        id: s.id,
        layer: s.layer,
        label: s.label,
        start: s.start,
        end: s.end,
        text: s.text,
      }
    }),
  )
  expect(fromJsonl.sort(byId)).toEqual([...expected].sort(byId))

  // CSV: one row per span, offsets in code points (the sample has none outside the BMP, but the
  // conversion is what a reader must do, so do it).
  const csvPath = await exportVia(app, 'csv')
  await page
    .getByRole('dialog', { name: 'Export finished' })
    .getByRole('button', { name: 'Close' })
    .click()
  const csv = await readFile(csvPath, 'utf8')
  const rows = parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
    columns: true,
    skip_empty_lines: true,
  })
  const texts = new Map(documents.map((d) => [d.document.id, new OffsetConverter(d.document.text)]))
  const fromCsv = rows.map((r) => {
    const conv = texts.get(r.document_id)!
    return {
      doc: r.document_id,
      id: r.span_id,
      layer: r.layer,
      label: r.label,
      start: conv.toUtf16(Number(r.start)),
      end: conv.toUtf16(Number(r.end)),
      text: r.text.startsWith("'") && /^'[=+\-@]/.test(r.text) ? r.text.slice(1) : r.text,
    }
  })
  expect(fromCsv.sort(byId)).toEqual([...expected].sort(byId))
})

test('the Export dialog offers JSONL code-point offsets and says what each folder format writes', async ({
  app,
}) => {
  const page = app.page
  await waitForArticle(page, 'Russian state media said')
  await tagAndSave(page, 'Russian state media said Putin and Kim', '1')
  const out = path.join(await scratchFolder('export'), 'cp.jsonl')
  await app.nextDialog('chooseExportPath', out)
  await page.getByRole('banner').getByRole('button', { name: 'Export…' }).click()
  const choose = page.getByRole('dialog', { name: 'Export dataset' })

  // Folder formats name their own files, with the manifest inside the folder.
  await choose.getByLabel('Format').selectOption('label-studio')
  await expect(choose).toContainText('a folder holding label-studio.json')
  await expect(choose).toContainText('manifest.json inside it')
  await choose.getByLabel('Format').selectOption('w3c')
  await expect(choose).toContainText('.jsonld annotation collection and a .txt text per document')
  await expect(choose).not.toContainText('.ann')
  await choose.getByLabel('Format').selectOption('brat')
  await expect(
    choose.getByRole('radio', { name: /A folder of a \.txt and a \.ann file/ }),
  ).toBeVisible()

  // JSONL: the offset unit is a choice, UTF-16 by default.
  await choose.getByLabel('Format').selectOption('jsonl')
  const offsets = choose.getByRole('group', { name: 'Offsets' })
  await expect(offsets.getByRole('radio', { name: /UTF-16/ })).toBeChecked()
  await offsets.getByRole('radio', { name: /code points/ }).check()
  await expect(choose).toContainText('Offsets in Unicode code points')
  await saveScreenshot(app, 'export-dialog-offsets')
  await choose.getByRole('button', { name: 'Export…' }).click()
  const done = page.getByRole('dialog', { name: 'Export finished' })
  await expect(done).toBeVisible({ timeout: 20_000 })
  await expect(done).toContainText('Unicode code points')

  const documents = await readAllDocuments(await openProjectDir(page))
  const lines = (await readFile(out, 'utf8'))
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l))
  expect(lines.length).toBe(documents.length)
  for (const line of lines) {
    expect(line.offset_unit).toBe('codepoint')
    const chars = Array.from(line.text as string)
    for (const s of line.spans) expect(chars.slice(s.start, s.end).join('')).toBe(s.text)
  }
  expect(lines.reduce((n, l) => n + l.spans.length, 0)).toBeGreaterThan(0)
})
