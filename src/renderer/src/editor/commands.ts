// Annotation commands in ProseMirror's idiom, `(state, dispatch?) => boolean`: called without
// dispatch they only say whether they would apply (for enabling menu items and buttons).
import { TextSelection, type Command, type EditorState } from 'prosemirror-state'
import { quoteOf } from '../../../shared/anchor'
import { newId } from '../../../shared/ids'
import type { Attributes, DocLabels, Layer, Relation, Span } from '../../../shared/model'
import {
  addManyOps,
  annotationKey,
  patchedRelation,
  patchedSpan,
  relationProblem,
  sameTag,
  spanProblem,
  type AnnotationAction,
  type RelationPatch,
  type SpanPatch,
} from './annotation-plugin'
import type { AliasEffect } from './ops'
import { snapToWords } from './snap'

function send(action: AnnotationAction): Command {
  return (state, dispatch) => {
    // A read-only document takes no change: the command does not apply (the plugin would ignore it).
    if (action.type !== 'select' && annotationKey.getState(state)?.readOnly) return false
    if (dispatch) dispatch(state.tr.setMeta(annotationKey, action))
    return true
  }
}

/** Adds a span (its offsets must select its quote in the text, and its id must be new). */
export function addSpan(span: Span): Command {
  return (state, dispatch) => {
    const st = annotationKey.getState(state)
    if (!st || spanProblem(st, span)) return false
    return send({ type: 'add', span })(state, dispatch)
  }
}

/** Options of `tagSelection`. */
export interface TagOptions {
  layerId: string
  /** One of the layer's labels; its first label when left out. */
  label?: string
  annotator: string
  snapToWords: boolean
}

/**
 * Tags the current text selection as a new span of a layer (with the layer's attribute defaults),
 * selects the new span and collapses the text selection to its end. False when the selection is
 * empty (or snaps to nothing), the layer or label is not in the schema, or the span would be one
 * the store refuses (see `spanProblem`: e.g. an end inside a surrogate pair, or the same text
 * already tagged with the same label; `tagProblem` says which).
 */
export function tagSelection(opts: TagOptions): Command {
  return (state, dispatch) => {
    const st = annotationKey.getState(state)
    const span = st && !st.readOnly && spanForSelection(state, opts)
    if (!st || !span || spanProblem(st, span)) return false
    if (dispatch) {
      const action: AnnotationAction = { type: 'add', span, select: true }
      const caret = TextSelection.create(state.doc, st.map.offsetToPos(span.end, -1))
      dispatch(state.tr.setMeta(annotationKey, action).setSelection(caret))
    }
    return true
  }
}

/** Why `tagSelection(opts)` would not apply: read-only, no text selected, or the span it makes. */
export type TagProblem =
  | { kind: 'read-only'; reason: string }
  | { kind: 'no-selection' }
  | { kind: 'duplicate'; existing: Span }
  | { kind: 'invalid'; message: string }

/** What stops `tagSelection(opts)` from applying now, or null when it would apply. */
export function tagProblem(state: EditorState, opts: TagOptions): TagProblem | null {
  const st = annotationKey.getState(state)
  if (st?.readOnly) return { kind: 'read-only', reason: st.readOnly }
  const span = st && spanForSelection(state, opts)
  if (!st || !span) return { kind: 'no-selection' }
  const existing = sameTag(st, span)
  if (existing) return { kind: 'duplicate', existing }
  const message = spanProblem(st, span)
  return message ? { kind: 'invalid', message } : null
}

/**
 * The span last made from a state's selection. The shell asks `tagProblem` and then runs
 * `tagSelection` on the same state: the span (its snap to words, id and time) is made once.
 */
let made: { state: EditorState; opts: string; span: Span | null } | null = null

/** The span `tagSelection` would add (snapped if asked), or null for no text or no such label. */
function spanForSelection(state: EditorState, opts: TagOptions): Span | null {
  const key = JSON.stringify([opts.layerId, opts.label, opts.annotator, opts.snapToWords])
  if (made?.state !== state || made.opts !== key)
    made = { state, opts: key, span: makeSpanForSelection(state, opts) }
  return made.span
}

function makeSpanForSelection(state: EditorState, opts: TagOptions): Span | null {
  const st = annotationKey.getState(state)
  const layer = st?.schema.layers.find((l) => l.id === opts.layerId)
  if (!st || !layer) return null
  const label = opts.label ?? layer.labels[0].name
  if (!layer.labels.some((l) => l.name === label)) return null
  const range = selectionOffsets(state)
  if (!range) return null
  let { start, end } = range
  if (opts.snapToWords) {
    const { map } = st
    const first = map.blocks[map.blockIndexAt(start)]
    const last = map.blocks[map.blockIndexAt(end)]
    const limits = { min: first ? first.start : start, max: last ? last.end : end }
    ;({ start, end } = snapToWords(map.text, start, end, limits))
  }
  if (!(start < end)) return null
  const time = new Date().toISOString()
  return {
    id: newId('s'),
    layer: layer.id,
    label,
    start,
    end,
    quote: quoteOf(st.map.text, start, end),
    attributes: defaultAttributes(layer),
    annotator: opts.annotator,
    createdAt: time,
    updatedAt: time,
  }
}

/** The text range [start, end) of the editor's selection, or null if it selects no text. */
export function selectionOffsets(state: EditorState): { start: number; end: number } | null {
  const st = annotationKey.getState(state)
  if (!st || state.selection.empty) return null
  const start = st.map.posToOffset(state.selection.from, 1)
  const end = st.map.posToOffset(state.selection.to, -1)
  return start < end ? { start, end } : null
}

/** The attribute values a new span of `layer` starts with: the schema's defaults. */
export function defaultAttributes(layer: Layer): Attributes {
  const out: Attributes = {}
  for (const def of layer.attributes)
    if ('default' in def && def.default !== undefined) out[def.name] = def.default
  return out
}

/** Removes a span, and every relation attached to it (undo restores them all). */
export function removeSpan(id: string): Command {
  return (state, dispatch) => {
    if (!annotationKey.getState(state)?.spans.has(id)) return false
    return send({ type: 'remove', id })(state, dispatch)
  }
}

/**
 * Changes a span's label, attributes (replaced as a whole) or entity (null unlinks it). Updates of
 * the same span with the same `mergeKey` in a row undo as one step (e.g. typing a note). False if
 * the span is missing or nothing would change.
 */
export function updateSpan(
  id: string,
  patch: SpanPatch,
  options: { mergeKey?: string; alias?: AliasEffect } = {},
): Command {
  return (state, dispatch) => {
    const span = annotationKey.getState(state)?.spans.get(id)
    if (!span || !patchedSpan(span, patch, span.updatedAt)) return false
    return send({
      type: 'update',
      id,
      patch,
      mergeKey: options.mergeKey,
      alias: options.alias,
      now: new Date().toISOString(),
    })(state, dispatch)
  }
}

/**
 * The registry change that undo (or redo) would revert (or bring back) with its op, if the op at
 * the top of that stack carries one; the shell applies it to the registry after running the
 * command. Undo's effect is to remove the alias, redo's to add it again.
 */
export function historyAliasEffect(state: EditorState, which: 'undo' | 'redo'): AliasEffect | null {
  const st = annotationKey.getState(state)
  const op = which === 'undo' ? st?.done.at(-1) : st?.undone.at(-1)
  return op?.kind === 'update-span' && op.alias ? op.alias : null
}

/** Selects a span (null clears the selection). False if the span does not exist. */
export function selectSpan(id: string | null): Command {
  return (state, dispatch) => {
    if (id !== null && !annotationKey.getState(state)?.spans.has(id)) return false
    return send({ type: 'select', id })(state, dispatch)
  }
}

/**
 * Selects the next (dir 1) or previous (dir -1) span in reading order: from the selected span, or,
 * when none is selected, from the caret (the first span starting at or after it, or the last one
 * starting before it), wrapping around at either end. Keyboard access to highlights. False when
 * there are none.
 */
export function selectAdjacentSpan(dir: 1 | -1): Command {
  return (state, dispatch) => {
    const st = annotationKey.getState(state)
    if (!st || st.spans.size === 0) return false
    const order = [...st.spans.values()].sort(
      (a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    const at = order.findIndex((s) => s.id === st.selectedId)
    let next: number
    if (at >= 0) next = (at + dir + order.length) % order.length
    else {
      const caret = st.map.posToOffset(state.selection.head, dir)
      const after = order.findIndex((s) => s.start >= caret)
      if (dir > 0) next = after < 0 ? 0 : after
      else next = (after < 0 ? order.length : after) - 1
      if (next < 0) next = order.length - 1
    }
    return send({ type: 'select', id: order[next].id })(state, dispatch)
  }
}

/** Sets the document-level labels (label set id → values). False if nothing would change. */
export function setDocLabels(labels: DocLabels): Command {
  return (state, dispatch) => {
    const st = annotationKey.getState(state)
    if (!st || JSON.stringify(sortedLabels(labels)) === JSON.stringify(sortedLabels(st.docLabels)))
      return false
    return send({ type: 'set-doc-labels', labels })(state, dispatch)
  }
}

function sortedLabels(labels: DocLabels): [string, string[]][] {
  return Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

/** Undoes the last annotation change. False when there is nothing to undo. */
export const undo: Command = (state, dispatch) => {
  if (!annotationKey.getState(state)?.done.length) return false
  return send({ type: 'undo' })(state, dispatch)
}

/** Redoes the last undone annotation change. False when there is nothing to redo. */
export const redo: Command = (state, dispatch) => {
  if (!annotationKey.getState(state)?.undone.length) return false
  return send({ type: 'redo' })(state, dispatch)
}

/** Adds a relation between two existing spans (its id must be new). */
export function addRelation(relation: Relation): Command {
  return (state, dispatch) => {
    const st = annotationKey.getState(state)
    if (!st || st.relations.some((r) => r.id === relation.id) || relationProblem(st, relation))
      return false
    return send({ type: 'add-relation', relation })(state, dispatch)
  }
}

/** Removes a relation. */
export function removeRelation(id: string): Command {
  return (state, dispatch) => {
    if (!annotationKey.getState(state)?.relations.some((r) => r.id === id)) return false
    return send({ type: 'remove-relation', id })(state, dispatch)
  }
}

/** Changes a relation's type, ends (retargeting) or attributes. False if invalid or no change. */
export function updateRelation(id: string, patch: RelationPatch): Command {
  return (state, dispatch) => {
    const st = annotationKey.getState(state)
    const rel = st?.relations.find((r) => r.id === id)
    const after = rel && patchedRelation(rel, patch, rel.updatedAt)
    if (!st || !after || relationProblem(st, after)) return false
    return send({ type: 'update-relation', id, patch, now: new Date().toISOString() })(
      state,
      dispatch,
    )
  }
}

/**
 * Adds spans and then relations (between new or existing spans) as one undo step; false when any
 * of them could not be added (nothing is added then). Accepting suggestions runs through this.
 */
export function addAnnotations(spans: Span[], relations: Relation[]): Command {
  return (state, dispatch) => {
    const st = annotationKey.getState(state)
    if (!st || !addManyOps(st, spans, relations)) return false
    return send({ type: 'add-many', spans, relations })(state, dispatch)
  }
}

/** Records suggestions as rejected in this document (one undo step); false if all already are. */
export function rejectSuggestions(ids: string[]): Command {
  return (state, dispatch) => {
    const st = annotationKey.getState(state)
    if (!st || ids.every((id) => st.rejected.has(id))) return false
    return send({ type: 'reject-suggestions', ids })(state, dispatch)
  }
}
