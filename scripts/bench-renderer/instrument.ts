// In-page instrumentation of the renderer benchmark, as plain JavaScript source (tsx would inject
// helpers into serialised functions that the page does not have). Times are performance.now()
// (0 = navigation start) or event.timeStamp on the same clock.
//
// Load: `firstScreen` is the frame after the first highlight (or paragraph, for the floor) is in
// the DOM, `all` the frame after every expected one is. With `expected` -1 ("settle": a long
// article draws only the highlights near the viewport, so how many there will be is the app's
// choice) `grewAt` is the frame after the count last grew, and the bench takes it as `all` once the
// page has had no DOM change for a while. Long tasks come from the Long Tasks API.
//
// Interactions: `__bench.arm(event, until)` waits for the next `event` (keydown, change, click,
// input) and records the time from its timeStamp to the frame after the result shows:
// 'paint' — the next frame; 'added' — a new highlight id is in the DOM; 'removed' — the highlight
// `arg` is gone; 'selector' — an element matches `arg`. The frame is taken as requestAnimationFrame
// + a task, so the paint has been produced. `work` is the time the event's own listeners took (from
// the first, in capture on window, to the last, in bubble on window): the page's work for the
// input, without the wait for a loaded CPU before it is dispatched or the frame after it. `frames`
// is how many animation frames ran from the event's arrival (its timeStamp) to the one showing the
// result, that one included (1 = the next frame); while armed, a requestAnimationFrame loop keeps
// the page producing frames so that each frame interval is counted. The interaction floor
// (floor.ts) is timed by the same code.
export const INSTRUMENT = `(() => {
  const b = (window.__bench = { expected: 0, selector: '', firstScreen: null, all: null, maxN: 0, grewAt: null, lastMutation: 0, longTasks: [], lat: null, armed: null })
  const afterPaint = (fn) => requestAnimationFrame(() => setTimeout(fn, 0))
  // React components rendered (their function run) since load, counted through the hook React
  // offers its DevTools: in each commit, the fibers whose parent reconciled them and that did
  // work, or that were mounted. A subtree React did not visit keeps its old child list.
  b.renders = 0
  const COMPONENT = new Set([0, 1, 11, 14, 15])
  const mounted = (f) => { let n = 0; for (let c = f; c; c = c.sibling) n += (COMPONENT.has(c.tag) ? 1 : 0) + mounted(c.child); return n }
  const rendered = (f) => {
    let n = 0
    for (let c = f.child; c; c = c.sibling) {
      if (!c.alternate) { n += mounted({ tag: -1, child: c.child, sibling: null }) + (COMPONENT.has(c.tag) ? 1 : 0); continue }
      if (COMPONENT.has(c.tag) && (c.flags & 1)) n++
      if (c.child !== c.alternate.child) n += rendered(c)
    }
    return n
  }
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true, isDisabled: false, renderers: new Map(), checkDCE() {},
    inject() { return 1 }, onScheduleFiberRoot() {}, onCommitFiberUnmount() {}, onPostCommitFiberRoot() {},
    onCommitFiberRoot(_id, root) { try { b.renders += rendered(root.current) } catch {} },
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch {}
  const ids = () => new Set([...document.querySelectorAll('.ProseMirror [data-span-id]')].map((el) => el.getAttribute('data-span-id')))
  let checking = false
  const count = () => b.selector === '[data-span-id]' ? ids().size : document.querySelectorAll(b.selector).length
  const check = () => {
    checking = false
    if (b.all !== null || !b.selector) return
    const n = count()
    if (n > 0 && b.firstScreen === null) afterPaint(() => { if (b.firstScreen === null) b.firstScreen = performance.now() })
    if (b.expected < 0) {
      if (n > b.maxN) { b.maxN = n; afterPaint(() => { b.grewAt = performance.now() }) }
      return
    }
    if (n >= b.expected) afterPaint(() => { b.all = performance.now() })
  }
  b.check = check
  // Frames while armed: a requestAnimationFrame loop notes when each frame's callbacks ran (keyed
  // by the frame's time, shared by all of its callbacks), so the frame that shows a result can be
  // counted from the input: 1 = the first frame to run after the event arrived.
  const frameRuns = new Map()
  let looping = false
  const loop = (ts) => {
    if (!frameRuns.has(ts)) frameRuns.set(ts, performance.now())
    if (b.armed) requestAnimationFrame(loop)
    else looping = false
  }
  const done = () => {
    const a = b.armed
    if (!a || a.at === null || a.finished) return
    a.finished = true
    requestAnimationFrame((ts) => {
      if (!frameRuns.has(ts)) frameRuns.set(ts, performance.now())
      setTimeout(() => {
        b.frames = [...frameRuns].filter(([t, run]) => t <= ts && run > a.at).length
        b.lat = performance.now() - a.at
        b.armed = null
      }, 0)
    })
  }
  // Whether the records show the armed result (a new highlight id, or the armed one removed).
  const spanIdsIn = (nodes) => {
    const out = []
    for (const n of nodes) if (n.nodeType === 1) {
      if (n.hasAttribute('data-span-id')) out.push(n.getAttribute('data-span-id'))
      for (const el of n.querySelectorAll('[data-span-id]')) out.push(el.getAttribute('data-span-id'))
    }
    return out
  }
  const met = (a, records) => {
    if (a.until === 'selector') return !!document.querySelector(a.arg)
    for (const r of records) {
      if (a.until === 'added' && spanIdsIn(r.addedNodes).some((id) => !a.known.has(id))) return true
      if (a.until === 'removed' && spanIdsIn(r.removedNodes).includes(a.arg)) return true
    }
    return false
  }
  const lastListeners = {}
  b.arm = (event, until, arg) => {
    window.removeEventListener(event, lastListeners[event])
    window.addEventListener(event, lastListeners[event])
    b.lat = null
    b.work = null
    b.frames = null
    b.armed = { event, until, arg, at: null, finished: false, known: until === 'added' ? ids() : null }
    frameRuns.clear()
    if (!looping) { looping = true; requestAnimationFrame(loop) }
  }
  new MutationObserver((records) => {
    const a = b.armed
    if (a && a.at !== null && a.until !== 'paint' && !a.finished && met(a, records)) done()
    if (b.all === null) b.lastMutation = performance.now()
    if (b.all === null && !checking) { checking = true; setTimeout(check, 0) }
  }).observe(document, { childList: true, subtree: true })
  for (const type of ['keydown', 'change', 'click', 'input']) {
    window.addEventListener(type, (e) => {
      const a = b.armed
      if (!a || a.at !== null || a.event !== type) return
      a.at = e.timeStamp
      a.dispatched = performance.now()
      if (a.until === 'paint') done()
    }, true)
    // Last of the event's listeners (React's discrete render has run by then, in a microtask):
    // added again on each arm, after the listeners the page added on window since (the app's
    // keyboard shortcuts), so that their work is counted too.
    lastListeners[type] = () => {
      const a = b.armed
      if (a && a.dispatched !== undefined && b.work === null) b.work = performance.now() - a.dispatched
    }
    window.addEventListener(type, lastListeners[type])
  }
})()`

/**
 * Selects words [from, to] of the n-th paragraph of the article (the element `root`: the editor,
 * or the floor's article), scrolled to the middle of the pane, as a DOM selection that ProseMirror
 * reads through `selectionchange`. Returns false when the paragraph has fewer words.
 */
export const SELECT_WORDS = `((n, from, to, root) => {
  const p = document.querySelectorAll(root + ' p')[n]
  if (!p) return false
  p.scrollIntoView({ block: 'center' })
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT)
  const nodes = []
  let text = ''
  for (let t = walker.nextNode(); t; t = walker.nextNode()) { nodes.push({ node: t, at: text.length }); text += t.data }
  const words = [...text.matchAll(/[A-Za-z]+/g)]
  if (words.length <= to) return false
  const locate = (offset, end) => {
    for (const { node, at } of nodes) if (offset < at + node.data.length || (end && offset === at + node.data.length)) return { node, offset: offset - at }
    return null
  }
  const a = locate(words[from].index, false)
  const z = locate(words[to].index + words[to][0].length, true)
  const range = document.createRange()
  range.setStart(a.node, a.offset)
  range.setEnd(z.node, z.offset)
  document.querySelector(root).focus({ preventScroll: true })
  const sel = window.getSelection()
  sel.removeAllRanges()
  sel.addRange(range)
  document.dispatchEvent(new Event('selectionchange'))
  return true
})`
