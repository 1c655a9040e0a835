// The plain-DOM floor: the same document, loaded the same way (app:init, then document:load through
// the same bridge), shown as plain <p> and <h2> elements in the app's article styles, with no
// editor, no React and no highlights. What the app costs beyond this is what it adds.
export const FLOOR_PAGE = {
  html: `<!doctype html>
<html lang="en"><head><meta charset="UTF-8" /><title>Floor</title>%CSS%
<script type="module" src="./bench-floor.js"></script></head>
<body><div id="root" style="height:100vh;overflow:auto"></div></body></html>`,
  files: {
    'bench-floor.js': `
const init = await window.api['app:init']()
const docId = init.snapshot.documents[0].id
const file = await window.api['document:load']({ docId })
const { text, blocks } = file.document
const article = document.createElement('div')
article.className = 'mg-article'
for (const block of blocks) {
  const el = document.createElement(block.type === 'heading' ? 'h' + (block.level || 2) : 'p')
  el.textContent = text.slice(block.start, block.end)
  article.append(el)
}
document.getElementById('root').append(article)
`,
  },
}
