// Tagged datasets from the UI: the Export dialog writes zipped brat and W3C Web Annotation with the
// manifest shown at the end, and Import Annotations brings a doccano file with a label the schema
// does not know into the project (the user chooses to add it), visible in the app and on disk.
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { expect, test, type AppDriver, scratchFolder } from './fixtures'
import { article, chooseImport, highlight, waitForArticle } from './support/app-actions'
import { openProjectDir, readAllDocuments, readProjectFile } from './support/project-files'
import { saveScreenshot } from './support/screenshots'

/** Opens the Export dialog from the toolbar and picks `format` (its registry label is shown). */
async function openExportDialog(app: AppDriver, format: string) {
  await app.page.getByRole('banner').getByRole('button', { name: 'Export…' }).click()
  const dialog = app.page.getByRole('dialog', { name: 'Export dataset' })
  await dialog.getByLabel('Format').selectOption(format)
  return dialog
}

test('exports zipped brat and W3C from the Export dialog and shows each manifest', async ({
  app,
}) => {
  const page = app.page
  await waitForArticle(page, 'Russian state media said')
  const dir = await openProjectDir(page)
  const documents = await readAllDocuments(dir)
  const spanCount = documents.reduce((n, d) => n + d.annotations.spans.length, 0)
  const relationCount = documents.reduce((n, d) => n + d.annotations.relations.length, 0)
  const outDir = await scratchFolder('datasets')

  // brat, as one zip.
  const zipPath = path.join(outDir, 'sample-brat.zip')
  await app.nextDialog('chooseExportPath', zipPath)
  const choose = await openExportDialog(app, 'brat')
  await expect(choose.getByRole('option', { name: 'brat standoff' })).toHaveCount(1)
  await choose.getByRole('radio', { name: 'One .zip file' }).check()
  await expect(choose.getByTestId('format-hint')).toContainText('one .zip file')
  await saveScreenshot(app, 'export-dataset-dialog')
  await choose.getByRole('button', { name: 'Export…' }).click()

  const done = page.getByRole('dialog', { name: 'Export finished' })
  await expect(done).toBeVisible({ timeout: 20_000 })
  await expect(done).toContainText(zipPath)
  const manifest = done.getByRole('definition')
  await expect(manifest.nth(0)).toContainText('brat')
  await expect(manifest.nth(1)).toHaveText(String(documents.length))
  await expect(manifest.nth(2)).toHaveText(String(spanCount))
  await expect(manifest.nth(3)).toHaveText(String(relationCount))
  await expect(manifest.nth(4)).toContainText('Unicode code points')
  const written = JSON.parse(await readFile(`${zipPath}.manifest.json`, 'utf8'))
  expect(written.counts).toEqual({
    documents: documents.length,
    spans: spanCount,
    relations: relationCount,
  })
  // Every loss of the manifest is a row: what, count and reason.
  const losses = done.getByRole('region', { name: 'Not carried by this format' })
  for (const loss of written.losses as { what: string; count: number; reason: string }[]) {
    const row = losses.getByRole('row').filter({ hasText: loss.what })
    await expect(row).toContainText(String(loss.count))
    await expect(row).toContainText(loss.reason)
  }
  await saveScreenshot(app, 'export-dataset-manifest')

  const entries = unzipSync(new Uint8Array(await readFile(zipPath)))
  expect(Object.keys(entries)).toContain('annotation.conf')
  for (const d of documents) {
    const ann = new TextDecoder().decode(entries[`${d.document.id}.ann`])
    const text = [...new TextDecoder().decode(entries[`${d.document.id}.txt`])]
    // T lines: brat offsets count code points; fragments are joined by a space.
    for (const line of ann.split('\n').filter((l) => l.startsWith('T'))) {
      const [, typeAndRanges, quoted] = line.split('\t')
      const ranges = typeAndRanges.split(' ').slice(1).join(' ').split(';')
      const fragments = ranges.map((r) => {
        const [start, end] = r.split(' ').map(Number)
        return text.slice(start, end).join('')
      })
      expect(fragments.join(' ')).toBe(quoted)
    }
  }

  // W3C Web Annotation, as a folder: "Export another…" returns to the choices.
  await done.getByRole('button', { name: 'Export another…' }).click()
  const w3cDir = path.join(outDir, 'sample-w3c')
  await app.nextDialog('chooseExportPath', w3cDir)
  const again = page.getByRole('dialog', { name: 'Export dataset' })
  await again.getByLabel('Format').selectOption('w3c')
  await again.getByRole('button', { name: 'Export…' }).click()
  await expect(done).toBeVisible({ timeout: 20_000 })
  await expect(done).toContainText(w3cDir)
  await expect(done.getByRole('definition').nth(0)).toContainText('w3c')
  const files = await readdir(w3cDir)
  expect(files).toContain('manifest.json')
  let annotations = 0
  for (const d of documents) {
    expect(files).toContain(`${d.document.id}.jsonld`)
    const collection = JSON.parse(
      await readFile(path.join(w3cDir, `${d.document.id}.jsonld`), 'utf8'),
    )
    const text = [...(await readFile(path.join(w3cDir, `${d.document.id}.txt`), 'utf8'))]
    for (const item of collection.first.items) {
      if (item.motivation !== 'tagging') continue
      const quote = item.target.selector.find(
        (s: { type: string }) => s.type === 'TextQuoteSelector',
      )
      const position = item.target.selector.find(
        (s: { type: string }) => s.type === 'TextPositionSelector',
      )
      expect(text.slice(position.start, position.end).join('')).toBe(quote.exact)
      annotations++
    }
  }
  expect(annotations).toBe(spanCount)
  await done.getByRole('button', { name: 'Close' }).click()
  await expect(done).toBeHidden()
})

test('imports a doccano file with an unknown label, adding it to the schema', async ({ app }) => {
  const page = app.page
  await waitForArticle(page)
  const folder = await scratchFolder('doccano')
  const file = path.join(folder, 'ministers.jsonl')
  const text = 'Finance minister 😀 Ana Lopes said that taxes will fall next year.'
  const cp = (phrase: string) => {
    const start = [...text.slice(0, text.indexOf(phrase))].length
    return [start, start + [...phrase].length]
  }
  const record = {
    text,
    label: [
      [...cp('Ana Lopes'), 'PERSON'],
      [...cp('taxes will fall next year'), 'Claim'],
    ],
  }
  await writeFile(file, `${JSON.stringify(record)}\n`)
  await app.nextDialog('chooseAnnotationSource', [file])

  await chooseImport(page, 'Annotations')
  const choose = page.getByRole('dialog', { name: 'Import annotations' })
  await choose.getByLabel('Format').selectOption('doccano')
  await choose.getByRole('button', { name: 'Choose files…' }).click()

  const preview = page.getByRole('dialog', { name: 'Import preview' })
  await expect(preview).toBeVisible({ timeout: 20_000 })
  await expect(preview).toContainText('ministers.jsonl')
  const found = preview.getByRole('definition')
  await expect(found.nth(0)).toHaveText('1')
  await expect(found.nth(1)).toHaveText('2')
  const unknown = preview.getByRole('region', { name: 'Unknown labels' })
  await expect(unknown.getByRole('row').filter({ hasText: 'PERSON' })).toContainText('1')
  await preview.getByRole('radio', { name: 'Add them to the schema' }).check()
  await saveScreenshot(app, 'import-annotations-preview')
  // Nothing is written before the user says Import.
  const dir = await openProjectDir(page)
  expect((await readProjectFile(dir)).documents).toHaveLength(1)
  await preview.getByRole('button', { name: 'Import' }).click()

  const report = page.getByRole('dialog', { name: 'Annotations imported' })
  await expect(report).toContainText('1 document added')
  await expect(report).toContainText('1 label added to the schema')

  // On disk: the schema knows PERSON, and the spans select their text.
  const project = await readProjectFile(dir)
  expect(project.schema.layers.some((l) => l.labels.some((d) => d.name === 'PERSON'))).toBe(true)
  const imported = (await readAllDocuments(dir)).find((d) => d.document.text === text)!
  expect(imported.annotations.spans.map((s) => [s.label, s.quote.exact])).toEqual([
    ['PERSON', 'Ana Lopes'],
    ['Claim', 'taxes will fall next year'],
  ])
  for (const s of imported.annotations.spans) {
    expect(imported.document.text.slice(s.start, s.end)).toBe(s.quote.exact)
  }

  // In the app: the document opens from the report with both highlights.
  await report.getByRole('button', { name: imported.document.title }).click()
  await expect(report).toBeHidden()
  await waitForArticle(page, 'Ana Lopes said that taxes will fall')
  for (const s of imported.annotations.spans) {
    await expect(highlight(page, s.id).first()).toHaveText(s.quote.exact)
  }
  await expect(article(page)).toContainText('😀')
  await expect(
    page.getByRole('navigation', { name: 'Documents' }).getByRole('button', {
      name: new RegExp(imported.document.title.slice(0, 20)),
    }),
  ).toBeVisible()
})
