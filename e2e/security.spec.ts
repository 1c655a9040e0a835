// The renderer is a web page with no way to Node, and nothing from an article ever runs in it.
import { CHANNEL_NAMES } from '../src/shared/channels'
import { expect, test } from './fixtures'
import {
  article,
  closeImportReport,
  dropFiles,
  openDocumentByTitle,
  waitForArticle,
} from './support/app-actions'
import { findDocument, openProjectDir } from './support/project-files'

// The next two tests mean something only in Electron, where the preload and the window's
// webPreferences decide what the page can reach. In Chromium mode the page is a plain web page and
// window.api is the harness's own stand-in, so they could not fail there: the preload itself is
// checked in test/preload (its build and the window.api it exposes) and the window's options in
// test/main/smoke.test.ts.
const ELECTRON_ONLY = 'checks the real preload and webPreferences; Chromium mode has neither'

test('the renderer cannot reach Node: require and process are undefined', async ({ app }) => {
  test.skip(app.mode !== 'electron', ELECTRON_ONLY)
  const globals = await app.page.evaluate(() => {
    const g = globalThis as Record<string, unknown>
    return {
      require: typeof g.require,
      process: typeof g.process,
      module: typeof g.module,
      Buffer: typeof g.Buffer,
    }
  })
  expect(globals).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    Buffer: 'undefined',
  })
})

test('window.api is frozen and has one function per contract channel, nothing else', async ({
  app,
}) => {
  test.skip(app.mode !== 'electron', ELECTRON_ONLY)
  const api = await app.page.evaluate(() => {
    const w = window as unknown as { api: Record<string, unknown> }
    return {
      keys: Object.keys(w.api).sort(),
      functions: Object.values(w.api).every((v) => typeof v === 'function'),
      frozen: Object.isFrozen(w.api),
    }
  })
  expect(api.keys).toEqual([...CHANNEL_NAMES, 'onEvent'].sort())
  expect(api.functions).toBe(true)
  expect(api.frozen).toBe(true)
})

const HOSTILE_HTML = `<!doctype html>
<html><head><title>Harbour deal questioned</title>
<script>window.__marginaliaPwned = 'head script'</script>
<meta http-equiv="refresh" content="0;url=javascript:window.__marginaliaPwned='refresh'">
</head><body onload="window.__marginaliaPwned = 'body onload'">
<article>
<h1>Harbour deal questioned</h1>
<p>The port authority signed the harbour deal on Monday, officials said, after months of talks
with the three shipping companies that use the quay.</p>
<p>Critics of the agreement <img src="x" onerror="window.__marginaliaPwned = 'img onerror'; alert(1)">
said the terms had never been published and that the council was not consulted.</p>
<p>Residents <svg onload="window.__marginaliaPwned = 'svg onload'"><circle r="1"/></svg> asked for
the full text <a href="javascript:window.__marginaliaPwned='link'">here</a> before the vote.</p>
<script>window.__marginaliaPwned = 'body script'; alert('pwned')</script>
<p>The mayor said the deal would bring work to the town and that the documents would be released
once the negotiations with the second operator were complete, probably next month.</p>
<iframe src="javascript:parent.__marginaliaPwned='iframe'"></iframe>
</article></body></html>`

test('a <script> or onerror in an imported article never runs', async ({ app }) => {
  const page = app.page
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    // The message is what the test checks; the dismissal only unblocks the page.
    void dialog.dismiss().catch(() => undefined)
  })
  await waitForArticle(page)
  await dropFiles(page, [{ name: 'harbour.html', data: HOSTILE_HTML, type: 'text/html' }])
  await closeImportReport(page, '1 document added')
  await openDocumentByTitle(page, /Harbour deal questioned/)
  await waitForArticle(page, 'signed the harbour deal')
  // Clicking the link and hovering the text must not run anything either.
  await article(page).getByText('said the terms had never been published').hover()

  const dir = await openProjectDir(page)
  const imported = await findDocument(dir, 'Harbour deal')
  expect(imported.document.text).toContain('the council was not consulted')
  expect(imported.document.text).not.toContain('__marginaliaPwned')

  const dom = await page.evaluate(() => ({
    pwned: (window as unknown as { __marginaliaPwned?: string }).__marginaliaPwned,
    scripts: document.querySelectorAll('.ProseMirror script, .ProseMirror iframe').length,
    handlers: [...document.querySelectorAll('.ProseMirror *')].filter((el) =>
      [...el.attributes].some((a) => a.name.startsWith('on')),
    ).length,
  }))
  expect(dom).toEqual({ pwned: undefined, scripts: 0, handlers: 0 })
  expect(dialogs).toEqual([])
})
