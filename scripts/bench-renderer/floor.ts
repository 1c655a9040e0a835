// The plain-DOM floor: the same document, loaded the same way (app:init, then document:load through
// the same bridge), shown as plain <p> and <h2> elements in the app's article styles, with no
// editor, no React and no highlights. What the app costs beyond this is what it adds.
//
// It is also the interaction floor: the page answers the benchmark's edits, made through the same
// Playwright calls and timed by the same instrument, with a few lines of plain DOM code: "1" wraps
// the selected words in a <mark> (the new, selected span), Delete unwraps the selected one, the
// panel's Checkability <select> sets a class on it, and its Note is a plain <textarea>. The status
// always says "Saved" (nothing is saved). What an edit costs beyond this is what the app adds.
// Its two tabs switch between the article and a short second panel the way the app's view tabs
// do (the same panel classes, so the same CSS hides the other one): the switch floor.

/** The floor's article element (the app's is the editor, `.ProseMirror`). */
export const FLOOR_ARTICLE = '.mg-article'

export const FLOOR_PAGE = {
  html: `<!doctype html>
<html lang="en"><head><meta charset="UTF-8" /><title>Floor</title>%CSS%
<script type="module" src="./bench-floor.js"></script></head>
<body><div class="view-tabs" role="tablist" style="position:fixed;top:0;left:0;z-index:3">
<button type="button" role="tab" class="view-tab" id="view-tab-article" data-view="article" aria-selected="true">Article</button>
<button type="button" role="tab" class="view-tab" id="view-tab-sources" data-view="sources" aria-selected="false">Sources</button></div>
<div class="view-stack" style="height:100vh">
<section class="view-panel" data-view="article" data-active="true"><div id="root" style="height:100vh;overflow:auto"></div></section>
<section class="view-panel" data-view="sources" data-active="false"><p>No claim is linked to a source yet.</p></section></div>
<div data-testid="annotations" style="position:fixed;top:0;right:0;z-index:3;width:16rem;background:#fff">
<label>Checkability <select><option>factual</option><option>opinion</option><option>prediction</option></select></label>
<label>Note <textarea rows="3"></textarea></label>
<p role="status">Saved</p></div></body></html>`,
  files: {
    'bench-floor.js': `
const init = await window.api['app:init']()
const docId = init.snapshot.documents[0].id
const file = await window.api['document:load']({ docId })
const { text, blocks } = file.document
const article = document.createElement('div')
article.className = 'mg-article'
article.tabIndex = -1
for (const block of blocks) {
  const el = document.createElement(block.type === 'heading' ? 'h' + (block.level || 2) : 'p')
  el.textContent = text.slice(block.start, block.end)
  article.append(el)
}
document.getElementById('root').append(article)

// The interaction floor.
let selected = null
let next = 0
const select = (mark) => {
  selected?.classList.remove('mg-selected')
  selected = mark
  mark?.classList.add('mg-selected')
}
window.addEventListener('keydown', (e) => {
  if (e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement) return
  const sel = window.getSelection()
  if (e.key === '1' && sel.rangeCount && !sel.isCollapsed) {
    const range = sel.getRangeAt(0)
    const mark = document.createElement('mark')
    mark.dataset.spanId = 'floor-' + next++
    mark.append(range.extractContents())
    range.insertNode(mark)
    sel.removeAllRanges()
    select(mark)
  } else if (e.key === 'Delete' && selected) {
    const parent = selected.parentNode
    selected.replaceWith(...selected.childNodes)
    parent.normalize()
    selected = null
  }
})
for (const tab of document.querySelectorAll('[role=tab]'))
  tab.addEventListener('click', () => {
    for (const t of document.querySelectorAll('[role=tab]')) t.ariaSelected = String(t === tab)
    for (const p of document.querySelectorAll('.view-panel')) p.dataset.active = String(p.dataset.view === tab.dataset.view)
  })
document.querySelector('select').addEventListener('change', (e) => {
  if (selected) selected.className = 'mg-selected checkability-' + e.target.value
})
`,
  },
}
