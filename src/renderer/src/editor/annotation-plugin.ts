// The one plugin that holds a document's annotations. Following ProseMirror's comment and
// track-changes examples, highlights are decorations in plugin state, changed only by actions sent
// as transaction meta (`tr.setMeta(annotationKey, action)`); the spans, relations and document
// labels themselves live beside them, with an undo stack of annotation ops. Unlike those examples
// nothing is mapped through transactions: the text never changes (the plugin refuses any change to
// the document), so positions never move and ProseMirror's history has nothing to undo.
//
// A long article can start with only its first blocks' highlights drawn (`firstBlocks`): the rest
// wait in `pending` and are drawn a chunk at a time by 'reveal' actions (ArticleView sends them when
// the browser is idle), so the first screen does not wait for 20,000 highlight elements. Every other
// action draws whatever is still pending first, so edits always work on the complete set.
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { DecorationSet, type EditorView } from 'prosemirror-view'
import { checkSpanAnchor } from '../../../shared/anchor'
import type {
  AnnotationSchema,
  Annotations,
  Attributes,
  DocLabels,
  Relation,
  Span,
} from '../../../shared/model'
import {
  buildDecorations,
  highlightDecoration,
  placeAll,
  updateDecorations,
  type DecorationContext,
  type Highlight,
} from './decorations'
import { blockDepth, type OffsetMap } from './doc'
import { indexed, sameWindow, type DrawWindow } from './indexed-decorations'
import { applyOp, invertOp, type AliasEffect, type AnnotationData, type AnnotationOp } from './ops'
import { RevealScheduler } from './reveal-scheduler'
import { SpanStore } from './span-store'

/** Changes to a span's label, attributes (replaced as a whole) or entity (null removes it). */
export interface SpanPatch {
  label?: string
  attributes?: Attributes
  entityId?: string | null
}

/** Changes to a relation: its type, either end (retargeting) or attributes (replaced whole). */
export interface RelationPatch {
  type?: string
  from?: string
  to?: string
  attributes?: Attributes
}

/** The actions the plugin understands, sent as `tr.setMeta(annotationKey, action)`. */
export type AnnotationAction =
  | { type: 'add'; span: Span; select?: boolean }
  | { type: 'remove'; id: string }
  /** Consecutive updates of one span with the same `mergeKey` undo as one step (e.g. typing). */
  | {
      type: 'update'
      id: string
      patch: SpanPatch
      mergeKey?: string
      now?: string
      /** The registry change this update brings (undone and redone with it by the shell). */
      alias?: AliasEffect
    }
  | { type: 'add-relation'; relation: Relation }
  | { type: 'remove-relation'; id: string }
  | { type: 'update-relation'; id: string; patch: RelationPatch; now?: string }
  | { type: 'select'; id: string | null }
  | { type: 'set-doc-labels'; labels: DocLabels }
  /** Adds spans, then relations between any spans, as one undo step (accepting suggestions). */
  | { type: 'add-many'; spans: Span[]; relations: Relation[] }
  /** Records suggestions as rejected in this document (undoable, saved with the annotations). */
  | { type: 'reject-suggestions'; ids: string[] }
  | { type: 'undo' }
  | { type: 'redo' }
  /** New layer colours or underline styles: the one action that redraws every highlight. */
  | { type: 'set-schema'; schema: AnnotationSchema }
  /** Draws the next `count` pending highlights (see `firstBlocks`). */
  | { type: 'reveal'; count: number }
  /** Refuses every change from now on, saying why (null: changes are allowed again). */
  | { type: 'set-read-only'; reason: string | null }
  /** Draws the highlights of the blocks in [from, to) only (see `drawWindow`). */
  | { type: 'draw-window'; from: number; to: number }

/** Actions that only look (select, draw): the ones a read-only document still takes. */
const LOOKING: ReadonlySet<AnnotationAction['type']> = new Set([
  'select',
  'reveal',
  'set-schema',
  'set-read-only',
  'draw-window',
])

/** The plugin's state. Read it with `annotationKey.getState(state)`. */
export interface AnnotationState {
  spans: SpanStore
  relations: readonly Relation[]
  docLabels: DocLabels
  /** Ids of the suggestions rejected in this document (saved as `suggestions.rejected`). */
  rejected: ReadonlySet<string>
  decorations: DecorationSet
  /**
   * Highlights not drawn yet, in document order, placed with their lanes but with no decoration
   * made yet (empty once all are drawn: see `firstBlocks`).
   */
  pending: readonly Highlight[]
  selectedId: string | null
  /** Ops that undo pops (last is next), and ops that redo re-applies. */
  done: readonly AnnotationOp[]
  undone: readonly AnnotationOp[]
  /** Increases with every change to spans, relations or document labels (not with selection). */
  revision: number
  /**
   * The spans the change to `touchedRevision` added, removed or changed (old and new versions), so
   * what depends on the spans (the open suggestions) can look again at only those.
   */
  touched: readonly Span[]
  touchedRevision: number
  /** The text ↔ position map of the document and the schema the highlights are drawn with. */
  map: OffsetMap
  schema: AnnotationSchema
  /** Why the annotations cannot be changed (a read-only project), or null when they can. */
  readOnly: string | null
  /** The doc positions whose blocks have their highlights drawn, or null for all (`drawWindow`). */
  drawn: DrawWindow | null
}

/** The key of the annotation plugin. */
export const annotationKey = new PluginKey<AnnotationState>('marginalia-annotations')

/** Undo steps kept per document. */
export const HISTORY_LIMIT = 500

/** What the plugin starts from. */
export interface AnnotationPluginOptions {
  map: OffsetMap
  schema: AnnotationSchema
  initial: Annotations
  /**
   * Draw at first only the highlights that start in this many leading blocks; the others wait in
   * `pending` for 'reveal' actions. Default: all at once.
   */
  firstBlocks?: number
  /** Why no change may be made (the project is read-only); default null. */
  readOnly?: string | null
  /**
   * Draw only the highlights of the blocks near the viewport, starting with the first `firstBlocks`
   * (default 60) blocks; 'draw-window' actions (draw-window.ts follows the scrolling) move it.
   */
  drawWindow?: boolean
  /**
   * Called when a highlight is clicked (or plain text, with an empty list): see ArticleView.
   * `repeat` is true for a press that follows the last one quickly (a double or triple click).
   */
  onClickSpans?: (
    view: EditorView,
    spanIds: string[],
    event: MouseEvent,
    repeat: boolean,
  ) => boolean
}

/**
 * Creates the annotation plugin. It also refuses every transaction that would change the document:
 * offsets are into the canonical text, which is immutable, and the offset map depends on it.
 */
export function annotationPlugin(options: AnnotationPluginOptions): Plugin<AnnotationState> {
  return new Plugin<AnnotationState>({
    key: annotationKey,
    state: {
      init(_config, state) {
        const spans = SpanStore.from(options.initial.spans)
        // The stored order and the range index, built with the document rather than on its
        // first edit: every later edit keeps them up to date in a step.
        spans.sorted()
        spans.withRange(0, 0)
        const all = placeAll(options.map, spans.sorted())
        const cut = options.firstBlocks === undefined ? -1 : firstPending(all, options)
        const first = (cut < 0 ? all : all.slice(0, cut)).map((h) =>
          highlightDecoration(options.schema, h, null),
        )
        return {
          spans,
          relations: [...options.initial.relations],
          docLabels: { ...options.initial.docLabels },
          rejected: new Set(options.initial.suggestions?.rejected ?? []),
          decorations: DecorationSet.create(state.doc, first),
          pending: cut < 0 ? [] : all.slice(cut),
          selectedId: null,
          done: [],
          undone: [],
          revision: 0,
          touched: [],
          touchedRevision: 0,
          map: options.map,
          schema: options.schema,
          readOnly: options.readOnly ?? null,
          drawn: options.drawWindow ? initialWindow(options, state.doc) : null,
        }
      },
      apply(tr, prev) {
        // Nothing is mapped through `tr.mapping`: `filterTransaction` below refuses every change to
        // the document, so positions never move and the decorations stay valid as they are.
        const action = tr.getMeta(annotationKey) as AnnotationAction | undefined
        if (!action) return prev
        if (prev.readOnly && !LOOKING.has(action.type)) return prev
        if (action.type === 'set-read-only') return { ...prev, readOnly: action.reason }
        if (action.type === 'draw-window') return drawWindow(prev, action, tr)
        if (action.type === 'reveal') return reveal(prev, action.count, tr)
        return reduce(reveal(prev, Infinity, tr), action, tr)
      },
    },
    filterTransaction: (tr) => !tr.docChanged,
    view: (view) => new RevealScheduler(view, revealTr),
    props: {
      decorations(state) {
        const st = annotationKey.getState(state)
        return st && indexed(st.decorations, st.drawn)
      },
      handleClick(view, _pos, event) {
        if (!options.onClickSpans) return false
        return options.onClickSpans(view, spanIdsAtTarget(view, event.target), event, false)
      },
      // ProseMirror reports a second (or third) press within 500 ms as a double (triple) click
      // instead of a click: offered too, so quick clicks on a stack cycle through its spans.
      handleDoubleClick(view, _pos, event) {
        if (!options.onClickSpans) return false
        return options.onClickSpans(view, spanIdsAtTarget(view, event.target), event, true)
      },
      handleTripleClick(view, _pos, event) {
        if (!options.onClickSpans) return false
        return options.onClickSpans(view, spanIdsAtTarget(view, event.target), event, true)
      },
    },
  })
}

/** The first `firstBlocks` blocks (default 60): what a long article draws before it is measured. */
function initialWindow(options: AnnotationPluginOptions, doc: EditorState['doc']): DrawWindow {
  const next = options.map.blocks[Math.max(1, options.firstBlocks ?? 60)]
  // Up to the start of the top-level block that holds the next textblock.
  return { from: 0, to: next ? doc.resolve(next.pos).before(blockDepth(doc)) : Infinity }
}

/**
 * Moves the drawn window, with the pending highlights that meet it drawn at once: the window may
 * move (a scroll far down) before the idle steps have drawn what it shows.
 */
function drawWindow(st: AnnotationState, w: DrawWindow, tr: Transaction): AnnotationState {
  if (!st.drawn || sameWindow(st.drawn, { from: w.from, to: w.to })) return st
  const moved = { ...st, drawn: { from: w.from, to: w.to } }
  if (st.pending.length === 0) return moved
  const meets = (h: Highlight) => h.from < w.to && h.to > w.from
  const shown = st.pending.filter(meets)
  if (shown.length === 0) return moved
  const made = shown.map((h) => highlightDecoration(st.schema, h, st.selectedId))
  const pending = st.pending.filter((h) => !meets(h))
  return { ...moved, decorations: st.decorations.add(tr.doc, made), pending }
}

/** The index in `all` (in document order) of the first highlight past `firstBlocks`, or -1. */
function firstPending(all: readonly Highlight[], options: AnnotationPluginOptions): number {
  const next = options.map.blocks[Math.max(0, options.firstBlocks ?? 0)]
  if (!next) return -1
  return all.findIndex((d) => d.from >= next.pos)
}

/** The transaction that draws the next `count` pending highlights, or null if none are pending. */
export function revealTr(state: EditorState, count: number): Transaction | null {
  if (!annotationKey.getState(state)?.pending.length) return null
  const action: AnnotationAction = { type: 'reveal', count }
  return state.tr.setMeta(annotationKey, action)
}

/** Draws the next `count` pending decorations (all of them for Infinity). */
function reveal(st: AnnotationState, count: number, tr: Transaction): AnnotationState {
  if (st.pending.length === 0 || !(count > 0)) return st
  const shown = st.pending.slice(0, count)
  const pending = st.pending.slice(shown.length)
  const made = shown.map((h) => highlightDecoration(st.schema, h, st.selectedId))
  return { ...st, decorations: st.decorations.add(tr.doc, made), pending }
}

/** The span ids of the highlight elements from `target` up to the editor, innermost first. */
export function spanIdsAtTarget(view: EditorView, target: EventTarget | null): string[] {
  const ids: string[] = []
  let el = target as Element | null
  if (el && el.nodeType !== 1) el = (el as unknown as globalThis.Node).parentElement
  while (el && el !== view.dom) {
    const id = el.getAttribute('data-span-id')
    if (id && !ids.includes(id)) ids.push(id)
    el = el.parentElement
  }
  return ids
}

/**
 * The span a click selects among the stacked spans under the pointer: the shortest first, and on
 * a further click on the same stack the next one (cycling), so every layer can be reached.
 */
export function nextStackedSpan(state: EditorState, spanIds: readonly string[]): string | null {
  const st = annotationKey.getState(state)
  if (!st) return null
  const stack = spanIds
    .map((id) => st.spans.get(id))
    .filter((s): s is Span => !!s)
    .sort((a, b) => a.end - a.start - (b.end - b.start) || b.start - a.start || cmp(a.id, b.id))
  if (stack.length === 0) return null
  const at = stack.findIndex((s) => s.id === st.selectedId)
  return stack[(at + 1) % stack.length].id
}

/** The document's annotations as stored: spans sorted by start, then end (then id). */
export function annotationsOf(state: EditorState): Annotations {
  const st = annotationKey.getState(state)
  if (!st) throw new Error('annotationsOf: the annotation plugin is not in this editor state')
  // The store keeps this order up to date edit by edit; a copy of 20,000 references is cheap.
  const spans = st.spans.sorted().slice()
  const out: Annotations = { spans, relations: [...st.relations], docLabels: { ...st.docLabels } }
  if (st.rejected.size > 0) out.suggestions = { rejected: [...st.rejected].sort() }
  return out
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Why a span cannot be added to this document, or null if it can: its id is taken, its anchor is
 * unsound (`checkSpanAnchor`, the store's own rule), or the same text already has the same label
 * (a duplicate would be counted twice in the claims table and every export).
 */
export function spanProblem(st: AnnotationState, span: Span): string | null {
  if (st.spans.has(span.id)) return `a span with id ${span.id} already exists`
  const problem = checkSpanAnchor(st.map.text, span)
  if (problem) return problem.message
  const twin = sameTag(st, span)
  return twin ? `this text is already tagged ${twin.label} (span ${twin.id})` : null
}

/** The span that already tags exactly [start, end) with this layer and label, if any. */
export function sameTag(
  st: AnnotationState,
  tag: Pick<Span, 'layer' | 'label' | 'start' | 'end'>,
): Span | undefined {
  return st.spans
    .withRange(tag.start, tag.end)
    .find((s) => s.layer === tag.layer && s.label === tag.label)
}

/** Why a relation cannot be added (or become `relation` after an update), or null if it can. */
export function relationProblem(st: AnnotationState, relation: Relation): string | null {
  if (!st.spans.has(relation.from)) return `no span ${relation.from} at the relation's start`
  if (!st.spans.has(relation.to)) return `no span ${relation.to} at the relation's end`
  if (relation.from === relation.to) return 'a relation cannot link a span to itself'
  return null
}

/** The span after a patch, or null when the patch changes nothing. */
export function patchedSpan(span: Span, patch: SpanPatch, now: string): Span | null {
  const next: Span = { ...span }
  if (patch.label !== undefined) next.label = patch.label
  if (patch.attributes !== undefined) next.attributes = { ...patch.attributes }
  if (patch.entityId === null) delete next.entityId
  else if (patch.entityId !== undefined) next.entityId = patch.entityId
  if (
    next.label === span.label &&
    next.entityId === span.entityId &&
    sameAttributes(next.attributes, span.attributes)
  )
    return null
  next.updatedAt = now
  return next
}

/** The relation after a patch, or null when the patch changes nothing. */
export function patchedRelation(rel: Relation, patch: RelationPatch, now: string): Relation | null {
  const next: Relation = { ...rel, ...definedOnly(patch) }
  if (patch.attributes) next.attributes = { ...patch.attributes }
  if (
    next.type === rel.type &&
    next.from === rel.from &&
    next.to === rel.to &&
    sameAttributes(next.attributes, rel.attributes)
  )
    return null
  next.updatedAt = now
  return next
}

function definedOnly(patch: RelationPatch): Partial<Relation> {
  const out: Partial<Relation> = {}
  if (patch.type !== undefined) out.type = patch.type
  if (patch.from !== undefined) out.from = patch.from
  if (patch.to !== undefined) out.to = patch.to
  return out
}

function sameAttributes(a: Attributes, b: Attributes): boolean {
  const ka = Object.keys(a)
  return ka.length === Object.keys(b).length && ka.every((k) => Object.is(a[k], b[k]))
}

function reduce(st: AnnotationState, action: AnnotationAction, tr: Transaction): AnnotationState {
  switch (action.type) {
    case 'add': {
      if (spanProblem(st, action.span)) return st
      const next = commit(st, { kind: 'add-span', span: action.span, relations: [] }, tr)
      return action.select ? select(next, action.span.id, tr) : next
    }
    case 'remove': {
      const span = st.spans.get(action.id)
      return span ? commit(st, { kind: 'remove-span', span, relations: [] }, tr) : st
    }
    case 'update': {
      const before = st.spans.get(action.id)
      const after = before && patchedSpan(before, action.patch, action.now ?? now())
      if (!before || !after) return st
      const { mergeKey, alias } = action
      return commit(st, { kind: 'update-span', before, after, mergeKey, alias }, tr)
    }
    case 'add-relation': {
      const r = action.relation
      if (st.relations.some((x) => x.id === r.id) || relationProblem(st, r)) return st
      const op: AnnotationOp = { kind: 'add-relation', relation: r, index: st.relations.length }
      return commit(st, op, tr)
    }
    case 'remove-relation': {
      const index = st.relations.findIndex((r) => r.id === action.id)
      if (index < 0) return st
      const op: AnnotationOp = { kind: 'remove-relation', relation: st.relations[index], index }
      return commit(st, op, tr)
    }
    case 'update-relation': {
      const before = st.relations.find((r) => r.id === action.id)
      const after = before && patchedRelation(before, action.patch, action.now ?? now())
      if (!before || !after || relationProblem(st, after)) return st
      return commit(st, { kind: 'update-relation', before, after }, tr)
    }
    case 'set-doc-labels': {
      const after = cloneLabels(action.labels)
      if (sameLabels(after, st.docLabels)) return st
      return commit(st, { kind: 'doc-labels', before: st.docLabels, after }, tr)
    }
    case 'add-many': {
      const ops = addManyOps(st, action.spans, action.relations)
      return ops ? commit(st, { kind: 'batch', ops }, tr) : st
    }
    case 'reject-suggestions': {
      const add = [...new Set(action.ids)].filter((id) => !st.rejected.has(id))
      return add.length ? commit(st, { kind: 'reject-suggestions', add, remove: [] }, tr) : st
    }
    case 'select':
      return select(st, action.id, tr)
    case 'undo': {
      const op = st.done[st.done.length - 1]
      if (!op) return st
      const { state, applied } = change(st, invertOp(op), tr)
      return { ...state, done: st.done.slice(0, -1), undone: [...st.undone, invertOp(applied)] }
    }
    case 'redo': {
      const op = st.undone[st.undone.length - 1]
      if (!op) return st
      const { state, applied } = change(st, op, tr)
      return { ...state, done: [...st.done, applied], undone: st.undone.slice(0, -1) }
    }
    case 'reveal':
      return reveal(st, action.count, tr)
    case 'set-read-only':
      return { ...st, readOnly: action.reason }
    case 'draw-window':
      return drawWindow(st, action, tr)
    case 'set-schema': {
      const ctx = { doc: tr.doc, map: st.map, schema: action.schema }
      const decorations = buildDecorations(ctx, st.spans.values(), st.selectedId)
      return { ...st, schema: action.schema, decorations, pending: [] }
    }
  }
}

/**
 * The ops that add `spans` and then `relations` (whose ends may be among the new spans), or null
 * when any of them could not be added: all or nothing, so one undo takes back exactly what came.
 */
export function addManyOps(
  st: AnnotationState,
  spans: readonly Span[],
  relations: readonly Relation[],
): AnnotationOp[] | null {
  if (spans.length === 0 && relations.length === 0) return null
  const ids = new Set<string>()
  for (const span of spans) {
    if (ids.has(span.id) || spanProblem(st, span)) return null
    ids.add(span.id)
  }
  const has = (id: string) => ids.has(id) || st.spans.has(id)
  const relationIds = new Set(st.relations.map((r) => r.id))
  for (const r of relations) {
    if (relationIds.has(r.id) || !has(r.from) || !has(r.to) || r.from === r.to) return null
    relationIds.add(r.id)
  }
  const ops: AnnotationOp[] = spans.map((span) => ({ kind: 'add-span', span, relations: [] }))
  relations.forEach((relation, i) =>
    ops.push({ kind: 'add-relation', relation, index: st.relations.length + i }),
  )
  return ops
}

/** Applies a new op and records it for undo (merging with the last one when the keys match). */
function commit(st: AnnotationState, op: AnnotationOp, tr: Transaction): AnnotationState {
  const { state: next, applied } = change(st, op, tr)
  const last = st.done[st.done.length - 1]
  let done: AnnotationOp[]
  if (
    applied.kind === 'update-span' &&
    applied.mergeKey !== undefined &&
    last?.kind === 'update-span' &&
    last.mergeKey === applied.mergeKey &&
    last.after.id === applied.after.id
  )
    done = [...st.done.slice(0, -1), { ...applied, before: last.before }]
  else done = [...st.done, applied]
  if (done.length > HISTORY_LIMIT) done = done.slice(done.length - HISTORY_LIMIT)
  return { ...next, done, undone: [] }
}

/** Applies an op to the data and redraws only what it touched. */
function change(
  st: AnnotationState,
  op: AnnotationOp,
  tr: Transaction,
): { state: AnnotationState; applied: AnnotationOp } {
  const data: AnnotationData = {
    spans: st.spans,
    relations: st.relations,
    docLabels: st.docLabels,
    rejected: st.rejected,
  }
  const result = applyOp(data, op)
  const spans = result.data.spans
  const selectedId = st.selectedId && spans.has(st.selectedId) ? st.selectedId : null
  const touched = [...result.touched]
  if (selectedId !== st.selectedId && st.selectedId) touched.push(st.spans.get(st.selectedId)!)
  const decorations =
    touched.length > 0
      ? updateDecorations(st.decorations, context(st, tr), spans, selectedId, touched)
      : st.decorations
  const state: AnnotationState = {
    ...st,
    spans,
    relations: result.data.relations,
    docLabels: result.data.docLabels,
    rejected: result.data.rejected,
    decorations,
    selectedId,
    revision: st.revision + 1,
    touched: result.touched,
    touchedRevision: st.revision + 1,
  }
  return { state, applied: result.op }
}

function select(st: AnnotationState, id: string | null, tr: Transaction): AnnotationState {
  if (id === st.selectedId || (id !== null && !st.spans.has(id))) return st
  const touched: Span[] = []
  if (st.selectedId && st.spans.has(st.selectedId)) touched.push(st.spans.get(st.selectedId)!)
  if (id) touched.push(st.spans.get(id)!)
  const decorations = updateDecorations(st.decorations, context(st, tr), st.spans, id, touched)
  return { ...st, selectedId: id, decorations }
}

function context(st: AnnotationState, tr: Transaction): DecorationContext {
  return { doc: tr.doc, map: st.map, schema: st.schema }
}

function now(): string {
  return new Date().toISOString()
}

function cloneLabels(labels: DocLabels): DocLabels {
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, [...v]]))
}

function sameLabels(a: DocLabels, b: DocLabels): boolean {
  const ka = Object.keys(a)
  return (
    ka.length === Object.keys(b).length &&
    ka.every(
      (k) =>
        b[k] !== undefined && a[k].length === b[k].length && a[k].every((v, i) => v === b[k][i]),
    )
  )
}
