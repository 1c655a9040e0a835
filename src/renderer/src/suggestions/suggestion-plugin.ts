// The suggestion plugin: the engine's proposals for the open document, drawn as faint dashed
// outlines. It is a plugin of its own, beside the annotation plugin and never inside it: it keeps
// the suggestions, what is open (not yet annotated, not rejected, of a kind shown), its decorations
// and the current suggestion, and only *reads* the annotation plugin's state (spans, relations,
// rejected ids) to decide what is open. Accepting and rejecting go through the annotation plugin's
// commands (suggestion-commands.ts), so undo and saving cover them like any other edit.
//
// A document with thousands of suggestions is drawn in steps (`pending`, drawn by 'reveal'
// actions when the browser is idle, as the annotation plugin does for highlights), so turning
// suggestions on never blocks the article for long. For the same reason, what is open among a
// large new set from the engine is worked out in slices ('build' actions, when the browser is
// idle; see `Building`), following the edits made meanwhile, and the set replaces the previous one
// only once it is complete.
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view'
import type { Suggestion, SuggestionKind } from '../../../shared/suggest'
import { SUGGESTION_KINDS } from '../../../shared/suggest'
import { annotationKey, type AnnotationState } from '../editor/annotation-plugin'
import { indexed } from '../editor/indexed-decorations'
import { RevealScheduler } from '../editor/reveal-scheduler'
import {
  advanceOpen,
  applyEdit,
  computeOpen,
  openOf,
  startOpen,
  updateOpen,
  type OpenCache,
  type OpenInput,
  type OpenResult,
} from './open-suggestions'

/** The actions the plugin understands, sent as `tr.setMeta(suggestionKey, action)`. */
export type SuggestionAction =
  /** New suggestions from the engine (a document opened, the schema or registry changed). */
  | { type: 'set'; suggestions: readonly Suggestion[]; computing?: boolean }
  /** The engine is working on a new set (the old one stays until it arrives). */
  | { type: 'computing' }
  | { type: 'show'; shown: boolean }
  | { type: 'kinds'; kinds: readonly SuggestionKind[] }
  | { type: 'current'; id: string | null }
  | { type: 'reveal'; count: number }
  /**
   * Works out more of the new set's open filter (`building`): up to `count` steps, stopping early
   * once `deadline` (a `performance.now()` time) has passed.
   */
  | { type: 'build'; count: number; deadline?: number }

export interface SuggestionState {
  /** Everything the engine proposed, in text order. */
  all: readonly Suggestion[]
  /**
   * What is still to decide, in text order: not annotated, not rejected, of a kind shown, with
   * links re-pointed at spans that exist (filterSuggestions). Counted whether drawn or not.
   */
  open: readonly Suggestion[]
  /** Whether the outlines are drawn (the toolbar's switch). */
  shown: boolean
  kinds: ReadonlySet<SuggestionKind>
  /** The suggestion the keyboard acts on (Enter, X, Shift+Enter), or null. */
  currentId: string | null
  decorations: DecorationSet
  /**
   * Open suggestions whose outlines are not drawn yet (made and drawn a chunk at a time by
   * 'reveal', so not even their decorations are built in one long task).
   */
  pending: readonly Suggestion[]
  /** True while the engine computes a new set. */
  computing: boolean
  /** The annotation state `open` was computed against (revision, rejected ids). */
  seen: { revision: number; rejected: ReadonlySet<string> } | null
  /** The open filter's working state, and the token saying it is current for this state. */
  cache: OpenCache | null
  token: object | null
  /** A large new set from the engine whose open filter is being worked out, or null. */
  building: Building | null
}

/**
 * A new set from the engine too large to filter in one task (over `openAtOnce` suggestions),
 * worked out a slice at a time by 'build' actions. Meanwhile `all`, `open` and the outlines stay the
 * previous set's (as while the engine computes), `computing` stays true, and every edit is applied
 * to the part worked out (`applyEdit`), so the set, once in, is open exactly as if it had been
 * filtered at once against the annotations of that moment.
 */
export interface Building {
  all: readonly Suggestion[]
  /** The `computing` the set came with, shown once it is in. */
  computing: boolean
  /**
   * The filter so far, and the token saying it is current for this state (null, or a token of
   * another state: to be started again).
   */
  cache: OpenCache | null
  token: object | null
}

export const suggestionKey = new PluginKey<SuggestionState>('marginalia-suggestions')

/** Outlines drawn at once, and per idle step after that (a step stays well under 50 ms). */
const FIRST_OUTLINES = 400
const OUTLINES_PER_STEP = 800

/** A new set of up to this many suggestions is filtered in the transaction that brings it. */
export const OPEN_AT_ONCE = 1000
/** Time a build step may take (ms); the clock is read every few hundred suggestions. */
const BUILD_STEP_MS = 8

interface Options {
  shown?: boolean
  kinds?: readonly SuggestionKind[]
  /** A click on outlined text: the suggestions there, innermost first (see suggestionIdsAt). */
  onClickSuggestions?: (view: EditorView, ids: string[], event: MouseEvent) => void
  /** Told when what is open, the current suggestion, the switch or `computing` changed. */
  onState?: (st: SuggestionState) => void
  /** Larger sets are filtered a slice at a time (default OPEN_AT_ONCE; tests set less). */
  openAtOnce?: number
}

/** Creates the suggestion plugin (place it after the annotation plugin). */
export function suggestionPlugin(options: Options = {}): Plugin<SuggestionState> {
  return new Plugin<SuggestionState>({
    key: suggestionKey,
    state: {
      init: () => ({
        all: [],
        open: [],
        shown: options.shown ?? false,
        kinds: new Set(options.kinds ?? SUGGESTION_KINDS),
        currentId: null,
        decorations: DecorationSet.empty,
        pending: [],
        computing: false,
        seen: null,
        cache: null,
        token: null,
        building: null,
      }),
      apply(tr, prev, _old, state) {
        const action = tr.getMeta(suggestionKey) as SuggestionAction | undefined
        const ann = annotationKey.getState(state)
        if (!ann) return prev
        if (action?.type === 'reveal') return reveal(prev, action.count, state)
        if (action?.type === 'build') return buildStep(prev, action, ann, state)
        const next = action ? reduce(prev, action, options.openAtOnce ?? OPEN_AT_ONCE) : prev
        const edited =
          !prev.seen || prev.seen.revision !== ann.revision || prev.seen.rejected !== ann.rejected
        if (next === prev && !edited) return prev
        const st = refresh(prev, next, ann, state)
        return edited ? followEdit(prev, st, ann) : st
      },
    },
    view(view) {
      const reveal = new RevealScheduler(view, revealTr, OUTLINES_PER_STEP)
      const build = new RevealScheduler(view, buildTr, Infinity)
      return {
        update(v, prevState) {
          reveal.update()
          build.update()
          const a = suggestionKey.getState(prevState)
          const b = suggestionKey.getState(v.state)
          if (
            b &&
            a &&
            (a.open !== b.open ||
              a.currentId !== b.currentId ||
              a.shown !== b.shown ||
              a.computing !== b.computing)
          )
            options.onState?.(b)
        },
        destroy: () => {
          reveal.destroy()
          build.destroy()
        },
      }
    },
    props: {
      // Drawn in the same window as the highlights: a long article outlines only the suggestions
      // near the viewport (draw-window.ts), not tens of thousands across the page.
      decorations: (state) => {
        const set = suggestionKey.getState(state)?.decorations
        return set && indexed(set, annotationKey.getState(state)?.drawn ?? null)
      },
      handleClick(view, _pos, event) {
        const ids = suggestionIdsAt(view, event.target)
        if (ids.length > 0 && event.button === 0) options.onClickSuggestions?.(view, ids, event)
        return false
      },
    },
  })
}

function reduce(st: SuggestionState, action: SuggestionAction, atOnce: number): SuggestionState {
  switch (action.type) {
    case 'set': {
      const computing = action.computing ?? false
      if (action.suggestions.length <= atOnce)
        return { ...st, all: action.suggestions, computing, building: null }
      const building = { all: action.suggestions, computing, cache: null, token: null }
      return { ...st, computing: true, building }
    }
    case 'computing':
      return st.computing ? st : { ...st, computing: true }
    case 'show':
      return action.shown === st.shown ? st : { ...st, shown: action.shown }
    case 'kinds':
      return { ...st, kinds: new Set(action.kinds) }
    case 'current':
      return action.id === st.currentId ? st : { ...st, currentId: action.id }
    case 'reveal':
    case 'build':
      return st
  }
}

/**
 * Recomputes what is open against the annotations (only around the spans an edit touched, when the
 * previous state's filter is at hand: see open-suggestions.ts; so a note typed or a span added
 * does not pass over thousands of suggestions), keeps the current suggestion (or moves it to the
 * next open one when it was just accepted or rejected), and redraws only what changed.
 */
function refresh(
  prev: SuggestionState,
  next: SuggestionState,
  ann: AnnotationState,
  state: EditorState,
): SuggestionState {
  const edited =
    !prev.seen || prev.seen.revision !== ann.revision || prev.seen.rejected !== ann.rejected
  let result: OpenResult | null = null
  if (edited || next.all !== prev.all || next.kinds !== prev.kinds) {
    const input = inputOf(ann)
    const cache = prev.cache && prev.cache.token === prev.token && next.all === prev.all
    const step = prev.seen?.revision === ann.revision - 1 && ann.touchedRevision === ann.revision
    if (cache && (!edited || step)) {
      if (edited) result = updateOpen(prev.cache!, prev.open, ann.touched, input)
      if (next.kinds !== prev.kinds) result = withKinds(prev.cache!, next.kinds)
    } else result = computeOpen(next.all, next.kinds, input)
  }
  const opened = result ? result.open : prev.open
  const currentId = nextCurrent(prev, next, opened)
  const st: SuggestionState = {
    ...next,
    open: opened,
    currentId,
    seen: { revision: ann.revision, rejected: ann.rejected },
    cache: result ? result.cache : prev.cache,
    token: result ? result.cache.token : prev.token,
  }
  return redraw(prev, st, ann, state, result ? result.changed : new Set())
}

function inputOf(ann: AnnotationState): OpenInput {
  return { spans: ann.spans.sorted(), relations: ann.relations, rejected: ann.rejected }
}

/** The open suggestions of other kinds, from the same filter (nothing is worked out again). */
function withKinds(cache: OpenCache, kinds: ReadonlySet<SuggestionKind>): OpenResult {
  cache.kinds = kinds
  cache.token = {}
  return { open: openOf(cache), cache, changed: null }
}

/**
 * Applies an edit to the new set being built: to the part worked out, when the edit is the next
 * step of the annotations it has followed; otherwise (another line of states) it starts again.
 */
function followEdit(prev: SuggestionState, st: SuggestionState, ann: AnnotationState) {
  const b = st.building
  if (!b?.cache) return st
  const step =
    b.cache.token === b.token &&
    prev.seen?.revision === ann.revision - 1 &&
    ann.touchedRevision === ann.revision
  if (!step) return { ...st, building: { ...b, cache: null, token: null } }
  applyEdit(b.cache, ann.touched, inputOf(ann))
  return { ...st, building: { ...b, token: b.cache.token } }
}

/**
 * One slice of the new set's filter: its indexes first, then annotating spans and entries until
 * the step's budget is spent. Once complete, the set replaces the previous one, its outlines
 * diffed against the old ones as for any new set.
 */
function buildStep(
  prev: SuggestionState,
  action: { count: number; deadline?: number },
  ann: AnnotationState,
  state: EditorState,
): SuggestionState {
  const b = prev.building
  if (!b) return prev
  const input = inputOf(ann)
  if (!b.cache || b.cache.token !== b.token) {
    const cache = startOpen(b.all, prev.kinds, input)
    return { ...prev, building: { ...b, cache, token: cache.token } }
  }
  const cache = b.cache
  if (!advanceOpen(cache, input, action.count, action.deadline))
    return { ...prev, building: { ...b, token: cache.token } }
  const next: SuggestionState = { ...prev, all: b.all, computing: b.computing, building: null }
  const result = withKinds(cache, prev.kinds)
  const st: SuggestionState = {
    ...next,
    open: result.open,
    currentId: nextCurrent(prev, next, result.open),
    seen: { revision: ann.revision, rejected: ann.rejected },
    cache,
    token: cache.token,
  }
  return redraw(prev, st, ann, state, null)
}

/**
 * The current suggestion after a change: the same one while it is open; when it was just decided
 * (accepted, rejected), the next open one after it in text order, so Enter, X, Enter… walks on.
 */
function nextCurrent(
  prev: SuggestionState,
  next: SuggestionState,
  open: readonly Suggestion[],
): string | null {
  const id = next.currentId
  if (!id) return null
  if (open.some((s) => s.id === id)) return id
  const was = prev.open.find((s) => s.id === id) ?? next.all.find((s) => s.id === id)
  if (!was) return null
  const after = open.find((s) => s.start > was.start || (s.start === was.start && s.end > was.end))
  return after?.id ?? open[0]?.id ?? null
}

/**
 * Replaces the outlines whose suggestion opened, closed, moved or became (no longer) current. A new
 * set from the engine (the names phase after the rules, a lexicon or registry change) is diffed by
 * the suggestions' stable ids too, so the thousands of outlines that stay are neither removed from
 * nor drawn again in the article; only a first drawing (or a great many new outlines) goes through
 * `pending`, drawn a chunk at a time.
 */
function redraw(
  prev: SuggestionState,
  st: SuggestionState,
  ann: AnnotationState,
  state: EditorState,
  /** Ids whose open entry may have changed (null: any). */
  changed: ReadonlySet<string> | null,
): SuggestionState {
  if (!st.shown) return { ...st, decorations: DecorationSet.empty, pending: [] }
  if (st.open === prev.open && st.currentId === prev.currentId && prev.shown) return st
  if (!prev.shown || (prev.decorations === DecorationSet.empty && prev.pending.length === 0)) {
    const first = st.open.slice(0, FIRST_OUTLINES)
    let rest = st.open.slice(FIRST_OUTLINES)
    // The current suggestion is drawn at once wherever it is.
    const current = rest.find((s) => s.id === st.currentId)
    if (current) {
      first.push(current)
      rest = rest.filter((s) => s !== current)
    }
    return {
      ...st,
      decorations: DecorationSet.create(state.doc, outlines(ann, first, st.currentId)),
      pending: rest,
    }
  }
  const { before, after } = openMaps(prev, st, changed)
  const gone = new Set<string>()
  const added: Suggestion[] = []
  const current = (id: string) => id === prev.currentId || id === st.currentId
  const currentChanged = prev.currentId !== st.currentId
  for (const [id, s] of after) {
    const was = before.get(id)
    if (was && sameOutline(was, s) && !(currentChanged && current(id))) continue
    if (was) gone.add(id)
    added.push(s)
  }
  for (const id of before.keys()) if (!after.has(id)) gone.add(id)
  if (gone.size === 0 && added.length === 0) return { ...st, decorations: prev.decorations }
  const stale =
    gone.size === 0
      ? []
      : prev.decorations.find(
          undefined,
          undefined,
          (spec: { suggestionId?: string }) => !!spec.suggestionId && gone.has(spec.suggestionId),
        )
  const pending = prev.pending.filter((s) => !gone.has(s.id))
  // The current outline first, so it is drawn now however many others wait.
  added.sort((a, b) => Number(b.id === st.currentId) - Number(a.id === st.currentId))
  const now = outlines(ann, added.slice(0, OUTLINES_PER_STEP), st.currentId)
  const removed = stale.length > 0 ? prev.decorations.remove(stale) : prev.decorations
  return {
    ...st,
    decorations: now.length > 0 ? removed.add(state.doc, now) : removed,
    pending: [...pending, ...added.slice(OUTLINES_PER_STEP)],
  }
}

/**
 * The open suggestions before and after, by id: all of them, or (when the change is known) only
 * the changed ones and the current ones, so a small edit does not pay two maps of thousands.
 */
function openMaps(
  prev: SuggestionState,
  st: SuggestionState,
  changed: ReadonlySet<string> | null,
): { before: Map<string, Suggestion>; after: Map<string, Suggestion> } {
  if (!changed) {
    const before = new Map(prev.open.map((s) => [s.id, s]))
    return { before, after: new Map(st.open.map((s) => [s.id, s])) }
  }
  const ids = new Set(changed)
  if (prev.currentId) ids.add(prev.currentId)
  if (st.currentId) ids.add(st.currentId)
  const pick = (list: readonly Suggestion[]) => {
    const out = new Map<string, Suggestion>()
    if (ids.size === 0) return out
    for (const s of list) if (ids.has(s.id)) out.set(s.id, s)
    return out
  }
  return { before: pick(prev.open), after: pick(st.open) }
}

/** Whether two versions of a suggestion draw the same outline. */
function sameOutline(a: Suggestion, b: Suggestion): boolean {
  return a.start === b.start && a.end === b.end && a.kind === b.kind && a.layer === b.layer
}

/** The outlines of `suggestions` (those that show text). */
function outlines(
  ann: AnnotationState,
  suggestions: readonly Suggestion[],
  currentId: string | null,
): Decoration[] {
  return suggestions.map((s) => outline(ann, s, s.id === currentId)).filter(isDecoration)
}

function isDecoration(d: Decoration | null): d is Decoration {
  return d !== null
}

/** The dashed outline of one suggestion (null when it shows no text). */
function outline(ann: AnnotationState, s: Suggestion, current: boolean): Decoration | null {
  const range = ann.map.rangeToPos(s.start, s.end)
  if (!range) return null
  const layer = ann.schema.layers.find((l) => l.id === s.layer)
  const classes = ['mg-suggestion', `mg-suggestion-${s.kind}`]
  if (current) classes.push('mg-suggestion-current')
  return Decoration.inline(
    range.from,
    range.to,
    {
      nodeName: 'span',
      class: classes.join(' '),
      style: `--mg-suggestion-color: ${layer?.color ?? '#808080'}`,
      'data-suggestion-id': s.id,
      'data-suggestion-kind': s.kind,
    },
    { suggestionId: s.id },
  )
}

/** Draws the next `count` pending outlines. */
function reveal(st: SuggestionState, count: number, state: EditorState): SuggestionState {
  const ann = annotationKey.getState(state)
  if (st.pending.length === 0 || !ann) return st
  const shown = st.pending.slice(0, count)
  return {
    ...st,
    decorations: st.decorations.add(state.doc, outlines(ann, shown, st.currentId)),
    pending: st.pending.slice(shown.length),
  }
}

/**
 * The transaction that works out the next slice of a new set's open filter (for BUILD_STEP_MS from
 * now), or null if none is being built.
 */
export function buildTr(state: EditorState, count: number): Transaction | null {
  if (!suggestionKey.getState(state)?.building) return null
  const action: SuggestionAction = {
    type: 'build',
    count,
    deadline: performance.now() + BUILD_STEP_MS,
  }
  return state.tr.setMeta(suggestionKey, action)
}

/** The transaction that draws the next `count` pending outlines, or null if none are pending. */
export function revealTr(state: EditorState, count: number): Transaction | null {
  if (!suggestionKey.getState(state)?.pending.length) return null
  const action: SuggestionAction = { type: 'reveal', count }
  return state.tr.setMeta(suggestionKey, action)
}

/** The suggestion ids of the outlines from `target` up to the editor, innermost first. */
export function suggestionIdsAt(view: EditorView, target: EventTarget | null): string[] {
  const ids: string[] = []
  let el = target as Element | null
  if (el && el.nodeType !== 1) el = (el as unknown as globalThis.Node).parentElement
  while (el && el !== view.dom) {
    const id = el.getAttribute('data-suggestion-id')
    if (id && !ids.includes(id)) ids.push(id)
    el = el.parentElement
  }
  return ids
}

/** The open suggestion with this id, if any. */
export function openSuggestion(state: EditorState, id: string | null): Suggestion | undefined {
  if (!id) return undefined
  return suggestionKey.getState(state)?.open.find((s) => s.id === id)
}
