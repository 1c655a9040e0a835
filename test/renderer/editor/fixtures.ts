// Shared fixtures for the editor tests: articles built from blocks, spans built from offsets.
import { TextSelection, type Command, type EditorState } from 'prosemirror-state'
import { quoteOf } from '../../../src/shared/anchor'
import { defaultSchema } from '../../../src/shared/default-schema'
import type {
  Annotations,
  Block,
  BlockType,
  Document,
  Relation,
  Span,
} from '../../../src/shared/model'
import { createArticleState } from '../../../src/renderer/src/editor/state'
import {
  annotationKey,
  type AnnotationState,
} from '../../../src/renderer/src/editor/annotation-plugin'

/** A document from [type, text] pairs joined by `sep` (blocks cover exactly each text). */
export function makeDocument(
  parts: [BlockType, string, number?][],
  sep = '\n\n',
): Pick<Document, 'text' | 'blocks'> {
  let text = ''
  const blocks: Block[] = []
  parts.forEach(([type, body, level], i) => {
    if (i > 0) text += sep
    const start = text.length
    text += body
    blocks.push(
      level ? { type, start, end: text.length, level } : { type, start, end: text.length },
    )
  })
  return { text, blocks }
}

export const EMPTY: Annotations = { spans: [], relations: [], docLabels: {} }

const T = '2025-01-01T00:00:00.000Z'

/** A span of `layer` over [start, end) of `text` with a correct quote. */
export function spanOf(
  text: string,
  id: string,
  start: number,
  end: number,
  layer = 'claim',
): Span {
  return {
    id,
    layer,
    label: layer === 'claim' ? 'Claim' : layer === 'source' ? 'Source' : 'Sentiment',
    start,
    end,
    quote: quoteOf(text, start, end),
    attributes: {},
    annotator: 'tester',
    createdAt: T,
    updatedAt: T,
  }
}

/** A link of `type` from span `from` to span `to`, with no attributes. */
export function relationOf(id: string, type: string, from: string, to: string): Relation {
  return { id, type, from, to, attributes: {}, annotator: 'tester', createdAt: T, updatedAt: T }
}

/** An editor state of the document with the default schema. */
export function stateOf(document: Pick<Document, 'text' | 'blocks'>, initial = EMPTY): EditorState {
  return createArticleState({ document, schema: defaultSchema(), initial })
}

/** The plugin state. */
export function pluginState(state: EditorState): AnnotationState {
  return annotationKey.getState(state)!
}

/** Runs a command and returns the new state (throws if it did not apply). */
export function run(state: EditorState, command: Command): EditorState {
  let next = state
  const ok = command(state, (tr) => {
    next = next.apply(tr)
  })
  if (!ok) throw new Error('command did not apply')
  return next
}

/** The state with its text selection set to the text range [start, end). */
export function selectText(state: EditorState, start: number, end: number): EditorState {
  const { map } = pluginState(state)
  const sel = TextSelection.create(state.doc, map.offsetToPos(start, 1), map.offsetToPos(end, -1))
  return state.apply(state.tr.setSelection(sel))
}

/** Decorations as {id, from, to, lane, selected}, sorted. */
export function decoList(state: EditorState) {
  return pluginState(state)
    .decorations.find()
    .map((d) => ({
      id: d.spec.spanId as string,
      from: d.from,
      to: d.to,
      lane: d.spec.lane as number,
      selected: d.spec.selected as boolean,
    }))
    .sort((a, b) => a.from - b.from || a.to - b.to || (a.id < b.id ? -1 : 1))
}
