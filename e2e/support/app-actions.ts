// What a user does in the workbench, written once for both modes: wait for the article, tag a
// phrase, click a highlight, drop files on the window. Assertions about the disk go through
// project-files.ts, so a test checks what the app really saved.
import { expect, type Locator, type Page } from '@playwright/test'
import type { Span } from '../../src/shared/model'
import { openProjectDir, readAllDocuments, readDocumentFile } from './project-files'
import { EDITOR, dragSelectPhrase, selectPhrase } from './text-selection'

/** The article's editor element. */
export function article(page: Page): Locator {
  return page.locator(EDITOR)
}

/** Waits until a document's text is shown in the article. */
export async function waitForArticle(page: Page, containing?: string): Promise<void> {
  await expect(article(page)).toBeVisible({ timeout: 20_000 })
  if (containing) await expect(article(page)).toContainText(containing)
}

/** The highlight element(s) of a span in the article. */
export function highlight(page: Page, spanId: string): Locator {
  return page.locator(`${EDITOR} [data-span-id="${spanId}"]`)
}

/** The open project's folder and the id of the document whose text contains `phrase`. */
export async function documentWith(
  page: Page,
  phrase: string,
): Promise<{ dir: string; docId: string; text: string }> {
  const dir = await openProjectDir(page)
  const found = (await readAllDocuments(dir)).find((d) => d.document.text.includes(phrase))
  if (!found) throw new Error(`no document of ${dir} contains ${JSON.stringify(phrase)}`)
  return { dir, docId: found.document.id, text: found.document.text }
}

/** The spans of a document as saved on disk now. */
export async function spansOnDisk(dir: string, docId: string): Promise<Span[]> {
  return (await readDocumentFile(dir, docId)).annotations.spans
}

/**
 * Waits until the document's file on disk has a span that the previous spans did not, and returns
 * it (autosave runs within a second of the change).
 */
export async function waitForNewSpanOnDisk(
  dir: string,
  docId: string,
  before: readonly Span[],
): Promise<Span> {
  const known = new Set(before.map((s) => s.id))
  let added: Span[] = []
  await expect
    .poll(
      async () => {
        added = (await spansOnDisk(dir, docId)).filter((s) => !known.has(s.id))
        return added.length
      },
      { message: `a new span saved in ${docId}`, timeout: 10_000 },
    )
    .toBe(1)
  return added[0]
}

/** Waits until the span with `id` is (or is no longer) in the document's file. */
export async function waitForSpanOnDisk(
  dir: string,
  docId: string,
  id: string,
  present: boolean,
): Promise<Span | undefined> {
  let span: Span | undefined
  await expect
    .poll(
      async () => {
        span = (await spansOnDisk(dir, docId)).find((s) => s.id === id)
        return span !== undefined
      },
      { message: `span ${id} ${present ? 'saved' : 'removed'} on disk`, timeout: 10_000 },
    )
    .toBe(present)
  return span
}

/**
 * Tags `phrase` with the layer shortcut `key` (1 Claim, 2 Source, 3 Sentiment): selects it with a
 * mouse drag, or programmatically (a DOM selection, as assistive tools make), then presses the key.
 */
export async function tagPhrase(
  page: Page,
  phrase: string,
  key: string,
  how: 'drag' | 'select' = 'select',
  occurrence = 0,
): Promise<void> {
  if (how === 'drag') await dragSelectPhrase(page, phrase, occurrence)
  else await selectPhrase(page, phrase, occurrence)
  await page.keyboard.press(key)
}

/** Tags `phrase` and returns the span it saved, checked against the text on disk. */
export async function tagAndSave(
  page: Page,
  phrase: string,
  key: string,
  how: 'drag' | 'select' = 'select',
): Promise<{ dir: string; docId: string; span: Span }> {
  const { dir, docId } = await documentWith(page, phrase)
  const before = await spansOnDisk(dir, docId)
  await tagPhrase(page, phrase, key, how)
  const span = await waitForNewSpanOnDisk(dir, docId, before)
  await expect(highlight(page, span.id).first()).toBeVisible()
  return { dir, docId, span }
}

/** Clicks a span's highlight (its innermost element), which selects it in the panel. */
export async function clickHighlight(page: Page, spanId: string): Promise<void> {
  const el = highlight(page, spanId).first()
  await el.scrollIntoViewIfNeeded()
  await el.click()
}

/** The panel's editor of the selected span. */
export function spanDetails(page: Page): Locator {
  return page.getByRole('region', { name: 'Annotations' })
}

/**
 * Drops files onto the window, as a user dragging them from the file manager: dragenter,
 * dragover and drop with a DataTransfer holding real File objects.
 */
export async function dropFiles(
  page: Page,
  files: { name: string; data: Buffer | string; type?: string }[],
): Promise<void> {
  const payload = files.map((f) => ({
    name: f.name,
    type: f.type ?? '',
    base64: Buffer.from(f.data).toString('base64'),
  }))
  const dataTransfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer()
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.base64), (c) => c.charCodeAt(0))
      dt.items.add(new File([bytes], item.name, { type: item.type }))
    }
    return dt
  }, payload)
  const target = page.locator('main, .app').first()
  await target.dispatchEvent('dragenter', { dataTransfer })
  await target.dispatchEvent('dragover', { dataTransfer })
  await target.dispatchEvent('drop', { dataTransfer })
  await dataTransfer.dispose()
}

/** Opens a document from the sidebar by (part of) its title. */
export async function openDocumentByTitle(page: Page, title: string | RegExp): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Documents' })
    .getByRole('button', { name: title })
    .click()
}

/** Waits for the "Import finished" report, checks its summary line, and closes it. */
export async function closeImportReport(page: Page, summary: string | RegExp): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Import finished' })
  await expect(dialog).toBeVisible({ timeout: 20_000 })
  await expect(dialog).toContainText(summary)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
}

/** Chooses an item of the top bar's Import menu with the mouse ("Documents…", "Pasted article…"…). */
export async function chooseImport(
  page: Page,
  item: 'Documents' | 'Pasted article' | 'Annotations',
): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Import', exact: true }).click()
  const menu = page.getByRole('menu', { name: 'Import' })
  await menu.getByRole('menuitem', { name: new RegExp(`^${item}`) }).click()
  await expect(menu).toBeHidden()
}
