// The `auto` annotation set end to end: `marginalia suggest --accept` (the command line, in this
// process) writes the engine's suggestions as the set `auto` of a project annotated by Ana and Ben;
// the Agreement view then lists `auto` beside the people, and with Ben left out compares it with
// Ana: the source-layer F1 shown is the one worked out here from the two set files.
import path from 'node:path'
import { run } from '../src/main/cli'
import { ProjectStore } from '../src/main/core/storage'
import {
  ANA,
  BEN,
  TWO_DOC,
  createTwoAnalystProject,
  twoAnalystSets,
} from '../test/main/fixtures/two-analysts'
import { expect, test, scratchFolder } from './fixtures'
import { waitForArticle } from './support/app-actions'
import { saveScreenshot } from './support/screenshots'

/** Exact-match F1 of two span lists on `layer`. */
function exactF1(
  a: readonly { layer: string; start: number; end: number }[],
  b: readonly { layer: string; start: number; end: number }[],
  layer: string,
): number {
  const x = a.filter((s) => s.layer === layer)
  const y = b.filter((s) => s.layer === layer)
  const tp = x.filter((s) => y.some((t) => t.start === s.start && t.end === s.end)).length
  return (2 * tp) / (x.length + y.length)
}

test('suggest --accept writes the auto set, which the Agreement view compares with Ana', async ({
  app,
}) => {
  const page = app.page
  const dir = path.join(await scratchFolder('auto-e2e'), 'harbour')
  await createTwoAnalystProject(dir)
  const io = { stdout: () => {}, stderr: (t: string) => console.error(t) }
  expect(await run(['suggest', dir, '--accept'], io)).toBe(0)
  const store = await ProjectStore.open(dir, { lock: false })
  const auto = (await store.loadAnnotations(TWO_DOC, 'auto'))!.annotations
  await store.close()
  const want = exactF1(auto.spans, twoAnalystSets()[ANA.id].spans, 'source')
  expect(want).toBeGreaterThan(0)

  await waitForArticle(page)
  await app.nextDialog('chooseProjectDir', dir)
  await app.emit({ type: 'menu', command: 'open-project' })
  await waitForArticle(page, 'The mayor said')
  const banner = page.getByRole('region', { name: 'Your analyst name' })
  await banner.getByRole('textbox').fill('Cleo')
  await banner.getByRole('button', { name: 'Save name' }).click()

  await page.getByRole('tab', { name: 'Agreement' }).click()
  const view = page.getByRole('tabpanel', { name: 'Agreement' })
  const ticks = view.getByRole('group', { name: 'Analysts' })
  await expect(ticks.getByRole('checkbox', { name: 'auto (auto)' })).toBeChecked()
  await ticks.getByRole('checkbox', { name: `${BEN.name} (${BEN.id})` }).uncheck()
  await expect(view.getByText(/^ana, auto · 1 document\(s\) compared/)).toBeVisible()
  await expect(view.locator('[data-stat="source:exact-f1"]')).toHaveText(want.toFixed(3))
  await saveScreenshot(app, 'agreement-auto')
})
