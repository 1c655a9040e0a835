// Annotation operations: the unit of undo. The article's text never changes, so ProseMirror's own
// history has nothing to do; instead every change to the annotations is one of these records,
// holding enough (the whole span or relation before and after) to be applied and inverted exactly.
import type { DocLabels, Relation, Span } from '../../../shared/model'
import type { SpanStore } from './span-store'

/** A relation together with its index in the relation list, so removal can be undone in place. */
export interface PlacedRelation {
  relation: Relation
  index: number
}

/**
 * A change outside the document that an op brought with it: linking a span to an entity may add
 * the span's text to the entity's aliases in the project's registry. The op only records it; the
 * shell undoes and redoes it with the op (see useEditorActions' history).
 */
export interface AliasEffect {
  entityId: string
  alias: string
}

/** One reversible change to a document's annotations. */
export type AnnotationOp =
  | { kind: 'add-span'; span: Span; relations: PlacedRelation[] }
  | { kind: 'remove-span'; span: Span; relations: PlacedRelation[] }
  | { kind: 'update-span'; before: Span; after: Span; mergeKey?: string; alias?: AliasEffect }
  | { kind: 'add-relation'; relation: Relation; index: number }
  | { kind: 'remove-relation'; relation: Relation; index: number }
  | { kind: 'update-relation'; before: Relation; after: Relation }
  | { kind: 'doc-labels'; before: DocLabels; after: DocLabels }
  /** Suggestion ids rejected (`add`) or no longer rejected (`remove`): see zSuggestionDecisions. */
  | { kind: 'reject-suggestions'; add: string[]; remove: string[] }
  /** Several ops applied in order that undo as one step (accepting suggestions). */
  | { kind: 'batch'; ops: AnnotationOp[] }

/** The annotations an op works on (immutable: ops return new values). */
export interface AnnotationData {
  spans: SpanStore
  relations: readonly Relation[]
  docLabels: DocLabels
  /** Ids of the suggestions rejected in this document. */
  rejected: ReadonlySet<string>
}

/** The op that undoes `op`. */
export function invertOp(op: AnnotationOp): AnnotationOp {
  switch (op.kind) {
    case 'add-span':
      return { kind: 'remove-span', span: op.span, relations: op.relations }
    case 'remove-span':
      return { kind: 'add-span', span: op.span, relations: op.relations }
    case 'update-span':
      return { kind: 'update-span', before: op.after, after: op.before, alias: op.alias }
    case 'add-relation':
      return { kind: 'remove-relation', relation: op.relation, index: op.index }
    case 'remove-relation':
      return { kind: 'add-relation', relation: op.relation, index: op.index }
    case 'update-relation':
      return { kind: 'update-relation', before: op.after, after: op.before }
    case 'doc-labels':
      return { kind: 'doc-labels', before: op.after, after: op.before }
    case 'reject-suggestions':
      return { kind: 'reject-suggestions', add: op.remove, remove: op.add }
    case 'batch':
      return { kind: 'batch', ops: [...op.ops].reverse().map(invertOp) }
  }
}

/**
 * Applies an op. Returns the new data, the op as it actually happened (a span's removal takes every
 * relation attached to it at that moment, whatever the op listed, so that its inverse restores
 * exactly those), and the spans whose highlight may need redrawing (old and new versions).
 */
export function applyOp(
  data: AnnotationData,
  op: AnnotationOp,
): { data: AnnotationData; op: AnnotationOp; touched: Span[] } {
  switch (op.kind) {
    case 'add-span': {
      const spans = data.spans.set(op.span)
      const relations = [...data.relations]
      for (const { relation, index } of [...op.relations].sort((a, b) => a.index - b.index))
        relations.splice(Math.min(index, relations.length), 0, relation)
      return { data: { ...data, spans, relations }, op, touched: [op.span] }
    }
    case 'remove-span': {
      const spans = data.spans.delete(op.span.id)
      const removed: PlacedRelation[] = []
      const relations: Relation[] = []
      data.relations.forEach((relation, index) => {
        if (relation.from === op.span.id || relation.to === op.span.id)
          removed.push({ relation, index })
        else relations.push(relation)
      })
      return {
        data: { ...data, spans, relations },
        op: { ...op, relations: removed },
        touched: [op.span],
      }
    }
    case 'update-span': {
      const spans = data.spans.set(op.after)
      return { data: { ...data, spans }, op, touched: [op.before, op.after] }
    }
    case 'add-relation': {
      const relations = [...data.relations]
      relations.splice(Math.min(op.index, relations.length), 0, op.relation)
      return { data: { ...data, relations }, op, touched: [] }
    }
    case 'remove-relation': {
      const index = data.relations.findIndex((r) => r.id === op.relation.id)
      const relations = data.relations.filter((r) => r.id !== op.relation.id)
      return { data: { ...data, relations }, op: { ...op, index }, touched: [] }
    }
    case 'update-relation': {
      const relations = data.relations.map((r) => (r.id === op.after.id ? op.after : r))
      return { data: { ...data, relations }, op, touched: [] }
    }
    case 'doc-labels':
      return { data: { ...data, docLabels: op.after }, op, touched: [] }
    case 'reject-suggestions': {
      const rejected = new Set(data.rejected)
      for (const id of op.remove) rejected.delete(id)
      for (const id of op.add) rejected.add(id)
      return { data: { ...data, rejected }, op, touched: [] }
    }
    case 'batch': {
      let current = data
      const ops: AnnotationOp[] = []
      const touched: Span[] = []
      for (const part of op.ops) {
        const result = applyOp(current, part)
        current = result.data
        ops.push(result.op)
        touched.push(...result.touched)
      }
      return { data: current, op: { kind: 'batch', ops }, touched }
    }
  }
}
